using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting;

/// <summary>The outcome of building a report: the report, or the errors that stop it.</summary>
public sealed record ReportBuildResult(ParticipationReport? Report, ValidationResult Validation)
{
    public bool Succeeded => Report is not null;
}

/// <summary>Turns a draft whose every step is valid into a <see cref="ParticipationReport"/> (status borrador).</summary>
public static class ReportBuilder
{
    public static ReportBuildResult Build(ReportForm form, ReportDraft draft, ReportValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        var validation = ReportValidator.ValidateAll(form, draft.Values, context);
        if (!validation.IsValid)
        {
            return new ReportBuildResult(null, validation);
        }

        // Codes are stored in the catalog's own spelling ("taller" typed in a file becomes "TALLER").
        var vocabularies = context.Catalogs.All.Where(v => v.Id != VocabularyIds.Area).ToList();
        string Canonical(string code)
        {
            foreach (var vocabulary in vocabularies)
            {
                if (vocabulary.Find(code) is { } entry)
                {
                    return entry.Code;
                }
            }

            return code;
        }

        var values = new Dictionary<string, string>(draft.Values.Count, StringComparer.Ordinal);
        foreach (var (key, value) in draft.Values)
        {
            if (form.Match(key) is { Field.SystemManaged: false })
            {
                values[key] = value;
            }
        }

        var report = ReportValues.FromValues(draft.Id, draft.Year, values, Canonical) with { Status = ReportStatus.Borrador };
        return new ReportBuildResult(report, validation);
    }
}
