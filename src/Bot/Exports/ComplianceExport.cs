using System.Globalization;
using ParticipaBot.Bot.Compliance;
using ParticipaBot.Core.Compliance;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Exports;

/// <summary>
/// The accountability export of one plan year: spaces, reports (one row per report, <see cref="ReportExport"/>),
/// contributions and answers, indicators per period and area (<see cref="IndicatorSheet"/>), and the yearly
/// evaluation document. Every figure comes from the same calculator as the summary card.
/// </summary>
internal static class ComplianceExport
{
    /// <summary>
    /// The workbook. Entity and period indicators are always included (aggregates); spaces, reports, contributions and
    /// area indicators only for the areas <paramref name="access"/> allows (everything when null).
    /// </summary>
    public static ExportWorkbook Workbook(ComplianceSnapshot snapshot, bool english, ComplianceAccess? access = null, Catalogs? catalogs = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        catalogs ??= Catalogs.Default;
        access ??= ComplianceAccess.Everything;
        var culture = CultureInfo.GetCultureInfo(english ? "en-US" : "es-CO");
        var overview = snapshot.Calculator.Overview(snapshot.Facts, snapshot.AsOf);
        overview = overview with { ByArea = [.. overview.ByArea.Where(s => Visible(access, s.Scope.Area))] };
        var visible = snapshot with
        {
            Plan = snapshot.Plan with { Spaces = [.. snapshot.Plan.Spaces.Where(s => Visible(access, s.LeaderArea))] },
            Reports = [.. snapshot.Reports.Where(r => Visible(access, r.LeaderArea))],
        };
        return new ExportWorkbook([Spaces(visible, english), Reports(visible, english, catalogs, culture), Items(visible, english, catalogs, culture), IndicatorSheet.Build(overview, english)]);
    }

    /// <summary>Whether the detail of an area may be exported: not for entity-only readers, even for a space without area.</summary>
    public static bool Visible(ComplianceAccess access, string? area) =>
        access.AllAreas || (access.Areas.Count > 0 && area is not null && access.CanSeeArea(area));

