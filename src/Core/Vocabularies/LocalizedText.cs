using System.Globalization;

namespace ParticipaBot.Core.Vocabularies;

/// <summary>A text a user reads, in Spanish (es-CO, the default) and English.</summary>
public sealed record LocalizedText(string Es, string En)
{
    /// <summary>The English text when <paramref name="culture"/> is English, the Spanish one otherwise.</summary>
    public string For(CultureInfo? culture) =>
        culture is not null && string.Equals(culture.TwoLetterISOLanguageName, "en", StringComparison.Ordinal) ? En : Es;

    /// <summary>The empty text, for optional help and placeholders.</summary>
    public static LocalizedText Empty { get; } = new(string.Empty, string.Empty);

    public bool IsEmpty => Es.Length == 0 && En.Length == 0;

    public override string ToString() => Es;
}
