using System.Globalization;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Planning;

/// <summary>What a coordinator does to a space of the schedule.</summary>
public enum SpaceChange
{
    Add,
    Edit,
    Reschedule,
    Cancel,
}

/// <summary>The plan with the change applied and the changed space, or the field errors.</summary>
public sealed record SpaceEditResult(Plan? Plan, ScheduledSpace? Space, ValidationResult Validation)
{
    public bool Succeeded => Plan is not null;
}

/// <summary>
/// Server-side rules for the coordinators' schedule card: the card's strings (which can be forged) are checked against
/// the plan and the entity's catalogue; every change increases the space's <see cref="ScheduledSpace.Version"/>.
/// Keys: name, activity, area, date (YYYY-MM-DD) or period (free text, <see cref="PeriodParser"/>), time (HH:mm),
/// modality, format, kind, phase, level, place, link, reason.
/// </summary>
public static class SpaceEditor
{
    public const int MaxName = 300;
    public const int MaxText = 500;

    public static SpaceEditResult Apply(
        Plan plan,
        SpaceChange change,
        string? spaceId,
        IReadOnlyDictionary<string, string> values,
        EntityCatalog catalog,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<FieldError>();
        void Add(string key, string es, string en) => errors.Add(new FieldError(key, key, new LocalizedText(es, en)));
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        ScheduledSpace? existing = null;
        if (change != SpaceChange.Add)
        {
            existing = plan.Spaces.FirstOrDefault(s => string.Equals(s.Id, spaceId, StringComparison.Ordinal));
            if (existing is null)
            {
                Add("space", "«Espacio»: no está en el cronograma.", "\"Space\": not in the schedule.");
                return Fail(errors);
            }

            if (existing.Status == SpaceStatus.Cancelado)
            {
                Add("space", "«Espacio»: está cancelado y ya no se puede cambiar.", "\"Space\": it is cancelled and can no longer be changed.");
                return Fail(errors);
            }
        }

        string? Choice(string key, IReadOnlyList<string> list, string es, string en)
        {
            var text = Get(key);
            if (text is null)
            {
                return null;
            }

            var match = EntityCatalog.Match(list, text);
            if (match is null)
            {
                Add(key, $"«{es}»: «{Clip(text)}» no está en el catálogo de la entidad.", $"\"{en}\": \"{Clip(text)}\" is not in the entity's catalogue.");
            }

            return match;
        }

        string? Reason()
        {
            var reason = Get("reason");
            if (reason is null)
            {
                Add("reason", "«Motivo»: es obligatorio para reprogramar o cancelar.", "\"Reason\": is required to reschedule or cancel.");
            }
            else if (reason.Length > MaxText)
            {
                Add("reason", $"«Motivo»: tiene {reason.Length} caracteres; el máximo es {MaxText}.", $"\"Reason\": has {reason.Length} characters; the maximum is {MaxText}.");
            }

            return reason;
        }

        ScheduledSpace result;
        switch (change)
        {
            case SpaceChange.Cancel:
            {
                var reason = Reason();
                if (errors.Count > 0)
                {
                    return Fail(errors);
                }

                result = existing! with { Status = SpaceStatus.Cancelado, RescheduleReason = reason, Version = existing.Version + 1 };
                break;
            }

            case SpaceChange.Reschedule:
            {
                var period = Period(plan, values, errors, today, required: true);
                var reason = Reason();
                if (period is not null && period.Equals(existing!.Period))
                {
                    Add("date", "«Fecha»: es la misma fecha programada; indique la nueva.", "\"Date\": it is the date already scheduled; give the new one.");
                }

                if (errors.Count > 0)
                {
                    return Fail(errors);
                }

                var moved = existing!.Reschedule(period!, reason!);
                result = moved with { Version = existing.Version + 1 };
                break;
            }

            default:
            {
                var name = Get("name");
                if (name is null)
                {
                    Add("name", "«Nombre»: es obligatorio.", "\"Name\": is required.");
                }
                else if (name.Length > MaxName)
                {
                    Add("name", $"«Nombre»: tiene {name.Length} caracteres; el máximo es {MaxName}.", $"\"Name\": has {name.Length} characters; the maximum is {MaxName}.");
                }

                var area = Choice("area", catalog.Areas, "Dependencia líder", "Leading area");
                if (Get("area") is null)
                {
                    Add("area", "«Dependencia líder»: es obligatoria.", "\"Leading area\": is required.");
                }

                string? activityId = null;
                if (Get("activity") is { } activity)
                {
                    activityId = plan.FindActivity(activity)?.Id;
                    if (activityId is null)
                    {
                        Add("activity", $"«Actividad»: «{Clip(activity)}» no es una actividad del plan {plan.Year}.", $"\"Activity\": \"{Clip(activity)}\" is not an activity of the {plan.Year} plan.");
                    }
                }

                var modality = Choice("modality", catalog.Modalities, "Modalidad", "Modality");
                var format = Choice("format", catalog.Formats, "Formato", "Format");
                var kind = Choice("kind", catalog.Kinds, "Tipo (Menú Participa)", "Kind (Menú Participa)");
                var phase = Choice("phase", catalog.Phases, "Fase", "Phase");
                var level = Choice("level", catalog.Levels, "Nivel", "Level");
                var place = Get("place");
                if (place is { Length: > MaxText })
                {
                    Add("place", $"«Lugar»: tiene {place.Length} caracteres; el máximo es {MaxText}.", $"\"Place\": has {place.Length} characters; the maximum is {MaxText}.");
                }

                var link = Get("link");
                if (link is not null && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0 && link.Length <= 2000))
                {
                    Add("link", "«Enlace»: debe ser un enlace https válido.", "\"Link\": must be a valid https link.");
                }

                var period = change == SpaceChange.Add ? Period(plan, values, errors, today, required: true) : null;
                if (errors.Count > 0)
                {
                    return Fail(errors);
                }

                if (change == SpaceChange.Add)
                {
                    var id = PlanIds.Space(plan.Id, name!, period!.Start);
                    if (plan.Spaces.Any(s => s.Id == id))
                    {
                        id += "-" + Guid.NewGuid().ToString("N")[..6];
                    }

                    result = new ScheduledSpace(
                        id, activityId, name!, kind, phase, level, modality, format, [], [], [], area, [], period, place, link, null);
                }
                else
                {
                    result = existing! with
                    {
                        Name = name!,
                        ActivityId = activityId,
                        LeaderArea = area,
                        Modality = modality,
                        Format = format,
                        Kind = kind,
                        Phase = phase,
                        Level = level,
                        Place = place,
                        Link = link,
                        Version = existing.Version + 1,
                    };
                }

                break;
            }
        }

