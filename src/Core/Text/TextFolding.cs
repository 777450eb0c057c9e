using System.Globalization;
using System.Text;

namespace ParticipaBot.Core.Text;

/// <summary>
/// Folds free text the way people type it in chat and in published tables, so that
/// "Estado del Segundo Cuatrimestre", "estado del segundo cuatrimestre" and "ESTADO DEL SEGUNDO CUATRIMESTRE"
/// compare equal, and "Líder" matches "lider".
/// </summary>
public static class TextFolding
{
    /// <summary>
    /// Lower-cases with the invariant culture, removes diacritics (á → a, ñ → n), turns every run of
    /// white space (including non-breaking spaces) into one space and trims.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var character in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(character);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(character));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when both texts fold to the same string.</summary>
    public static bool EqualsFolded(string? left, string? right) =>
        string.Equals(Fold(left), Fold(right), StringComparison.Ordinal);
}
