using ParticipaBot.Core.Planning;

namespace ParticipaBot.Core.Tests.Planning;

public sealed class PlanFactsTests
{
    private static Plan PlanWith(params ScheduledSpace[] spaces)
    {
        var period = PlannedPeriod.ForCuatrimestres(2026, [2, 3], "X X");
        var activity = new PlanActivity("a1", "1.1", "Analizar", null, "Grupo de Atención Ciudadana", [], period, period.ExpectedMilestones());
        return new Plan("p", "e", 2026, "t", null, [new PlanComponent("c1", 1, "C", null, [activity])], spaces);
    }

    private static ScheduledSpace Space(string id, PlannedPeriod period) =>
        new(id, "a1", "Foro " + id, null, "DIAGNOSTICO", null, "virtual", "foro", ["ciudadanía"], ["jóvenes"], ["Meta"], "Control Interno", [], period, null, null, null);

    [Fact]
    public void Spaces_Rescheduled_BaselineIsOriginalDateAndToBeDefinedLeftOut()
    {
        var original = new PlannedPeriod(PeriodKind.ExactDate, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), "10 de marzo");
        var moved = new PlannedPeriod(PeriodKind.ExactDate, new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 2), "2 de abril");
        var plan = PlanWith(
            Space("s1", original).Reschedule(moved, "Lluvias"),
            Space("s2", new PlannedPeriod(PeriodKind.ToBeDefined, null, null, "por definir")));

        var fact = Assert.Single(PlanFacts.Spaces(plan));
        Assert.Equal(new DateOnly(2026, 3, 10), fact.BaselineStart);
        Assert.Equal(new DateOnly(2026, 4, 2), fact.PlannedStart);
        Assert.Equal("Control Interno", fact.Area);
        Assert.False(fact.IsCancelled);
    }

    [Fact]
    public void ToFacts_MilestonesPerCuatrimestreAndValueGroups()
    {
        var plan = PlanWith(Space("s1", new PlannedPeriod(PeriodKind.ExactDate, new DateOnly(2026, 5, 5), new DateOnly(2026, 5, 5), "5 de mayo")));
        var facts = PlanFacts.ToFacts(plan, [], (_, m) => m.Cuatrimestre == 2 ? 1.5m : 0.5m);
        var activity = Assert.Single(facts.Activities);
        Assert.Equal([(2, 1m), (3, 0.5m)], activity.Milestones.Select(m => (m.Period, m.Progress)));
        Assert.Equal(["ciudadanía", "jóvenes"], facts.PrioritizedValueGroups);
        Assert.Equal(["Meta"], facts.PlanGoals);
    }
}
