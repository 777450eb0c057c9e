using System.Globalization;
using ParticipaBot.Core.Vocabularies;

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
    public static string ToLocale(this UserLanguage language) => language.ToCulture().Name;

    /// <summary>The culture of <see cref="ToLocale"/>: dates and numbers as the user reads them.</summary>
    public static CultureInfo ToCulture(this UserLanguage language) => language == UserLanguage.English ? LocalizedText.EnglishCulture : LocalizedText.SpanishCulture;

    /// <summary>The text in the user's language.</summary>
    public static string For(this LocalizedText text, UserLanguage language) => language == UserLanguage.English ? text.En : text.Es;

    /// <summary>Fills {0}, {1}, ... with the culture of the language (dates and numbers as the user reads them).</summary>
    public static string Format(this LocalizedText text, UserLanguage language, params object?[] arguments) =>
        text.Format(language.ToCulture(), arguments);
}
