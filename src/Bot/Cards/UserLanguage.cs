namespace ParticipaBot.Bot.Cards;

/// <summary>The languages the bot speaks: Spanish (es-CO) first, English when the user's Teams client is in English.</summary>
internal enum UserLanguage
{
    Spanish,
    English,
}

internal static class UserLanguages
{
    /// <summary>English when the locale starts with "en" (en-US, en-GB, ...); Spanish for anything else, including no locale.</summary>
    public static UserLanguage FromLocale(string? locale) =>
        locale is not null && locale.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? UserLanguage.English
            : UserLanguage.Spanish;

    /// <summary>The BCP-47 tag written on outgoing activities.</summary>
    public static string ToLocale(this UserLanguage language) => language == UserLanguage.English ? "en-US" : "es-CO";
}
