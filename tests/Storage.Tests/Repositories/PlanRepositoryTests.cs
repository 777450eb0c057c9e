using System.Runtime.CompilerServices;
using System.Text.Json;
using ParticipaBot.Core.Planning;
using ParticipaBot.Storage.Repositories;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Storage.Tests.Repositories;

public sealed class PlanRepositoryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    // A real SQLite file per test; the same repository also runs on Cosmos DB in PlanRepositoryAdapterTests.
    private IDocumentStore OpenStore() => DocumentStoreFactory.OpenSqlite(Path.Combine(_directory.Path, "plans.db"));

    private static async Task<int> CountAsync(IDocumentStore store, string partitionKey)
    {
        var count = 0;
        await foreach (var document in store.QueryAsync(partitionKey))
        {
            count++;
        }

        return count;
    }

    internal static Plan SamplePlan(params string[] spaceNames)
    {
        var id = PlanIds.Plan("mintrabajo", 2026);
        var period = PlannedPeriod.ForCuatrimestres(2026, [2, 3], "X en cuatrimestre 2; X en cuatrimestre 3");
        var activity = new PlanActivity(PlanIds.Activity(id, 1, 1), "1.1", "Caracterizar los grupos de valor", "Guía", "Grupo de Atención Ciudadana",
            ["Oficina Asesora de Planeación"], period, period.ExpectedMilestones(), new SourceLocation(14));
        var spaces = spaceNames.Select((name, i) =>
        {
            var day = new DateOnly(2026, 3 + i, 10);
            return new ScheduledSpace(PlanIds.Space(id, name, day), activity.Id, name, "consulta ciudadana", "DIAGNOSTICO", "consulta", "virtual", "foro",
                ["ciudadanía"], ["jóvenes"], ["Meta 1"], "Grupo de Atención Ciudadana", [], new PlannedPeriod(PeriodKind.ExactDate, day, day, "10 de marzo", new TimeOnly(9, 0)),
                "Bogotá", null, null);
        }).ToList();
        return new Plan(id, "mintrabajo", 2026, "Estrategia", null, [new PlanComponent(PlanIds.Component(id, 1), 1, "Condiciones", null, [activity])], spaces);
    }

    [Fact]
    public async Task SaveAsync_ThenGetAsync_RoundTripsPlanAndSpaces()
    {
        var store = OpenStore();
        var repository = new DocumentStorePlanRepository(store);
        var plan = SamplePlan("Foro uno", "Foro dos");
        await repository.SaveAsync(plan);

        var loaded = await repository.GetAsync("mintrabajo", 2026);
        Assert.NotNull(loaded);
        Assert.Empty(PlanChanges.Compare(plan, loaded));
        Assert.Equal(plan.Spaces.Select(s => s.Id), loaded.Spaces.Select(s => s.Id));
        Assert.Equal(new TimeOnly(9, 0), loaded.Spaces[0].Period.Time);
        Assert.Equal([2, 3], loaded.Activities.Single().Period.Cuatrimestres);
        Assert.Equal(2, loaded.Activities.Single().Milestones.Count);
        Assert.Equal(3, await CountAsync(store, PlanIds.Partition("mintrabajo", 2026)));
    }

    [Fact]
    public async Task SaveAsync_FewerSpaces_RemovesOldRevisionAndLists()
    {
        var store = OpenStore();
        var repository = new DocumentStorePlanRepository(store);
        await repository.SaveAsync(SamplePlan("Foro uno", "Foro dos", "Foro tres"));
        await repository.SaveAsync(SamplePlan("Foro dos"));

        var loaded = await repository.GetAsync("mintrabajo", 2026);
        Assert.Equal(["Foro dos"], loaded!.Spaces.Select(s => s.Name));
        Assert.Equal(2, await CountAsync(store, PlanIds.Partition("mintrabajo", 2026)));
        var summary = Assert.Single(await repository.ListAsync("mintrabajo"));
        Assert.Equal((2026, 1, 1), (summary.Year, summary.Activities, summary.Spaces));
    }

    [Fact]
    public async Task GetRevisionAsync_WhileAnotherProcessSaves_AlwaysReturnsEverySpace()
    {
        // The plan and its spaces are two reads; a save committing between them used to leave a plan with spaces
        // missing (an edit of one of them was then refused as "no such space").
        var writerStore = OpenStore();
        var readerStore = OpenStore();
        var writer = new DocumentStorePlanRepository(writerStore);
        var reader = new DocumentStorePlanRepository(readerStore);
        var plan = SamplePlan("Foro uno", "Foro dos", "Foro tres", "Foro cuatro");
        await writer.SaveAsync(plan);
        using var saving = new CancellationTokenSource();
        var saves = Task.Run(async () =>
        {
            while (!saving.IsCancellationRequested)
            {
                await writer.SaveAsync(plan);
            }
        });

        var incomplete = 0;
        for (var read = 0; read < 300; read++)
        {
            var revision = await reader.GetRevisionAsync("mintrabajo", 2026);
            incomplete += revision!.Plan.Spaces.Count == plan.Spaces.Count ? 0 : 1;
        }

        await saving.CancelAsync();
        await saves;
        Assert.Equal(0, incomplete);
    }

    [Fact]
    public async Task GetAsync_UncommittedRevisionSpaces_AreIgnored()
    {
        var store = OpenStore();
        var repository = new DocumentStorePlanRepository(store);
        await repository.SaveAsync(SamplePlan("Foro uno"));

        // A save that died after writing its spaces but before the plan document: readers must not see them.
        var body = JsonSerializer.SerializeToElement(new { revision = 2, space = SamplePlan("Fantasma").Spaces[0] }, DocumentStorePlanRepository.Json);
        await store.UpsertAsync(new DocumentWrite("space-r2-x", PlanIds.Partition("mintrabajo", 2026), "space", body));

        var loaded = await repository.GetAsync("mintrabajo", 2026);
        Assert.Equal(["Foro uno"], loaded!.Spaces.Select(s => s.Name));
    }

    [Fact]
    public async Task GetAsync_NoPlan_ReturnsNull() =>
        Assert.Null(await new DocumentStorePlanRepository(OpenStore()).GetAsync("nadie", 2026));

    [Fact]
    public async Task GetAsync_ManyTurnsMissTogether_OnePlanReadForAll()
    {
        // Every turn in flight when the kept plan expires asks for it at once: one read of the plan and its spaces.
        var store = OpenStore();
        await new DocumentStorePlanRepository(store).SaveAsync(SamplePlan("Foro uno", "Foro dos"));
        var counting = new CountingDocumentStore(store);
        var repository = new DocumentStorePlanRepository(counting);

        var plans = await counting.AllAtOnceAsync(32, () => repository.GetAsync("mintrabajo", 2026));

        Assert.Equal(["read|plan", "query|space"], counting.Calls);
        Assert.All(plans, plan => Assert.Same(plans[0], plan));
        Assert.Equal(2, plans[0]!.Spaces.Count);
    }
}

