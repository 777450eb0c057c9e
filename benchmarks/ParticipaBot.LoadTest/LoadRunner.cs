using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ParticipaBot.LoadTest;

/// <summary>One soak window: throughput, tail latency and the bot's memory at its end.</summary>
public sealed record SoakWindow(int Index, double StartSeconds, long Turns, double TurnsPerSecond, double P50, double P99, long? RssBytes);

/// <summary>The soak's verdict: the last windows compared with the first ones after the warm-up.</summary>
public sealed record SoakVerdict(double RssRatio, double P50Ratio, double P99Ratio, double ThroughputRatio, bool MemoryFlat, bool LatencyFlat, string Explanation)
{
    public bool Flat => MemoryFlat && LatencyFlat;
}

/// <summary>What the kill -9 scenario observed.</summary>
public sealed record CrashOutcome(double KilledAtSeconds, double RestartSeconds, long ResumeChecks, IReadOnlyList<string> Violations, int DelegatesFinishedAfterRestart, int Delegates)
{
    public bool Passed => Violations.Count == 0 && DelegatesFinishedAfterRestart == Delegates;
}

/// <summary>The outcome of one run, printed as a table or JSON.</summary>
public sealed record LoadResult(
    LoadOptions Options,
    string Machine,
    double MeasuredSeconds,
    long Turns,
    double TurnsPerSecond,
    IReadOnlyDictionary<string, LatencySummary> Latency,
    IReadOnlyDictionary<string, long> Errors,
    IReadOnlyList<string> ErrorSamples,
    long ReportsAcknowledged,
    long ReportsAcknowledgedMeasured,
    long? PeakRssBytes,
    long? FinalRssBytes,
    IReadOnlyList<SoakWindow> Windows,
    SoakVerdict? Soak,
    CrashOutcome? Crash,
    StoreCheck Store,
    long SinkUnrouted,
    double? BotCpuSeconds,
    double GeneratorCpuSeconds,
    GeneratorCollections GeneratorCollections,
    string? BotRuntimeSummary,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<AcknowledgedReport> Acknowledged,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyDictionary<string, string?> StorageSettings,
    string DataRoot)
{
    public long ErrorCount => Errors.Values.Sum();

    /// <summary>The bot's CPU time per measured turn (user + system), in milliseconds; null when unknown (e.g. after a kill).</summary>
    public double? BotCpuMsPerTurn => BotCpuSeconds is { } cpu && Turns > 0 ? cpu * 1000 / Turns : null;

    /// <summary>No errors, nothing lost or doubled, and (when run) the crash checks held.</summary>
    public bool Passed => ErrorCount == 0 && Store.Passed && SinkUnrouted == 0 && (Crash?.Passed ?? true) && (Soak?.Flat ?? true);
}

/// <summary>
/// The generator's own garbage collections over the measured period. A collection stops every thread of the generator,
/// so its pause lands in the latency of every turn in flight: the report shows it beside the bot's numbers.
/// </summary>
public readonly record struct GeneratorCollections(int Count, double PausedMilliseconds)
{
    public static GeneratorCollections Now() => new(GC.CollectionCount(0), GC.GetTotalPauseDuration().TotalMilliseconds);

    public static GeneratorCollections operator -(GeneratorCollections end, GeneratorCollections start) =>
        new(end.Count - start.Count, end.PausedMilliseconds - start.PausedMilliseconds);
}

/// <summary>Runs the delegates against the bot for the configured time or number of flows; usable as a library (tests).</summary>
public static class LoadRunner
{
    /// <summary>Soak: windows compared are the first and last <see cref="SoakCompared"/> after the warm-up.</summary>
    public const int SoakCompared = 2;

    /// <summary>How long past --kill-after the kill waits for a delegate to be inside a report.</summary>
    public static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(10);

    /// <summary>Memory is flat when the last windows' RSS is at most this times the first ones'.</summary>
    public const double SoakRssLimit = 1.2;

    /// <summary>Latency is flat when the last windows' p50 and p99 are at most this times the first ones' (plus 2 ms of noise).</summary>
    public const double SoakLatencyLimit = 1.5;

    /// <summary>An offered rate (--rate) counts as sustained when at least this share of it was answered in the measured time.</summary>
    public const double RateSustainedShare = 0.98;

    /// <summary>And throughput (closed loop: the other face of latency) at least this share of the first windows'.</summary>
    public const double SoakThroughputFloor = 0.67;