    public static ExportSheet Spaces(ComplianceSnapshot snapshot, bool english)
    {
        string[] headers = english
            ? ["Space id", "Name", "Area", "Phase", "Kind", "Level", "Modality", "Format", "Planned from", "Planned to", "Baseline from", "Status", "Reason", "Reported"]
            : ["Id del espacio", "Nombre", "Dependencia", "Fase", "Tipo", "Nivel", "Modalidad", "Formato", "Fecha planeada", "Hasta", "Fecha de línea base", "Estado", "Motivo", "Reportado"];
        var reported = snapshot.Facts.Reports.Select(r => r.SpaceId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var rows = snapshot.Plan.Spaces.Select(s => (IReadOnlyList<object?>)
        [
            s.Id, s.Name, s.LeaderArea, s.Phase, s.Kind, s.Level, s.Modality, s.Format, s.Period.Start, s.Period.End,
            (s.Baseline ?? s.Period).Start, s.Status.ToString(), s.RescheduleReason, reported.Contains(s.Id),
        ]).ToList();
        return new ExportSheet(english ? "Spaces" : "Espacios", headers, rows);
    }

    public static ExportSheet Reports(ComplianceSnapshot snapshot, bool english, Catalogs catalogs, CultureInfo culture)
    {
        var form = ReportForm.Default;
        var columns = ReportExport.Columns(form);
        var headers = columns.Select(c => c.Header.For(culture)).Append(english ? "Status" : "Estado").ToList();
        var rows = snapshot.Reports
            .Where(r => r.Status != ReportStatus.Borrador)
            .Select(r => (IReadOnlyList<object?>)[.. ReportExport.Row(form, r, catalogs, culture), r.Status.ToCode()])
            .ToList();
        return new ExportSheet(english ? "Reports" : "Reportes", headers, rows);
    }

    public static ExportSheet Items(ComplianceSnapshot snapshot, bool english, Catalogs catalogs, CultureInfo culture)
    {
        string[] headers = english
            ? ["Report id", "Space", "Area", "Held on", "Kind", "Contribution", "Value group", "Decision", "Justification", "Answered by", "Answered on"]
            : ["Id del reporte", "Espacio", "Dependencia", "Fecha", "Tipo de aporte", "Aporte", "Grupo de valor", "Decisión", "Justificación", "Responde", "Fecha de respuesta"];
        string Label(string vocabulary, string code) => catalogs.Get(vocabulary).Find(code)?.Label.For(culture) ?? code;
        var rows = snapshot.Reports
            .Where(r => r.Status != ReportStatus.Borrador)
            .SelectMany(r => r.Items.Select(i => (IReadOnlyList<object?>)
            [
                r.Id, r.Name, r.LeaderArea, r.HeldFrom, Label(VocabularyIds.ItemKind, i.Kind.ToCode()), i.Text, i.ValueGroup,
                i.Answer is { } a ? Label(VocabularyIds.AnswerDecision, a.Decision.ToCode()) : null, i.Answer?.Justification, i.Answer?.AnsweredBy, i.Answer?.AnsweredOn,
            ]))
            .ToList();
        return new ExportSheet(english ? "Contributions" : "Aportes y respuestas", headers, rows);
    }

    /// <summary>
    /// The yearly evaluation for the accountability report: indicators; spaces held by phase, level and modality;
    /// recommendations per space; improvement actions from red and yellow indicators and the reports' own lessons.
    /// </summary>
    public static ExportDocument Evaluation(ComplianceSnapshot snapshot, bool english, ComplianceAccess? access = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        access ??= ComplianceAccess.Everything;
        var culture = CultureInfo.GetCultureInfo(english ? "en-US" : "es-CO");
        var summary = snapshot.Calculator.Summarize(snapshot.Facts, snapshot.AsOf, ComplianceScope.Entity);
        string T(string es, string en) => english ? en : es;
        var blocks = new List<DocumentBlock>
        {
            new ParagraphBlock(T(
                $"Entidad: {snapshot.Plan.EntityId}. Vigencia {snapshot.Plan.Year}. Corte: {summary.CutOff:yyyy-MM-dd}{(summary.IsPeriodOpen ? " (provisional)" : string.Empty)}.",
                $"Entity: {snapshot.Plan.EntityId}. Plan year {snapshot.Plan.Year}. Cut-off: {summary.CutOff:yyyy-MM-dd}{(summary.IsPeriodOpen ? " (provisional)" : string.Empty)}.")),
            new HeadingBlock(T("1. Indicadores de cumplimiento", "1. Compliance indicators")),
            new TableBlock(
                [T("Código", "Code"), T("Indicador", "Indicator"), T("Numerador", "Numerator"), T("Denominador", "Denominator"), T("Valor", "Value"), T("Semáforo", "Light")],
                [.. IndicatorCodes.All.Select(code => (IReadOnlyList<string>)
                [
                    code, IndicatorNames.Get(code, english), Format(summary[code].Numerator, culture), Format(summary[code].Denominator, culture),
                    summary[code] is { IsRatio: true, Value: { } v } ? (v * 100).ToString("0.#", culture) + " %" : Format(summary[code].Value, culture),
                    IndicatorSheet.LightName(summary[code].Light, english),
                ])]),
            new HeadingBlock(T("2. Espacios realizados por fase, nivel y modalidad", "2. Spaces held by phase, level and modality")),
            Breakdown(T("Fase", "Phase"), summary.HeldBy.ByPhase, english),
            Breakdown(T("Nivel", "Level"), summary.HeldBy.ByLevel, english),
            Breakdown(T("Modalidad", "Modality"), summary.HeldBy.ByModality, english),
            new HeadingBlock(T("3. Recomendaciones por espacio", "3. Recommendations per space")),
        };

        var counted = snapshot.Reports.Where(r => ReportFacts.Counts(r) && Visible(access, r.LeaderArea)).OrderBy(r => r.HeldFrom).ToList();
        var withRecommendations = counted.Where(r => r.Items.Any(i => i.Kind is ItemKind.Recomendacion or ItemKind.Propuesta)).ToList();
        if (withRecommendations.Count == 0)
        {
            blocks.Add(new ParagraphBlock(T("Ningún espacio recibió recomendaciones o propuestas.", "No space received recommendations or proposals.")));
        }

        foreach (var report in withRecommendations)
        {
            blocks.Add(new HeadingBlock($"{report.Name} ({report.HeldFrom:yyyy-MM-dd}, {report.LeaderArea})", 2));
            foreach (var item in report.Items.Where(i => i.Kind is ItemKind.Recomendacion or ItemKind.Propuesta))
            {
                var answer = item.Answer is { } a ? $"{a.Decision.ToCode()}{(a.Justification is { } j ? ": " + j : string.Empty)}" : T("sin respuesta", "unanswered");
                blocks.Add(new BulletBlock($"{item.Text} → {answer}"));
            }
        }

        blocks.Add(new HeadingBlock(T("4. Acciones de mejora", "4. Improvement actions")));
        var actions = ImprovementActions(summary, english);
        foreach (var action in actions)
        {
            blocks.Add(new BulletBlock(action));
        }

        var lessons = counted
            .Where(r => !string.IsNullOrWhiteSpace(r.InternalEvaluation?.Difficulties) || !string.IsNullOrWhiteSpace(r.InternalEvaluation?.Lessons))
            .ToList();
        if (lessons.Count > 0)
        {
            blocks.Add(new HeadingBlock(T("Dificultades y lecciones reportadas por las dependencias", "Difficulties and lessons reported by the areas"), 2));
            foreach (var report in lessons)
            {
                var parts = new[]
                {
                    report.InternalEvaluation?.Difficulties is { Length: > 0 } d ? T("Dificultad: ", "Difficulty: ") + d : null,
                    report.InternalEvaluation?.Lessons is { Length: > 0 } l ? T("Lección: ", "Lesson: ") + l : null,
                };
                blocks.Add(new BulletBlock($"{report.Name} ({report.LeaderArea}): {string.Join(" ", parts.OfType<string>())}"));
            }
        }

        if (actions.Count == 0 && lessons.Count == 0)
        {
            blocks.Add(new ParagraphBlock(T("Todos los indicadores están en verde; no se proponen acciones de mejora.", "Every indicator is green; no improvement action is proposed.")));
        }

        return new ExportDocument(T($"Evaluación de la estrategia de participación ciudadana {snapshot.Plan.Year}", $"Citizen-participation strategy evaluation {snapshot.Plan.Year}"), blocks);
    }

    /// <summary>Standard improvement texts for each red or yellow indicator.</summary>
    public static IReadOnlyList<string> ImprovementActions(ComplianceSummary summary, bool english)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var actions = new List<string>();
        foreach (var code in IndicatorCodes.All)
        {
            var value = summary[code];
            if (value.Light is not (TrafficLight.Red or TrafficLight.Yellow) || !StandardActions.TryGetValue(code, out var text))
            {
                continue;
            }

            var light = IndicatorSheet.LightName(value.Light, english);
            actions.Add($"{code} {IndicatorNames.Get(code, english)} ({light}, {(value.Value ?? 0) * 100:0.#} %): {(english ? text.En : text.Es)}");
        }

        return actions;
    }

