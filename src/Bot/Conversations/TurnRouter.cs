using System.Text.Json;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Access;

namespace ParticipaBot.Bot.Conversations;

/// <summary>
/// The one place that decides which handler an activity goes to (docs/conversations.md): message text → command,
/// card action (Action.Submit or Action.Execute) → verb, bot added → welcome, other invokes → by name; anything else is ignored.
/// </summary>
internal sealed class TurnRouter(
    HandlerRegistry registry,
    IActivityDeduplicator deduplicator,
    IRoleResolver roles,
    ILogger<TurnRouter> logger,
    IEnumerable<ITurnObserver> observers)
{
    // The welcome is claimed like an activity id, so the installationUpdate and conversationUpdate that Teams both sends
    // on install produce one welcome.
    internal const string WelcomeClaimId = "welcome";

    public async Task RouteAsync(TurnContext context)
    {
        foreach (var observer in observers)
        {
            await observer.ObserveAsync(context);
        }

        await RouteCoreAsync(context);
    }

    private Task RouteCoreAsync(TurnContext context) => context.Activity.Type switch
    {
        ActivityTypes.Message => OnMessageAsync(context),
        ActivityTypes.Invoke => OnInvokeAsync(context),
        ActivityTypes.InstallationUpdate => OnInstallationUpdateAsync(context),
        ActivityTypes.ConversationUpdate => OnConversationUpdateAsync(context),
        _ => Ignore(context),
    };

    private Task Ignore(TurnContext context)
    {
        Log.ActivityIgnored(logger, context.Activity.Type);
        return Task.CompletedTask;
    }

    private async Task OnMessageAsync(TurnContext context)
    {
        // Action.Submit: the card's data (with "verb") merged with its inputs arrives as the message value.
        if (context.Activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(CardActions.VerbKey, out var verbElement)
            && verbElement.ValueKind == JsonValueKind.String
            && verbElement.GetString() is { Length: > 0 } verb)
        {
            await OnCardActionAsync(context, new CardAction(verb, value.Clone(), IsExecute: false));
            return;
        }

        // Files sent with the message (not cards the bot rendered) go to the attachment handlers first.
        if (context.Activity.Attachments is { Count: > 0 } attachments && attachments.Any(a => a.ContentType != ContentTypes.AdaptiveCard))
        {
            foreach (var attachmentHandler in context.Services.GetServices<IAttachmentHandler>())
            {
                if (await attachmentHandler.TryHandleAsync(context))
                {
                    return;
                }
            }
        }

        if (context.Text.Length > 0 && registry.TryMatchCommand(context.Text, out var handler, out var arguments))
        {
            context.CommandArguments = arguments;
            Log.CommandMatched(logger, handler!.Command.Id);
            await HandlerRegistry.Resolve(handler, context.Services).HandleAsync(context);
            return;
        }

        Log.NotUnderstood(logger);
        await context.ReplyCardAsync(NotUnderstoodCard.Build(context.Language));
    }

    private async Task OnInvokeAsync(TurnContext context)
    {
        if (context.Activity.Name != InvokeNames.AdaptiveCardAction)
        {
            if (context.Activity.Name is { } name && registry.FindInvoke(name) is { } invokeHandler)
            {
                await HandlerRegistry.Resolve(invokeHandler, context.Services).HandleAsync(context);
                context.InvokeResponse ??= InvokeResponse.Ok();
                return;
            }

            Log.UnknownInvoke(logger, context.Activity.Name);
            context.InvokeResponse = InvokeResponse.NotImplemented();
            return;
        }

        if (!TryReadExecute(context.Activity, out var action, out var verb))
        {
            context.InvokeResponse = InvokeResponse.Error(
                StatusCodes.Status400BadRequest, InvokeErrorCodes.BadRequest, Texts.UnknownAction.For(context.Language));
            return;
        }

        var data = action.TryGetProperty("data", out var dataElement) ? dataElement.Clone() : default;
        await OnCardActionAsync(context, new CardAction(verb, data, IsExecute: true));
        context.InvokeResponse ??= InvokeResponse.Message(Texts.ActionDone.For(context.Language));
    }

    /// <summary>The Action.Execute of an "adaptiveCard/action" invoke: value {action: {type, verb, data}, trigger}.</summary>
    internal static bool TryReadExecute(Activity activity, out JsonElement action, out string verb)
    {
        verb = string.Empty;
        action = default;
        if (activity.Type != ActivityTypes.Invoke
            || activity.Name != InvokeNames.AdaptiveCardAction
            || activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out action)
            || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("verb", out var verbElement)
            || verbElement.ValueKind != JsonValueKind.String
            || verbElement.GetString() is not { Length: > 0 } read)
        {
            return false;
        }

        verb = read;
        return true;
    }

    private async Task OnCardActionAsync(TurnContext context, CardAction action)
    {
        if (registry.FindCardAction(action.Verb) is { } handler)
        {
            Log.CardActionMatched(logger, action.Verb);
            await HandlerRegistry.Resolve(handler, context.Services).HandleAsync(context, action);
            return;
        }

        // Buttons on the welcome and help cards carry a command id as their verb.
        if (registry.FindCommand(action.Verb) is { } command)
        {
            Log.CommandMatched(logger, command.Command.Id);
            await HandlerRegistry.Resolve(command, context.Services).HandleAsync(context);
            return;
        }

        Log.UnknownVerb(logger, action.Verb);
        if (context.IsInvoke)
        {
            context.InvokeResponse = InvokeResponse.Error(
                StatusCodes.Status400BadRequest, InvokeErrorCodes.UnknownVerb, Texts.UnknownAction.For(context.Language));
            return;
        }

        await context.ReplyCardAsync(NotUnderstoodCard.Build(context.Language, Texts.UnknownAction));
    }

    private async Task OnInstallationUpdateAsync(TurnContext context)
    {
        switch (context.Activity.Action)
        {
            case InstallationActions.Add:
                await BotAddedAsync(context);
                break;
            case InstallationActions.Remove:
                await BotRemovedAsync(context);
                break;
            default:
                // add-upgrade / remove-upgrade: the app changed version; nothing to say.
                Log.ActivityIgnored(logger, context.Activity.Type);
                break;
        }
    }

    private async Task OnConversationUpdateAsync(TurnContext context)
    {
        foreach (var handler in context.Services.GetServices<IConversationUpdateHandler>())
        {
            await handler.OnConversationUpdateAsync(context);
        }

        var botId = context.Activity.Recipient?.Id;
        if (botId is null)
        {
            return;
        }

        if (context.Activity.MembersAdded?.Any(m => string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase)) == true)
        {
            await BotAddedAsync(context);
        }
        else if (context.Activity.MembersRemoved?.Any(m => string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase)) == true)
        {
            await BotRemovedAsync(context);
        }
    }

    private async Task BotAddedAsync(TurnContext context)
    {
        foreach (var handler in context.Services.GetServices<IInstallationHandler>())
        {
            await handler.OnBotAddedAsync(context);
        }

        if (!await deduplicator.TryBeginAsync(context.Conversation.ConversationId, WelcomeClaimId, context.CancellationToken))
        {
            return;
        }

        // In a team or group chat, a new post rather than a reply to the system event.
        var card = context.IsPersonal
            ? WelcomeCard.Build(context.Language, registry.Commands, roles.For(context.User).DelegateOfAnyArea)
            : ChannelNoteCard.Build(context.Language);
        await context.SendCardAsync(card);
    }

    private static async Task BotRemovedAsync(TurnContext context)
    {
        foreach (var handler in context.Services.GetServices<IInstallationHandler>())
        {
            await handler.OnBotRemovedAsync(context);
        }
    }
}
