using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting.Form;

/// <summary>
/// The internal report of a participation space as data: the single definition that drives the wizard's cards,
/// the validation, the stored values and the export columns (docs/report-form.md).
/// </summary>
public sealed class ReportForm
{
    private readonly Dictionary<string, FormField> _byId;
    private readonly Dictionary<string, FormField>.AlternateLookup<ReadOnlySpan<char>> _byIdSpan;
    private readonly Dictionary<string, IReadOnlyList<FormField>> _byStep;
    private readonly Dictionary<string, FieldKeyMatch> _knownKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldKeys> _keysOf = new(StringComparer.Ordinal);

    public ReportForm(IReadOnlyList<FormStep> steps, IReadOnlyList<FormField> fields)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(fields);
        Steps = [.. steps.OrderBy(s => s.Number)];
        Fields = fields;
        _byId = fields.ToDictionary(f => f.Id, StringComparer.Ordinal);
        _byIdSpan = _byId.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var field in fields)
        {
            if (!Steps.Any(s => s.Id == field.StepId))
            {
                throw new ArgumentException($"El campo «{field.Id}» pertenece a un paso que no existe: «{field.StepId}».", nameof(fields));
            }
        }

        // Validation and rendering ask for a step's fields several times a turn: built once.
        _byStep = Steps.ToDictionary(s => s.Id, s => (IReadOnlyList<FormField>)[.. fields.Where(f => f.StepId == s.Id)], StringComparer.Ordinal);
        BuildKeys(fields);
    }

    /// <summary>The steps in order; the wizard renders one card per step.</summary>
    public IReadOnlyList<FormStep> Steps { get; }

    /// <summary>Every field in domain order (1..25).</summary>
    public IReadOnlyList<FormField> Fields { get; }

    public FormField Field(string id) =>
        _byId.TryGetValue(id, out var field) ? field : throw new KeyNotFoundException($"El formulario no tiene el campo «{id}».");

    public bool TryGetField(string id, out FormField field) => _byId.TryGetValue(id, out field!);

    public FormStep Step(string id) =>
        Steps.FirstOrDefault(s => s.Id == id) ?? throw new KeyNotFoundException($"El formulario no tiene el paso «{id}».");

    /// <summary>The fields a step's card shows, in order (system-managed fields are shown read-only on the review step).</summary>
    public IReadOnlyList<FormField> FieldsOf(string stepId) => _byStep.TryGetValue(stepId, out var fields) ? fields : [];

    /// <summary>The step after this one, or null after the last.</summary>
    public FormStep? Next(string stepId)
    {
        var index = Steps.ToList().FindIndex(s => s.Id == stepId);
        return index >= 0 && index + 1 < Steps.Count ? Steps[index + 1] : null;
    }

    public FormStep? Previous(string stepId)
    {
        var index = Steps.ToList().FindIndex(s => s.Id == stepId);
        return index > 0 ? Steps[index - 1] : null;
    }

    /// <summary>
    /// The field an input key belongs to ("items.2.text" → items), or null for a key no field owns. Keys are only
    /// accepted in the shapes the field defines, so a forged key cannot smuggle a value into storage.
    /// </summary>
    public FieldKeyMatch? Match(string key)
    {
        // Every key a card can send (all but code-keyed inputs and entries past a list's maximum) was parsed once, when
        // the form was built: a draft's keys are matched many times a turn.
        return key is not null && _knownKeys.TryGetValue(key, out var known) ? known : Parse(key!);
    }

    /// <summary>Parses a key without the table of known keys (what <see cref="Match"/> answers for any key).</summary>
    internal FieldKeyMatch? Parse(string key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 200 || !TryGetFieldOfKey(key, out var field))
        {
            return null;
        }

        // Keys have at most three segments (field, part or entry, input or code); parsed in place because every
        // stored value of a draft goes through here on every step.
        var rest = key.AsSpan(field.Id.Length);
        if (rest.IsEmpty)
        {
            var single = PartWithId(field.Parts, []);
            return single is null ? null : new FieldKeyMatch(field, single, null, null);
        }

        rest = rest[1..];
        var dot = rest.IndexOf('.');
        var second = dot < 0 ? rest : rest[..dot];
        var third = dot < 0 ? default : rest[(dot + 1)..];
        if (dot >= 0 && third.Contains('.'))
        {
            return null;
        }

        if (field.IsList && !second.IsEmpty && (second.Length == 1 || second[0] != '0')
            && int.TryParse(second, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            var entryPart = PartWithId(field.EntryParts, dot < 0 ? [] : third);
            return entryPart is null ? null : new FieldKeyMatch(field, entryPart, index, null);
        }

        var part = second.IsEmpty ? null : PartWithId(field.Parts, second);
        if (part is null)
        {
            return null;
        }

        if (part.CodeKeyed)
        {
            return dot >= 0 ? new FieldKeyMatch(field, part, null, third.ToString()) : null;
        }

        return dot < 0 ? new FieldKeyMatch(field, part, null, null) : null;
    }

    /// <summary>The field named by a key's first segment ("items.2.text" → items), whether or not the rest is valid.</summary>
    public bool TryGetFieldOfKey(string key, out FormField field)
    {
        ArgumentNullException.ThrowIfNull(key);
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return _byIdSpan.TryGetValue(dot < 0 ? key : key.AsSpan(0, dot), out field!);
    }

    /// <summary>The key of a field's input (<see cref="FormField.KeyOf(FieldPart)"/>), built once per form rather than per call.</summary>
    public string KeyOf(FormField field, FieldPart part)
    {
        ArgumentNullException.ThrowIfNull(field);
        return _keysOf.TryGetValue(field.Id, out var keys) && ReferenceEquals(keys.Field, field) && IndexOf(field.Parts, part) is var p and >= 0
            ? keys.Parts[p]
            : field.KeyOf(part);
    }

    /// <summary>The key of a list entry's input (<see cref="FormField.KeyOf(int, FieldPart)"/>), built once per form for entries below the maximum.</summary>
    public string KeyOf(FormField field, int index, FieldPart part)
    {
        ArgumentNullException.ThrowIfNull(field);
        return _keysOf.TryGetValue(field.Id, out var keys) && ReferenceEquals(keys.Field, field) && index >= 0 && index < keys.Entries.Length
            && IndexOf(field.EntryParts, part) is var p and >= 0
            ? keys.Entries[index][p]
            : field.KeyOf(index, part);
    }

    /// <summary>
    /// Builds every input key of the fields once, with its match as <see cref="Parse"/> gives it (code-keyed inputs and
    /// entries past a list's maximum are left to parsing).
    /// </summary>
    private void BuildKeys(IReadOnlyList<FormField> fields)
    {
        string Known(string key)
        {
            if (Parse(key) is { } match)
            {
                _knownKeys.TryAdd(key, match);
            }

            return key;
        }

        foreach (var field in fields)
        {
            var parts = field.Parts.Select(part => Known(field.KeyOf(part))).ToArray();
            var entries = new string[field.EntryParts.Count == 0 ? 0 : field.MaxEntries][];
            for (var index = 0; index < entries.Length; index++)
            {
                entries[index] = [.. field.EntryParts.Select(part => Known(field.KeyOf(index, part)))];
            }

            _keysOf.TryAdd(field.Id, new FieldKeys(field, parts, entries));
        }
    }

    private static int IndexOf(IReadOnlyList<FieldPart> parts, FieldPart part)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (ReferenceEquals(parts[i], part))
            {
                return i;
            }
        }

        return -1;
    }

    private static FieldPart? PartWithId(IReadOnlyList<FieldPart> parts, ReadOnlySpan<char> id)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (id.SequenceEqual(parts[i].Id))
            {
                return parts[i];
            }
        }

        return null;
    }

    /// <summary>The default form (docs/report-form.md).</summary>
    public static ReportForm Default { get; } = ReportFormDefinition.Build();
}

/// <summary>The input keys of one field: per part, and per entry and entry part.</summary>
internal sealed record FieldKeys(FormField Field, string[] Parts, string[][] Entries);

/// <summary>Which field, input, list entry and vocabulary code an input key names.</summary>
public sealed record FieldKeyMatch(FormField Field, FieldPart Part, int? Index, string? Code);
