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
    // Turns compare the same few names (areas, commands, vocabulary labels) again and again; folding is pure, so short
    // texts are remembered. The memo is bounded: when full it starts over rather than grow with imported text.
    private const int MemoCapacity = 4096;
    private const int MemoMaxLength = 200;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_memo = new(StringComparer.Ordinal);

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

        if (text.Length > MemoMaxLength)
        {
            return FoldCore(text);
        }

        if (s_memo.TryGetValue(text, out var folded))
        {
            return folded;
        }

        if (s_memo.Count >= MemoCapacity)
        {
            s_memo.Clear();
        }

        folded = FoldCore(text);
        s_memo.TryAdd(text, folded);
        return folded;
    }

    private static string FoldCore(string text)
    {
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
        string.Equals(left, right, StringComparison.Ordinal) || string.Equals(Fold(left), Fold(right), StringComparison.Ordinal);
}
