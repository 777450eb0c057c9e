using System.Diagnostics;

namespace ParticipaBot.LoadTest;

/// <summary>
/// Offered load (--rate): turns are due on one fixed schedule for all delegates, whatever the bot's latency, and a
/// delegate that is free takes the next one due; the delegates are the most turns in flight at once. A turn that could
/// not go out when due, because every delegate was still waiting for an answer, is timed from when it was due rather
/// than from when it went out (the correction for coordinated omission): a slow bot cannot hide its backlog by slowing
/// the generator down. A turn sent on time is timed from its send, so the generator's timer lateness is not the bot's.
/// </summary>
public sealed class TurnPacer
{
    private readonly long _interval;
    private readonly Lock _lock = new();
    private long _next;
    private int _epoch;

    /// <param name="turnsPerSecond">The rate of all delegates together.</param>
    public TurnPacer(double turnsPerSecond, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(turnsPerSecond);
        _interval = Math.Max(1, (long)(Stopwatch.Frequency / turnsPerSecond));
        _next = Stopwatch.GetTimestamp();
        _epoch = epoch;
    }

    /// <summary>Takes the next turn due, waits for its time; returns the Stopwatch timestamp its latency counts from.</summary>
    /// <param name="epoch"><see cref="LoadContext.ScheduleEpoch"/>: when it changes the schedule starts again from now.</param>
    public async ValueTask<long> WaitForTurnAsync(int epoch, CancellationToken stop)
    {
        long due;
        lock (_lock)
        {
            if (epoch != _epoch)
            {
                _epoch = epoch;
                _next = Stopwatch.GetTimestamp();
            }

            due = _next;
            _next += _interval;
        }

        var early = due - Stopwatch.GetTimestamp();
        if (early <= 0)
        {
            return due;
        }

        // Timers count whole milliseconds of a coarse clock and may fire a little before the time asked: wait again until
        // the turn is due, so none is sent early; the schedule itself stays exact.
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(early * 1000.0 / Stopwatch.Frequency)), stop);
            early = due - Stopwatch.GetTimestamp();
        }
        while (early > 0);

        return Stopwatch.GetTimestamp();
    }
}
