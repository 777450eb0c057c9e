using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ParticipaBot.Storage;

namespace ParticipaBot.TestSupport;

/// <summary>
/// Counts the store's round trips (by operation and document type) around the real store, so tests can hold the turn
/// pipeline to its budget of reads and writes per turn; <see cref="AllAtOnceAsync"/> makes callers overlap.
/// </summary>
public sealed class CountingDocumentStore(IDocumentStore inner) : IDocumentStore
{
    private readonly ConcurrentQueue<string> _calls = new();

    // While set (by AllAtOnceAsync), reads and queries are counted and then wait for it before going to the store.
    private volatile Task? _readGate;

    /// <summary>"read|draft", "replace|draft", "query|report", ... in call order since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public void Reset() => _calls.Clear();

    /// <summary>
    /// Makes <paramref name="callers"/> calls at once, with reads held at the gate until the first has reached it and
    /// the others have had time to: calls that share a read wait for it, calls that read on their own reach the gate.
    /// </summary>
    public async Task<T[]> AllAtOnceAsync<T>(int callers, Func<Task<T>> call)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _readGate = held.Task;
        var calls = Enumerable.Range(0, callers).Select(_ => Task.Run(call)).ToList();
        while (_calls.IsEmpty)
        {
            await Task.Delay(5);
        }

        await Task.Delay(50);
        held.SetResult();
        _readGate = null;
        return await Task.WhenAll(calls);
    }

    public Task<StoredDocument> CreateAsync(DocumentWrite document, CancellationToken cancellationToken = default)
    {
        Record("create", document.Type);
        return inner.CreateAsync(document, cancellationToken);
    }

    public async Task<StoredDocument?> ReadAsync(string partitionKey, string id, CancellationToken cancellationToken = default)
    {
        Record("read", id);
        if (_readGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        return await inner.ReadAsync(partitionKey, id, cancellationToken);
    }

    public Task<StoredDocument> ReplaceAsync(DocumentWrite document, string ifMatchETag, CancellationToken cancellationToken = default)
    {
        Record("replace", document.Type);
        return inner.ReplaceAsync(document, ifMatchETag, cancellationToken);
    }

    public Task<StoredDocument> UpsertAsync(DocumentWrite document, CancellationToken cancellationToken = default)
    {
        Record("upsert", document.Type);
        return inner.UpsertAsync(document, cancellationToken);
    }

    public Task<bool> DeleteAsync(string partitionKey, string id, string? ifMatchETag = null, CancellationToken cancellationToken = default)
    {
        Record("delete", id);
        return inner.DeleteAsync(partitionKey, id, ifMatchETag, cancellationToken);
    }

    public async IAsyncEnumerable<StoredDocument> QueryAsync(string partitionKey, string? type = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Record("query", type ?? "*");
        if (_readGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        await foreach (var document in inner.QueryAsync(partitionKey, type, cancellationToken))
        {
            yield return document;
        }
    }

    public IAsyncEnumerable<StoredDocument> ReadAllAsync(CancellationToken cancellationToken = default) => inner.ReadAllAsync(cancellationToken);

    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default) => inner.CheckHealthAsync(cancellationToken);

    private void Record(string operation, string what) => _calls.Enqueue(operation + "|" + what);
}
