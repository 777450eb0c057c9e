using ParticipaBot.Core.Compliance;

namespace ParticipaBot.Core.Tests.Compliance;

/// <summary>
/// The single-pass summary must give exactly what the indicator-by-indicator path (the one Explain traces) gives,
/// for every scope, on random facts with rescheduled and cancelled spaces, unscheduled reports, mixed-case names,
/// answers before and after the cut-offs.
/// </summary>
public sealed class ComplianceCalculatorEquivalenceTests
{
    [Theory]
    [InlineData(1, "2026-02-10")]
    [InlineData(2, "2026-06-30")]
    [InlineData(3, "2026-09-15")]
    [InlineData(4, "2027-01-20")]
    public void Summarize_RandomFacts_EqualsIndicatorByIndicator(int seed, string asOfText)
    {
        var asOf = DateOnly.Parse(asOfText, System.Globalization.CultureInfo.InvariantCulture);
        var facts = RandomFacts(new Random(seed));
        var calculator = new ComplianceCalculator(new ComplianceRules(), (from, to) => to.DayNumber - from.DayNumber);

        var overview = calculator.Overview(facts, asOf);
        foreach (var summary in overview.ByPeriod.Concat(overview.ByArea).Prepend(overview.Entity))
        {
            var reference = calculator.SummarizeByIndicator(facts, asOf, summary.Scope);
            foreach (var code in IndicatorCodes.All)
            {
                Assert.Equal(reference[code], summary[code]);
            }

            var explained = calculator.Explain(facts, asOf, summary.Scope, IndicatorCodes.SpacesHeld);
            Assert.Equal(explained.Numerator.Count, summary.HeldBy.ByPhase.Values.Sum());
        }

        var scopes = overview.ByArea.Select(s => s.Scope).ToList();
        Assert.Equal(overview.ByArea.Select(s => s[IndicatorCodes.ScheduleCompliance]), calculator.Summarize(facts, asOf, scopes).Select(s => s[IndicatorCodes.ScheduleCompliance]));
    }

    private static ComplianceFacts RandomFacts(Random random)
    {
        string[] areas = ["Planeación", "PLANEACIÓN", "Atención", "Jurídica"];
        string[] phases = ["DIAGNOSTICO", "formulacion", "IMPLEMENTACION", "OTRA", null!];
        string[] groups = ["ciudadania", "Veedurias", "academia", "medios"];
        string[] goals = ["G1", "g2", "G3", "G9"];
        var spaces = new List<SpaceFact>();
        for (var i = 0; i < 60; i++)
        {
            var baseline = new DateOnly(2026, 1, 1).AddDays(random.Next(380) - 10);
            var planned = random.Next(5) == 0 ? baseline.AddDays(random.Next(60)) : baseline;
            spaces.Add(new SpaceFact($"S{i}", $"S{i}", areas[random.Next(areas.Length)], baseline, baseline.AddDays(random.Next(3)), planned, random.Next(8) == 0,
                phases[random.Next(phases.Length)], "k", "m", "l"));
        }

        var reports = new List<ReportFact>();
        for (var i = 0; i < 150; i++)
        {
            var space = random.Next(6) == 0 ? null : spaces[random.Next(spaces.Count)];
            var held = (space?.PlannedStart ?? new DateOnly(2026, 1, 1).AddDays(random.Next(365))).AddDays(random.Next(-3, 5));
            var items = Enumerable.Range(0, random.Next(4))
                .Select(k => new ItemFact($"R{i}/{k}", random.Next(3) == 0 ? null : held.AddDays(random.Next(90)), (Uptake)random.Next(4)))
                .ToList();
            var commitments = Enumerable.Range(0, random.Next(3))
                .Select(k => new CommitmentFact($"R{i}/c{k}", random.Next(4) == 0 ? null : held.AddDays(random.Next(200)), random.Next(2) == 0))
                .ToList();
            reports.Add(new ReportFact($"R{i}", space?.Id, space?.Area ?? areas[random.Next(areas.Length)], held,
                random.Next(5) == 0 ? null : held.AddDays(random.Next(12)), phases[random.Next(phases.Length)], random.Next(2) == 0 ? "Foro" : "foro", "virtual", null,
                [groups[random.Next(groups.Length)], groups[random.Next(groups.Length)].ToUpperInvariant()], [goals[random.Next(goals.Length)]], items, commitments,
                random.Next(2) == 0, random.Next(2) == 0, random.Next(100), random.Next(2) == 0 ? random.Next(100) : null));
        }

        var activities = Enumerable.Range(0, 10)
            .Select(i => new ActivityFact($"A{i}", "a", areas[i % areas.Length], [.. Enumerable.Range(1, 3).Select(p => new MilestoneFact(p, random.Next(3) / 2m))]))
            .ToList();
        return new ComplianceFacts(2026, spaces, reports, activities, ["CIUDADANIA", "veedurias", "academia", "ciudadania"], ["G1", "G2", "G3"]);
    }
}
