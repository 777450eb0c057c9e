namespace ParticipaBot.Storage;

/// <summary>
/// The side of an adapter that keeps bodies as UTF-8 JSON (SQLite): a typed collection reads and writes the stored bytes
/// themselves, with no JsonElement (and its copy of the body) in between. Same semantics, checks and limits as the
/// <see cref="IDocumentStore"/> calls of the same name; the body written must already be in the stored form
/// (<see cref="DocumentLimits.ToStoredForm"/>).
/// </summary>
internal interface IUtf8DocumentStore
{
    Task<Utf8Document?> ReadUtf8Async(string partitionKey, string id, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ReadUtf8Async(string, string, CancellationToken)"/>, except that a stored version whose ETag is
    /// <paramref name="knownETag"/> comes back with an empty body, not read: the caller already holds that version's value.
    /// </summary>
    Task<Utf8Document?> ReadUtf8Async(string partitionKey, string id, string? knownETag, CancellationToken cancellationToken);

    Task<Utf8Document> CreateUtf8Async(Utf8DocumentWrite document, CancellationToken cancellationToken);

    Task<Utf8Document> ReplaceUtf8Async(Utf8DocumentWrite document, string ifMatchETag, CancellationToken cancellationToken);

    Task<Utf8Document> UpsertUtf8Async(Utf8DocumentWrite document, CancellationToken cancellationToken);
}

/// <summary>A <see cref="DocumentWrite"/> whose body is its stored UTF-8 JSON.</summary>
internal sealed record Utf8DocumentWrite(string Id, string PartitionKey, string Type, byte[] Body, int? TimeToLiveSeconds = null);

/// <summary>A <see cref="StoredDocument"/> whose body is its stored UTF-8 JSON.</summary>
internal sealed record Utf8Document(string Id, string PartitionKey, string Type, byte[] Body, string ETag, DateTimeOffset LastModified, DateTimeOffset? ExpiresAt);
