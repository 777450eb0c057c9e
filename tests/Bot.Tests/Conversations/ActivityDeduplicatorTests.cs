using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Tests.Conversations;

public sealed class ActivityDeduplicatorTests
{
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));

    private static IOptions<ConversationOptions> Options(int seconds = 3600, int capacity = 1000) =>
        Microsoft.Extensions.Options.Options.Create(new ConversationOptions { DeduplicationSeconds = seconds, DeduplicationMemoryCapacity = capacity });

    [Fact]
    public async Task Memory_SamePairTwice_SecondIsDuplicate()
    {
        var deduplicator = new MemoryActivityDeduplicator(Options(), _time);

        Assert.True(await deduplicator.TryBeginAsync("a:1", "m1", default));
        Assert.False(await deduplicator.TryBeginAsync("a:1", "m1", default));
        Assert.True(await deduplicator.TryBeginAsync("a:2", "m1", default));
        Assert.True(await deduplicator.TryBeginAsync("a:1", "m2", default));
    }

    [Fact]
    public async Task Memory_AfterRetention_PairIsNewAgain()
    {
        var deduplicator = new MemoryActivityDeduplicator(Options(seconds: 60), _time);
        await deduplicator.TryBeginAsync("a:1", "m1", default);

        _time.Advance(TimeSpan.FromSeconds(61));

        Assert.True(await deduplicator.TryBeginAsync("a:1", "m1", default));
    }

    [Fact]
    public async Task Memory_OverCapacity_ForgetsOldestFirst()
    {
        var deduplicator = new MemoryActivityDeduplicator(Options(capacity: 100), _time);
        for (var i = 0; i < 150; i++)
        {
            await deduplicator.TryBeginAsync("a:1", "m" + i, default);
        }

        Assert.True(await deduplicator.TryBeginAsync("a:1", "m0", default));
        Assert.False(await deduplicator.TryBeginAsync("a:1", "m149", default));
    }

    [Fact]
    public async Task Store_TwoInstancesSharingStore_OnlyFirstClaims()
    {
        var store = new CreateOnlyStore();
        var first = NewStoreDeduplicator(store);
        var second = NewStoreDeduplicator(store);

        Assert.True(await first.TryBeginAsync("19:abc/def@thread.tacv2", "1772460000001", default));
        Assert.False(await second.TryBeginAsync("19:abc/def@thread.tacv2", "1772460000001", default));

        var written = Assert.Single(store.Created);
        Assert.Equal("conversation|19:abc/def@thread.tacv2", written.PartitionKey);
        Assert.Equal(3600, written.TimeToLiveSeconds);
        Assert.Matches("^receipt-[0-9a-f]{64}$", written.Id);
    }

    [Fact]
    public async Task Store_Unavailable_FallsBackToMemory()
    {
        var store = new CreateOnlyStore { Unavailable = true };
        var deduplicator = NewStoreDeduplicator(store);

        Assert.True(await deduplicator.TryBeginAsync("a:1", "m1", default));
        Assert.False(await deduplicator.TryBeginAsync("a:1", "m1", default));
    }

    private StoreActivityDeduplicator NewStoreDeduplicator(IDocumentStore store) =>
        new(store, new MemoryActivityDeduplicator(Options(), _time), Options(), _time, NullLogger<StoreActivityDeduplicator>.Instance);

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>Only what the deduplicator calls: create with the conflict rule, or fail as an unreachable store.</summary>
    private sealed class CreateOnlyStore : IDocumentStore
    {
        public List<DocumentWrite> Created { get; } = [];

        public bool Unavailable { get; init; }

        public Task<StoredDocument> CreateAsync(DocumentWrite document, CancellationToken cancellationToken = default)
        {
            if (Unavailable)
            {
                throw new StoreUnavailableException("store down");
            }

            lock (Created)
            {
                if (Created.Any(d => d.PartitionKey == document.PartitionKey && d.Id == document.Id))
                {
                    throw new DocumentConflictException(document.PartitionKey, document.Id);
                }

                Created.Add(document);
            }

            return Task.FromResult(new StoredDocument(document.Id, document.PartitionKey, document.Type, document.Body, "etag", DateTimeOffset.UnixEpoch));
        }

        public Task<StoredDocument?> ReadAsync(string partitionKey, string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoredDocument> ReplaceAsync(DocumentWrite document, string ifMatchETag, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoredDocument> UpsertAsync(DocumentWrite document, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> DeleteAsync(string partitionKey, string id, string? ifMatchETag = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<StoredDocument> QueryAsync(string partitionKey, string? type = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<StoredDocument> ReadAllAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => Task.FromResult(new StoreHealth(true, "test"));
    }
}
