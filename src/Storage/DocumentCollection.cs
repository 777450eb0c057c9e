using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ParticipaBot.Storage;

/// <summary>A typed document as stored: the value, where it lives and the ETag for the next conditional write.</summary>
public sealed record Document<T>(string Id, string PartitionKey, T Value, string ETag, DateTimeOffset LastModified)
{
    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>
/// Typed access to the documents of one type over <see cref="IDocumentStore"/>, so repositories stay thin:
/// a repository is a DocumentCollection plus the partition key and id rules of its aggregate.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Named after the store's own term: a set of documents of one type, not an ICollection.")]
public sealed class DocumentCollection<T>
    where T : class
{
    private readonly IDocumentStore _store;
    private readonly JsonSerializerOptions _options;
    private readonly Func<T, bool>? _readsBackEqual;
    private readonly RememberedVersions<T>? _versions;

    // Set when the store keeps UTF-8 JSON and the serializer writes its stored form: a typed read or write then moves
    // the stored bytes directly (no JsonElement built from them, no element written out again).
    private readonly IUtf8DocumentStore? _utf8;

    /// <param name="store">The store the documents live in.</param>
    /// <param name="type">The "type" every document of this collection carries.</param>
    /// <param name="options">Serializer options; <see cref="StorageJson.Options"/> by default.</param>
    /// <param name="readsBackEqual">
    /// For a T shown (by tests) to read back equal to what was written: true for a value that does, and a write then
    /// returns the caller's value instead of deserialising the body it has just serialised from it. Without it, or when
    /// it says false, the written body is read back.
    /// </param>
    /// <param name="rememberVersions">
    /// For an immutable T read right after it is written: how many documents' last version to remember
    /// (<see cref="RememberedVersions{T}"/>), so a read of the version this process last wrote or read is not deserialised
    /// again. Zero remembers none.
    /// </param>
    public DocumentCollection(IDocumentStore store, string type, JsonSerializerOptions? options = null, Func<T, bool>? readsBackEqual = null, int rememberVersions = 0)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(type);
        _store = store;
        Type = type;
        _options = options ?? StorageJson.Options;
        _readsBackEqual = readsBackEqual;
        _versions = rememberVersions > 0 ? new RememberedVersions<T>(rememberVersions) : null;
        _utf8 = store is IUtf8DocumentStore utf8 && DocumentLimits.WritesStoredForm(_options) ? utf8 : null;
    }

    /// <summary>The "type" every document of this collection carries.</summary>
    public string Type { get; }

    public IDocumentStore Store => _store;

    public async Task<Document<T>?> GetAsync(string partitionKey, string id, CancellationToken cancellationToken = default)
    {
        if (_utf8 is not null)
        {
            // The version remembered is taken with its value: a read that finds it still current skips the body.
            var remembered = _versions is not null && _versions.TryGetLatest(partitionKey, id, out var knownETag, out var knownValue)
                ? (ETag: knownETag, Value: knownValue)
                : default;
            var read = await _utf8.ReadUtf8Async(partitionKey, id, remembered.ETag, cancellationToken);
            if (read is null)
            {
                return null;
            }

            if (remembered.ETag is not null && string.Equals(read.ETag, remembered.ETag, StringComparison.Ordinal))
            {
                EnsureType(read.Id, read.PartitionKey, read.Type);
                return Remembered(Map(read, remembered.Value!));
            }

            return Remembered(Map(read, Deserialize(read)));
        }

        var stored = await _store.ReadAsync(partitionKey, id, cancellationToken);
        return stored is null ? null : Remembered(Known(stored.Id, stored.PartitionKey, stored.Type, stored.ETag) is { } known ? Map(stored, known) : Map(stored));
    }

    public async Task<Document<T>> CreateAsync(string partitionKey, string id, T value, int? timeToLiveSeconds = null, CancellationToken cancellationToken = default)
        => _utf8 is not null
            ? MapWritten(await _utf8.CreateUtf8Async(ToUtf8Write(partitionKey, id, value, timeToLiveSeconds), cancellationToken), value)
            : MapWritten(await _store.CreateAsync(ToWrite(partitionKey, id, value, timeToLiveSeconds), cancellationToken), value);

