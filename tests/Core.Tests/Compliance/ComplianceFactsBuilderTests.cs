using ParticipaBot.Core.Compliance;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Tests.Reporting;

namespace ParticipaBot.Core.Tests.Compliance;

/// <summary>
/// From real <see cref="Plan"/> and <see cref="ParticipationReport"/> records to figures worked out by hand.
/// Year 2026, as of Friday 15 May 2026, Colombian working days (1 May, Labour Day, is a holiday).
///
/// Spaces (all led by "Grupo de Atención Ciudadana", targeting Sindicatos and Mujeres):
///   E1 10 Mar                               → report R1 sent 12 Mar (Thu): held 10 Mar, 2 working days late → timely
///   E2 05 Mar, rescheduled to 20 Apr        → report R2 approved, held 20 Apr: I1 counts it, I2 does not (baseline 5 Mar)
///   E3 15 Apr, cancelled                    → out of every denominator
///   E4 28 Apr                               → report R4 RETURNED by the coordinator: does not count, E4 is overdue
///   E5 05 May                               → report R5 still a draft: does not count, E5 is overdue
///   E6 10 Jun                               → in the future
/// Activity A1 (milestones in C1 and C2): 100 % in C1, 40 % in C2.
/// </summary>
public sealed class ComplianceFactsBuilderTests
{
    private const string Area = "Grupo de Atención Ciudadana";
    private static readonly DateOnly AsOf = new(2026, 5, 15);

    [Fact]
    public void Build_RealRecords_FiguresAsWorkedOut()
    {
        var facts = ComplianceFactsBuilder.Build(BuildPlan(), BuildReports(), Progress());
        var summary = ComplianceFactsBuilder.Calculator().Summarize(facts, AsOf, ComplianceScope.Entity);

        // Only R1 and R2 count (R4 returned, R5 draft).
        Assert.Equal(["R1", "R2"], facts.Reports.Select(r => r.Id));
        // I1: planned up to 15 May, not cancelled: E1, E2 (now 20 Apr), E4, E5 = 4; with a counted report: E1, E2 = 2 → 50 %.
        AssertRatio(summary["I1"], 2, 4, TrafficLight.Red);
        Assert.Equal(["E4", "E5"], summary.OverdueSpaceIds);
        // I2: held E1 (10 Mar, on its date) and E2 (held 20 Apr, baseline 5 Mar) → 1 of 2.
        AssertRatio(summary["I2"], 1, 2, TrafficLight.Red);
        // I3: periods started by 15 May: C1 and C2; A1 is 100 % in C1 but 40 % in C2 → 0 of 1.
        AssertRatio(summary["I3"], 0, 1, TrafficLight.Red);
        // I4: two reports count.
        Assert.Equal(2m, summary["I4"].Value);
        // I5: prioritised (the spaces' targets) Sindicatos, Mujeres; both reached by R1/R2 (codes SINDICATOS, MUJERES) → 2 of 2.
        AssertRatio(summary["I5"], 2, 2, TrafficLight.Green);
        // I8: each report has a proposal (answered 20 Mar) and a question (unanswered) → 2 of 4.
        AssertRatio(summary["I8"], 2, 4, TrafficLight.Red);
        // I9: two partial uptakes × 0.5 = 1 of 4.
        AssertRatio(summary["I9"], 1, 4, TrafficLight.Red);
        // I10: R1 10 Mar (Tue) → 20 Mar (Fri) = 8 working days; R2 20 Apr (Mon) → 30 Apr (Thu) = 8; median 8.
        Assert.Equal(8m, summary["I10"].Value);
        // I12: R1 sent 12 Mar (2 working days); R2 sent 6 May after holding on 20 Apr: 21 Apr..6 May = 11 working days
        // (1 May is a holiday) → late. 1 of 2.
        AssertRatio(summary["I12"], 1, 2, TrafficLight.Red);
        // I14: 35 participants each.
        Assert.Equal(70, summary.TotalParticipants);
    }

    [Fact]
    public void Build_ReturnedReportSentAgain_CountsAgain()
    {
        var reports = BuildReports().Select(r => r.Id == "R4" ? r with { Status = ReportStatus.Enviado } : r).ToList();

        var facts = ComplianceFactsBuilder.Build(BuildPlan(), reports, Progress());
        var summary = ComplianceFactsBuilder.Calculator().Summarize(facts, AsOf, ComplianceScope.Entity);

        // E4 now has a counted report: 3 of 4.
        AssertRatio(summary["I1"], 3, 4, TrafficLight.Yellow);
    }

