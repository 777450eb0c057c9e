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

    public static TheoryData<string> RepresentativeDrafts => ["full", "minimal", "truncated"];

    [Theory]
    [MemberData(nameof(RepresentativeDrafts))]
    public async Task SaveAsync_ReturnsTheDraftPassed_WhichReadsBackEqual(string kind)
    {
        // The repository returns the draft it was given rather than deserialising what it wrote: that is only right
        // while the draft reads back equal, property by property; one that would not is read back instead.
        var draft = Representative(kind);
        var same = kind != "truncated";

        var created = await _drafts.SaveAsync("a:chat-1", draft, etag: null);
        var replaced = await _drafts.SaveAsync("a:chat-1", draft, created.ETag);
        var upserted = await _drafts.ReplaceAnyAsync("a:chat-1", draft);
        var read = await _drafts.GetAsync("a:chat-1");

        Assert.Equal(same, DocumentStoreReportDraftRepository.ReadsBackEqual(draft));
        Assert.Equal(same, ReferenceEquals(draft, created.Value));
        Assert.Equal(same, ReferenceEquals(draft, replaced.Value));
        Assert.Equal(same, ReferenceEquals(draft, upserted.Value));
        Assert.Equal(upserted.ETag, read!.ETag);
        AssertEqual(created.Value, read.Value);
        AssertEqual(replaced.Value, read.Value);
        AssertEqual(upserted.Value, read.Value);
        var collection = new DocumentCollection<ReportWizardDraft>(_store, DocumentStoreReportDraftRepository.DraftType);
        AssertEqual(upserted.Value, (await collection.GetAsync(PartitionKeys.Conversation("a:chat-1"), DocumentStoreReportDraftRepository.DraftId))!.Value);
    }

    [Fact]
    public void ReportWizardDraft_Properties_AreTheOnesTheRoundTripTestCompares()
    {
        // A new property must be added to AssertEqual, and shown to read back equal, before drafts keep skipping the read-back.
        string[] Names(Type type) => [.. type.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(["Draft", "EntityId", "ReturnToReview", "StartActivityId", "StartedAt", "SubmittedReportId", "UpdatedAt", "UserId"], Names(typeof(ReportWizardDraft)));
        Assert.Equal(["CurrentStep", "Id", "Values", "Year"], Names(typeof(ReportDraft)));
    }

    private static ReportWizardDraft Representative(string kind) => kind switch
    {
        "full" => new ReportWizardDraft
        {
            Draft = new ReportDraft
            {
                Id = "rep-2026-0f3a",
                Year = 2026,
                CurrentStep = "resultados",
                Values = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["name"] = "Audiencia pública de rendición de cuentas — Año 2026",
                    ["heldOn.from"] = "10/03/2026",
                    ["results"] = "Línea 1\nLínea 2\t\"citas\" \\ <b>&amp;</b> \u0001 \u2028 日本語 🎉👩🏽‍💻",
                    ["groups.MUJ"] = "12",
                    ["empty"] = string.Empty,
                    ["spaces"] = "  con espacios  ",
                },
            },
            EntityId = "alcaldía-de-bogotá",
            UserId = "29:1a2b-user",
            StartedAt = new DateTimeOffset(2026, 6, 30, 15, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1234567),
            UpdatedAt = new DateTimeOffset(2026, 7, 1, 8, 30, 15, TimeSpan.Zero).AddTicks(7),
            ReturnToReview = true,
            SubmittedReportId = "rep-2026-0f3a",
            StartActivityId = "1:1Xk9-f3é|invoke#2",
        },
        "minimal" => new ReportWizardDraft
        {
            Draft = new ReportDraft { Id = "rep-2026-min", Year = 2025, CurrentStep = "datos" },
            EntityId = "e",
            StartedAt = DateTimeOffset.UnixEpoch,
        },
        // A typed value cut at the stored cap may end in half of a surrogate pair.
        _ => new ReportWizardDraft
        {
            Draft = new ReportDraft
            {
                Id = "rep-2026-cut",
                Year = 2026,
                CurrentStep = "datos",
                Values = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = ("ab🎉")[..3] },
            },
            EntityId = "e",
            StartedAt = DateTimeOffset.UnixEpoch,
        },
    };

    private static void AssertEqual(ReportWizardDraft expected, ReportWizardDraft actual)
    {
        Assert.Equal(expected.EntityId, actual.EntityId);
        Assert.Equal(expected.UserId, actual.UserId);
        Assert.Equal(expected.StartedAt, actual.StartedAt);
        Assert.Equal(expected.StartedAt.Offset, actual.StartedAt.Offset);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.UpdatedAt.Offset, actual.UpdatedAt.Offset);
        Assert.Equal(expected.ReturnToReview, actual.ReturnToReview);
        Assert.Equal(expected.SubmittedReportId, actual.SubmittedReportId);
        Assert.Equal(expected.StartActivityId, actual.StartActivityId);
        Assert.Equal(expected.Draft.Id, actual.Draft.Id);
        Assert.Equal(expected.Draft.Year, actual.Draft.Year);
        Assert.Equal(expected.Draft.CurrentStep, actual.Draft.CurrentStep);
        Assert.Equal(expected.Draft.Values.ToList(), actual.Draft.Values.ToList());
    }
}