    public static async Task<LoadResult> RunAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        await using var bot = await BotUnderTest.StartAsync(options, progress);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var gate = new BotGate();
        var context = new LoadContext(options, bot, http, gate);
        var delegates = bot.Delegates.Select(d => new DelegateChat(context, d)).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var flowsDone = () => options.Flows is { } flows && context.MeasuredAcknowledged >= flows;
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"bot pid {bot.ProcessId} on {bot.MessagesUrl} ({options.Store}, {options.Auth}); {options.Delegates} delegates; warm-up {options.Warmup.TotalSeconds:0.#} s"));
        if (options.KeepData)
        {
            await progress.WriteLineAsync("data: " + bot.Root);
        }

        var tasks = delegates.Select(d => Task.Run(() => d.RunAsync(flowsDone, stop.Token), CancellationToken.None)).ToList();

        long? peak = null;
        void Sample()
        {
            var (p, _) = bot.Memory();
            if (p is { } value && (peak is null || value > peak))
            {
                peak = value;
            }
        }

        await Task.Delay(options.Warmup, cancellationToken);
        context.RestartSchedules();
        context.Latency.TakeWindow();
        context.Latency.Recording = true;
        var measured = Stopwatch.StartNew();
        var botCpuStart = bot.CpuTime();
        var generatorCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var generatorCollectionsStart = GeneratorCollections.Now();
        var windows = new List<SoakWindow>();
        var nextProgress = options.Progress;
        var nextWindow = options.Window;
        var windowStart = TimeSpan.Zero;
        long windowTurns = 0;
        // The generator's own pauses (collections, a starved timer) land in every latency it measures: shown per window
        // so that a growing p99 can be told apart from a slower bot.
        var generatorAtWindow = GeneratorCollections.Now();
        var generatorTimerLag = TimeSpan.Zero;
        CrashOutcome? crash = null;
        var killed = false;
        double killedAt = 0, restartSeconds = 0;
        while (!stop.IsCancellationRequested)
        {
            var tick = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            var lag = Stopwatch.GetElapsedTime(tick) - TimeSpan.FromMilliseconds(200);
            generatorTimerLag = lag > generatorTimerLag ? lag : generatorTimerLag;
            Sample();
            var elapsed = measured.Elapsed;
            // Killed when some report was already acknowledged (the kill must have one to lose) and some delegate inside a
            // report has a request on its way, so the kill interrupts it and there is a draft to resume: on a slow start
            // every delegate could still be waiting for its first picker, or its first submit, at the set time, and one
            // between two requests just goes on after the restart. Past the grace, killed anyway.
            if (options.KillAfter is { } killAfter && !killed && elapsed >= killAfter
                && ((context.AnyAcknowledged && delegates.Any(d => d.InReportAwaitingBot)) || elapsed >= killAfter + KillGrace))
            {
                killed = true;
                killedAt = elapsed.TotalSeconds;
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{elapsed.TotalSeconds,6:0.0} s] kill -9 {bot.ProcessId}"));
                gate.GoDown();
                await bot.KillAsync();
                var restart = Stopwatch.StartNew();
                await bot.RestartAsync();
                restartSeconds = restart.Elapsed.TotalSeconds;
                context.Restarted = true;
                gate.GoUp();
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{measured.Elapsed.TotalSeconds,6:0.0} s] restarted as pid {bot.ProcessId} in {restartSeconds:0.0} s"));
            }

            if (options.Soak && elapsed >= nextWindow)
            {
                var samples = context.Latency.TakeWindow();
                var summary = LatencySummary.Of(samples);
                var turns = context.Turns - windowTurns;
                windowTurns = context.Turns;
                var seconds = (elapsed - windowStart).TotalSeconds;
                var window = new SoakWindow(windows.Count + 1, windowStart.TotalSeconds, turns, turns / seconds, summary.P50, summary.P99, bot.Memory().Current);
                windows.Add(window);
                windowStart = elapsed;
                nextWindow += options.Window;
                var generatorPause = GeneratorCollections.Now() - generatorAtWindow;
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"window {window.Index,3}: {window.TurnsPerSecond,8:0.0} turns/s  p50 {window.P50,7:0.00} ms  p99 {window.P99,7:0.00} ms  RSS {Mb(window.RssBytes)}  (generator: GC pauses {generatorPause.PausedMilliseconds:0} ms, timer late by up to {generatorTimerLag.TotalMilliseconds:0} ms)"));
                generatorAtWindow = GeneratorCollections.Now();
                generatorTimerLag = TimeSpan.Zero;
            }
            else if (elapsed >= nextProgress)
            {
                nextProgress += options.Progress;
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{elapsed.TotalSeconds,6:0.0} s] {context.Turns} turns ({context.Turns / elapsed.TotalSeconds:0.0}/s), {context.MeasuredAcknowledged} reports, {context.Errors.Values.Sum()} errors, RSS {Mb(bot.Memory().Current)}"));
            }

            // A kill waiting for a delegate inside a report holds the end of the run: it comes within the grace.
            var killPending = options.KillAfter is not null && !killed;
            if (!killPending && (options.Flows is null ? elapsed >= options.Duration : flowsDone()))
            {
                break;
            }
        }

        var measuredSeconds = measured.Elapsed.TotalSeconds;
        context.Latency.Recording = false;
        var turnsTotal = context.Turns;
        Sample();
        var final = bot.Memory().Current;
        var botCpu = killed ? null : bot.CpuTime() - botCpuStart;
        var generatorCpu = (Process.GetCurrentProcess().TotalProcessorTime - generatorCpuStart).TotalSeconds;
        var generatorCollections = GeneratorCollections.Now() - generatorCollectionsStart;
        if (killed)
        {
            // Every delegate must be able to finish a report after the restart: give the slow ones time to get there.
            var drain = Stopwatch.StartNew();
            while (delegates.Any(d => d.AcknowledgedAfterRestart == 0) && drain.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        if (killed)
        {
            crash = new CrashOutcome(killedAt, restartSeconds, context.ResumeChecks, context.CrashViolations,
                delegates.Count(d => d.AcknowledgedAfterRestart > 0), delegates.Count);
        }

        await bot.StopAsync();
        var check = await StoreVerifier.VerifyAsync(bot.StorageSettings, BotUnderTest.EntityId, bot.Year, context.Acknowledged);
        return new LoadResult(
            options,
            Machine(),
            measuredSeconds,
            turnsTotal,
            turnsTotal / measuredSeconds,
            context.Latency.Summaries(),
            context.Errors,
            context.ErrorSamples,
            context.Acknowledged.Count,
            context.MeasuredAcknowledged,
            peak,
            final,
            windows,
            options.Soak ? Verdict(windows) : null,
            crash,
            check,
            bot.Sink.Unrouted,
            botCpu?.TotalSeconds,
            generatorCpu,
            generatorCollections,
            bot.RuntimeSummary,
            context.Acknowledged,
            bot.StorageSettings,
            bot.Root);
    }

    /// <summary>
    /// The warm-up is in no window. Memory is flat when the mean RSS of the last two windows is at most 1.2 times that of
    /// the first two; latency when their p50 and p99 are at most 1.5 times (plus 2 ms, so that sub-millisecond noise
    /// cannot fail it) and throughput at least 0.67 times.
    /// </summary>
    public static SoakVerdict Verdict(IReadOnlyList<SoakWindow> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var compared = Math.Min(SoakCompared, windows.Count / 2);
        if (compared == 0)
        {
            return new SoakVerdict(0, 0, 0, 0, false, false, "too few windows");
        }

        var first = windows.Take(compared).ToList();
        var last = windows.Skip(windows.Count - compared).ToList();
        double Ratio(double a, double b) => a > 0 ? b / a : 0;
        var rssFirst = first.Average(w => (double)(w.RssBytes ?? 0));
        var rssLast = last.Average(w => (double)(w.RssBytes ?? 0));
        var (p50First, p50Last) = (first.Average(w => w.P50), last.Average(w => w.P50));
        var (p99First, p99Last) = (first.Average(w => w.P99), last.Average(w => w.P99));
        var (tpsFirst, tpsLast) = (first.Average(w => w.TurnsPerSecond), last.Average(w => w.TurnsPerSecond));
        var memoryFlat = rssFirst > 0 && rssLast <= rssFirst * SoakRssLimit;
        var latencyFlat = p50Last <= (p50First * SoakLatencyLimit) + 2 && p99Last <= (p99First * SoakLatencyLimit) + 2 && tpsLast >= tpsFirst * SoakThroughputFloor;
        return new SoakVerdict(Ratio(rssFirst, rssLast), Ratio(p50First, p50Last), Ratio(p99First, p99Last), Ratio(tpsFirst, tpsLast), memoryFlat, latencyFlat, string.Create(CultureInfo.InvariantCulture,
            $"RSS {Mb((long)rssFirst)} -> {Mb((long)rssLast)} (x{Ratio(rssFirst, rssLast):0.00}, limit x{SoakRssLimit}); p50 {p50First:0.00} -> {p50Last:0.00} ms (x{Ratio(p50First, p50Last):0.00}); p99 {p99First:0.00} -> {p99Last:0.00} ms (x{Ratio(p99First, p99Last):0.00}; latency limit x{SoakLatencyLimit} + 2 ms); turns/s {tpsFirst:0.0} -> {tpsLast:0.0} (x{Ratio(tpsFirst, tpsLast):0.00}, floor x{SoakThroughputFloor})"));
    }

    public static string Mb(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / (1024.0 * 1024.0):0.0} MB") : "?";

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu ?? "?"}), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {load} at the end");
    }
}
