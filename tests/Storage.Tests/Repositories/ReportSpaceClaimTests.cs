using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Storage.Repositories;
using ParticipaBot.Storage.Sqlite;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Storage.Tests.Repositories;

/// <summary>
/// One report per scheduled space, decided in the store when a report is submitted or moved (docs/data-model.md,
/// "Which spaces have a report"). Every scenario runs on a real SQLite file and on the Cosmos DB protocol server, with
/// two repositories over one store standing for two instances of the bot, and a fresh entity per test.
/// </summary>
public abstract class ReportSpaceClaimScenarios
{
    private readonly string _entity = "ent-" + Guid.NewGuid().ToString("N")[..12];

    protected abstract IDocumentStore Store { get; }

    private string Partition => PlanIds.Partition(_entity, 2026);

    private DocumentStoreReportRepository NewRepository(TimeProvider? time = null) => new(Store, time);

    private static ParticipationReport Report(string id, string? spaceId = "space-1") =>
        ReportRepositoryTests.SampleReport(id) with { SpaceId = spaceId };

    private static async Task<(bool Created, SpaceAlreadyReportedException? Refused)> TrySubmitAsync(IReportRepository repository, string entity, ParticipationReport report)
    {
        try
        {
            var (_, created) = await repository.CreateAsync(entity, report);
            return (created, null);
        }
        catch (SpaceAlreadyReportedException refused)
        {
            return (false, refused);
        }
    }

    [Fact]
    public async Task CreateAsync_SubmitsOfOneSpaceAtOnce_StoreOneReportAndTellTheOthersWhichHoldsIt()
    {
        var instances = new[] { NewRepository(), NewRepository() };
        var drafts = Enumerable.Range(0, 6).Select(i => Report($"r{i}")).ToList();

        var results = await Task.WhenAll(drafts.Select((report, i) => Task.Run(() => TrySubmitAsync(instances[i % 2], _entity, report))));

        var winner = Assert.Single(drafts.Where((_, i) => results[i].Created));
        Assert.Equal(winner.Id, Assert.Single(await instances[0].ListAsync(_entity, 2026)).Id);
        Assert.All(results.Where(r => !r.Created), r => Assert.Equal(new ReportedSpace("space-1", winner.Id, 2026), r.Refused!.Holder));
        Assert.Equal(winner.Id, (await NewRepository().ReportedSpacesAsync(_entity, 2026))["space-1"].ReportId);
    }

