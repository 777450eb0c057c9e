using ParticipaBot.Bot.Cards;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Conversations;

/// <summary>
/// A typed command ("reportar", "help", ...). Register it with <c>services.AddCommandHandler&lt;T&gt;()</c>;
/// the router matches its names and the help and welcome cards list it, without editing either.
/// A card button whose verb equals <see cref="CommandDescriptor.Id"/> runs the same handler.
/// </summary>
internal interface ICommandHandler
{
    CommandDescriptor Command { get; }

    /// <summary>Handles one turn; <see cref="TurnContext.CommandArguments"/> holds what followed the command name.</summary>
    Task HandleAsync(TurnContext context);
}

/// <summary>
/// Handles card actions by verb: Action.Submit (a message whose value has "verb") and Action.Execute
/// (invoke "adaptiveCard/action", value.action.verb). On an invoke, set <see cref="TurnContext.InvokeResponse"/>
/// (usually a refreshed card); on a submit, reply or update the card through the context.
/// </summary>
internal interface ICardActionHandler
{
    IReadOnlyCollection<string> Verbs { get; }

    /// <summary>
    /// Verbs whose Action.Execute is safe to run twice: the handler answers a repeat as it answers a double click (the
    /// card of where the user is, nothing changed twice). A redelivery of these needs no receipt in the store, which
    /// spares the busiest turns a write (docs/conversations.md, "Redelivery").
    /// </summary>
    IReadOnlyCollection<string> RepeatSafeVerbs => [];

    Task HandleAsync(TurnContext context, CardAction action);
}

/// <summary>An invoke other than "adaptiveCard/action" (e.g. "fileConsent/invoke"); it must set the invoke response.</summary>
internal interface IInvokeHandler
{
    string Name { get; }

    Task HandleAsync(TurnContext context);
}

/// <summary>
/// Looks at a message's attachments (files sent in personal chat) before its text is matched to a command; returns
/// true when it handled the message. Register with <c>services.AddAttachmentHandler&lt;T&gt;()</c>.
/// </summary>
internal interface IAttachmentHandler
{
    Task<bool> TryHandleAsync(TurnContext context);
}

/// <summary>
/// Told when the bot is added to or removed from a conversation (personal chat, team, group chat), before the welcome
/// is sent: the place to store the conversation reference for proactive messages.
/// </summary>
internal interface IInstallationHandler
{
    Task OnBotAddedAsync(TurnContext context);

    Task OnBotRemovedAsync(TurnContext context);
}

/// <summary>
/// Told of every conversationUpdate (e.g. Teams' channelCreated, channelRenamed, channelDeleted in channelData.eventType),
/// before members added or removed are handled. Register it with <c>services.AddConversationUpdateHandler&lt;T&gt;()</c>.
/// </summary>
internal interface IConversationUpdateHandler
{
    Task OnConversationUpdateAsync(TurnContext context);
}

/// <summary>
/// What a command is called and how it is explained. <paramref name="Id"/> is language-neutral and is also the verb of
/// the buttons that run it; names are matched ignoring case, accents and extra spaces (TextFolding).
/// <paramref name="RepeatSafe"/>: the command only shows (changes nothing), so its button's Action.Execute may run twice
/// without a redelivery receipt (<see cref="ICardActionHandler.RepeatSafeVerbs"/>).
/// </summary>
internal sealed record CommandDescriptor(
    string Id,
    IReadOnlyList<string> SpanishNames,
    IReadOnlyList<string> EnglishNames,
    LocalizedText Title,
    LocalizedText Help,
    int Order,
    bool ShowButton = true,
    bool RepeatSafe = false)
{
    public IEnumerable<string> AllNames => SpanishNames.Concat(EnglishNames);

    /// <summary>The name shown to the user in help: the first one of their language.</summary>
    public string NameFor(UserLanguage language) => language == UserLanguage.English ? EnglishNames[0] : SpanishNames[0];
}

/// <summary>A card action as received: its verb and its data merged with the card's input values.</summary>
/// <param name="IsExecute">True for Action.Execute (answered in the invoke response), false for Action.Submit.</param>
internal sealed record CardAction(string Verb, System.Text.Json.JsonElement Data, bool IsExecute)
{
    /// <summary>A string field of the data (inputs arrive as strings, except Input.Number), or null.</summary>
    public string? GetString(string name) =>
        Data.ValueKind == System.Text.Json.JsonValueKind.Object
        && Data.TryGetProperty(name, out var value)
        && value.ValueKind == System.Text.Json.JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>
    /// The card's inputs as strings (Input.Number arrives as a number, a toggle may arrive as a boolean), without the
    /// verb and the given data keys, at most <paramref name="max"/> of them (a forged card can carry thousands).
    /// </summary>
    public Dictionary<string, string> Inputs(IEnumerable<string> dataKeys, int max = 1000)
    {
        ArgumentNullException.ThrowIfNull(dataKeys);

        // An ordinal set (the callers' reserved keys) is used as it is rather than copied on every action.
        var skip = dataKeys is HashSet<string> set && (set.Comparer == StringComparer.Ordinal || set.Comparer == EqualityComparer<string>.Default)
            ? set
            : dataKeys.ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Data.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return values;
        }

        foreach (var property in Data.EnumerateObject())
        {
            if (values.Count >= max || property.NameEquals(Cards.CardActions.VerbKey))
            {
                continue;
            }

            var name = property.Name;
            if (skip.Contains(name))
            {
                continue;
            }

            var text = property.Value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => property.Value.GetString(),
                System.Text.Json.JsonValueKind.Number => property.Value.GetRawText(),
                System.Text.Json.JsonValueKind.True => "true",
                System.Text.Json.JsonValueKind.False => "false",
                _ => null,
            };
            if (text is not null)
            {
                values[name] = text;
            }
        }

        return values;
    }
}
