using System.Globalization;

namespace ParticipaBot.Core.Vocabularies;

/// <summary>
/// A text a user reads, in Spanish (es-CO, the default) and English: the vocabularies' labels, the form's texts, the
/// validator's messages and the bot's own texts, one type for all of them.
/// </summary>
public sealed record LocalizedText(string Es, string En)
{
    /// <summary>A text of the bot's catalogues, with the stable id its tests and docs name it by.</summary>
    public LocalizedText(string id, string es, string en)
        : this(es, en)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>The catalogue id (for example "status.title"); null for texts made from data, such as a vocabulary's labels.</summary>
    public string? Id { get; }

    /// <summary>The culture Spanish texts are written for: dates and numbers as read in Colombia.</summary>
    public static CultureInfo SpanishCulture { get; } = CultureInfo.GetCultureInfo("es-CO");

    /// <summary>The culture English texts are written for.</summary>
    public static CultureInfo EnglishCulture { get; } = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The empty text, for optional help and placeholders.</summary>
    public static LocalizedText Empty { get; } = new(string.Empty, string.Empty);

    public bool IsEmpty => Es.Length == 0 && En.Length == 0;

    /// <summary>The English text when <paramref name="culture"/> is English, the Spanish one otherwise.</summary>
    public string For(CultureInfo? culture) => IsEnglish(culture) ? En : Es;

    /// <summary>Fills {0}, {1}, ... with <paramref name="culture"/>'s formats, so dates and numbers read as the text does.</summary>
    public string Format(CultureInfo culture, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return string.Format(culture, For(culture), arguments);
    }

    /// <summary>
    /// The same text with {0}, {1}, ... filled in both languages, each with its own culture, for code that picks the
    /// reader's language itself. The id stays.
    /// </summary>
    public LocalizedText Filled(params object?[] arguments) =>
        this with { Es = string.Format(SpanishCulture, Es, arguments), En = string.Format(EnglishCulture, En, arguments) };

    public override string ToString() => Es;

    private static bool IsEnglish(CultureInfo? culture) =>
        culture is not null && string.Equals(culture.TwoLetterISOLanguageName, "en", StringComparison.Ordinal);
}