    [Fact]
    public void Build_ConfiguredValueGroups_ReplaceTheSpacesTargets()
    {
        var facts = ComplianceFactsBuilder.Build(BuildPlan(), BuildReports(), Progress(), ["Sindicatos", "Veedurías", "Academia"]);
        var summary = ComplianceFactsBuilder.Calculator().Summarize(facts, AsOf, ComplianceScope.Entity);

        // Reached: Sindicatos only (Mujeres is not prioritised here) → 1 of 3.
        AssertRatio(summary["I5"], 1, 3, TrafficLight.Red);
    }

    private static void AssertRatio(IndicatorValue value, decimal numerator, decimal denominator, TrafficLight light)
    {
        Assert.Equal(numerator, value.Numerator);
        Assert.Equal(denominator, value.Denominator);
        Assert.Equal(light, value.Light);
    }

    private static Plan BuildPlan()
    {
        var period = PlannedPeriod.ForCuatrimestres(2026, [1, 2], "C1 C2");
        var activity = new PlanActivity("A1", "1.1", "Mesas con sindicatos", null, Area, [], period, period.ExpectedMilestones());
        ScheduledSpace Space(string id, int month, int day, SpaceStatus status = SpaceStatus.Programado)
        {
            var date = new DateOnly(2026, month, day);
            return new ScheduledSpace(
                id, "A1", "Espacio " + id, null, "FORMULACION", null, "presencial", "taller", ["Sindicatos"], ["Mujeres"], ["Trabajo decente"],
                Area, [], new PlannedPeriod(PeriodKind.ExactDate, date, date, date.ToString("O", System.Globalization.CultureInfo.InvariantCulture)), null, null, null, status);
        }

        var moved = new PlannedPeriod(PeriodKind.ExactDate, new DateOnly(2026, 4, 20), new DateOnly(2026, 4, 20), "20 de abril");
        return new Plan("plan-e-2026", "e", 2026, "Plan", null, [new PlanComponent("c1", 1, "C", null, [activity])],
        [
            Space("E1", 3, 10),
            Space("E2", 3, 5).Reschedule(moved, "Paro de transporte"),
            Space("E3", 4, 15, SpaceStatus.Cancelado),
            Space("E4", 4, 28),
            Space("E5", 5, 5),
            Space("E6", 6, 10),
        ]);
    }

    private static List<ParticipationReport> BuildReports()
    {
        // The valid report: held 10 Mar, a partial proposal answered 20 Mar and an open question, 35 participants.
        var template = ReportTestData.ValidReport() with { LeaderArea = Area };
        static DateTimeOffset At(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.FromHours(-5));
        return
        [
            template with { Id = "R1", SpaceId = "E1", Status = ReportStatus.Enviado, FirstSubmittedAt = At(3, 12), SubmittedAt = At(3, 12) },
            template with
            {
                Id = "R2", SpaceId = "E2", HeldFrom = new DateOnly(2026, 4, 20), Status = ReportStatus.Aprobado, FirstSubmittedAt = At(5, 6), SubmittedAt = At(5, 6),
                Items = [.. template.Items.Select(i => i.Answer is null ? i : i with { Answer = i.Answer with { AnsweredOn = new DateOnly(2026, 4, 30) } })],
            },
            template with { Id = "R4", SpaceId = "E4", HeldFrom = new DateOnly(2026, 4, 28), Status = ReportStatus.Devuelto, FirstSubmittedAt = At(4, 29), SubmittedAt = At(4, 29) },
            template with { Id = "R5", SpaceId = "E5", HeldFrom = new DateOnly(2026, 5, 5), Status = ReportStatus.Borrador },
        ];
    }

    private static List<ActivityProgress> Progress() =>
    [
        new("A1", 2026, 1, ProgressStatus.EnCurso, 50, [], null),
        new("A1", 2026, 1, ProgressStatus.Cumplida, 100, [], null),
        new("A1", 2026, 2, ProgressStatus.EnCurso, 40, [], null),
    ];
}
