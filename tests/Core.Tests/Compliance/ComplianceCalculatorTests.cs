using ParticipaBot.Core.Compliance;

namespace ParticipaBot.Core.Tests.Compliance;

/// <summary>
/// A small plan whose every figure was worked out by hand (comments beside each assertion).
/// Year 2026, as of Tuesday 15 September 2026. Two areas: Planeación (P) and Atención (A).
/// Working days here are Monday to Friday (holidays are the calendar's concern, tested apart).
///
/// Spaces (id, area, baseline → current planned date, status):
///   S1 P  10 Feb (Tue) → 10 Feb             held 10 Feb (R1)
///   S2 P  05 Mar → rescheduled to 20 May    held 20 May (R2): late against its baseline
///   S3 A  15 Apr                            cancelled
///   S4 A  20 Apr                            not held (overdue)
///   S5 A  10-12 Jun window                  held 12 Jun (R3): on time (inside the window)
///   S6 P  05 Oct                            in the future
/// R4 A: an unscheduled space held 1 Jul.
/// </summary>
public sealed class ComplianceCalculatorTests
{
    private const string Planeacion = "Planeación";
    private const string Atencion = "Atención Ciudadana";
    private static readonly DateOnly AsOf = new(2026, 9, 15);

    private static readonly ComplianceCalculator Calculator = new(new ComplianceRules(), WeekdaysAfter);

    private static ComplianceFacts Facts { get; } = BuildFacts();

    [Fact]
    public void Summarize_Entity_ComputesEveryIndicatorAsWorkedOut()
    {
        var summary = Calculator.Summarize(Facts, AsOf, ComplianceScope.Entity);

        Assert.Equal(AsOf, summary.CutOff);
        Assert.True(summary.IsPeriodOpen);
        // I1: planned up to 15 Sep, not cancelled: S1, S2 (now 20 May), S4, S5 = 4; held S1, S2, S5 = 3.
        AssertRatio(summary, "I1", 3, 4, 0.75m, TrafficLight.Yellow);
        // I2: held scheduled spaces S1, S2, S5; on time against the baseline: S1, S5 (S2 was planned for 5 Mar).
        AssertRatio(summary, "I2", 2, 3, 0.6667m, TrafficLight.Yellow);
        // I3: periods started by 15 Sep: 1, 2, 3. A1 met P1 and P2; A2 missed P3; A3 is at 50 % in P2 → 1 of 3.
        AssertRatio(summary, "I3", 1, 3, 0.3333m, TrafficLight.Red);
        // I4: four reports (R1-R4), one unscheduled.
        Assert.Equal(4m, summary["I4"].Value);
        // I5: prioritised ciudadanía, veedurías, academia, gremios; reached ciudadanía, academia, veedurías (medios is not prioritised).
        AssertRatio(summary, "I5", 3, 4, 0.75m, TrafficLight.Yellow);
        // I6: DIAGNOSTICO, FORMULACION, IMPLEMENTACION of four phases.
        AssertRatio(summary, "I6", 3, 4, 0.75m, TrafficLight.Yellow);
        // I7: goals G1, G2 of G1-G3.
        AssertRatio(summary, "I7", 2, 3, 0.6667m, TrafficLight.Yellow);
        // I8: items i1, i2, i4 answered of i1-i4.
        AssertRatio(summary, "I8", 3, 4, 0.75m, TrafficLight.Yellow);
        // I9: i1 acogida (1) + i2 parcial (0.5) = 1.5 of 4.
        AssertRatio(summary, "I9", 1.5m, 4, 0.375m, TrafficLight.Red);
        // I10: working days to answer: i1 10→20 Feb = 8, i2 10 Feb→2 Mar = 14, i4 12→19 Jun = 5; median of [5, 8, 14] = 8.
        Assert.Equal(8m, summary["I10"].Value);
        // I11: due by 15 Sep: c1 (met), c2 (1 Aug, not met); c3 is due 1 Dec.
        AssertRatio(summary, "I11", 1, 2, 0.5m, TrafficLight.Red);
        // I12: R1 after 3 working days, R2 after 8 (late), R3 same day, R4 next day → 3 of 4.
        AssertRatio(summary, "I12", 3, 4, 0.75m, TrafficLight.Yellow);
        // I13: evidence and publication: R1, R3.
        AssertRatio(summary, "I13", 2, 4, 0.5m, TrafficLight.Red);
        // I14: 30 + 12 + 25 + 8 participants; satisfaction (90 + 80) / 2.
        Assert.Equal(75m, summary["I14"].Value);
        Assert.Equal(75, summary.TotalParticipants);
        Assert.Equal(85m, summary.AverageSatisfactionPercent);
        Assert.Equal(["S4"], summary.OverdueSpaceIds);
        Assert.Equal(2, summary.HeldBy.ByPhase["IMPLEMENTACION"]);
        Assert.Equal(2, summary.HeldBy.ByArea[Atencion]);
    }

