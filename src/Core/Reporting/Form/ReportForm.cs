using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting.Form;

/// <summary>
/// The internal report of a participation space as data: the single definition that drives the wizard's cards,
/// the validation, the stored values and the export columns (docs/report-form.md).
/// </summary>
public sealed class ReportForm
{
    private readonly Dictionary<string, FormField> _byId;

    public ReportForm(IReadOnlyList<FormStep> steps, IReadOnlyList<FormField> fields)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(fields);
        Steps = [.. steps.OrderBy(s => s.Number)];
        Fields = fields;
        _byId = fields.ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!Steps.Any(s => s.Id == field.StepId))
            {
                throw new ArgumentException($"El campo «{field.Id}» pertenece a un paso que no existe: «{field.StepId}».", nameof(fields));
            }
        }
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
    public IReadOnlyList<FormField> FieldsOf(string stepId) => [.. Fields.Where(f => f.StepId == stepId)];

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
        if (string.IsNullOrEmpty(key) || key.Length > 200)
        {
            return null;
        }

        var segments = key.Split('.');
        if (!_byId.TryGetValue(segments[0], out var field))
        {
            return null;
        }

        if (segments.Length == 1)
        {
            var single = field.Parts.FirstOrDefault(p => p.Id.Length == 0);
            return single is null ? null : new FieldKeyMatch(field, single, null, null);
        }

        if (field.IsList && int.TryParse(segments[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && segments[1] == index.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            var partId = segments.Length == 3 ? segments[2] : segments.Length == 2 ? string.Empty : null;
            var entryPart = partId is null ? null : field.EntryParts.FirstOrDefault(p => p.Id == partId);
            return entryPart is null ? null : new FieldKeyMatch(field, entryPart, index, null);
        }

        var part = field.Parts.FirstOrDefault(p => p.Id == segments[1] && p.Id.Length > 0);
        if (part is null)
        {
            return null;
        }

        if (part.CodeKeyed)
        {
            return segments.Length == 3 ? new FieldKeyMatch(field, part, null, segments[2]) : null;
        }

        return segments.Length == 2 ? new FieldKeyMatch(field, part, null, null) : null;
    }

    /// <summary>The default form (docs/report-form.md).</summary>
    public static ReportForm Default { get; } = ReportFormDefinition.Build();
}

/// <summary>Which field, input, list entry and vocabulary code an input key names.</summary>
public sealed record FieldKeyMatch(FormField Field, FieldPart Part, int? Index, string? Code);
