namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// Several sliding windows (n events per w) per key. Callers reserve the earliest slot that keeps every window within
/// budget and wait until then, so requests are delayed in order, never dropped. Thread-safe; time from TimeProvider.
/// </summary>
internal sealed class SlidingWindowRateLimiter
{
    private readonly (int Limit, TimeSpan Window)[] _windows;
    private readonly TimeSpan _longest;
    private readonly int _keep;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _history = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep;

    public SlidingWindowRateLimiter(TimeProvider timeProvider, params (int Limit, TimeSpan Window)[] windows)
    {
        _timeProvider = timeProvider;
        _windows = windows;
        _longest = windows.Max(w => w.Window);
        _keep = windows.Max(w => w.Limit);
        _lastSweep = timeProvider.GetUtcNow();
    }

    /// <summary>Reserves the next slot for the key and waits for it.</summary>
    public async Task WaitAsync(string key, CancellationToken cancellationToken)
    {
        var delay = Reserve(key);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
    }

    /// <summary>Reserves the earliest allowed slot and returns how long the caller must wait for it.</summary>
    public TimeSpan Reserve(string key)
    {
        lock (_history)
        {
            var now = _timeProvider.GetUtcNow();
            SweepIdleKeys(now);
            if (!_history.TryGetValue(key, out var queue))
            {
                queue = new Queue<DateTimeOffset>();
                _history[key] = queue;
            }

            var slot = now;
            var events = queue.ToArray(); // ordered, oldest first; slots are handed out in non-decreasing order
            if (events.Length > 0 && events[^1] > slot)
            {
                slot = events[^1];
            }

            foreach (var (limit, window) in _windows)
            {
                // At most limit-1 earlier events may fall within (slot - window, slot].
                if (events.Length >= limit)
                {
                    var bound = events[^limit] + window;
                    if (bound > slot)
                    {
                        slot = bound;
                    }
                }
            }

            queue.Enqueue(slot);
            while (queue.Count > _keep || (queue.Count > 0 && queue.Peek() <= slot - _longest))
            {
                queue.Dequeue();
            }

            return slot - now;
        }
    }

    /// <summary>
    /// Moves the key's latest event to <paramref name="actual"/> when that is later (e.g. when the request was answered),
    /// so later slots count from it. Only meaningful when the caller serialises the key's events.
    /// </summary>
    public void Amend(string key, DateTimeOffset actual)
    {
        lock (_history)
        {
            if (!_history.TryGetValue(key, out var queue) || queue.Count == 0)
            {
                return;
            }

            var events = queue.ToArray();
            if (events[^1] >= actual)
            {
                return;
            }

            events[^1] = actual;
            _history[key] = new Queue<DateTimeOffset>(events);
        }
    }

    private void SweepIdleKeys(DateTimeOffset now)
    {
        if (now - _lastSweep < _longest)
        {
            return;
        }

        _lastSweep = now;
        foreach (var idle in _history.Where(pair => pair.Value.Count == 0 || pair.Value.Last() <= now - _longest).Select(pair => pair.Key).ToList())
        {
            _history.Remove(idle);
        }
    }
}