    private static readonly Dictionary<string, (string Es, string En)> StandardActions = new(StringComparer.Ordinal)
    {
        [IndicatorCodes.ScheduleCompliance] = ("Revisar con cada dependencia los espacios vencidos, reprogramarlos con motivo o cancelarlos, y reportar los realizados.", "Review overdue spaces with each area; reschedule them with a reason or cancel them, and report those held."),
        [IndicatorCodes.OnTime] = ("Planear fechas realistas en el cronograma y limitar las reprogramaciones.", "Plan realistic dates in the schedule and limit rescheduling."),
        [IndicatorCodes.ActivitiesCompleted] = ("Hacer seguimiento cuatrimestral al avance de las actividades de la estrategia y registrar sus evidencias.", "Follow up activity progress every four months and record its evidence."),
        [IndicatorCodes.ValueGroupCoverage] = ("Convocar a los grupos de valor priorizados que aún no han participado, con canales adecuados para ellos.", "Invite the prioritised value groups that have not taken part yet, through channels suited to them."),
        [IndicatorCodes.CycleCoverage] = ("Programar espacios en las fases del ciclo de la gestión sin participación (diagnóstico, formulación, implementación, seguimiento y evaluación).", "Schedule spaces in the management-cycle phases without participation."),
        [IndicatorCodes.GoalsWithParticipation] = ("Vincular los espacios de participación a las metas institucionales que aún no cuentan con ella.", "Link participation spaces to the institutional goals that have none yet."),
        [IndicatorCodes.AnswerRate] = ("Responder por escrito las observaciones y propuestas pendientes y publicar las respuestas.", "Answer pending observations and proposals in writing and publish the answers."),
        [IndicatorCodes.Uptake] = ("Analizar las propuestas no acogidas y explicar a los grupos de valor las razones.", "Analyse the proposals not taken up and explain the reasons to the value groups."),
        [IndicatorCodes.CommitmentsMet] = ("Asignar responsables y fechas a los compromisos vencidos y hacerles seguimiento.", "Assign owners and dates to overdue commitments and follow them up."),
        [IndicatorCodes.ReportTimeliness] = ("Recordar a las dependencias reportar dentro de los días hábiles establecidos después de cada espacio.", "Remind areas to report within the set working days after each space."),
        [IndicatorCodes.EvidenceCompleteness] = ("Adjuntar actas, listas de asistencia y publicar los resultados de cada espacio.", "Attach minutes and attendance lists and publish each space's results."),
    };

    private static TableBlock Breakdown(string title, IReadOnlyDictionary<string, int> counts, bool english) => new(
        [title, english ? "Spaces held" : "Espacios realizados"],
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (IReadOnlyList<string>)[c.Key.Length == 0 ? (english ? "(not stated)" : "(sin dato)") : c.Key, c.Value.ToString(CultureInfo.InvariantCulture)])]);

    private static string Format(decimal? value, CultureInfo culture) => value is { } v ? v.ToString("0.##", culture) : string.Empty;
}
