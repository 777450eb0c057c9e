using ParticipaBot.Core.Planning;

namespace ParticipaBot.Core.Tests.Planning;

public sealed class SpaceEditorTests
{
    private static readonly DateOnly Today = new(2026, 3, 20);

    private static Plan Plan() => new(
        "plan-e-2026", "e", 2026, "Plan", null, [],
        [new ScheduledSpace("s1", null, "Foro", null, null, null, "presencial", null, [], [], [], "Secretaría General", [], new PlannedPeriod(PeriodKind.ExactDate, new(2026, 5, 4), new(2026, 5, 4), "2026-05-04"), "Bogotá", null, null)]);

    private static SpaceEditResult Apply(SpaceChange change, string? id, params (string Key, string Value)[] values) =>
        SpaceEditor.Apply(Plan(), change, id, values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().Value), EntityCatalog.Defaults, Today);

    [Fact]
    public void Apply_AddWithPeriodText_ParsesItAndCanonicalisesCatalogueEntries()
    {
        var result = Apply(SpaceChange.Add, null, ("name", "Taller"), ("area", "secretaria general"), ("period", "junio"), ("modality", "VIRTUAL"));

        Assert.True(result.Succeeded);
        Assert.Equal("Secretaría General", result.Space!.LeaderArea);
        Assert.Equal("virtual", result.Space.Modality);
        Assert.Equal(PeriodKind.Month, result.Space.Period.Kind);
        Assert.Equal(1, result.Space.Version);
        Assert.Equal(2, result.Plan!.Spaces.Count);
    }

    [Fact]
    public void Apply_RescheduleTwice_KeepsFirstBaselineAndCountsVersions()
    {
        var first = Apply(SpaceChange.Reschedule, "s1", ("date", "2026-06-01"), ("reason", "Lluvias"));
        var second = SpaceEditor.Apply(first.Plan!, SpaceChange.Reschedule, "s1", new Dictionary<string, string> { ["date"] = "2026-07-01", ["reason"] = "Sede" }, EntityCatalog.Defaults, Today);

        Assert.Equal(new DateOnly(2026, 5, 4), second.Space!.Baseline!.Start);
        Assert.Equal(new DateOnly(2026, 7, 1), second.Space.Period.Start);
        Assert.Equal(SpaceStatus.Reprogramado, second.Space.Status);
        Assert.Equal(3, second.Space.Version);
    }

    [Theory]
    [InlineData(SpaceChange.Reschedule, "reason", "date", "2026-06-01")]
    [InlineData(SpaceChange.Reschedule, "date", "reason", "x")]
    [InlineData(SpaceChange.Cancel, "reason", "reason", " ")]
    [InlineData(SpaceChange.Reschedule, "date", "date", "2026-03-01")]
    [InlineData(SpaceChange.Edit, "area", "area", "Otra")]
    [InlineData(SpaceChange.Edit, "name", "name", "")]
    public void Apply_MissingOrInvalid_NamesTheField(SpaceChange change, string errorKey, string key, string value)
    {
        var values = change == SpaceChange.Edit ? new[] { ("name", "Foro"), ("area", "Secretaría General"), (key, value) } : new[] { (key, value) };

        var result = Apply(change, "s1", values);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Validation.Errors, e => e.Key == errorKey);
    }

    [Fact]
    public void Apply_CancelledSpace_CannotChangeAgain()
    {
        var cancelled = Apply(SpaceChange.Cancel, "s1", ("reason", "Sin presupuesto"));

        var again = SpaceEditor.Apply(cancelled.Plan!, SpaceChange.Reschedule, "s1", new Dictionary<string, string> { ["date"] = "2026-06-01", ["reason"] = "x" }, EntityCatalog.Defaults, Today);

        Assert.Equal(SpaceStatus.Cancelado, cancelled.Space!.Status);
        Assert.False(again.Succeeded);
        Assert.Contains(again.Validation.Errors, e => e.Key == "space");
    }
}

public sealed class SpaceVersionCarryTests
{
    private static ScheduledSpace Space(string id, string place, int version = 1) =>
        new(id, null, "Foro " + id, null, null, null, null, null, [], [], [], "Área", [], new PlannedPeriod(PeriodKind.ToBeDefined, null, null, "por definir"), place, null, null, Version: version);

    [Fact]
    public void CarryVersions_Reimport_KeepsUnchangedBumpsChangedStartsNew()
    {
        var before = new[] { Space("a", "Cali", 3), Space("b", "Cali", 2) };
        var after = new[] { Space("a", "Cali"), Space("b", "Bogotá"), Space("c", "Pasto", 9) };

        var carried = PlanChanges.CarryVersions(before, after);

        Assert.Equal([3, 3, 1], carried.Select(s => s.Version));
        Assert.True(PlanChanges.SameSpace(before[0], after[0]));
    }
}
