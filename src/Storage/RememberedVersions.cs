using System.Collections.Concurrent;

namespace ParticipaBot.Storage;

/// <summary>
/// The value of the last version of each document this process read or wrote, by ETag: a read whose ETag is the one
/// remembered returns the remembered value instead of deserialising the body again (the wizard's every step reads the
/// draft the step before saved). An ETag names one version of one document, so a change by anyone else (another
/// instance, a concurrent click) has another ETag and is deserialised. The values are shared between readers, so only
/// immutable values belong here. At most <c>capacity</c> documents; past it the memory starts over rather than grow.
/// </summary>
internal sealed class RememberedVersions<T>(int capacity)
    where T : class
{
    private readonly ConcurrentDictionary<(string PartitionKey, string Id), (string ETag, T Value)> _versions = new();

    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary, and this runs on every read and write.
    // Approximate under races, which only moves the moment the memory starts over.
    private int _count;

    public bool TryGet(string partitionKey, string id, string etag, out T value)
    {
        if (_versions.TryGetValue((partitionKey, id), out var remembered) && string.Equals(remembered.ETag, etag, StringComparison.Ordinal))
        {
            value = remembered.Value;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>The last version remembered of the document, whatever its ETag (the read then tells whether it is current).</summary>
    public bool TryGetLatest(string partitionKey, string id, out string etag, out T value)
    {
        if (_versions.TryGetValue((partitionKey, id), out var remembered))
        {
            (etag, value) = remembered;
            return true;
        }

        (etag, value) = (null!, null!);
        return false;
    }

    public void Remember(string partitionKey, string id, string etag, T value)
    {
        var key = (partitionKey, id);
        if (_versions.TryGetValue(key, out _))
        {
            _versions[key] = (etag, value);
            return;
        }

        if (Interlocked.Increment(ref _count) > capacity)
        {
            _versions.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        _versions[key] = (etag, value);
    }

    public void Forget(string partitionKey, string id)
    {
        if (_versions.TryRemove((partitionKey, id), out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
