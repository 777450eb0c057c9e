using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Access;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Review;

/// <summary>
/// Keeps the roster (<see cref="IUserDirectory"/>) fresh: every personal message and every installation in a personal
/// chat records who the user is and where their one-to-one chat is, so the bot can write to them later.
/// </summary>
internal sealed class UserDirectoryRecorder(IUserDirectory directory, TimeProvider time, ILogger<UserDirectoryRecorder> logger)
    : ITurnObserver, IInstallationHandler
{
    public Task ObserveAsync(TurnContext context) =>
        context.Activity.Type is ActivityTypes.Message or ActivityTypes.Invoke ? RecordAsync(context) : Task.CompletedTask;

    public Task OnBotAddedAsync(TurnContext context) => RecordAsync(context);

    public Task OnBotRemovedAsync(TurnContext context) => Task.CompletedTask;

    private async Task RecordAsync(TurnContext context)
    {
        if (!context.IsPersonal || context.TenantId is not { Length: > 0 } tenant || context.User.Id is not { Length: > 0 } userId
            || context.Conversation.ServiceUrl.Length == 0 || context.Conversation.ConversationId.Length == 0)
        {
            return;
        }

        var conversation = context.Conversation;
        var user = new DirectoryUser(
            userId,
            context.User.AadObjectId,
            context.User.Name,
            Upn: null,
            new PersonalConversation(conversation.ServiceUrl, conversation.ConversationId, conversation.BotId, conversation.BotName, conversation.ChannelId),
            time.GetUtcNow(),
            context.Activity.Locale is { Length: > 0 } ? context.Language.ToLocale() : null);
        try
        {
            await directory.RecordAsync(tenant, user, context.CancellationToken);
        }
        catch (DocumentStoreException exception)
        {
            // The roster is a convenience for later messages: the user's turn goes on.
            Log.RosterFailed(logger, exception);
        }
    }
}
