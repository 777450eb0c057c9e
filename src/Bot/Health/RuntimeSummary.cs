using System.Diagnostics;

namespace ParticipaBot.Bot.Health;

/// <summary>
/// At shutdown, one line on what this instance did: turns run, memory allocated (and per turn), collections, peak
/// working set. For the operator sizing instances, and for the load generator (docs/benchmarks.md, "Load"), which
/// reads it after stopping the bot: the figures come from the runtime itself, not from sampling.
/// </summary>
internal sealed partial class RuntimeSummary(TurnCounter turns, ILogger<RuntimeSummary> logger) : IHostedService
{
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly long _allocatedAtStart = GC.GetTotalAllocatedBytes();
    private int _logged;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may be stopped twice (a test host's dispose after its stop): one summary.
        if (Interlocked.Exchange(ref _logged, 1) == 1)
        {
            return Task.CompletedTask;
        }

        var count = turns.Count;
        var allocated = GC.GetTotalAllocatedBytes() - _allocatedAtStart;
        using var process = Process.GetCurrentProcess();
        Log.Summary(
            logger,
            (int)Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds,
            count,
            allocated / (1024 * 1024),
            count == 0 ? 0 : allocated / count,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            process.PeakWorkingSet64 / (1024 * 1024));
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(9001, LogLevel.Information,
            "Runtime summary: {UptimeSeconds} s, {Turns} turns, {AllocatedMegabytes} MB allocated ({BytesPerTurn} bytes per turn), collections gen0/gen1/gen2 {Gen0}/{Gen1}/{Gen2}, peak working set {PeakWorkingSetMegabytes} MB.")]
        public static partial void Summary(ILogger logger, int uptimeSeconds, long turns, long allocatedMegabytes, long bytesPerTurn, int gen0, int gen1, int gen2, long peakWorkingSetMegabytes);
    }
}

/// <summary>Turns run by this process (every activity that reached the router, redeliveries included).</summary>
internal sealed class TurnCounter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
