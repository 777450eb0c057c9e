using System.Globalization;

namespace ParticipaBot.Bot.Cards;

/// <summary>One text a user reads, in Spanish and English, with a stable id for tests and docs.</summary>
internal sealed record LocalizedText(string Id, string Spanish, string English)
{
    public string For(UserLanguage language) => language == UserLanguage.English ? English : Spanish;

    /// <summary>Fills {0}, {1}, ... with the culture of the language (dates and numbers as the user reads them).</summary>
    public string Format(UserLanguage language, params object?[] arguments) =>
        string.Format(CultureInfo.GetCultureInfo(language.ToLocale()), For(language), arguments);
}
