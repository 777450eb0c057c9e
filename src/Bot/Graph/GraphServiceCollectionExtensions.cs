using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ParticipaBot.Core.Calendar;

namespace ParticipaBot.Bot.Graph;

internal static class GraphServiceCollectionExtensions
{
    /// <summary>
    /// The Microsoft Graph calendar client behind <see cref="ICalendarGateway"/>, configured from section "Graph".
    /// Needs an <see cref="Protocol.IAccessTokenProvider"/> registered by the protocol area.
    /// </summary>
    public static IServiceCollection AddGraphCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GraphMailboxLimiter>();

        // Attempts time out on their own (GraphOptions.AttemptTimeout); the client-wide timeout only backs that up.
        services.AddHttpClient<GraphCalendarClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddTransient<ICalendarGateway>(provider => provider.GetRequiredService<GraphCalendarClient>());
        return services;
    }
}
