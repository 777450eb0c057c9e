using ParticipaBot.Core.Access;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Storage.Repositories;
using ParticipaBot.Storage.Sqlite;

namespace ParticipaBot.Storage.Tests.Repositories;

/// <summary>Optimistic plan saves and the user roster over a real SQLite file.</summary>
public sealed class PlanRevisionTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteDocumentStore _store;
    private readonly DocumentStorePlanRepository _plans;

    public PlanRevisionTests()
    {
        _store = new SqliteDocumentStore(Path.Combine(_directory.Path, "participabot.db"));
        _plans = new DocumentStorePlanRepository(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    private static Plan Plan(params string[] spaces) => new(
        "plan-e-2026", "e", 2026, "Plan", null, [],
        [.. spaces.Select(name => new ScheduledSpace(name, null, name, null, null, null, null, null, [], [], [], "Área", [], new PlannedPeriod(PeriodKind.ToBeDefined, null, null, "por definir"), null, null, null))]);

    [Fact]
    public async Task SaveAsync_ExpectedRevisionCurrent_SavesAndReturnsNextRevision()
    {
        Assert.Equal(1, await _plans.SaveAsync(Plan("a"), expectedRevision: 0));

        var read = await _plans.GetRevisionAsync("e", 2026);
        Assert.Equal(1, read!.Revision);
        Assert.Equal(2, await _plans.SaveAsync(read.Plan with { Spaces = [.. read.Plan.Spaces, Plan("b").Spaces[0]] }, read.Revision));
        Assert.Equal(["a", "b"], (await _plans.GetAsync("e", 2026))!.Spaces.Select(s => s.Id));
    }

    [Fact]
    public async Task SaveAsync_StaleRevision_ThrowsAndKeepsTheOtherSave()
    {
        await _plans.SaveAsync(Plan("a"), expectedRevision: 0);
        var first = await _plans.GetRevisionAsync("e", 2026);
        var second = await _plans.GetRevisionAsync("e", 2026);

        await _plans.SaveAsync(first!.Plan with { Spaces = [.. first.Plan.Spaces, Plan("from-first").Spaces[0]] }, first.Revision);

        await Assert.ThrowsAsync<ConcurrentUpdateException>(() =>
            _plans.SaveAsync(second!.Plan with { Spaces = [.. second.Plan.Spaces, Plan("from-second").Spaces[0]] }, second.Revision));
        var stored = await _plans.GetRevisionAsync("e", 2026);
        Assert.Equal(2, stored!.Revision);
        Assert.Equal(["a", "from-first"], stored.Plan.Spaces.Select(s => s.Id));
        var spaceDocuments = new List<string>();
        await foreach (var document in _store.QueryAsync(PlanIds.Partition("e", 2026), "space"))
        {
            spaceDocuments.Add(document.Id);
        }

        Assert.Equal(2, spaceDocuments.Count);
    }

    [Fact]
    public async Task SaveAsync_SpaceVersion_RoundTrips()
    {
        var plan = Plan("a");
        await _plans.SaveAsync(plan with { Spaces = [plan.Spaces[0] with { Version = 7 }] });

        Assert.Equal(7, (await _plans.GetAsync("e", 2026))!.Spaces[0].Version);
    }

    [Fact]
    public async Task UserDirectory_RecordThenFind_ByAnyIdAndMergesWhatIsKnown()
    {
        var directory = new DocumentStoreUserDirectory(_store);
        var conversation = new PersonalConversation("https://smba.example/amer/", "a:1", "28:bot", "ParticipaBot", "msteams");
        await directory.RecordAsync("tenant", new DirectoryUser("29:u", "aad-1", "Laura Gómez", "laura@example.gov.co", conversation, DateTimeOffset.UnixEpoch, "es-CO"));
        await directory.RecordAsync("tenant", new DirectoryUser("29:u", null, "Laura Gómez", null, null, DateTimeOffset.UnixEpoch.AddDays(1)));

        var byAad = await directory.FindAsync("tenant", "AAD-1");
        var byUpn = await directory.FindAsync("tenant", "laura@example.gov.co");
        var byName = await directory.FindAsync("tenant", "laura gomez");

        Assert.Equal("29:u", byAad?.UserId);
        Assert.Equal(conversation, byAad?.Conversation);
        Assert.Equal("laura@example.gov.co", byAad?.Upn);
        Assert.Equal("es-CO", byAad?.Locale);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(1), byAad?.LastSeen);
        Assert.Equal("29:u", byUpn?.UserId);
        Assert.Equal("29:u", byName?.UserId);
        Assert.Null(await directory.FindAsync("other-tenant", "aad-1"));
    }

    [Fact]
    public async Task UserDirectory_SameUserAgainWithinTheHour_DoesNotRewrite()
    {
        var directory = new DocumentStoreUserDirectory(_store);
        var user = new DirectoryUser("29:u", "aad-1", "Laura", null, null, DateTimeOffset.UnixEpoch);
        await directory.RecordAsync("tenant", user);
        var first = await _store.ReadAsync(PartitionKeys.Tenant("tenant"), "user|29:u");

        await directory.RecordAsync("tenant", user with { LastSeen = DateTimeOffset.UnixEpoch.AddMinutes(5) });
        var unchanged = await _store.ReadAsync(PartitionKeys.Tenant("tenant"), "user|29:u");
        await directory.RecordAsync("tenant", user with { LastSeen = DateTimeOffset.UnixEpoch.AddMinutes(6), Upn = "laura@example.gov.co" });
        var changed = await _store.ReadAsync(PartitionKeys.Tenant("tenant"), "user|29:u");

        Assert.Equal(first!.ETag, unchanged!.ETag);
        Assert.NotEqual(first.ETag, changed!.ETag);
    }
}
