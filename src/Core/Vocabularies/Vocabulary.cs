using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Vocabularies;

/// <summary>One entry of a controlled vocabulary: a stable code (what is stored and exported) and its labels.</summary>
/// <param name="Code">Upper-case ASCII code, never translated, never renamed once used.</param>
/// <param name="Label">What people read.</param>
/// <param name="Order">Sort order; for ordinal vocabularies (participation level) also the rank.</param>
public sealed record VocabularyEntry(string Code, LocalizedText Label, int Order);

/// <summary>
/// A controlled vocabulary (phases, kinds of space, value groups...). Codes compare case-insensitively so that a
/// code typed in a configuration file as "taller" finds "TALLER"; a label also finds its entry (accent- and case-folded).
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, VocabularyEntry> _byCode;

    public Vocabulary(string id, LocalizedText name, IEnumerable<VocabularyEntry> entries, bool ordinal = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(entries);
        Id = id;
        Name = name;
        IsOrdinal = ordinal;
        Entries = [.. entries.OrderBy(e => e.Order)];
        _byCode = new Dictionary<string, VocabularyEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Entries)
        {
            if (!IsValidCode(entry.Code))
            {
                throw new ArgumentException($"Código de vocabulario inválido «{entry.Code}» en {id}.", nameof(entries));
            }

            if (!_byCode.TryAdd(entry.Code, entry))
            {
                throw new ArgumentException($"Código repetido «{entry.Code}» en el vocabulario {id}.", nameof(entries));
            }
        }
    }

    public string Id { get; }

    public LocalizedText Name { get; }

    /// <summary>True when the order of entries is a rank (participation level).</summary>
    public bool IsOrdinal { get; }

    public IReadOnlyList<VocabularyEntry> Entries { get; }

    public bool Contains(string? code) => code is not null && _byCode.ContainsKey(code);

    public VocabularyEntry? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var entry) ? entry : null;

    /// <summary>Finds an entry by code or by its Spanish or English label, compared without accents, case, spaces or punctuation (for imports of published tables).</summary>
    public VocabularyEntry? FindByCodeOrLabel(string? text)
    {
        if (Find(text?.Trim()) is { } byCode)
        {
            return byCode;
        }

        var folded = Key(text);
        return folded.Length == 0
            ? null
            : Entries.FirstOrDefault(e => Key(e.Label.Es) == folded || Key(e.Label.En) == folded || Key(e.Code) == folded);
    }

    // Labels in published tables vary in accents, case, spacing and punctuation ("involucramiento / colaboración").
    private static string Key(string? text) => new([.. TextFolding.Fold(text).Where(char.IsLetterOrDigit)]);

    /// <summary>A new vocabulary with these entries added after the existing ones (an entity's own value groups).</summary>
    public Vocabulary Extend(IEnumerable<VocabularyEntry> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var next = Entries.Count == 0 ? 1 : Entries[^1].Order + 1;
        var added = extra.Select((e, i) => e with { Order = e.Order > 0 ? e.Order : next + i });
        return new Vocabulary(Id, Name, Entries.Concat(added), IsOrdinal);
    }

    /// <summary>Codes are upper-case ASCII letters, digits and underscores, 1 to 60 characters.</summary>
    public static bool IsValidCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= 60 && code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');
}
