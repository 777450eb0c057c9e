using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting.Form;

/// <summary>
/// One input of a field. Its key in the submitted values is the field id when the part id is empty, otherwise
/// "field.part"; in a list field each entry part is keyed "field.index.part" (or "field.index" when the part id is empty).
/// A code-keyed part takes one value per vocabulary code: "field.part.CODE" (participants per value group).
/// </summary>
public sealed record FieldPart(
    string Id,
    PartKind Kind,
    LocalizedText Label,
    bool Required = false,
    string? VocabularyId = null,
    IReadOnlyList<FieldRule>? Rules = null,
    LocalizedText? Help = null,
    LocalizedText? Placeholder = null,
    bool CodeKeyed = false)
{
    public IReadOnlyList<FieldRule> Rules { get; init; } = Rules ?? [];

    public LocalizedText Help { get; init; } = Help ?? LocalizedText.Empty;

    public LocalizedText Placeholder { get; init; } = Placeholder ?? LocalizedText.Empty;

    public T? Rule<T>()
        where T : FieldRule => FieldRules.First<T>(Rules);

    /// <summary>The character limit of a text part: its rule, or 200 (text) / 4,000 (long text).</summary>
    public int MaxLength => Rule<MaxLengthRule>()?.Max ?? Kind switch
    {
        PartKind.LongText => FormLimits.LongText,
        PartKind.Url => Rule<UrlRule>()?.MaxLength ?? FormLimits.Url,
        _ => FormLimits.Text,
    };
}

/// <summary>
/// One field of the internal report: what the wizard asks, where it shows, how it is checked, where its first value
/// comes from and the column it is exported to.
/// </summary>
public sealed record FormField
{
    /// <summary>Stable id (also the prefix of its input keys); never renamed once reports are stored.</summary>
    public required string Id { get; init; }

    /// <summary>The field's number in the domain list (1..25).</summary>
    public required int Number { get; init; }

    public required LocalizedText Label { get; init; }

    public LocalizedText Help { get; init; } = LocalizedText.Empty;

    public required FieldKind Kind { get; init; }

    /// <summary>Required to submit the report (and to leave its step in the wizard).</summary>
    public bool Required { get; init; }

    /// <summary>One of the minimum contents the Mintrabajo strategy asks of the internal report format.</summary>
    public bool MinimumContent { get; init; }

    /// <summary>Filled by the workflow, never typed (the status).</summary>
    public bool SystemManaged { get; init; }

    public IReadOnlyList<FieldRule> Rules { get; init; } = [];

    /// <summary>Inputs of the field (for list fields, the field-level inputs such as "none received").</summary>
    public IReadOnlyList<FieldPart> Parts { get; init; } = [];

    /// <summary>Inputs of each entry, for list fields.</summary>
    public IReadOnlyList<FieldPart> EntryParts { get; init; } = [];

    public PrefillSource Prefill { get; init; } = PrefillSource.None;

    public required string StepId { get; init; }

    /// <summary>Column name in exports (snake case, Spanish, stable).</summary>
    public required string ExportColumn { get; init; }

    public bool IsList => Kind is FieldKind.ItemList or FieldKind.CommitmentList or FieldKind.UrlList or FieldKind.TextList;

    public int MaxEntries => Rule<MaxEntriesRule>()?.Max ?? FormLimits.ListEntries;

    public T? Rule<T>()
        where T : FieldRule => FieldRules.First<T>(Rules);

    /// <summary>The vocabulary a single-input choice field draws from (or the first part's).</summary>
    public string? VocabularyId => Parts.Concat(EntryParts).Select(p => p.VocabularyId).FirstOrDefault(v => v is not null);

    public string KeyOf(FieldPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.Id.Length == 0 ? Id : $"{Id}.{part.Id}";
    }

    public string KeyOf(int index, FieldPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.Id.Length == 0 ? $"{Id}.{index}" : $"{Id}.{index}.{part.Id}";
    }

    public FieldPart Part(string id) =>
        Parts.Concat(EntryParts).FirstOrDefault(p => p.Id == id)
        ?? throw new KeyNotFoundException($"El campo «{Id}» no tiene la entrada «{id}».");
}

/// <summary>One card of the wizard.</summary>
public sealed record FormStep(string Id, int Number, LocalizedText Title, LocalizedText Help);

/// <summary>Default limits of inputs.</summary>
public static class FormLimits
{
    public const int Text = 200;
    public const int LongText = 4000;
    public const int Url = 2000;
    public const int ListEntries = 30;
    public const int MaxParticipants = 1_000_000;
}

/// <summary>The first rule of a type: asked for every input on every step, so a plain loop (no LINQ iterator).</summary>
internal static class FieldRules
{
    public static T? First<T>(IReadOnlyList<FieldRule> rules)
        where T : FieldRule
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is T rule)
            {
                return rule;
            }
        }

        return null;
    }
}