    public async Task<Document<T>> ReplaceAsync(string partitionKey, string id, T value, string ifMatchETag, int? timeToLiveSeconds = null, CancellationToken cancellationToken = default)
        => _utf8 is not null
            ? MapWritten(await _utf8.ReplaceUtf8Async(ToUtf8Write(partitionKey, id, value, timeToLiveSeconds), ifMatchETag, cancellationToken), value)
            : MapWritten(await _store.ReplaceAsync(ToWrite(partitionKey, id, value, timeToLiveSeconds), ifMatchETag, cancellationToken), value);

    public async Task<Document<T>> UpsertAsync(string partitionKey, string id, T value, int? timeToLiveSeconds = null, CancellationToken cancellationToken = default)
        => _utf8 is not null
            ? MapWritten(await _utf8.UpsertUtf8Async(ToUtf8Write(partitionKey, id, value, timeToLiveSeconds), cancellationToken), value)
            : MapWritten(await _store.UpsertAsync(ToWrite(partitionKey, id, value, timeToLiveSeconds), cancellationToken), value);

    public Task<bool> DeleteAsync(string partitionKey, string id, string? ifMatchETag = null, CancellationToken cancellationToken = default)
    {
        _versions?.Forget(partitionKey, id);
        return _store.DeleteAsync(partitionKey, id, ifMatchETag, cancellationToken);
    }

    /// <summary>Every live document of this type in one partition, ordered by id.</summary>
    public async IAsyncEnumerable<Document<T>> QueryAsync(string partitionKey, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var stored in _store.QueryAsync(partitionKey, Type, cancellationToken))
        {
            yield return Map(stored);
        }
    }

    /// <summary>
    /// Read, mutate, replace with the ETag read; on a concurrent change, read again and re-apply, so no update is lost.
    /// Throws <see cref="DocumentNotFoundException"/> when the document does not exist.
    /// </summary>
    public Task<Document<T>> UpdateWithRetryAsync(string partitionKey, string id, Func<T, T> mutate, int? timeToLiveSeconds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mutate);
        return AddOrUpdateWithRetryAsync(
            partitionKey,
            id,
            current => current is null ? throw new DocumentNotFoundException(partitionKey, id) : mutate(current),
            timeToLiveSeconds,
            cancellationToken);
    }

    /// <summary>Like <see cref="UpdateWithRetryAsync"/>, but creates the document (mutate receives null) when it is missing.</summary>
    public async Task<Document<T>> AddOrUpdateWithRetryAsync(string partitionKey, string id, Func<T?, T> mutate, int? timeToLiveSeconds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mutate);
        var stored = await _store.UpdateWithRetryAsync(
            partitionKey,
            id,
            current => ToWrite(partitionKey, id, mutate(current is null ? null : Deserialize(current)), timeToLiveSeconds),
            cancellationToken: cancellationToken);
        return Map(stored);
    }

    public DocumentWrite ToWrite(string partitionKey, string id, T value, int? timeToLiveSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var body = JsonSerializer.SerializeToElement(value, _options);
        return new DocumentWrite(id, partitionKey, Type, body, timeToLiveSeconds);
    }

    private Utf8DocumentWrite ToUtf8Write(string partitionKey, string id, T value, int? timeToLiveSeconds)
    {
        ArgumentNullException.ThrowIfNull(value);
        var body = DocumentLimits.ToStoredForm(JsonSerializer.SerializeToUtf8Bytes(value, _options));
        return new Utf8DocumentWrite(id, partitionKey, Type, body, timeToLiveSeconds);
    }

    /// <summary>
    /// The write of <paramref name="value"/> with its body in the stored form, for an adapter's several-document
    /// transaction (<see cref="IAtomicDocumentStore"/>); <see cref="Written"/> maps what it returns.
    /// </summary>
    internal Utf8DocumentWrite ToStoredWrite(string partitionKey, string id, T value, int? timeToLiveSeconds = null)
    {
        if (DocumentLimits.WritesStoredForm(_options))
        {
            return ToUtf8Write(partitionKey, id, value, timeToLiveSeconds);
        }

        var write = ToWrite(partitionKey, id, value, timeToLiveSeconds);
        return new Utf8DocumentWrite(id, partitionKey, Type, DocumentLimits.SerializeBody(write.Body), timeToLiveSeconds);
    }

    /// <summary>The document <see cref="ToStoredWrite"/> wrote, with the value written (or read back when it would not be equal).</summary>
    internal Document<T> Written(Utf8Document stored, T value) => MapWritten(stored, value);

    public Document<T> Map(StoredDocument stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new Document<T>(stored.Id, stored.PartitionKey, Deserialize(stored), stored.ETag, stored.LastModified)
        {
            ExpiresAt = stored.ExpiresAt,
        };
    }

    private static Document<T> Map(Utf8Document stored, T value) =>
        new(stored.Id, stored.PartitionKey, value, stored.ETag, stored.LastModified) { ExpiresAt = stored.ExpiresAt };

    private Document<T> MapWritten(Utf8Document stored, T written) =>
        Remembered(Map(stored, _readsBackEqual is not null && _readsBackEqual(written) ? written : Deserialize(stored)));

    private Document<T> MapWritten(StoredDocument stored, T written)
    {
        if (_readsBackEqual is null || !_readsBackEqual(written))
        {
            return Remembered(Map(stored));
        }

        EnsureType(stored);
        return Remembered(Map(stored, written));
    }

    private static Document<T> Map(StoredDocument stored, T value) =>
        new(stored.Id, stored.PartitionKey, value, stored.ETag, stored.LastModified) { ExpiresAt = stored.ExpiresAt };

    /// <summary>The remembered value of this version, when there is one (its type checked as a deserialisation would).</summary>
    private T? Known(string id, string partitionKey, string type, string etag)
    {
        if (_versions is null || !_versions.TryGet(partitionKey, id, etag, out var value))
        {
            return null;
        }

        EnsureType(id, partitionKey, type);
        return value;
    }

    private Document<T> Remembered(Document<T> document)
    {
        _versions?.Remember(document.PartitionKey, document.Id, document.ETag, document.Value);
        return document;
    }

    private void EnsureType(StoredDocument stored) => EnsureType(stored.Id, stored.PartitionKey, stored.Type);

    private void EnsureType(string id, string partitionKey, string type)
    {
        if (!string.Equals(type, Type, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Document '{id}' in partition '{partitionKey}' is a '{type}', not a '{Type}'.");
        }
    }

    private T Deserialize(Utf8Document stored)
    {
        EnsureType(stored.Id, stored.PartitionKey, stored.Type);
        return JsonSerializer.Deserialize<T>(stored.Body, _options)
            ?? throw new InvalidOperationException($"Document '{stored.Id}' in partition '{stored.PartitionKey}' has an empty body.");
    }

    private T Deserialize(StoredDocument stored)
    {
        EnsureType(stored);
        return stored.Body.Deserialize<T>(_options)
            ?? throw new InvalidOperationException($"Document '{stored.Id}' in partition '{stored.PartitionKey}' has an empty body.");
    }
}

