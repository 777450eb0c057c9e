using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Health;
using ParticipaBot.Bot.Protocol;

namespace ParticipaBot.Bot.Conversations;

/// <summary>
/// Runs one turn inside its boundary: a log scope {ActivityId, ConversationId}, the redelivery check, a DI scope, the
/// router, and the one catch. A failure is logged, told briefly to the user in their language (a typed 500 for an
/// invoke), and never undoes what handlers already stored: they persist after every step.
/// </summary>
internal sealed class TurnRunner(
    IServiceScopeFactory scopeFactory,
    IActivityDeduplicator deduplicator,
    HandlerRegistry registry,
    TurnCounter turns,
    ILogger<TurnRunner> logger)
{
    /// <returns>The invoke response for an invoke activity; null for every other type.</returns>
    public async Task<InvokeResponse?> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id;
        using var logScope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ConversationId"] = conversationId,
        });

        turns.Increment();
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        var language = TurnText.Language(activity);
        await using var scope = scopeFactory.CreateAsyncScope();
        var connector = scope.ServiceProvider.GetRequiredService<IConnectorClient>();
        var context = new TurnContext(activity, connector, scope.ServiceProvider, cancellationToken);
        try
        {
            if (activity.Id is { Length: > 0 } activityId
                && conversationId is { Length: > 0 }
                && !IsRepeatSafe(activity)
                && !await deduplicator.TryBeginAsync(conversationId, activityId, cancellationToken))
            {
                Log.DuplicateActivity(logger, activity.Type);
                return isInvoke ? InvokeResponse.Message(Texts.ActionAlreadyReceived.For(language)) : null;
            }

            var router = scope.ServiceProvider.GetRequiredService<TurnRouter>();
            await router.RouteAsync(context);
            return isInvoke ? context.InvokeResponse ?? InvokeResponse.Ok() : null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.TurnFailed(logger, exception, activity.Type, activity.Name);
            if (isInvoke)
            {
                return InvokeResponse.Error(StatusCodes.Status500InternalServerError, InvokeErrorCodes.InternalError, Texts.Apology.For(language));
            }

            await ApologizeAsync(context);
            return null;
        }
    }

    /// <summary>
    /// A button whose handler answers a repeat like a double click: its redelivery needs no receipt (one write less on
    /// the wizard's every step). Only Action.Execute: its answer replaces the card, where a repeated Action.Submit would
    /// post a second message.
    /// </summary>
    private bool IsRepeatSafe(Activity activity) =>
        TurnRouter.TryReadExecute(activity, out _, out var verb) && registry.IsRepeatSafe(verb);

    private async Task ApologizeAsync(TurnContext context)
    {
        // Only where the user spoke to the bot: a failed install event needs no apology in a team channel.
        if (context.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        try
        {
            await context.ReplyAsync(Texts.Apology);
        }
        catch (Exception exception) when (!context.CancellationToken.IsCancellationRequested)
        {
            Log.ApologyFailed(logger, exception);
        }
    }
}
