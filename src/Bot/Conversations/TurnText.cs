using System.Net;
using System.Text.RegularExpressions;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Protocol;

namespace ParticipaBot.Bot.Conversations;

/// <summary>Reads what the user meant from an incoming activity: the text without the bot's mention, and the language.</summary>
internal static partial class TurnText
{
    /// <summary>
    /// Removes the bot's own mention (PROTOCOL.md §3 "Mentions": the mention entity whose mentioned.id is recipient.id),
    /// keeps the names of other mentions, drops any other markup, decodes HTML entities (&amp;nbsp;) and collapses spaces.
    /// </summary>
    public static string Normalize(Activity activity)
    {
        var text = activity.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var botId = activity.Recipient?.Id;
        var botName = activity.Recipient?.Name;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || botId is null
                || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var mentionText = entity.Text ?? $"<at>{entity.Mentioned?.Name}</at>";
            text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
        }

        // A mention of the bot without its entity (some clients drop entities) is still the bot's.
        text = AtTag().Replace(text, match =>
            botName is not null && string.Equals(WebUtility.HtmlDecode(match.Groups[1].Value).Trim(), botName, StringComparison.OrdinalIgnoreCase)
                ? " "
                : match.Groups[1].Value);
        text = AnyTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>activity.locale, else the clientInfo entity's locale; English when it starts with "en", Spanish otherwise.</summary>
    public static UserLanguage Language(Activity activity)
    {
        var locale = activity.Locale;
        if (string.IsNullOrWhiteSpace(locale))
        {
            locale = activity.Entities?
                .FirstOrDefault(e => string.Equals(e.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))?
                .Locale;
        }

        return UserLanguages.FromLocale(locale);
    }

    [GeneratedRegex("<at>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AtTag();

    [GeneratedRegex("</?[a-zA-Z][^<>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();
}
