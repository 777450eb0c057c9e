using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting;

/// <summary>Progress of one plan activity in one cuatrimestre, as an area reports it.</summary>
/// <param name="ActivityId">The plan activity.</param>
/// <param name="Year">The plan year.</param>
/// <param name="Cuatrimestre">1 (Jan-Apr), 2 (May-Aug) or 3 (Sep-Dec) with the default calendar.</param>
/// <param name="Status">no iniciada, en curso, cumplida.</param>
/// <param name="Percentage">0-100: 0 when not started, 100 when completed, in between otherwise.</param>
/// <param name="Evidence">Links or files; at least one when completed.</param>
/// <param name="Note">Optional note (at most 2,000 characters).</param>
public sealed record ActivityProgress(
    string ActivityId,
    int Year,
    int Cuatrimestre,
    ProgressStatus Status,
    int Percentage,
    IReadOnlyList<Evidence> Evidence,
    string? Note);

/// <summary>Validation of progress reports, from the card's strings ("activity", "cuatrimestre", "status", "percentage", "evidence.N", "note").</summary>
public static class ActivityProgressValidator
{
    public const int MaxNoteLength = 2000;
    public const int MaxEvidence = 20;

    /// <summary>Validates the submitted values; on success also returns the progress record.</summary>
    public static (ActivityProgress? Progress, ValidationResult Validation) Validate(
        IReadOnlyDictionary<string, string> values,
        ReportValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<FieldError>();
        void Add(string key, string es, string en) => errors.Add(new FieldError(key.Split('.')[0], key, new LocalizedText(es, en)));
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var activity = Get("activity");
        if (activity is null)
        {
            Add("activity", "«Actividad»: es obligatoria.", "\"Activity\": is required.");
        }
        else if (activity.Length > 100 || (context.KnownActivityIds is { } known && !known.Contains(activity)))
        {
            Add("activity", $"«Actividad»: no es una actividad del plan {context.PlanYear}.", $"\"Activity\": not an activity of the {context.PlanYear} plan.");
        }

        var period = 0;
        var periods = context.Periods.PeriodsPerYear;
        if (!int.TryParse(Get("cuatrimestre"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out period) || period < 1 || period > periods)
        {
            Add("cuatrimestre", $"«Cuatrimestre»: debe ser un número de 1 a {periods}.", $"\"Four-month period\": must be a number from 1 to {periods}.");
        }
        else if (context.Periods.Get(context.PlanYear, period).Start > context.Today)
        {
            Add("cuatrimestre", "«Cuatrimestre»: aún no ha comenzado.", "\"Four-month period\": has not started yet.");
        }

        var hasStatus = ReportCodes.TryParse(Get("status"), out ProgressStatus status);
        if (!hasStatus)
        {
            Add("status", "«Estado»: elija no iniciada, en curso o cumplida.", "\"Status\": pick not started, in progress or completed.");
        }

        int? percentage = null;
        if (!ReportValues.TryParseNumber(Get("percentage"), out var number) || decimal.Truncate(number) != number || number is < 0 or > 100)
        {
            Add("percentage", "«Porcentaje de avance»: debe ser un número entero entre 0 y 100.", "\"Percentage\": must be a whole number between 0 and 100.");
        }
        else
        {
            percentage = (int)number;
        }

        var evidence = new List<Evidence>();
        foreach (var (key, raw) in values.Where(kv => kv.Key.StartsWith("evidence.", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(kv.Value)))
        {
            var ok = int.TryParse(key["evidence.".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < MaxEvidence
                && raw.Trim().Length <= 2000
                && Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0;
            if (ok)
            {
                evidence.Add(new Evidence("OTRO", new Uri(raw.Trim()), null));
            }
            else
            {
                Add(key, "«Evidencia»: debe ser un enlace https válido.", "\"Evidence\": must be a valid https link.");
            }
        }

        var note = Get("note");
        if (note is { Length: > MaxNoteLength })
        {
            Add("note", $"«Nota»: tiene {note.Length} caracteres; el máximo es {MaxNoteLength}.", $"\"Note\": has {note.Length} characters; the maximum is {MaxNoteLength}.");
        }

        if (hasStatus && percentage is { } pct)
        {
            var progress = new ActivityProgress(activity ?? string.Empty, context.PlanYear, period, status, pct, evidence, note);
            errors.AddRange(CheckConsistency(progress).Errors);
        }

        if (errors.Count > 0)
        {
            return (null, new ValidationResult(errors));
        }

        return (new ActivityProgress(activity!, context.PlanYear, period, status, percentage!.Value, evidence, note), ValidationResult.Valid);
    }

    /// <summary>The rules between status, percentage and evidence (also for records read from storage).</summary>
    public static ValidationResult CheckConsistency(ActivityProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var errors = new List<FieldError>();
        void Add(string key, string es, string en) => errors.Add(new FieldError(key, key, new LocalizedText(es, en)));
        if (progress.Percentage is < 0 or > 100)
        {
            Add("percentage", "«Porcentaje de avance»: debe estar entre 0 y 100.", "\"Percentage\": must be between 0 and 100.");
        }

        switch (progress.Status)
        {
            case ProgressStatus.NoIniciada when progress.Percentage != 0:
                Add("percentage", "«Porcentaje de avance»: una actividad no iniciada tiene 0 %.", "\"Percentage\": an activity not started is at 0 %.");
                break;
            case ProgressStatus.EnCurso when progress.Percentage is <= 0 or >= 100:
                Add("percentage", "«Porcentaje de avance»: una actividad en curso está entre 1 % y 99 %.", "\"Percentage\": an activity in progress is between 1 % and 99 %.");
                break;
            case ProgressStatus.Cumplida when progress.Percentage != 100:
                Add("percentage", "«Porcentaje de avance»: una actividad cumplida tiene 100 %.", "\"Percentage\": a completed activity is at 100 %.");
                break;
            case ProgressStatus.Cumplida when progress.Evidence.Count == 0:
                Add("evidence", "«Evidencia»: una actividad cumplida necesita al menos una evidencia.", "\"Evidence\": a completed activity needs at least one piece of evidence.");
                break;
        }

        return new ValidationResult(errors);
    }
}
