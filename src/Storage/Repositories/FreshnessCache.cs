using System.Collections.Concurrent;

namespace ParticipaBot.Storage.Repositories;

/// <summary>
/// Values read from the store, kept for a short window so that the turns of a busy instance do not read the same
/// document again and again (docs/benchmarks.md, "Load"). The clock is the process's monotonic one, not the domain
/// clock: a window is an operational bound on staleness across instances, and writes through this process drop the
/// entry at once. At most <c>capacity</c> entries; past it the cache starts over rather than grow.
/// </summary>
internal sealed class FreshnessCache<TKey, TValue>(TimeSpan window, int capacity = 10_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long StoredAtMilliseconds)> _entries = new();
    private long _invalidations;

    /// <summary>Taken before a read of the store and given back to <see cref="Set"/>.</summary>
    public long Version => Interlocked.Read(ref _invalidations);

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && Environment.TickCount64 - entry.StoredAtMilliseconds < window.TotalMilliseconds)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>
    /// Keeps what a read returned, unless a write through this process invalidated anything since the read began
    /// (<paramref name="versionBeforeRead"/>): that read may have missed the write.
    /// </summary>
    public void Set(TKey key, TValue value, long versionBeforeRead)
    {
        if (Version != versionBeforeRead)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[key] = (value, Environment.TickCount64);
    }

    /// <summary>
    /// Applies this process's own write to a kept value (keeping its age): cheaper than invalidating it when the
    /// change is known. Counts as a write for reads in flight, which are then not kept.
    /// </summary>
    public void Update(TKey key, Func<TValue, TValue> apply)
    {
        Interlocked.Increment(ref _invalidations);
        while (_entries.TryGetValue(key, out var entry)
            && !_entries.TryUpdate(key, (apply(entry.Value), entry.StoredAtMilliseconds), entry))
        {
        }
    }

    public void Invalidate(TKey key)
    {
        Interlocked.Increment(ref _invalidations);
        _entries.TryRemove(key, out _);
    }
}
