namespace ParticipaBot.Bot.Protocol;

internal static class ProtocolServiceCollectionExtensions
{
    /// <summary>Inbound authentication, the Bot Connector client and its token provider.</summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        _ = configuration;
        _ = environment;
        return services;
    }

    /// <summary>POST /api/messages.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints) => MessagesEndpoint.Map(endpoints);
}
