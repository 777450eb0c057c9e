using System.Globalization;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting;

/// <summary>One column of the report export.</summary>
/// <param name="Name">Stable snake-case name (Spanish), the header machines read.</param>
/// <param name="FieldId">The form field behind it, or null for the report's own columns (id, year).</param>
/// <param name="Header">The header people read.</param>
public sealed record ExportColumn(string Name, string? FieldId, LocalizedText Header);

/// <summary>
/// The export of reports as rows (for the spreadsheet and CSV writers of the host): one column per form field, in
/// form order, after the report id and year. Choices are written as labels in the requested language; dates ISO.
/// </summary>
public static class ReportExport
{
    public static IReadOnlyList<ExportColumn> Columns(ReportForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return
        [
            new("reporte_id", null, new LocalizedText("Id del reporte", "Report id")),
            new("vigencia", null, new LocalizedText("Vigencia", "Plan year")),
            .. form.Fields.Select(f => new ExportColumn(f.ExportColumn, f.Id, f.Label)),
        ];
    }

    /// <summary>The values of one report, aligned with <see cref="Columns"/>.</summary>
    public static IReadOnlyList<string> Row(ReportForm form, ParticipationReport report, Catalogs catalogs, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(catalogs);
        var values = ReportValues.ToValues(report);
        var row = new List<string> { report.Id, report.Year.ToString(CultureInfo.InvariantCulture) };
        row.AddRange(form.Fields.Select(f => Describe(f, values, catalogs, culture)));
        return row;
    }

    /// <summary>
    /// One field's values as one line of text (also for the wizard's review card, from a draft's values): choices as
    /// labels, composite inputs as "value; Label: value", list entries separated by " | ". Empty when nothing was entered.
    /// </summary>
    public static string Describe(FormField field, IReadOnlyDictionary<string, string> values, Catalogs catalogs, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(catalogs);
        string? Value(FieldPart part, string key)
        {
            if (!values.TryGetValue(key, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }

            return part.Kind switch
            {
                PartKind.Choice => Label(part, raw, catalogs, culture),
                PartKind.MultiChoice => string.Join(", ", ReportValues.SplitCodes(raw).Select(c => Label(part, c, catalogs, culture))),
                PartKind.Toggle => raw.Equals("true", StringComparison.OrdinalIgnoreCase) ? new LocalizedText("Sí", "Yes").For(culture) : null,
                _ => raw.Trim(),
            };
        }

        // The default form's keys are built once; a field of another form builds its own.
        var keys = ReportForm.Default;
        var pieces = new List<string>();
        for (var p = 0; p < field.Parts.Count; p++)
        {
            var part = field.Parts[p];
            if (part.CodeKeyed)
            {
                var prefix = $"{keys.KeyOf(field, part)}.";
                foreach (var (key, raw) in values.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    pieces.Add($"{GroupLabel(key[prefix.Length..], catalogs, culture)}: {raw}");
                }

                continue;
            }

            if (Value(part, keys.KeyOf(field, part)) is { } text)
            {
                pieces.Add(p == 0 || field.Parts.Count == 1 ? text : $"{part.Label.For(culture)}: {text}");
            }
        }

        if (field.EntryParts.Count > 0)
        {
            var parts = new List<string>(field.EntryParts.Count);
            foreach (var index in ReportValues.EntryIndices(field.Id, values))
            {
                parts.Clear();
                foreach (var part in field.EntryParts)
                {
                    if (Value(part, keys.KeyOf(field, index, part)) is { } text)
                    {
                        parts.Add(text);
                    }
                }

                pieces.Add(string.Join(" / ", parts));
            }
        }

        return string.Join(field.IsList ? " | " : "; ", pieces);
    }

    private static string Label(FieldPart part, string code, Catalogs catalogs, CultureInfo? culture) =>
        part.VocabularyId is { } id && catalogs.TryGet(id, out var vocabulary) && vocabulary.Find(code) is { } entry
            ? entry.Label.For(culture)
            : code;

    private static string GroupLabel(string code, Catalogs catalogs, CultureInfo? culture) =>
        (catalogs.Get(VocabularyIds.ActorType).Find(code) ?? catalogs.Get(VocabularyIds.PopulationFocus).Find(code))?.Label.For(culture) ?? code;
}
