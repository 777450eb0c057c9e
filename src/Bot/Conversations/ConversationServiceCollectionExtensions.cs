namespace ParticipaBot.Bot.Conversations;

internal static class ConversationServiceCollectionExtensions
{
    /// <summary>The turn router and its handlers.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
