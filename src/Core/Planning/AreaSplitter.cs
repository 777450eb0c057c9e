using System.Text.RegularExpressions;
using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Planning;

/// <summary>The areas read from a cell: who leads, who supports, and any words that name no known area.</summary>
/// <param name="Leader">The first area written before "Apoya", or null.</param>
/// <param name="Support">Areas after "Apoya", then any further areas written beside the leader (co-responsible).</param>
/// <param name="Unrecognised">Runs of words that could not be split into known areas; never guessed.</param>
public sealed record AreaSplit(string? Leader, IReadOnlyList<string> Support, IReadOnlyList<string> Unrecognised);

/// <summary>
/// Splits area names written one after another without separators ("Grupo de Atención Ciudadana Oficina Asesora
/// de Planeación Viceministerios") using the entity's catalogue of area names; "Apoya" marks support areas.
/// The catalogue is the configured names plus those <see cref="LearnAreas"/> finds in the file itself.
/// </summary>
public sealed partial class AreaSplitter
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "y", "e", "-", "–", "/", "&", "+" };

    private readonly List<(string Name, string[] Tokens)> _names;

    /// <summary>Creates a splitter over the known area names (their spelling is what results carry).</summary>
    public AreaSplitter(IEnumerable<string> knownAreas)
    {
        ArgumentNullException.ThrowIfNull(knownAreas);
        _names = [.. knownAreas
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => (Name: n.Trim(), Tokens: Tokenize(n).Select(t => t.Folded).Where(f => f.Length > 0).ToArray()))
            .Where(n => n.Tokens.Length > 0)
            .DistinctBy(n => string.Join(' ', n.Tokens))
            .OrderByDescending(n => n.Tokens.Length)];
    }

    /// <summary>The known names, in the spelling results carry.</summary>
    public IReadOnlyList<string> KnownAreas => [.. _names.Select(n => n.Name)];

    /// <summary>
    /// Builds the area catalogue for one file: the configured names, plus names the file writes on their own
    /// (a whole cell, or a piece between "Apoya", commas, semicolons, full stops or "y" next to a known name).
    /// Pieces made only of other names are not learned: they are concatenations.
    /// </summary>
    public static IReadOnlyList<string> LearnAreas(IEnumerable<string?> cells, IEnumerable<string> configured)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var configuredList = configured.ToList();
        var candidates = new List<string>();
        foreach (var cell in cells)
        {
            var (lead, support) = SplitAtApoya(cell);
            foreach (var part in new[] { lead, support })
            {
                foreach (var piece in PieceRegex().Split(part))
                {
                    var trimmed = piece.Trim(' ', '.', '(', ')', ':', '\t');
                    if (trimmed.Length > 0 && !candidates.Any(c => TextFolding.EqualsFolded(c, trimmed)))
                    {
                        candidates.Add(trimmed);
                    }
                }
            }
        }

        for (var round = 0; round < 10; round++)
        {
            var changed = false;
            foreach (var candidate in candidates.ToList())
            {
                var others = configuredList.Concat(candidates.Where(c => !ReferenceEquals(c, candidate)));
                var segments = new AreaSplitter(others).Segment(candidate);
                var knownCount = segments.Count(s => s.Known);
                if (knownCount == 0)
                {
                    continue;
                }

                var unknown = segments.Where(s => !s.Known).ToList();
                var learnable = unknown.Where(s => s.Delimited).ToList();
                foreach (var segment in learnable)
                {
                    if (!candidates.Any(c => TextFolding.EqualsFolded(c, segment.Text)) && !configuredList.Any(c => TextFolding.EqualsFolded(c, segment.Text)))
                    {
                        candidates.Add(segment.Text);
                        changed = true;
                    }
                }

                // A piece that contains two or more names, starts with a known name, or whose leftovers were all
                // learned, is a concatenation; one that only prefixes a known name ("Oficina de" + "Control Interno")
                // is a name of its own.
                if (knownCount >= 2 || segments[0].Known || unknown.Count == learnable.Count)
                {
                    candidates.Remove(candidate);
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return [.. configuredList.Concat(candidates).DistinctBy(TextFolding.Fold)];
    }

    /// <summary>Splits one cell that may hold a leader and "Apoya ..." support areas.</summary>
    public AreaSplit Split(string? cell)
    {
        var (lead, support) = SplitAtApoya(cell);
        return Combine(Names(lead), Names(support));
    }

    /// <summary>Splits a leader column and a separate support column.</summary>
    public AreaSplit Split(string? leaderCell, string? supportCell)
    {
        var lead = Split(leaderCell);
        var support = Names(supportCell ?? string.Empty);
        var leaderNames = lead.Leader is null ? lead.Support : lead.Support.Prepend(lead.Leader).ToList();
        return Combine((leaderNames, lead.Unrecognised), support);
    }

    private static AreaSplit Combine((IReadOnlyList<string> Names, IReadOnlyList<string> Unknown) lead, (IReadOnlyList<string> Names, IReadOnlyList<string> Unknown) support)
    {
        var leader = lead.Names.Count > 0 ? lead.Names[0] : null;
        var supportNames = support.Names.Concat(lead.Names.Skip(1))
            .Where(n => !string.Equals(n, leader, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new AreaSplit(leader, supportNames, [.. lead.Unknown, .. support.Unknown]);
    }

    private (IReadOnlyList<string> Names, IReadOnlyList<string> Unknown) Names(string text)
    {
        var segments = Segment(text);
        return ([.. segments.Where(s => s.Known).Select(s => s.Text)], [.. segments.Where(s => !s.Known).Select(s => s.Text)]);
    }

    // "Apoya", "Apoyo:", "con el apoyo de" mark support; "Grupo de Apoyo ..." is a name, not a marker.
    private static (string Lead, string Support) SplitAtApoya(string? cell)
    {
        var text = HtmlTagRegex().Replace(cell ?? string.Empty, " ");
        var match = ApoyaRegex().Match(text);
        return match.Success ? (text[..match.Index], text[(match.Index + match.Length)..]) : (text, string.Empty);
    }

    private sealed record Piece(string Text, bool Known, bool Delimited);

    private List<Piece> Segment(string text)
    {
        var tokens = Tokenize(text);
        var result = new List<Piece>();
        var unknownStart = -1;
        var i = 0;

        void FlushUnknown(int endExclusive, bool rightSeparator)
        {
            if (unknownStart < 0)
            {
                return;
            }

            var words = tokens.Skip(unknownStart).Take(endExclusive - unknownStart).Select(t => t.Original);
            var leftSeparator = unknownStart > 0 && (tokens[unknownStart - 1].BreakAfter || Connectors.Contains(tokens[unknownStart - 1].Folded));
            var atStart = unknownStart == 0;
            var atEnd = endExclusive >= tokens.Count;
            var delimited = (leftSeparator || atStart) && (rightSeparator || atEnd) && (leftSeparator || rightSeparator);
            result.Add(new Piece(string.Join(' ', words).Trim(' ', ',', ';', '.', '(', ')', ':'), false, delimited));
            unknownStart = -1;
        }

        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Folded.Length == 0 || Connectors.Contains(token.Folded))
            {
                FlushUnknown(i, true);
                i++;
                continue;
            }

            var match = _names.FirstOrDefault(n => Matches(tokens, i, n.Tokens));
            if (match.Name is not null)
            {
                FlushUnknown(i, false);
                result.Add(new Piece(match.Name, true, true));
                i += match.Tokens.Length;
                continue;
            }

            if (unknownStart < 0)
            {
                unknownStart = i;
            }

            i++;
            if (token.BreakAfter)
            {
                FlushUnknown(i, true);
            }
        }

        FlushUnknown(tokens.Count, false);
        return result;
    }

    private static bool Matches(List<Token> tokens, int start, string[] name)
    {
        if (start + name.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < name.Length; k++)
        {
            if (!string.Equals(tokens[start + k].Folded, name[k], StringComparison.Ordinal))
            {
                return false;
            }

            // A name does not run across a comma or full stop.
            if (k < name.Length - 1 && tokens[start + k].BreakAfter)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Token(string Original, string Folded, bool BreakAfter);

    private static List<Token> Tokenize(string text) =>
        [.. WordRegex().Matches(text).Select(m =>
        {
            var word = m.Value;
            var breakAfter = word.EndsWith(',') || word.EndsWith(';') || word.EndsWith('.') || word.EndsWith(':') || word.EndsWith(')');
            var bare = word.Trim(',', ';', '.', ':', '(', ')', '"', '“', '”');
            var folded = Connectors.Contains(bare) ? bare : TextFolding.Fold(bare);
            return new Token(bare, folded, breakAfter);
        })];

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex HtmlTagRegex();

    [GeneratedRegex(@"(?<!\bde\s+)\(?\b(?:con\s+(?:el\s+)?)?apoy(?:a|an|o)\b(?:\s+(?:de\s+la|de\s+los|del|de|a\s+la|a|:))?:?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApoyaRegex();

    [GeneratedRegex(@"[,;\n]|\.(?=\s|$)")]
    private static partial Regex PieceRegex();
}
