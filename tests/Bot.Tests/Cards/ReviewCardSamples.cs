using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Cards.Review;
using ParticipaBot.Bot.Reporting;
using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Tests.Cards;

/// <summary>The review, answers, progress and schedule cards with fixed sample data, for the card catalog.</summary>
internal static class ReviewCardSamples
{
    private static readonly DateOnly Today = new(2026, 5, 4);

    public static ParticipationReport Report { get; } = new()
    {
        Id = "rep-1",
        Year = 2026,
        SpaceId = "ESP-001",
        Name = "Mesa de trabajo con sindicatos del sector",
        HeldFrom = new DateOnly(2026, 3, 10),
        LeaderArea = "Grupo de Atención al Ciudadano",
        Modality = "PRESENCIAL",
        Format = "TALLER",
        Kind = "CONSULTA_CIUDADANA",
        Phase = "FORMULACION",
        Level = "CONSULTA",
        ActivitiesCarriedOut = "Presentación del proyecto y trabajo en tres mesas.",
        Participants = new ParticipantCount(35),
        Items =
        [
            new ReportItem(ItemKind.Propuesta, "Incluir a los trabajadores rurales.", "SINDICATOS", new ItemAnswer(AnswerDecision.EnEstudio, null, "Dirección de Políticas", null)),
            new ReportItem(ItemKind.Observacion, "El horario no favorece a quienes trabajan.", null),
        ],
        Result = new ParticipationResult("Se recogieron 12 aportes.", "INSUMO_DIAGNOSTICO"),
        Status = ReportStatus.Devuelto,
        ReturnComment = "Falta el acta firmada.",
        SubmittedBy = "delegate-aad",
        Versions =
        [
            new ReportVersion(1, "Diana Delegada", new DateTimeOffset(2026, 3, 12, 15, 0, 0, TimeSpan.Zero), ["space", "name", "heldOn"], ReportStatus.Enviado),
            new ReportVersion(2, "Carlos Coordinador", new DateTimeOffset(2026, 3, 14, 16, 30, 0, TimeSpan.Zero), ["status"], ReportStatus.Devuelto),
        ],
    };

    private static ReviewActor Coordinator { get; } = new("coord-aad", "Carlos Coordinador", new UserRoles(true, false, []));

    private static readonly PlanActivity Activity = new(
        "plan-e-2026-c1-a1", "1.1", "Caracterizar los grupos de valor de la entidad", "Documento", "Grupo de Atención al Ciudadano", [],
        PlannedPeriod.ForCuatrimestres(2026, [1, 2], "C1, C2"), [new Milestone("Cuatrimestre 1", new DateOnly(2026, 4, 30), 1), new Milestone("Cuatrimestre 2", new DateOnly(2026, 8, 31), 2)]);

    private static readonly ScheduledSpace Space = new(
        "s1", Activity.Id, "Foro de rendición de cuentas", "rendición de cuentas", "SEGUIMIENTO_EVALUACION", "consulta", "presencial", "foro", [], [], [],
        "Grupo de Atención al Ciudadano", [], new PlannedPeriod(PeriodKind.ExactDate, new(2026, 6, 10), new(2026, 6, 10), "2026-06-10", new TimeOnly(9, 30)),
        "Cali", null, null, SpaceStatus.Reprogramado, new PlannedPeriod(PeriodKind.ExactDate, new(2026, 5, 20), new(2026, 5, 20), "2026-05-20"), "Puente festivo", Version: 2);

    private static readonly Plan Plan = new("plan-e-2026", "e", 2026, "Plan", null, [new PlanComponent("plan-e-2026-c1", 1, "Componente", null, [Activity])], [Space]);

    private static readonly FieldError[] Errors =
    [
        new("reason", "reason", new Core.Vocabularies.LocalizedText("«Motivo»: es obligatorio.", "\"Reason\": is required.")),
    ];

    /// <summary>The report's own space and the plan's other space of its area, with the wizard's labels.</summary>
    private static ReportEditChoices EditChoices()
    {
        var validation = new ReportValidationContext(Today, 2026, new HashSet<string>([Report.LeaderArea]), new HashSet<string>([Report.SpaceId!, Space.Id]), Core.Vocabularies.Catalogs.Default);
        var (spaceLabels, activityLabels) = ReportPlanContextLoader.Labels(Plan, EntityCatalog.Defaults);
        return new ReportEditChoices(validation, spaceLabels, activityLabels);
    }

    public static IEnumerable<KeyValuePair<string, AdaptiveCard>> For(UserLanguage language, string suffix)
    {
        var progress = new[] { new ActivityProgress(Activity.Id, 2026, 1, ProgressStatus.EnCurso, 40, [], null) };
        yield return KeyValuePair.Create($"review-my-reports.{suffix}", ReportListCard.Build(language, [Report], forApproval: false, 2026));
        yield return KeyValuePair.Create($"review-to-approve.{suffix}", ReportListCard.Build(language, [Report with { Status = ReportStatus.Enviado }], forApproval: true, 2026));
        yield return KeyValuePair.Create($"review-report.{suffix}", ReportCard.Build(language, Report, Coordinator, Today));
        yield return KeyValuePair.Create($"review-history.{suffix}", ReportHistoryCard.Build(language, Report));
        yield return KeyValuePair.Create($"review-edit.{suffix}", ReportEditCard.Build(language, Report, EditChoices()));
        yield return KeyValuePair.Create($"review-return.{suffix}", ReturnCommentCard.Build(language, Report));
        yield return KeyValuePair.Create($"review-outcome.{suffix}", ReviewOutcomeCard.Build(language, Report, "Carlos Coordinador", 2026));
        yield return KeyValuePair.Create($"review-answers-list.{suffix}", AnswersCard.BuildList(language, [Report]));
        yield return KeyValuePair.Create($"review-answers.{suffix}", AnswersCard.Build(language, Report));
        yield return KeyValuePair.Create($"review-progress.{suffix}", ProgressCard.Build(language, 2026, [Activity], progress, 2));
        yield return KeyValuePair.Create($"review-schedule.{suffix}", ScheduleCard.Build(language, Plan, 2026, Today));
        yield return KeyValuePair.Create($"review-space-add.{suffix}", SpaceCard.Build(language, SpaceChange.Add, null, EntityCatalog.Defaults, 2026));
        yield return KeyValuePair.Create($"review-space-reschedule.{suffix}", SpaceCard.Build(language, SpaceChange.Reschedule, Space, EntityCatalog.Defaults, 2026, errors: Errors));
    }
}