/// <summary>The plan repository over the real adapters: SQLite in a temporary folder and the Cosmos DB protocol server.</summary>
public sealed class PlanRepositoryAdapterTests(CosmosContainerFixture cosmos) : IClassFixture<CosmosContainerFixture>, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static async Task RoundTripAsync(IDocumentStore store)
    {
        var repository = new DocumentStorePlanRepository(store);
        var plan = PlanRepositoryTests.SamplePlan("Foro uno", "Foro dos", "Audiencia pública de rendición de cuentas");
        await repository.SaveAsync(plan);
        await repository.SaveAsync(plan with { Spaces = [plan.Spaces[2]] });

        var loaded = await repository.GetAsync("mintrabajo", 2026);
        Assert.NotNull(loaded);
        Assert.Empty(PlanChanges.Compare(plan with { Spaces = [plan.Spaces[2]] }, loaded));
        Assert.Equal(new TimeOnly(9, 0), loaded.Spaces.Single().Period.Time);
        var count = 0;
        await foreach (var document in store.QueryAsync(PartitionKeys.Plan("mintrabajo", 2026)))
        {
            count++;
        }

        Assert.Equal(2, count);
        Assert.Equal(1, Assert.Single(await repository.ListAsync("mintrabajo")).Spaces);
    }

    [Fact]
    public async Task SaveAndGet_Sqlite_RoundTrips()
    {
        using var store = new ParticipaBot.Storage.Sqlite.SqliteDocumentStore(Path.Combine(_directory.Path, "participabot.db"));
        await RoundTripAsync(store);
    }

    [Fact]
    public Task SaveAndGet_Cosmos_RoundTrips() => RoundTripAsync(cosmos.Store);
}
