using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParticipaBot.LoadTest;

/// <summary>Prints a result as a human table (Markdown, so it pastes into docs/benchmarks.md) or as JSON.</summary>
public static class LoadReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ToJson(LoadResult result) => JsonSerializer.Serialize(result, JsonOptions);

    public static void WriteTable(LoadResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var o = result.Options;
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(c, $"Store {o.Store}, auth {o.Auth}, {o.Delegates} delegates, {result.MeasuredSeconds:0.0} s measured after {o.Warmup.TotalSeconds:0.#} s warm-up"));
        writer.WriteLine("Machine: " + result.Machine);
        writer.WriteLine();
        writer.WriteLine("| turn | count | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | mean (ms) |");
        writer.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (kind, s) in result.Latency.OrderBy(k => k.Key == "all" ? 1 : 0))
        {
            writer.WriteLine(string.Create(c, $"| {kind} | {s.Count} | {s.P50:0.00} | {s.P95:0.00} | {s.P99:0.00} | {s.Max:0.00} | {s.Mean:0.00} |"));
        }

        writer.WriteLine();
        writer.WriteLine(string.Create(c, $"turns: {result.Turns} ({result.TurnsPerSecond:0.0}/s)"));
        if (o.Rate is { } rate)
        {
            // Below the offered rate the delegates fell behind their schedule: the latencies above then include the backlog.
            var share = result.TurnsPerSecond / rate;
            writer.WriteLine(string.Create(c, $"offered: {rate:0} turns/s on a fixed schedule; {(share >= LoadRunner.RateSustainedShare ? "sustained" : "NOT SUSTAINED")} ({share:P1} of it answered)"));
        }
        writer.WriteLine(string.Create(c, $"reports acknowledged: {result.ReportsAcknowledgedMeasured} measured, {result.ReportsAcknowledged} in all; stored {result.Store.Stored}"));
        writer.WriteLine($"bot RSS: peak {LoadRunner.Mb(result.PeakRssBytes)} (VmHWM), final {LoadRunner.Mb(result.FinalRssBytes)} (VmRSS)");
        if (result.BotCpuSeconds is { } cpu)
        {
            writer.WriteLine(string.Create(c, $"bot CPU: {cpu:0.0} s ({cpu / result.MeasuredSeconds * 100:0}% of one core), {result.BotCpuMsPerTurn:0.00} ms per turn; generator CPU {result.GeneratorCpuSeconds:0.0} s"));
        }

        var collections = result.GeneratorCollections;
        writer.WriteLine(string.Create(c, $"generator collections: {collections.Count}, paused {collections.PausedMilliseconds:0} ms ({collections.PausedMilliseconds / 10 / result.MeasuredSeconds:0.0}% of the measured time; each pause lands in the turns in flight)"));

        if (result.BotRuntimeSummary is { } runtime)
        {
            writer.WriteLine("bot runtime (whole run, warm-up included): " + runtime);
        }

        writer.WriteLine(result.ErrorCount == 0
            ? "errors: none"
            : "errors: " + string.Join(", ", result.Errors.Select(e => $"{e.Key} {e.Value}")));
        foreach (var sample in result.ErrorSamples.Take(5))
        {
            writer.WriteLine("  " + sample);
        }

        writer.WriteLine(result.Store.Passed
            ? "store: every acknowledged report stored once and intact"
            : $"store: missing {result.Store.Missing.Count}, duplicated {result.Store.Duplicated.Count}, different {result.Store.Mismatched.Count}: "
                + string.Join("; ", result.Store.Missing.Concat(result.Store.Duplicated).Concat(result.Store.Mismatched).Take(5)));
        if (result.Store.NumberCollisions.Count > 0)
        {
            writer.WriteLine($"note: {result.Store.NumberCollisions.Count} report number(s) shared by different reports: " + string.Join("; ", result.Store.NumberCollisions.Take(3)));
        }

        if (result.SinkUnrouted > 0)
        {
            writer.WriteLine($"connector: {result.SinkUnrouted} sends to unknown conversations");
        }

        if (result.Crash is { } crash)
        {
            writer.WriteLine(string.Create(c,
                $"kill -9 at {crash.KilledAtSeconds:0.0} s, back in {crash.RestartSeconds:0.0} s; {crash.ResumeChecks} drafts resumed, {crash.Violations.Count} older than acknowledged; {crash.DelegatesFinishedAfterRestart}/{crash.Delegates} delegates finished a report after the restart"));
            foreach (var violation in crash.Violations.Take(5))
            {
                writer.WriteLine("  " + violation);
            }
        }

        if (result.Soak is { } soak)
        {
            writer.WriteLine();
            writer.WriteLine("| window | from (s) | turns/s | p50 (ms) | p99 (ms) | RSS |");
            writer.WriteLine("|---|---|---|---|---|---|");
            foreach (var w in result.Windows)
            {
                writer.WriteLine(string.Create(c, $"| {w.Index} | {w.StartSeconds:0} | {w.TurnsPerSecond:0.0} | {w.P50:0.00} | {w.P99:0.00} | {LoadRunner.Mb(w.RssBytes)} |"));
            }

            writer.WriteLine($"soak: memory {(soak.MemoryFlat ? "flat" : "GROWING")}, latency {(soak.LatencyFlat ? "flat" : "GROWING")}: {soak.Explanation}");
        }

        writer.WriteLine(result.Passed ? "RESULT: passed" : "RESULT: FAILED");
    }
}
