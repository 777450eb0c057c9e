using System.Globalization;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting;

/// <summary>
/// Answers given after the space to its observations and proposals (field 17): decision, justification, who and date
/// per contribution, checked with the wizard's own rules (<see cref="ReportValidator.ValidateStep"/>) plus the codes.
/// </summary>
public static class ReportAnswers
{
    private static readonly string[] s_parts = ["decision", "justification", "who", "date"];

    /// <summary>A contribution still waiting for an answer: none yet, or "en estudio".</summary>
    public static bool IsPending(ReportItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Answer is null || item.Answer.Decision == AnswerDecision.EnEstudio;
    }

    public static bool HasPending(ParticipationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Items.Any(IsPending);
    }

    /// <summary>
    /// Applies the submitted "answers.N.part" values to the report's contributions. Entries left entirely blank keep the
    /// contribution unanswered; unknown keys, indices or decision codes are refused.
    /// </summary>
    public static (ParticipationReport? Report, ValidationResult Validation) Apply(
        ParticipationReport report,
        IReadOnlyDictionary<string, string> submitted,
        ReportValidationContext context,
        ReportForm? form = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(context);
        form ??= ReportForm.Default;
        var errors = new List<FieldError>();
        void Add(string key, string es, string en) => errors.Add(new FieldError(ReportFields.Answers, key, new LocalizedText(es, en)));

        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, raw) in submitted)
        {
            var parts = key.Split('.');
            if (parts.Length != 3 || parts[0] != ReportFields.Answers || !s_parts.Contains(parts[2])
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= report.Items.Count)
            {
                Add(key, "Respuesta: el valor no corresponde a un aporte de este reporte.", "Answer: the value does not belong to a contribution of this report.");
                continue;
            }

            if (!string.IsNullOrWhiteSpace(raw))
            {
                answers[key] = raw.Trim();
            }
        }

        for (var i = 0; i < report.Items.Count; i++)
        {
            var decisionKey = $"answers.{i}.decision";
            var any = s_parts.Any(p => answers.ContainsKey($"answers.{i}.{p}"));
            if (!any)
            {
                continue;
            }

            if (!answers.TryGetValue(decisionKey, out var code))
            {
                Add(decisionKey, $"entrada {i + 1}: elija la decisión.", $"entry {i + 1}: pick the decision.");
            }
            else if (!ReportCodes.TryParse(code, out AnswerDecision _))
            {
                Add(decisionKey, $"entrada {i + 1}: la decisión no es una de acogida, acogida parcialmente, no acogida, en estudio o no aplica.", $"entry {i + 1}: the decision is not one of adopted, partly adopted, not adopted, under study or not applicable.");
            }
        }

        if (errors.Count > 0)
        {
            return (null, new ValidationResult(errors));
        }

        // The wizard's rules for the contributions step: items as stored, answers as submitted.
        var stored = ReportValues.ToValues(report);
        var step = new Dictionary<string, string>(answers, StringComparer.Ordinal);
        foreach (var (key, value) in stored.Where(kv => kv.Key.StartsWith("items.", StringComparison.Ordinal)))
        {
            step[key] = value;
        }

        var validation = ReportValidator.ValidateStep(form, form.Field(ReportFields.Answers).StepId, step, context, stored);
        if (!validation.IsValid)
        {
            return (null, validation);
        }

        var items = report.Items.Select((item, i) =>
        {
            if (!answers.TryGetValue($"answers.{i}.decision", out var code) || !ReportCodes.TryParse(code, out AnswerDecision decision))
            {
                return item with { Answer = null };
            }

            answers.TryGetValue($"answers.{i}.justification", out var justification);
            answers.TryGetValue($"answers.{i}.who", out var who);
            DateOnly? date = answers.TryGetValue($"answers.{i}.date", out var text) && ReportValues.TryParseDate(text, out var d) ? d : null;
            return item with { Answer = new ItemAnswer(decision, justification, who, date) };
        }).ToList();
        return (report with { Items = items }, ValidationResult.Valid);
    }
}