    [Fact]
    public void Summarize_FirstCuatrimestre_CountsOnlyItsSpacesUpToItsEnd()
    {
        var summary = Calculator.Summarize(Facts, AsOf, new ComplianceScope(Period: 1));

        Assert.Equal(new DateOnly(2026, 4, 30), summary.CutOff);
        Assert.False(summary.IsPeriodOpen);
        // I1: S1 and S4 (S3 cancelled, S2 moved to May) → S1 held.
        AssertRatio(summary, "I1", 1, 2, 0.5m, TrafficLight.Red);
        AssertRatio(summary, "I2", 1, 1, 1m, TrafficLight.Green);
        // I3: A1 and A2 both met their first-cuatrimestre milestone.
        AssertRatio(summary, "I3", 2, 2, 1m, TrafficLight.Green);
        Assert.Equal(1m, summary["I4"].Value);
        AssertRatio(summary, "I5", 2, 4, 0.5m, TrafficLight.Red);
        AssertRatio(summary, "I8", 2, 2, 1m, TrafficLight.Green);
        AssertRatio(summary, "I9", 1.5m, 2, 0.75m, TrafficLight.Yellow);
        // I11: c1 is due 1 Mar (met); c2 is due after the cut-off.
        AssertRatio(summary, "I11", 1, 1, 1m, TrafficLight.Green);
        Assert.Equal(["S4"], summary.OverdueSpaceIds);
    }

    [Fact]
    public void Summarize_SecondCuatrimestre_RescheduledSpaceIsLateAgainstBaseline()
    {
        var summary = Calculator.Summarize(Facts, AsOf, new ComplianceScope(Period: 2));

        // I1: S2 (rescheduled into May) and S5, both held.
        AssertRatio(summary, "I1", 2, 2, 1m, TrafficLight.Green);
        // I2: S2 held 20 May but its baseline was 5 Mar; S5 inside its window.
        AssertRatio(summary, "I2", 1, 2, 0.5m, TrafficLight.Red);
        Assert.Equal(3m, summary["I4"].Value);
        AssertRatio(summary, "I3", 1, 2, 0.5m, TrafficLight.Red);
        AssertRatio(summary, "I6", 2, 4, 0.5m, TrafficLight.Red);
        // I11: nothing due in the period's reports by 31 Aug.
        Assert.Null(summary["I11"].Value);
        Assert.Equal(TrafficLight.None, summary["I11"].Light);
    }

    [Fact]
    public void Summarize_OpenThirdCuatrimestre_HasNothingDueYet()
    {
        var summary = Calculator.Summarize(Facts, AsOf, new ComplianceScope(Period: 3));

        Assert.True(summary.IsPeriodOpen);
        Assert.Equal(AsOf, summary.CutOff);
        Assert.Null(summary["I1"].Value);
        Assert.Equal(0m, summary["I4"].Value);
        AssertRatio(summary, "I3", 0, 1, 0m, TrafficLight.Red);
    }

    [Fact]
    public void Summarize_PerArea_SplitsSpacesReportsAndActivities()
    {
        var planeacion = Calculator.Summarize(Facts, AsOf, new ComplianceScope(Area: Planeacion));
        var atencion = Calculator.Summarize(Facts, AsOf, new ComplianceScope(Area: "atención ciudadana"));

        AssertRatio(planeacion, "I1", 2, 2, 1m, TrafficLight.Green);
        AssertRatio(planeacion, "I2", 1, 2, 0.5m, TrafficLight.Red);
        Assert.Equal(2m, planeacion["I4"].Value);
        AssertRatio(planeacion, "I3", 1, 1, 1m, TrafficLight.Green);
        AssertRatio(planeacion, "I12", 1, 2, 0.5m, TrafficLight.Red);
        Assert.Empty(planeacion.OverdueSpaceIds);

        // Area names compare without case.
        AssertRatio(atencion, "I1", 1, 2, 0.5m, TrafficLight.Red);
        AssertRatio(atencion, "I2", 1, 1, 1m, TrafficLight.Green);
        Assert.Equal(2m, atencion["I4"].Value);
        AssertRatio(atencion, "I3", 0, 2, 0m, TrafficLight.Red);
        Assert.Equal(["S4"], atencion.OverdueSpaceIds);
    }

    [Fact]
    public void Explain_ScheduleCompliance_ListsTheSpacesCounted()
    {
        var trace = Calculator.Explain(Facts, AsOf, ComplianceScope.Entity, IndicatorCodes.ScheduleCompliance);

        Assert.Equal(["S1", "S2", "S5"], trace.Numerator);
        Assert.Equal(["S1", "S2", "S4", "S5"], trace.Denominator);
    }

    [Fact]
    public void Explain_EveryIndicator_MatchesTheSummaryCounts()
    {
        foreach (var scope in new[] { ComplianceScope.Entity, new ComplianceScope(1), new ComplianceScope(2), new ComplianceScope(null, Atencion) })
        {
            var summary = Calculator.Summarize(Facts, AsOf, scope);
            foreach (var code in IndicatorCodes.All)
            {
                var value = summary[code];
                if (!value.IsRatio || code == IndicatorCodes.Uptake)
                {
                    continue;
                }

                var trace = Calculator.Explain(Facts, AsOf, scope, code);
                Assert.Equal(value.Numerator, trace.Numerator.Count);
                Assert.Equal(value.Denominator, trace.Denominator.Count);
            }
        }
    }

