using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Planning;

/// <summary>The outcome of a schedule import: the spaces only when there is no error.</summary>
public sealed record ScheduleImportResult(IReadOnlyList<ScheduledSpace>? Spaces, IReadOnlyList<ImportIssue> Errors, IReadOnlyList<ImportIssue> Notices)
{
    /// <summary>True when every row was understood.</summary>
    public bool Succeeded => Spaces is not null && Errors.Count == 0;
}

/// <summary>
/// Reads the schedule of participation spaces (docs/templates/spaces-template.csv) against a plan: activities by
/// number ("2.1"), vocabularies by the entity's catalogue (case and accents ignored), dates by <see cref="PeriodParser"/>.
/// The file is the whole schedule. Pure: rows in, spaces and errors out.
/// </summary>
public static class ScheduleTableImporter
{
    private enum Col
    {
        Id, Activity, Name, Kind, Phase, Level, Modality, Format, ValueGroups, Population, Goals, Leader, People, Date, Time, Place, Link, Channel, Status,
    }

    private static readonly Dictionary<string, Col> Headers = new(StringComparer.Ordinal)
    {
        ["id"] = Col.Id,
        ["codigo"] = Col.Id,
        ["actividad"] = Col.Activity,
        ["actividad del plan"] = Col.Activity,
        ["nombre"] = Col.Name,
        ["nombre del espacio"] = Col.Name,
        ["espacio"] = Col.Name,
        ["espacio de participacion"] = Col.Name,
        ["tipo"] = Col.Kind,
        ["tipo de espacio"] = Col.Kind,
        ["menu participa"] = Col.Kind,
        ["fase"] = Col.Phase,
        ["fase del ciclo"] = Col.Phase,
        ["nivel"] = Col.Level,
        ["nivel de participacion"] = Col.Level,
        ["modalidad"] = Col.Modality,
        ["formato"] = Col.Format,
        ["grupos de valor"] = Col.ValueGroups,
        ["grupo de valor"] = Col.ValueGroups,
        ["enfoque poblacional"] = Col.Population,
        ["poblacion"] = Col.Population,
        ["metas"] = Col.Goals,
        ["temas"] = Col.Goals,
        ["metas/temas"] = Col.Goals,
        ["metas o temas"] = Col.Goals,
        ["metas institucionales"] = Col.Goals,
        ["dependencia lider"] = Col.Leader,
        ["lider"] = Col.Leader,
        ["dependencia responsable"] = Col.Leader,
        ["dependencia"] = Col.Leader,
        ["responsables"] = Col.People,
        ["responsable"] = Col.People,
        ["fecha"] = Col.Date,
        ["fecha programada"] = Col.Date,
        ["periodo"] = Col.Date,
        ["hora"] = Col.Time,
        ["lugar"] = Col.Place,
        ["lugar o municipio"] = Col.Place,
        ["municipio"] = Col.Place,
        ["enlace"] = Col.Link,
        ["link"] = Col.Link,
        ["canal"] = Col.Channel,
        ["canal de teams"] = Col.Channel,
        ["estado"] = Col.Status,
    };