/// <summary>Optimistic-concurrency helpers over the raw port.</summary>
public static class DocumentStoreExtensions
{
    /// <summary>
    /// Reads the document, builds the next version with <paramref name="next"/> (null when missing) and writes it
    /// conditionally (create when missing, replace with the ETag read otherwise); on a conflict or ETag mismatch it
    /// reads again and retries, so concurrent writers lose no update.
    /// </summary>
    public static async Task<StoredDocument> UpdateWithRetryAsync(
        this IDocumentStore store,
        string partitionKey,
        string id,
        Func<StoredDocument?, DocumentWrite> next,
        int maxAttempts = 100,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(next);
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.ReadAsync(partitionKey, id, cancellationToken);
            var write = next(current);
            if (!string.Equals(write.PartitionKey, partitionKey, StringComparison.Ordinal) || !string.Equals(write.Id, id, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("An update must keep the document's id and partition key.");
            }

            try
            {
                return current is null
                    ? await store.CreateAsync(write, cancellationToken)
                    : await store.ReplaceAsync(write, current.ETag, cancellationToken);
            }
            catch (DocumentStoreException exception) when (exception is DocumentPreconditionFailedException or DocumentConflictException or DocumentNotFoundException && attempt < maxAttempts)
            {
                // Someone else wrote in between: back off (jittered, exponential up to 200 ms) and re-apply to the fresh version.
                var delay = Random.Shared.Next(0, Math.Min(2 << Math.Min(attempt, 6), 50));
                await Task.Delay(delay, cancellationToken);
            }
        }
    }
}
