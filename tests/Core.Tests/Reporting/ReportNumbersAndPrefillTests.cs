using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportNumbersAndPrefillTests
{
    [Fact]
    public void For_SameId_GivesTheSameShortNumber()
    {
        var id = ReportNumbers.NewId(2026, Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));

        var number = ReportNumbers.For(id, 2026);

        Assert.Equal("rep-2026-0f8fad5bd9cb469fa16570867728950e", id);
        Assert.Equal(number, ReportNumbers.For(id, 2026));
        Assert.Matches("^R-2026-[0-9A-HJKMNP-TV-Z]{5}$", number);
        Assert.NotEqual(number, ReportNumbers.For(ReportNumbers.NewId(2026), 2026));
    }

    [Fact]
    public void From_ScheduledSpace_PrefillsTheDraftWithCatalogCodes()
    {
        var day = new DateOnly(2026, 6, 18);
        var space = new ScheduledSpace(
            "ESP-1", "act-1", "Encuentro territorial", "planeación y presupuesto participativo", "IMPLEMENTACION", "involucramiento/colaboración",
            "presencial", "encuentro territorial", ["sindicatos"], ["campesinado"], ["Trabajo decente"], "Despacho", [],
            new PlannedPeriod(PeriodKind.ExactDate, day, day, "18 de junio"), "Pasto", "http://no-https.example", null);
        var activity = new PlanActivity("act-1", "1.1", "Hacer", null, "Despacho", ["Planeación"], new PlannedPeriod(PeriodKind.Year, new(2026, 1, 1), new(2026, 12, 31), "2026"), []);

        var draft = ReportDraft.Start("rep-1", 2026, ParticipaBot.Core.Reporting.Form.ReportForm.Default, SpacePrefill.From(space, activity), Catalogs.Default);

        Assert.Equal("ESP-1", draft.Value("space.id"));
        Assert.Equal("2026-06-18", draft.Value("heldOn.from"));
        Assert.Null(draft.Value("heldOn.to"));
        Assert.Equal("Despacho", draft.Value("area.leader"));
        Assert.Equal("Planeación", draft.Value("area.support"));
        Assert.Equal("PRESENCIAL", draft.Value("modality.mode"));
        Assert.Equal("ENCUENTRO_TERRITORIAL", draft.Value("format"));
        Assert.Equal("PLANEACION_PRESUPUESTO", draft.Value("spaceKind"));
        Assert.Equal("COLABORACION", draft.Value("level"));
        Assert.Equal("SINDICATOS", draft.Value("valueGroups.actorTypes"));
        Assert.Equal("CAMPESINADO", draft.Value("valueGroups.populationFocus"));
        Assert.Equal("Trabajo decente", draft.Value("goals.0"));
        Assert.Equal("Pasto", draft.Value("place.venue"));
        Assert.Null(draft.Value("place.link"));
    }

    [Fact]
    public void From_MonthPeriod_LeavesTheDateHeldToTheDelegate()
    {
        var space = new ScheduledSpace(
            "ESP-2", null, "Foro", null, null, null, null, null, [], [], [], null, [],
            new PlannedPeriod(PeriodKind.Month, new(2026, 3, 1), new(2026, 3, 31), "Marzo"), null, null, null);

        var prefill = SpacePrefill.From(space);

        Assert.Null(prefill.PlannedDate);
        Assert.Null(prefill.LeaderArea);
    }
}
