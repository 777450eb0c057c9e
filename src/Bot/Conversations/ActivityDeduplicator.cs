using System.Text.Json;
using Microsoft.Extensions.Options;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Conversations;

/// <summary>
/// Claims (conversation id, activity id) once: Teams may deliver the same activity twice (PROTOCOL.md §1.6), and the
/// second delivery must not run the turn again.
/// </summary>
internal interface IActivityDeduplicator
{
    /// <summary>True the first time the pair is seen within the retention window; false for a redelivery.</summary>
    Task<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken);
}

/// <summary>
/// Claims in the document store, so that several bot instances behind one endpoint agree: a small document with a TTL,
/// created (never upserted); a conflict means another delivery got there first. When the store does not answer, the
/// claim falls back to this instance's memory rather than dropping the turn.
/// </summary>
internal sealed class StoreActivityDeduplicator(
    IDocumentStore store,
    MemoryActivityDeduplicator fallback,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<StoreActivityDeduplicator> logger) : IActivityDeduplicator
{
    public const string DocumentType = "activityReceipt";

    public async Task<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToElement(new { receivedAt = time.GetUtcNow() });
        var write = new DocumentWrite(DocumentId(activityId), PartitionKey(conversationId), DocumentType, body, options.Value.DeduplicationSeconds);
        try
        {
            await store.CreateAsync(write, cancellationToken);
            return true;
        }
        catch (DocumentConflictException)
        {
            return false;
        }
        catch (StoreUnavailableException exception)
        {
            Log.DeduplicationStoreUnavailable(logger, exception);
            return await fallback.TryBeginAsync(conversationId, activityId, cancellationToken);
        }
    }

    /// <summary>The conversation's own partition (docs/data-model.md: "conversation|{conversationId}"), so receipts spread over partitions.</summary>
    internal static string PartitionKey(string conversationId) => "conversation|" + conversationId;

    internal static string DocumentId(string activityId) => "receipt-" + ActivityFingerprint.Of(activityId);
}

/// <summary>
/// Claims in this process only: a bounded set that forgets the oldest claims first and after the retention window.
/// Used when no document store is registered (one instance) and as the store's fallback.
/// </summary>
internal sealed class MemoryActivityDeduplicator(IOptions<ConversationOptions> options, TimeProvider time) : IActivityDeduplicator
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset ExpiresAt)> _order = new();

    public Task<bool> TryBeginAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var key = conversationId + "\n" + activityId;
        var now = time.GetUtcNow();
        var settings = options.Value;
        lock (_lock)
        {
            while (_order.TryPeek(out var oldest) && (oldest.ExpiresAt <= now || _order.Count >= settings.DeduplicationMemoryCapacity))
            {
                _order.Dequeue();
                if (_claims.TryGetValue(oldest.Key, out var expiresAt) && expiresAt == oldest.ExpiresAt)
                {
                    _claims.Remove(oldest.Key);
                }
            }

            if (_claims.TryGetValue(key, out var existing) && existing > now)
            {
                return Task.FromResult(false);
            }

            var expires = now.AddSeconds(settings.DeduplicationSeconds);
            _claims[key] = expires;
            _order.Enqueue((key, expires));
            return Task.FromResult(true);
        }
    }
}
