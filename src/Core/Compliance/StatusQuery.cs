using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Compliance;

/// <summary>What "estado [área] [cuatrimestre]" asked for.</summary>
/// <param name="Period">The period named (1..n), or null for the whole year.</param>
/// <param name="Area">The catalogue area matched, or null for the whole entity.</param>
/// <param name="UnmatchedText">Words that named no area (then <see cref="AmbiguousAreas"/> or nothing matched).</param>
/// <param name="AmbiguousAreas">Areas the words fit equally well, when more than one.</param>
public sealed record StatusQuery(int? Period, string? Area, string? UnmatchedText, IReadOnlyList<string> AmbiguousAreas)
{
    public bool IsUnderstood => UnmatchedText is null;

    private static readonly Dictionary<string, int> PeriodWords = new(StringComparer.Ordinal)
    {
        ["primer"] = 1, ["primero"] = 1, ["1"] = 1, ["1er"] = 1, ["1o"] = 1, ["i"] = 1, ["c1"] = 1, ["q1"] = 1, ["first"] = 1,
        ["segundo"] = 2, ["2"] = 2, ["2o"] = 2, ["ii"] = 2, ["c2"] = 2, ["q2"] = 2, ["second"] = 2,
        ["tercer"] = 3, ["tercero"] = 3, ["3"] = 3, ["3er"] = 3, ["3o"] = 3, ["iii"] = 3, ["c3"] = 3, ["q3"] = 3, ["third"] = 3,
    };

    // Words that carry no meaning for the query ("estado DEL segundo CUATRIMESTRE", "status OF THE second TERM").
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "de", "del", "la", "el", "los", "las", "en", "y", "para", "cuatrimestre", "periodo", "como", "vamos", "va", "van",
        "of", "the", "for", "in", "term", "period", "quarter", "four-month", "how", "are", "we", "doing",
    };

    /// <summary>
    /// Reads the words after the command: a period word (primer/primero/1/I/C1, segundo/2/II/C2, tercer/tercero/3/III/C3;
    /// Q1-Q3 and English ordinals too) and an area of <paramref name="areas"/>, matched folded (case and accents ignored),
    /// whole or by some of its words ("planeación" finds "Oficina Asesora de Planeación").
    /// </summary>
    public static StatusQuery Parse(string? text, IReadOnlyList<string> areas, int periodCount = 3)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var words = Words(text);
        int? period = null;
        var rest = new List<string>();
        foreach (var word in words)
        {
            if (PeriodWords.TryGetValue(word, out var number) && number <= periodCount && period is null)
            {
                period = number;
            }
            else if (!Filler.Contains(word))
            {
                rest.Add(word);
            }
        }

        if (rest.Count == 0)
        {
            return new StatusQuery(period, null, null, []);
        }

        var wanted = string.Join(' ', rest);
        var exact = areas.Where(a => string.Join(' ', Meaningful(a)) == wanted).ToList();
        if (exact.Count == 1)
        {
            return new StatusQuery(period, exact[0], null, []);
        }

        // Every word typed is (the start of) a word of the area's name.
        var partial = areas
            .Where(a => rest.All(w => Meaningful(a).Any(aw => aw.StartsWith(w, StringComparison.Ordinal))))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return partial.Count == 1
            ? new StatusQuery(period, partial[0], null, [])
            : new StatusQuery(period, null, wanted, partial);
    }

    private static IEnumerable<string> Meaningful(string area) => Words(area).Where(w => !Filler.Contains(w));

    private static List<string> Words(string? text)
    {
        var folded = TextFolding.Fold(text);
        var cleaned = new string([.. folded.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : ' ')]);
        return [.. cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }
}
