using System.Text.Json;

namespace ParticipaBot.Storage;

/// <summary>
/// The one persistence port, with the semantics Cosmos DB has: every document has an id, a partition
/// key and an ETag; writes are single-document and atomic; queries are scoped to one partition.
/// The SQLite and Cosmos DB adapters both pass the same contract suite (tests/Storage.Tests).
/// </summary>
public interface IDocumentStore
{
    /// <summary>Creates the document; throws <see cref="DocumentConflictException"/> if the id exists in that partition.</summary>
    Task<StoredDocument> CreateAsync(DocumentWrite document, CancellationToken cancellationToken = default);

    /// <summary>Reads one document, or null when it does not exist (or has expired).</summary>
    Task<StoredDocument?> ReadAsync(string partitionKey, string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the document only if its current ETag is <paramref name="ifMatchETag"/>; throws
    /// <see cref="DocumentPreconditionFailedException"/> when it changed and <see cref="DocumentNotFoundException"/> when it is gone.
    /// </summary>
    Task<StoredDocument> ReplaceAsync(DocumentWrite document, string ifMatchETag, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the document unconditionally.</summary>
    Task<StoredDocument> UpsertAsync(DocumentWrite document, CancellationToken cancellationToken = default);

    /// <summary>Deletes the document; false when it did not exist. With an ETag, deletes only if it still matches.</summary>
    Task<bool> DeleteAsync(string partitionKey, string id, string? ifMatchETag = null, CancellationToken cancellationToken = default);

    /// <summary>Every live document of one partition, optionally of one type, ordered by id.</summary>
    IAsyncEnumerable<StoredDocument> QueryAsync(string partitionKey, string? type = null, CancellationToken cancellationToken = default);

    /// <summary>Every live document in the store, for export-data only (the one cross-partition read).</summary>
    IAsyncEnumerable<StoredDocument> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the store answers now: used by /healthz and start-up checks.</summary>
    Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}

/// <summary>What a caller writes. The body is the document's own JSON; id, partition key and type travel beside it.</summary>
/// <param name="Id">Unique within the partition.</param>
/// <param name="PartitionKey">Everything one compliance summary reads shares one partition (see docs/data-model.md).</param>
/// <param name="Type">The document kind ("plan", "space", "report", "draft", ...), for typed queries and export.</param>
/// <param name="Body">The document's JSON.</param>
/// <param name="TimeToLiveSeconds">When set, the document disappears this many seconds after its last write.</param>
public sealed record DocumentWrite(string Id, string PartitionKey, string Type, JsonElement Body, int? TimeToLiveSeconds = null);

/// <summary>A document as stored, with the ETag to use for the next conditional replace.</summary>
public sealed record StoredDocument(string Id, string PartitionKey, string Type, JsonElement Body, string ETag, DateTimeOffset LastModified)
{
    /// <summary>When the document expires (its last write plus its time-to-live); null when it never does.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>The answer of a health check: healthy, or the operator-readable reason why not.</summary>
public sealed record StoreHealth(bool IsHealthy, string Description);

/// <summary>Base of the store's expected failures; their messages are safe to show an operator.</summary>
public abstract class DocumentStoreException : Exception
{
    protected DocumentStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

public sealed class DocumentConflictException(string partitionKey, string id)
    : DocumentStoreException($"A document with id '{id}' already exists in partition '{partitionKey}'.");

public sealed class DocumentNotFoundException(string partitionKey, string id)
    : DocumentStoreException($"No document with id '{id}' exists in partition '{partitionKey}'.");

public sealed class DocumentPreconditionFailedException(string partitionKey, string id)
    : DocumentStoreException($"The document '{id}' in partition '{partitionKey}' changed since it was read (ETag mismatch).");

public sealed class DocumentTooLargeException(string id, long sizeBytes, long limitBytes)
    : DocumentStoreException($"The document '{id}' is {sizeBytes} bytes; the limit is {limitBytes} bytes.");

public sealed class StoreUnavailableException(string message, Exception? innerException = null)
    : DocumentStoreException(message, innerException);
