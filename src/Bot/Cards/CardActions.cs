namespace ParticipaBot.Bot.Cards;

/// <summary>
/// Card actions carry a verb that the turn router dispatches on (docs/conversations.md).
/// Action.Submit arrives as a message whose value is {verb, ...data, ...inputs};
/// Action.Execute arrives as invoke "adaptiveCard/action" with value.action.verb.
/// </summary>
internal static class CardActions
{
    /// <summary>The key that carries the verb in Action.Submit data.</summary>
    public const string VerbKey = "verb";

    public static CardObject Submit(string title, string verb, CardObject? data = null) => new(3)
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = WithVerb(verb, data),
    };

    /// <summary>
    /// Universal Action (answered with a refreshed card in the HTTP response), falling back to Action.Submit with the
    /// same verb and data on clients that do not support Action.Execute; handlers serve both paths.
    /// </summary>
    public static CardObject Execute(string title, string verb, CardObject? data = null) => new(5)
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["data"] = data ?? Empty,
        ["fallback"] = Submit(title, verb, data),
    };

    public static CardObject OpenUrl(string title, Uri url) => new(3)
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = title,
        ["url"] = url.ToString(),
    };

    // Never changed: an action without data shares it.
    private static readonly CardObject Empty = new(1);

    /// <summary>The verb first, then the data without any "verb" of its own (the data cannot forge the verb).</summary>
    private static CardObject WithVerb(string verb, CardObject? data)
    {
        var result = new CardObject(1 + (data?.Count ?? 0)) { [VerbKey] = verb };
        for (var i = 0; i < (data?.Count ?? 0); i++)
        {
            var (name, value) = data!.PropertyAt(i);
            if (name != VerbKey)
            {
                result[name] = value;
            }
        }

        return result;
    }
}