    [Fact]
    public async Task CreateAsync_SameReportResubmittedAtOnce_StoresOneReportWithoutError()
    {
        var instances = new[] { NewRepository(), NewRepository() };

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => TrySubmitAsync(instances[i % 2], _entity, Report("r1")))));
        var again = await TrySubmitAsync(instances[0], _entity, Report("r1"));

        Assert.All(results.Append(again), r => Assert.Null(r.Refused));
        Assert.Single(results, r => r.Created);
        Assert.False(again.Created);
        Assert.Equal("r1", Assert.Single(await instances[1].ListAsync(_entity, 2026)).Id);
    }

    [Fact]
    public async Task CreateAsync_UnscheduledReports_AreNeverBlocked()
    {
        var repository = NewRepository();

        var results = await Task.WhenAll(
            TrySubmitAsync(repository, _entity, Report("u1", spaceId: null)),
            TrySubmitAsync(repository, _entity, Report("u2", spaceId: null)),
            TrySubmitAsync(repository, _entity, Report("s1")));

        Assert.All(results, r => Assert.True(r.Created));
        Assert.Equal(3, (await repository.ListAsync(_entity, 2026)).Count);
        Assert.Equal("s1", Assert.Single(await NewRepository().ReportedSpacesAsync(_entity, 2026)).Value.ReportId);
    }

    [Fact]
    public async Task ReplaceAsync_ToAnotherSpace_FreesTheOldSpaceAndClaimsTheNew()
    {
        var repository = NewRepository();
        var (stored, _) = await repository.CreateAsync(_entity, Report("r1"));
        Assert.Contains("space-1", await repository.ReportedSpacesAsync(_entity, 2026));

        var moved = await repository.ReplaceAsync(_entity, stored.Value with { SpaceId = "space-2" }, stored.ETag);

        Assert.Equal("space-2", moved.Value.SpaceId);
        foreach (var instance in new[] { repository, NewRepository() })
        {
            var reported = await instance.ReportedSpacesAsync(_entity, 2026);
            Assert.Equal(new ReportedSpace("space-2", "r1", 2026), Assert.Single(reported).Value);
        }

        // The old space is reportable again; the new one is held.
        Assert.True((await TrySubmitAsync(NewRepository(), _entity, Report("r2", "space-1"))).Created);
        Assert.Equal("r1", (await TrySubmitAsync(NewRepository(), _entity, Report("r3", "space-2"))).Refused!.Holder.ReportId);

        // Unscheduled from then on: the space is free.
        var unscheduled = await repository.ReplaceAsync(_entity, moved.Value with { SpaceId = null }, moved.ETag);
        Assert.Null(unscheduled.Value.SpaceId);
        Assert.True((await TrySubmitAsync(NewRepository(), _entity, Report("r4", "space-2"))).Created);
    }

    [Fact]
    public async Task ReplaceAsync_ToASpaceAnotherReportHolds_IsRefusedAndNothingChanges()
    {
        var repository = NewRepository();
        var (first, _) = await repository.CreateAsync(_entity, Report("r1", "space-1"));
        await repository.CreateAsync(_entity, Report("r2", "space-2"));

        var refused = await Assert.ThrowsAsync<SpaceAlreadyReportedException>(() =>
            repository.ReplaceAsync(_entity, first.Value with { SpaceId = "space-2", Name = "Movido" }, first.ETag));

        Assert.Equal(new ReportedSpace("space-2", "r2", 2026), refused.Holder);
        var read = await repository.GetAsync(_entity, 2026, "r1");
        Assert.Equal(first.ETag, read!.ETag);
        Assert.Equal("space-1", read.Value.SpaceId);
        Assert.Equal("Foro de empleo", read.Value.Name);
        var reported = await NewRepository().ReportedSpacesAsync(_entity, 2026);
        Assert.Equal("r1", reported["space-1"].ReportId);
        Assert.Equal("r2", reported["space-2"].ReportId);
        Assert.Equal(2, reported.Count);
    }

    [Fact]
    public async Task ReplaceAsync_StaleETagWhileMoving_ClaimsNothing()
    {
        var repository = NewRepository();
        var (stored, _) = await repository.CreateAsync(_entity, Report("r1"));
        await repository.ReplaceAsync(_entity, stored.Value with { Name = "Foro regional" }, stored.ETag);

        await Assert.ThrowsAsync<ConcurrentUpdateException>(() => repository.ReplaceAsync(_entity, stored.Value with { SpaceId = "space-2" }, stored.ETag));

        Assert.Equal(["space-1"], (await NewRepository().ReportedSpacesAsync(_entity, 2026)).Keys);
        Assert.True((await TrySubmitAsync(repository, _entity, Report("r2", "space-2"))).Created);
    }

    [Fact]
    public async Task CreateAsync_ReportStoredBeforeSpacesWereClaimed_StillHoldsItsSpace()
    {
        // Stored by an earlier version: a report, and no marker (or a marker written after it, by upsert).
        var reports = new DocumentCollection<ParticipationReport>(Store, "report");
        await reports.CreateAsync(Partition, "report|old", Report("old", "space-9"));

        var refused = await TrySubmitAsync(NewRepository(), _entity, Report("new", "space-9"));

        Assert.Equal("old", refused.Refused!.Holder.ReportId);
        Assert.Equal("old", Assert.Single(await NewRepository().ListAsync(_entity, 2026)).Id);
    }

    [Fact]
    public async Task CreateAsync_ClaimWithoutItsReport_HoldsWhileItMayBeInFlightAndIsTakenOverWhenAbandoned()
    {
        // A submit that stopped between its claim and its report.
        var markers = new DocumentCollection<ReportedSpace>(Store, "spaceReport");
        await markers.CreateAsync(Partition, "spaceReport|space-1", new ReportedSpace("space-1", "ghost", 2026));
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);

        Assert.Equal("ghost", (await TrySubmitAsync(NewRepository(clock), _entity, Report("r1"))).Refused!.Holder.ReportId);
        clock.Advance(DocumentStoreReportRepository.AbandonedClaimAge + TimeSpan.FromMinutes(1));
        var later = await TrySubmitAsync(NewRepository(clock), _entity, Report("r1"));

        Assert.True(later.Created);
        Assert.Equal("r1", (await NewRepository().ReportedSpacesAsync(_entity, 2026))["space-1"].ReportId);
    }

    [Fact]
    public async Task ReportedSpacesAsync_MarkerLeftByAnEarlierMove_IsDroppedAndTheSpaceIsReportable()
    {
        // An earlier version moved r1 from space-1 to space-2 and left space-1's marker behind.
        var reports = new DocumentCollection<ParticipationReport>(Store, "report");
        var markers = new DocumentCollection<ReportedSpace>(Store, "spaceReport");
        await reports.CreateAsync(Partition, "report|r1", Report("r1", "space-2"));
        await markers.CreateAsync(Partition, "spaceReport|space-1", new ReportedSpace("space-1", "r1", 2026));
        await markers.CreateAsync(Partition, "spaceReport|space-2", new ReportedSpace("space-2", "r1", 2026));
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow + DocumentStoreReportRepository.AbandonedClaimAge + TimeSpan.FromMinutes(1));
        var repository = NewRepository(clock);

        Assert.Equal(["space-2"], (await repository.ReportedSpacesAsync(_entity, 2026)).Keys);
        Assert.True((await TrySubmitAsync(repository, _entity, Report("r2", "space-1"))).Created);
    }
}