        var spaces = change == SpaceChange.Add
            ? [.. plan.Spaces, result]
            : plan.Spaces.Select(s => s.Id == result.Id ? result : s).ToList();
        return new SpaceEditResult(plan with { Spaces = spaces }, result, ValidationResult.Valid);
    }

    private static PlannedPeriod? Period(Plan plan, IReadOnlyDictionary<string, string> values, List<FieldError> errors, DateOnly today, bool required)
    {
        void Add(string key, string es, string en) => errors.Add(new FieldError(key, key, new LocalizedText(es, en)));
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        PlannedPeriod? period = null;
        string key = "date";
        if (Get("date") is { } date)
        {
            if (ReportValues.TryParseDate(date, out var day))
            {
                period = new PlannedPeriod(PeriodKind.ExactDate, day, day, ReportValues.Date(day));
            }
            else
            {
                Add("date", "«Fecha»: no es una fecha válida (AAAA-MM-DD).", "\"Date\": not a valid date (YYYY-MM-DD).");
                return null;
            }
        }
        else if (Get("period") is { } text)
        {
            key = "period";
            if (text.Length > 200)
            {
                Add("period", "«Periodo»: es demasiado largo.", "\"Period\": is too long.");
                return null;
            }

            var parsed = PeriodParser.Parse(text, plan.Year);
            if (!parsed.Succeeded)
            {
                Add("period", $"«Periodo»: {parsed.Error}", $"\"Period\": {parsed.Error}");
                return null;
            }

            period = parsed.Period;
        }
        else
        {
            if (required)
            {
                Add("date", "«Fecha»: es obligatoria.", "\"Date\": is required.");
            }

            return null;
        }

        if (Get("time") is { } time)
        {
            if (PeriodParser.TryParseTime(time, out var at))
            {
                period = period! with { Time = at };
            }
            else
            {
                Add("time", "«Hora»: no es una hora válida (HH:MM).", "\"Time\": not a valid time (HH:MM).");
            }
        }

        if (period!.Start is { } start && start.Year != plan.Year)
        {
            Add(key, $"«Fecha»: debe estar en {plan.Year.ToString(CultureInfo.InvariantCulture)}, el año del plan.", $"\"Date\": must be in {plan.Year.ToString(CultureInfo.InvariantCulture)}, the plan's year.");
        }
        else if (period.End is { } end && end < today)
        {
            Add(key, "«Fecha»: ya pasó; programe una fecha de hoy en adelante.", "\"Date\": is in the past; schedule today or later.");
        }

        return period;
    }

    private static SpaceEditResult Fail(List<FieldError> errors) => new(null, null, new ValidationResult(errors));

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
