using ParticipaBot.Bot.Compliance;
using ParticipaBot.Core.Compliance;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Tests.Compliance;

/// <summary>
/// A 2026 plan of two areas, as of 15 September 2026 (Bogotá):
///   Atención (A): A1 10 Mar held (R-A1 sent), A2 20 Apr overdue.
///   Planeación (P): P1 05 Mar held (R-P1 approved, with an unanswered proposal), P2 05 May overdue ("Foro secreto de Planeación").
/// Entity I1 = 2 of 4; each area 1 of 2.
/// </summary>
internal static class ComplianceTestData
{
    public const string Atencion = "Grupo de Atención Ciudadana";
    public const string Planeacion = "Oficina Asesora de Planeación";
    public const string SecretSpace = "Foro secreto de Planeación";
    public const string SecretProposal = "Propuesta secreta de Planeación";
    public static readonly DateOnly AsOf = new(2026, 9, 15);
    public static readonly DateTimeOffset Now = new(2026, 9, 15, 15, 0, 0, TimeSpan.Zero);

    public static Plan Plan(string entityId = "mintrabajo")
    {
        ScheduledSpace Space(string id, string name, string area, int month, int day)
        {
            var date = new DateOnly(2026, month, day);
            return new ScheduledSpace(id, null, name, "consulta ciudadana", "FORMULACION", "consulta", "presencial", "taller", ["ciudadanía"], [], ["Trabajo decente"],
                area, [], new PlannedPeriod(PeriodKind.ExactDate, date, date, $"{day}/{month}/2026"), null, null, null);
        }

        return new Plan($"plan-{entityId}-2026", entityId, 2026, "Estrategia de participación 2026", null, [],
        [
            Space("A1", "Mesa con usuarios", Atencion, 3, 10),
            Space("A2", "Feria de servicio", Atencion, 4, 20),
            Space("P1", "Consulta del plan institucional", Planeacion, 3, 5),
            Space("P2", SecretSpace, Planeacion, 5, 5),
        ]);
    }

    public static IReadOnlyList<ParticipationReport> Reports() =>
    [
        Report("R-A1", "A1", "Mesa con usuarios", Atencion, new DateOnly(2026, 3, 10), ReportStatus.Enviado,
            [new ReportItem(ItemKind.Recomendacion, "Ampliar horarios de atención", "CIUDADANIA", new ItemAnswer(AnswerDecision.Acogida, "Se amplían", "Atención", new DateOnly(2026, 3, 20)))]),
        Report("R-P1", "P1", "Consulta del plan institucional", Planeacion, new DateOnly(2026, 3, 5), ReportStatus.Aprobado,
            [new ReportItem(ItemKind.Propuesta, SecretProposal, "CIUDADANIA")]),
    ];

    public static ComplianceSnapshot Snapshot()
    {
        var plan = Plan();
        var reports = Reports();
        var facts = ComplianceFactsBuilder.Build(plan, reports, []);
        return new ComplianceSnapshot(plan, reports, facts, ComplianceFactsBuilder.Calculator(), AsOf, [Atencion, Planeacion]);
    }

    private static ParticipationReport Report(string id, string spaceId, string name, string area, DateOnly held, ReportStatus status, IReadOnlyList<ReportItem> items) => new()
    {
        Id = id,
        Year = 2026,
        SpaceId = spaceId,
        Name = name,
        HeldFrom = held,
        LeaderArea = area,
        Modality = "PRESENCIAL",
        Format = "TALLER",
        Kind = "CONSULTA_CIUDADANA",
        Phase = "FORMULACION",
        Level = "CONSULTA",
        ActivitiesCarriedOut = "Presentación y mesas de trabajo.",
        ActorTypes = ["CIUDADANIA"],
        Goals = ["Trabajo decente"],
        Participants = new ParticipantCount(25),
        Items = items,
        Result = new ParticipationResult("Aportes recogidos.", "INSUMO_DIAGNOSTICO"),
        InternalEvaluation = new InternalEvaluation("Buena asistencia", "Convocatoria tardía", "Convocar con dos semanas"),
        Status = status,
        FirstSubmittedAt = new DateTimeOffset(held.ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(-5)).AddDays(1),
        SubmittedAt = new DateTimeOffset(held.ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(-5)).AddDays(1),
    };
}
