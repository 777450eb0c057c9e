using ParticipaBot.Core.Reporting;
using ParticipaBot.Storage.Repositories;
using ParticipaBot.Storage.Sqlite;

namespace ParticipaBot.Storage.Tests.Repositories;

public sealed class ReportDraftRepositoryTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteDocumentStore _store;
    private readonly DocumentStoreReportDraftRepository _drafts;

    public ReportDraftRepositoryTests()
    {
        _store = new SqliteDocumentStore(Path.Combine(_directory.Path, "participabot.db"));
        _drafts = new DocumentStoreReportDraftRepository(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    private static ReportWizardDraft Draft(string name) => new()
    {
        Draft = new ReportDraft
        {
            Id = "rep-2026-abc",
            Year = 2026,
            CurrentStep = "datos",
            Values = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = name, ["heldOn.from"] = "10/03/2026" },
        },
        EntityId = "mintrabajo",
        UserId = "user-1",
        StartedAt = new DateTimeOffset(2026, 6, 30, 15, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task SaveAsync_ThenGet_RoundTripsRawValuesInTheConversationPartition()
    {
        await _drafts.SaveAsync("a:chat-1", Draft("Mesa"), etag: null);

        var stored = await _drafts.GetAsync("a:chat-1");

        Assert.NotNull(stored);
        Assert.Equal("10/03/2026", stored.Value.Draft.Value("heldOn.from"));
        Assert.Equal("datos", stored.Value.Draft.CurrentStep);
        Assert.NotNull(await _store.ReadAsync(PartitionKeys.Conversation("a:chat-1"), DocumentStoreReportDraftRepository.DraftId));
        Assert.Null(await _drafts.GetAsync("a:chat-2"));
    }

    [Fact]
    public async Task SaveAsync_StaleETagOrSecondCreate_ThrowsConcurrentUpdate()
    {
        var first = await _drafts.SaveAsync("a:chat-1", Draft("Mesa"), etag: null);
        await _drafts.SaveAsync("a:chat-1", Draft("Mesa 2"), first.ETag);

        await Assert.ThrowsAsync<ConcurrentUpdateException>(() => _drafts.SaveAsync("a:chat-1", Draft("Mesa 3"), first.ETag));
        await Assert.ThrowsAsync<ConcurrentUpdateException>(() => _drafts.SaveAsync("a:chat-1", Draft("Mesa 4"), etag: null));
        Assert.Equal("Mesa 2", (await _drafts.GetAsync("a:chat-1"))!.Value.Draft.Value("name"));
    }

    [Fact]
    public async Task ReplaceAnyAndDelete_StartOverAndCancel()
    {
        await _drafts.SaveAsync("a:chat-1", Draft("Mesa"), etag: null);

        await _drafts.ReplaceAnyAsync("a:chat-1", Draft("Otra"));
        Assert.Equal("Otra", (await _drafts.GetAsync("a:chat-1"))!.Value.Draft.Value("name"));

        Assert.True(await _drafts.DeleteAsync("a:chat-1"));
        Assert.False(await _drafts.DeleteAsync("a:chat-1"));
        Assert.Null(await _drafts.GetAsync("a:chat-1"));
    }
}
