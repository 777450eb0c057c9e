using System.Collections.Concurrent;

namespace ParticipaBot.Storage.Repositories;

/// <summary>
/// Values read from the store, kept for a short window so that the turns of a busy instance do not read the same
/// document again and again (docs/benchmarks.md, "Load"). The clock is the process's monotonic one, not the domain
/// clock: a window is an operational bound on staleness across instances, and writes through this process drop the
/// entry at once. At most <c>capacity</c> entries; past it the cache starts over rather than grow.
/// When an entry expires, the turns that miss it together share one read (<see cref="GetOrLoadAsync"/>): otherwise every
/// turn in flight at that moment read the same documents at once, every window (docs/benchmarks.md, "Eighteenth round").
/// </summary>
internal sealed class FreshnessCache<TKey, TValue>(TimeSpan window, int capacity = 10_000)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long StoredAtMilliseconds)> _entries = new();
    // Set, Update and Invalidate take turns, so a read cannot pass the version check and then put back a value a
    // write removed in between; TryGet, the hot path, takes no lock.
    private readonly Lock _writes = new();
    // The read in flight for a key, with the version it began at: joined only while no write has come through since.
    private readonly ConcurrentDictionary<TKey, (Task<TValue> Read, long Version)> _reads = new();
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
    /// The kept value, or the result of one read shared by every caller that misses it meanwhile. A caller that comes
    /// after a write through this process does not join a read that began before that write: it starts its own. The
    /// shared read runs to the end even if the caller that started it gives up (the others may still wait for it); each
    /// caller stops waiting on its own token.
    /// </summary>
    public async Task<TValue> GetOrLoadAsync(TKey key, Func<TKey, Task<TValue>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (TryGet(key, out var kept))
        {
            return kept;
        }

        var version = Version;
        if (!_reads.TryGetValue(key, out var inFlight) || inFlight.Version != version)
        {
            var started = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            var mine = (started.Task, version);
            if (inFlight.Read is null ? _reads.TryAdd(key, mine) : _reads.TryUpdate(key, mine, inFlight))
            {
                _ = ReadAndKeepAsync(key, read, version, started);
                inFlight = mine;
            }
            else if (!_reads.TryGetValue(key, out inFlight))
            {
                // Another caller started a read and it already ended: its value is kept unless a write intervened.
                return TryGet(key, out kept) ? kept : await GetOrLoadAsync(key, read, cancellationToken);
            }
        }

        return await inFlight.Read.WaitAsync(cancellationToken);
    }

    private async Task ReadAndKeepAsync(TKey key, Func<TKey, Task<TValue>> read, long version, TaskCompletionSource<TValue> result)
    {
        // The read leaves the table before its callers are answered: a caller that comes once it has ended starts a
        // new read (or finds the value kept), never this one's result again.
        var entry = new KeyValuePair<TKey, (Task<TValue>, long)>(key, (result.Task, version));
        TValue value;
        try
        {
            value = await read(key);
        }
        catch (Exception exception)
        {
            // Every caller waiting gets the failure; the next one reads again.
            _reads.TryRemove(entry);
            result.SetException(exception);
            return;
        }

        Set(key, value, version);
        _reads.TryRemove(entry);
        result.SetResult(value);
    }

    /// <summary>
    /// Keeps what a read returned, unless a write through this process invalidated anything since the read began
    /// (<paramref name="versionBeforeRead"/>): that read may have missed the write.
    /// </summary>
    public void Set(TKey key, TValue value, long versionBeforeRead)
    {
        lock (_writes)
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
    }

    /// <summary>
    /// Applies this process's own write to a kept value (keeping its age): cheaper than invalidating it when the
    /// change is known. Counts as a write for reads in flight, which are then not kept.
    /// </summary>
    public void Update(TKey key, Func<TValue, TValue> apply)
    {
        lock (_writes)
        {
            Interlocked.Increment(ref _invalidations);
            if (_entries.TryGetValue(key, out var entry))
            {
                _entries[key] = (apply(entry.Value), entry.StoredAtMilliseconds);
            }
        }
    }

    public void Invalidate(TKey key)
    {
        lock (_writes)
        {
            Interlocked.Increment(ref _invalidations);
            _entries.TryRemove(key, out _);
        }
    }
}
