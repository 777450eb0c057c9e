using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ParticipaBot.Bot.Protocol;

internal static class ProtocolServiceCollectionExtensions
{
    /// <summary>Inbound authentication, the Bot Connector client and its token provider.</summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        _ = configuration;
        services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<BotOptions>>(new BotOptionsValidator(environment));
        services.AddHostedService<AnonymousModeNotice>();

        services.AddHttpClient(OpenIdKeyCache.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(MsalAccessTokenProvider.HttpClientName);

        // The connector client sets its own per-attempt timeout; HttpClient's must not cut retries short.
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OpenIdKeyCache>();
        services.AddSingleton<IInboundAuthenticator, BotFrameworkTokenValidator>();
        services.AddSingleton<IAccessTokenProvider, MsalAccessTokenProvider>();
        services.AddSingleton<ConversationRateLimiter>();
        services.AddSingleton<IConnectorClient, ConnectorClient>();
        return services;
    }

    /// <summary>POST /api/messages.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints) => MessagesEndpoint.Map(endpoints);
}