    [Fact]
    public void Overview_ListsStartedPeriodsAndEveryArea()
    {
        var overview = Calculator.Overview(Facts, AsOf);

        Assert.Equal([1, 2, 3], overview.ByPeriod.Select(s => s.Scope.Period!.Value));
        Assert.Equal([Atencion, Planeacion], overview.ByArea.Select(s => s.Scope.Area!));
        Assert.Equal(0.75m, overview.Entity["I1"].Value);
    }

    [Theory]
    [InlineData(0.59, TrafficLight.Red)]
    [InlineData(0.60, TrafficLight.Yellow)]
    [InlineData(0.79, TrafficLight.Yellow)]
    [InlineData(0.80, TrafficLight.Green)]
    public void LightFor_DefaultThresholds_FollowsSixtyEighty(double ratio, TrafficLight expected) =>
        Assert.Equal(expected, new ComplianceRules().LightFor((decimal)ratio));

    [Fact]
    public void LightFor_ConfiguredThresholds_AreUsed()
    {
        var rules = new ComplianceRules { RedBelow = 0.5m, GreenFrom = 0.9m };

        Assert.Equal(TrafficLight.Yellow, rules.LightFor(0.85m));
        Assert.Equal(TrafficLight.Yellow, rules.LightFor(0.5m));
    }

    private static void AssertRatio(ComplianceSummary summary, string code, decimal numerator, decimal denominator, decimal value, TrafficLight light)
    {
        var indicator = summary[code];
        Assert.Equal(numerator, indicator.Numerator);
        Assert.Equal(denominator, indicator.Denominator);
        Assert.Equal(value, indicator.Value);
        Assert.Equal(light, indicator.Light);
    }

    private static int WeekdaysAfter(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }

    private static ComplianceFacts BuildFacts()
    {
        static DateOnly D(int month, int day) => new(2026, month, day);
        static SpaceFact Space(string id, string area, DateOnly baseline, DateOnly planned, bool cancelled = false, DateOnly? baselineEnd = null) =>
            new(id, id, area, baseline, baselineEnd ?? baseline, planned, cancelled, null, null, null, null);

        var spaces = new[]
        {
            Space("S1", Planeacion, D(2, 10), D(2, 10)),
            Space("S2", Planeacion, D(3, 5), D(5, 20)),
            Space("S3", Atencion, D(4, 15), D(4, 15), cancelled: true),
            Space("S4", Atencion, D(4, 20), D(4, 20)),
            Space("S5", Atencion, D(6, 10), D(6, 10), baselineEnd: D(6, 12)),
            Space("S6", Planeacion, D(10, 5), D(10, 5)),
        };

        var reports = new[]
        {
            new ReportFact("R1", "S1", Planeacion, D(2, 10), D(2, 13), "DIAGNOSTICO", "diagnostico", "presencial", "consulta",
                ["ciudadania", "academia"], ["G1"],
                [new ItemFact("i1", D(2, 20), Uptake.Full), new ItemFact("i2", D(3, 2), Uptake.Partial)],
                [new CommitmentFact("c1", D(3, 1), true), new CommitmentFact("c2", D(8, 1), false)],
                HasEvidence: true, HasPublication: true, Participants: 30, SatisfactionPercent: 90),
            new ReportFact("R2", "S2", Planeacion, D(5, 20), D(6, 1), "FORMULACION", "planeacion", "virtual", "consulta",
                ["ciudadania"], ["G2"],
                [new ItemFact("i3", null, Uptake.Pending)],
                [],
                HasEvidence: true, HasPublication: false, Participants: 12, SatisfactionPercent: null),
            new ReportFact("R3", "S5", Atencion, D(6, 12), D(6, 12), "IMPLEMENTACION", "colaboracion", "mixta", "colaboracion",
                ["veedurias", "medios"], ["G1"],
                [new ItemFact("i4", D(6, 19), Uptake.NotTaken)],
                [new CommitmentFact("c3", D(12, 1), false)],
                HasEvidence: true, HasPublication: true, Participants: 25, SatisfactionPercent: 80),
            new ReportFact("R4", null, Atencion, D(7, 1), D(7, 2), "IMPLEMENTACION", "control social", "presencial", "informacion",
                ["ciudadania"], [],
                [],
                [],
                HasEvidence: false, HasPublication: false, Participants: 8, SatisfactionPercent: null),
        };

        var activities = new[]
        {
            new ActivityFact("A1", "Actividad 1", Planeacion, [new MilestoneFact(1, 1m), new MilestoneFact(2, 1m)]),
            new ActivityFact("A2", "Actividad 2", Atencion, [new MilestoneFact(1, 1m), new MilestoneFact(3, 0m)]),
            new ActivityFact("A3", "Actividad 3", Atencion, [new MilestoneFact(2, 0.5m)]),
        };

        return new ComplianceFacts(2026, spaces, reports, activities, ["ciudadania", "veedurias", "academia", "gremios"], ["G1", "G2", "G3"]);
    }
}
