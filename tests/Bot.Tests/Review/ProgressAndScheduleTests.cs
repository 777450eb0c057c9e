using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Tests.Review;

public sealed class ProgressAndScheduleTests(ReviewHost host) : IClassFixture<ReviewHost>
{
    private async Task<PlanActivity> DelegateActivityAsync() =>
        (await host.Plans.GetAsync("mintrabajo", 2026))!.Activities.First(a => a.LeaderArea == host.ActivityArea);

    [Fact]
    public async Task Progress_Command_ListsOnlyActivitiesTheAreaLeadsWithMilestones()
    {
        var activity = await DelegateActivityAsync();
        var plan = (await host.Plans.GetAsync("mintrabajo", 2026))!;
        var others = plan.Activities.Where(a => a.LeaderArea != host.ActivityArea && a.LeaderArea != ReviewHost.ReportArea).ToList();

        var card = await host.SayAsync(host.Delegate, "avance");

        Assert.Contains(activity.Id, card.AllText, StringComparison.Ordinal);
        Assert.Contains("Hitos:", card.AllText, StringComparison.Ordinal);
        Assert.All(others, a => Assert.DoesNotContain("\"" + a.Id + "\"", card.AllText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveProgress_Valid_IsStored()
    {
        var activity = await DelegateActivityAsync();
        var data = new JsonObject
        {
            ["year"] = "2026", ["activity"] = activity.Id, ["cuatrimestre"] = "1", ["status"] = "EN_CURSO", ["percentage"] = "40",
            ["evidence.0"] = "https://intranet.example.gov.co/avance.pdf", ["note"] = "Primer taller hecho.",
        };

        var result = await host.ExecuteAsync(host.Delegate, "progress.save", data);

        Assert.Contains("Registré el avance", result.Text, StringComparison.Ordinal);
        var stored = Assert.Single(await host.Reports.ListProgressAsync("mintrabajo", 2026), p => p.ActivityId == activity.Id);
        Assert.Equal(ProgressStatus.EnCurso, stored.Status);
        Assert.Equal(40, stored.Percentage);
        Assert.Equal(1, stored.Cuatrimestre);
        Assert.Single(stored.Evidence);
    }

    [Theory]
    [InlineData("CUMPLIDA", "100", "", "evidence")]
    [InlineData("EN_CURSO", "100", "", "percentage")]
    [InlineData("TERMINADA", "50", "", "status")]
    [InlineData("EN_CURSO", "50", "ftp://x", "evidence.0")]
    public async Task SaveProgress_Invalid_ShowsErrorOnCardAndStoresNothing(string status, string percentage, string evidence, string errorKey)
    {
        var activity = (await host.Plans.GetAsync("mintrabajo", 2026))!.Activities.Last(a => a.LeaderArea == host.ActivityArea);
        var data = new JsonObject
        {
            ["year"] = "2026", ["activity"] = activity.Id, ["cuatrimestre"] = "1", ["status"] = status, ["percentage"] = percentage, ["evidence.0"] = evidence,
        };

        var result = await host.ExecuteAsync(host.Delegate, "progress.save", data);

        Assert.True(result.IsCard);
        var shownAt = errorKey == "evidence" ? "evidence.0" : errorKey;
        Assert.NotEmpty(result.ErrorsAfter(shownAt));
        Assert.DoesNotContain(await host.Reports.ListProgressAsync("mintrabajo", 2026), p => p.ActivityId == activity.Id && p.Status.ToCode() == status);
    }

    [Fact]
    public async Task SaveProgress_ActivityOfAnotherArea_IsRefused()
    {
        var plan = (await host.Plans.GetAsync("mintrabajo", 2026))!;
        var foreign = plan.Activities.First(a => a.LeaderArea is { } area && area != host.ActivityArea && area != ReviewHost.ReportArea);
        var data = new JsonObject { ["year"] = "2026", ["activity"] = foreign.Id, ["cuatrimestre"] = "1", ["status"] = "NO_INICIADA", ["percentage"] = "0" };

        var byDelegate = await host.ExecuteAsync(host.Delegate, "progress.save", data);
        var byControl = await host.ExecuteAsync(host.Control, "progress.save", data);

        Assert.NotEmpty(byDelegate.ErrorsAfter("activity"));
        Assert.Contains("no aprobar ni editar", byControl.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await host.Reports.ListProgressAsync("mintrabajo", 2026), p => p.ActivityId == foreign.Id);
    }

    [Fact]
    public async Task Schedule_CoordinatorAddsEditsReschedulesAndCancels_BaselineKeptAndVersionGrows()
    {
        var list = await host.SayAsync(host.Coordinator, "programar");
        Assert.Contains("schedule.new", list.AllText, StringComparison.Ordinal);

        var form = await host.ExecuteAsync(host.Coordinator, "schedule.new", new JsonObject { ["year"] = "2026" });
        Assert.NotNull(form.Input("area"));
        var added = await host.ExecuteAsync(host.Coordinator, "schedule.save", new JsonObject
        {
            ["year"] = "2026", ["change"] = "Add", ["name"] = "Foro de rendición de cuentas regional", ["area"] = "grupo de atencion al ciudadano",
            ["date"] = "2026-06-10", ["time"] = "9:30", ["modality"] = "presencial", ["format"] = "foro", ["place"] = "Cali",
        });
        Assert.Contains("versión 1", added.Text, StringComparison.Ordinal);
        var space = (await host.Plans.GetAsync("mintrabajo", 2026))!.Spaces.Single(s => s.Name == "Foro de rendición de cuentas regional");
        Assert.Equal(ReviewHost.ReportArea, space.LeaderArea);
        Assert.Equal(new DateOnly(2026, 6, 10), space.Period.Start);
        Assert.Equal(new TimeOnly(9, 30), space.Period.Time);

        var edit = SpaceData(space, "Edit");
        edit["name"] = space.Name;
        edit["area"] = ReviewHost.ReportArea;
        edit["place"] = "Cali, Centro de Eventos";
        Assert.Contains("versión 2", (await host.ExecuteAsync(host.Coordinator, "schedule.save", edit)).Text, StringComparison.Ordinal);

        space = await SpaceAsync(space.Id);
        var noReason = SpaceData(space, "Reschedule");
        noReason["date"] = "2026-07-01";
        var refused = await host.ExecuteAsync(host.Coordinator, "schedule.save", noReason);
        Assert.NotEmpty(refused.ErrorsAfter("reason"));
        Assert.Equal(2, (await SpaceAsync(space.Id)).Version);

        noReason["reason"] = "Coincide con el puente festivo.";
        Assert.Contains("versión 3", (await host.ExecuteAsync(host.Coordinator, "schedule.save", noReason)).Text, StringComparison.Ordinal);
        space = await SpaceAsync(space.Id);
        Assert.Equal(SpaceStatus.Reprogramado, space.Status);
        Assert.Equal(new DateOnly(2026, 7, 1), space.Period.Start);
        Assert.Equal(new DateOnly(2026, 6, 10), space.Baseline?.Start);
        Assert.Equal("Cali, Centro de Eventos", space.Place);

        var again = SpaceData(space, "Reschedule");
        again["date"] = "2026-07-15";
        again["reason"] = "Cambio de sede.";
        await host.ExecuteAsync(host.Coordinator, "schedule.save", again);
        space = await SpaceAsync(space.Id);
        Assert.Equal(new DateOnly(2026, 6, 10), space.Baseline?.Start);

        var cancel = SpaceData(space, "Cancel");
        Assert.NotEmpty((await host.ExecuteAsync(host.Coordinator, "schedule.save", cancel)).ErrorsAfter("reason"));
        cancel["reason"] = "Sin presupuesto.";
        await host.ExecuteAsync(host.Coordinator, "schedule.save", cancel);
        space = await SpaceAsync(space.Id);
        Assert.Equal(SpaceStatus.Cancelado, space.Status);
        Assert.Equal("Sin presupuesto.", space.RescheduleReason);
        Assert.Equal(5, space.Version);
    }

    [Theory]
    [InlineData("area", "Dirección Inventada", "area")]
    [InlineData("modality", "telepatía", "modality")]
    [InlineData("date", "2026-02-30", "date")]
    [InlineData("date", "2025-06-01", "date")]
    [InlineData("link", "http://inseguro.example.org", "link")]
    public async Task SaveSpace_InvalidValue_ShowsErrorNextToField(string key, string value, string errorKey)
    {
        var data = new JsonObject { ["year"] = "2026", ["change"] = "Add", ["name"] = "Espacio con error " + key, ["area"] = ReviewHost.ReportArea, ["date"] = "2026-09-01" };
        data[key] = value;

        var result = await host.ExecuteAsync(host.Coordinator, "schedule.save", data);

        Assert.True(result.IsCard);
        Assert.NotEmpty(result.ErrorsAfter(errorKey));
        Assert.DoesNotContain((await host.Plans.GetAsync("mintrabajo", 2026))!.Spaces, s => s.Name == "Espacio con error " + key);
    }

    [Fact]
    public async Task SaveSpace_ByDelegateOrInternalControl_IsRefusedAndNothingChanges()
    {
        var space = (await host.Plans.GetAsync("mintrabajo", 2026))!.Spaces[0];
        var cancel = SpaceData(space, "Cancel");
        cancel["reason"] = "forjado";

        var byDelegate = await host.ExecuteAsync(host.Delegate, "schedule.save", cancel);
        var byControl = await host.ExecuteAsync(host.Control, "schedule.save", cancel);
        var listByDelegate = await host.SayAsync(host.Delegate, "programar");

        Assert.Contains("Solo la coordinación", byDelegate.Text, StringComparison.Ordinal);
        Assert.Contains("no aprobar ni editar", byControl.Text, StringComparison.Ordinal);
        Assert.Contains("Solo la coordinación", listByDelegate.AllText, StringComparison.Ordinal);
        var stored = await SpaceAsync(space.Id);
        Assert.Equal(space.Status, stored.Status);
        Assert.Equal(space.Version, stored.Version);
        Assert.Null(stored.RescheduleReason);
    }

    [Fact]
    public async Task SaveSpace_StaleCardVersion_IsRefusedWithoutOverwriting()
    {
        var space = (await host.Plans.GetAsync("mintrabajo", 2026))!.Spaces[1];
        var first = SpaceData(space, "Edit");
        first["name"] = space.Name;
        first["area"] = space.LeaderArea ?? ReviewHost.ReportArea;
        first["place"] = "Primera coordinadora";
        var second = SpaceData(space, "Edit");
        second["name"] = space.Name;
        second["area"] = space.LeaderArea ?? ReviewHost.ReportArea;
        second["place"] = "Segunda coordinadora";

        await host.ExecuteAsync(host.Coordinator, "schedule.save", first);
        var stale = await host.ExecuteAsync(host.Coordinator, "schedule.save", second);

        Assert.Contains("Otra persona cambió", stale.Text, StringComparison.Ordinal);
        Assert.Equal("Primera coordinadora", (await SpaceAsync(space.Id)).Place);
    }

    [Fact]
    public async Task ScheduleService_ConcurrentEditsOfDifferentSpaces_KeepsEveryChange()
    {
        var plan = (await host.Plans.GetAsync("mintrabajo", 2026))!;
        var targets = plan.Spaces.Where(s => s.Status != SpaceStatus.Cancelado).Skip(2).Take(6).ToList();
        var catalog = host.Services.GetRequiredService<EntityCatalog>();

        var edits = targets.Select(async space =>
        {
            using var scope = host.Services.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<ScheduleService>();
            var values = new Dictionary<string, string> { ["name"] = space.Name, ["area"] = space.LeaderArea ?? ReviewHost.ReportArea, ["place"] = "Concurrente " + space.Id };
            return await service.ApplyAsync("mintrabajo", 2026, SpaceChange.Edit, space.Id, space.Version, values, catalog, new DateOnly(2026, 3, 20), CancellationToken.None);
        }).ToList();
        var results = await Task.WhenAll(edits);

        Assert.All(results, r => Assert.Equal(ScheduleOutcome.Saved, r.Outcome));
        var after = (await host.Plans.GetAsync("mintrabajo", 2026))!;
        foreach (var space in targets)
        {
            var stored = after.Spaces.Single(s => s.Id == space.Id);
            Assert.Equal("Concurrente " + space.Id, stored.Place);
            Assert.Equal(space.Version + 1, stored.Version);
        }

        Assert.Equal(plan.Spaces.Count, after.Spaces.Count);
    }

    private async Task<ScheduledSpace> SpaceAsync(string id) => (await host.Plans.GetAsync("mintrabajo", 2026))!.Spaces.Single(s => s.Id == id);

    private static JsonObject SpaceData(ScheduledSpace space, string change) => new()
    {
        ["year"] = "2026",
        ["change"] = change,
        ["spaceId"] = space.Id,
        ["spaceVersion"] = space.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