/// <summary>The space claims on a real SQLite file.</summary>
public sealed class ReportSpaceClaimSqliteTests : ReportSpaceClaimScenarios, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly IDocumentStore _store;

    public ReportSpaceClaimSqliteTests() => _store = DocumentStoreFactory.OpenSqlite(Path.Combine(_directory.Path, "reports.db"));

    protected override IDocumentStore Store => _store;

    [Fact]
    public async Task CreateAsync_ScheduledSpace_ClaimAndReportAreOneWrite()
    {
        // One write, so the submit waits for one commit; a conflict in it leaves nothing and takes the claim-first path.
        var recording = new RecordingAtomicStore((SqliteDocumentStore)_store);
        var repository = new DocumentStoreReportRepository(recording);
        await repository.ReportedSpacesAsync("ent-one-write", 2026);
        recording.Batches.Clear();

        var (stored, created) = await repository.CreateAsync("ent-one-write", ReportRepositoryTests.SampleReport("r1") with { SpaceId = "space-1" });
        await Assert.ThrowsAsync<SpaceAlreadyReportedException>(() => repository.CreateAsync("ent-one-write", ReportRepositoryTests.SampleReport("r2") with { SpaceId = "space-1" }));

        Assert.True(created);
        Assert.Equal(["spaceReport|space-1 report|r1", "spaceReport|space-1 report|r2"], recording.Batches);
        Assert.Equal("r1", Assert.Single(await repository.ListAsync("ent-one-write", 2026)).Id);
        Assert.Equal(stored.ETag, (await repository.GetAsync("ent-one-write", 2026, "r1"))!.ETag);
    }

    public void Dispose()
    {
        (_store as IDisposable)?.Dispose();
        _directory.Dispose();
    }

    /// <summary>The SQLite store, recording the ids of every atomic create.</summary>
    private sealed class RecordingAtomicStore(SqliteDocumentStore inner) : IDocumentStore, IAtomicDocumentStore
    {
        public List<string> Batches { get; } = [];

        public Task<IReadOnlyList<Utf8Document>> CreateAllAsync(IReadOnlyList<Utf8DocumentWrite> documents, CancellationToken cancellationToken)
        {
            lock (Batches)
            {
                Batches.Add(string.Join(' ', documents.Select(d => d.Id)));
            }

            return inner.CreateAllAsync(documents, cancellationToken);
        }

        public Task<StoredDocument> CreateAsync(DocumentWrite document, CancellationToken cancellationToken = default) => inner.CreateAsync(document, cancellationToken);

        public Task<StoredDocument?> ReadAsync(string partitionKey, string id, CancellationToken cancellationToken = default) => inner.ReadAsync(partitionKey, id, cancellationToken);

        public Task<StoredDocument> ReplaceAsync(DocumentWrite document, string ifMatchETag, CancellationToken cancellationToken = default) => inner.ReplaceAsync(document, ifMatchETag, cancellationToken);

        public Task<StoredDocument> UpsertAsync(DocumentWrite document, CancellationToken cancellationToken = default) => inner.UpsertAsync(document, cancellationToken);

        public Task<bool> DeleteAsync(string partitionKey, string id, string? ifMatchETag = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(partitionKey, id, ifMatchETag, cancellationToken);

        public IAsyncEnumerable<StoredDocument> QueryAsync(string partitionKey, string? type = null, CancellationToken cancellationToken = default) => inner.QueryAsync(partitionKey, type, cancellationToken);

        public IAsyncEnumerable<StoredDocument> ReadAllAsync(CancellationToken cancellationToken = default) => inner.ReadAllAsync(cancellationToken);

        public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => inner.CheckHealthAsync(cancellationToken);
    }
}

/// <summary>The space claims on the Cosmos DB protocol server through the real SDK.</summary>
public sealed class ReportSpaceClaimCosmosTests(CosmosContainerFixture cosmos) : ReportSpaceClaimScenarios, IClassFixture<CosmosContainerFixture>
{
    protected override IDocumentStore Store => cosmos.Store;
}