    /// <summary>Imports the rows against the plan (which supplies the year, activities and known areas).</summary>
    public static ScheduleImportResult Import(IReadOnlyList<TableRow> rows, Plan plan, EntityCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(plan);
        catalog ??= EntityCatalog.Defaults;
        var errors = new List<ImportIssue>();
        var notices = new List<ImportIssue>();
        var headerIndex = -1;
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].IsBlank)
            {
                headerIndex = i;
                break;
            }
        }

        if (headerIndex < 0)
        {
            errors.Add(new ImportIssue(null, "El archivo está vacío / the file is empty."));
            return new ScheduleImportResult(null, errors, notices);
        }

        var header = rows[headerIndex];
        var columns = new Dictionary<Col, int>();
        for (var c = 0; c < header.Cells.Count; c++)
        {
            var text = PlanTableImporter.Clean(header.Cell(c));
            if (text.Length == 0)
            {
                continue;
            }

            if (Headers.TryGetValue(TextFolding.Fold(text).Trim(':', '*'), out var col))
            {
                columns[col] = c;
            }
            else
            {
                errors.Add(new ImportIssue(new SourceLocation(header.Number, c + 1, text), $"Encabezado desconocido «{text}» (vea docs/templates/spaces-template.csv) / unknown header."));
            }
        }

        foreach (var required in new[] { Col.Name, Col.Date })
        {
            if (!columns.ContainsKey(required))
            {
                errors.Add(new ImportIssue(new SourceLocation(header.Number), $"Falta la columna obligatoria «{(required == Col.Name ? "Nombre" : "Fecha")}» / missing required column."));
            }
        }

        if (errors.Count > 0)
        {
            return new ScheduleImportResult(null, errors, notices);
        }

        var areas = new AreaSplitter(catalog.Areas.Concat(plan.Activities.SelectMany(a => a.Areas)));
        var existing = plan.Spaces.ToDictionary(s => s.Id);
        var spaces = new List<ScheduledSpace>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(headerIndex + 1).Where(r => !r.IsBlank))
        {
            var before = errors.Count;
            string Get(Col col) => columns.TryGetValue(col, out var c) ? PlanTableImporter.Clean(row.Cell(c)) : string.Empty;
            SourceLocation At(Col col) => columns.TryGetValue(col, out var c)
                ? new SourceLocation(row.Number, c + 1, PlanTableImporter.Clean(header.Cell(c)))
                : new SourceLocation(row.Number);
            void Error(Col col, string message) => errors.Add(new ImportIssue(At(col), message));

            string? One(Col col, IReadOnlyList<string> list, string what, bool open = false)
            {
                var text = Get(col);
                if (text.Length == 0)
                {
                    return null;
                }

                var match = EntityCatalog.Match(list, text);
                if (match is null && !open)
                {
                    Error(col, $"{what} desconocido «{text}». Valores: {string.Join(", ", list)} / unknown value.");
                }

                return match ?? text;
            }

            var name = Get(Col.Name);
            if (name.Length == 0)
            {
                Error(Col.Name, "El espacio no tiene nombre / the space has no name.");
            }

            string? activityId = null;
            var activityText = Get(Col.Activity);
            if (activityText.Length > 0)
            {
                var activity = plan.FindActivity(activityText) ?? plan.FindActivity(activityText.TrimEnd('.'));
                if (activity is null)
                {
                    Error(Col.Activity, $"La actividad «{activityText}» no existe en el plan {plan.Year} (use su número, p. ej. 2.1) / no such activity.");
                }

                activityId = activity?.Id;
            }

            var parsed = PeriodParser.Parse(Get(Col.Date), plan.Year);
            var period = parsed.Period;
            if (!parsed.Succeeded)
            {
                Error(Col.Date, parsed.Error!);
            }

            var timeText = Get(Col.Time);
            if (timeText.Length > 0 && period is not null)
            {
                if (PeriodParser.TryParseTime(timeText, out var time))
                {
                    period = period with { Time = time };
                }
                else
                {
                    Error(Col.Time, $"No se entiende la hora «{timeText}» (p. ej. 09:00 AM, 5:00 p. m., 12:00 m) / unrecognised time.");
                }
            }

            var actors = new List<string>();
            var population = new List<string>();
            foreach (var group in SplitList(Get(Col.ValueGroups)).Concat(SplitList(Get(Col.Population))))
            {
                if (EntityCatalog.Match(catalog.ActorGroups, group) is { } actor)
                {
                    actors.Add(actor);
                }
                else if (EntityCatalog.Match(catalog.PopulationGroups, group) is { } focus)
                {
                    population.Add(focus);
                }
                else
                {
                    Error(Col.ValueGroups, $"Grupo de valor desconocido «{group}» / unknown value group.");
                }
            }

            var goals = new List<string>();
            foreach (var goal in SplitList(Get(Col.Goals)))
            {
                var match = catalog.Goals.Count == 0 ? goal : EntityCatalog.Match(catalog.Goals, goal);
                if (match is null)
                {
                    Error(Col.Goals, $"Meta institucional desconocida «{goal}» / unknown goal.");
                }
                else
                {
                    goals.Add(match);
                }
            }

            string? leader = null;
            var leaderText = Get(Col.Leader);
            if (leaderText.Length > 0)
            {
                var split = areas.Split(leaderText);
                if (split.Unrecognised.Count > 0 || split.Leader is null || split.Support.Count > 0)
                {
                    Error(Col.Leader, $"Dependencia desconocida «{leaderText}»: escriba una dependencia del catálogo / unknown area.");
                }

                leader = split.Leader;
            }

            var status = SpaceStatus.Programado;
            var statusText = Get(Col.Status);
            if (statusText.Length > 0 && !Enum.TryParse(TextFolding.Fold(statusText), ignoreCase: true, out status))
            {
                Error(Col.Status, $"Estado desconocido «{statusText}» (programado, convocado, realizado, reprogramado, cancelado) / unknown status.");
            }

            var kind = One(Col.Kind, catalog.Kinds, "Tipo de espacio");
            var phase = One(Col.Phase, catalog.Phases, "Fase");
            var level = One(Col.Level, catalog.Levels, "Nivel");
            var modality = One(Col.Modality, catalog.Modalities, "Modalidad");
            var format = One(Col.Format, catalog.Formats, "Formato", open: true);

            if (errors.Count > before || period is null)
            {
                continue;
            }

            var id = Get(Col.Id) is { Length: > 0 } given ? given : PlanIds.Space(plan.Id, name, period.Start);
            if (!ids.Add(id))
            {
                Error(Col.Id, $"Espacio repetido «{name}» ({period.OriginalText}) / duplicate space.");
                continue;
            }

            var space = new ScheduledSpace(
                id, activityId, name, kind, phase, level, modality, format, actors, population, goals, leader,
                SplitList(Get(Col.People)), period, NullIfEmpty(Get(Col.Place)), NullIfEmpty(Get(Col.Link)), NullIfEmpty(Get(Col.Channel)),
                status, Source: new SourceLocation(row.Number));

            // Without a status column the stored status and baseline survive a re-import.
            if (!columns.ContainsKey(Col.Status) && existing.TryGetValue(id, out var stored))
            {
                space = space with { Status = stored.Status, Baseline = stored.Baseline, RescheduleReason = stored.RescheduleReason };
            }

            spaces.Add(space);
        }

        return errors.Count > 0 ? new ScheduleImportResult(null, errors, notices) : new ScheduleImportResult(spaces, errors, notices);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string[] SplitList(string text) =>
        [.. text.Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0)];
}
