using System.Text.Json.Nodes;

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

    public static JsonObject Submit(string title, string verb, JsonObject? data = null) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = WithVerb(verb, data),
    };

    /// <summary>
    /// Universal Action (answered with a refreshed card in the HTTP response), falling back to Action.Submit with the
    /// same verb and data on clients that do not support Action.Execute; handlers serve both paths.
    /// </summary>
    public static JsonObject Execute(string title, string verb, JsonObject? data = null)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = data?.DeepClone() ?? new JsonObject(),
            ["fallback"] = Submit(title, verb, data),
        };
        return action;
    }

    public static JsonObject OpenUrl(string title, Uri url) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = title,
        ["url"] = url.ToString(),
    };

    private static JsonObject WithVerb(string verb, JsonObject? data)
    {
        var result = new JsonObject { [VerbKey] = verb };
        if (data is not null)
        {
            foreach (var (key, value) in data)
            {
                if (key != VerbKey)
                {
                    result[key] = value?.DeepClone();
                }
            }
        }

        return result;
    }
}
