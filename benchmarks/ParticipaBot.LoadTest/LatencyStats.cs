using System.Diagnostics;

namespace ParticipaBot.LoadTest;

/// <summary>The kinds of turn a delegate makes, each measured separately.</summary>
public static class TurnKinds
{
    /// <summary>"reportar" typed: a message; latency is the POST until the reply reaches the connector sink.</summary>
    public const string Message = "message";

    /// <summary>«Reportar otro» on the confirmation: an invoke answered with the picker.</summary>
    public const string Picker = "picker";

    /// <summary>«Reportar este» / «Reportar un espacio no programado»: the draft is created, step 1 answered.</summary>
    public const string Start = "start";

    /// <summary>«Guardar y seguir» on a step: validated, stored, next card answered.</summary>
    public const string Step = "step";

    /// <summary>«Enviar reporte»: the report is created, the confirmation answered.</summary>
    public const string Submit = "submit";

    /// <summary>"continuar" typed after a restart: a message.</summary>
    public const string Resume = "resume";

    public static IReadOnlyList<string> All { get; } = [Message, Picker, Start, Step, Submit, Resume];
}

/// <summary>Latency samples (in Stopwatch ticks) per kind, for the whole run and per soak window.</summary>
public sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<long>> _byKind = new(StringComparer.Ordinal);
    private List<long> _window = [];

    // The Stopwatch timestamp recording began at; MaxValue while not recording.
    private long _since = long.MaxValue;

    /// <summary>
    /// Samples are kept only while recording (after the warm-up), and only of turns that began since: a turn of the warm-up
    /// that ends in the measured period is not measured.
    /// </summary>
    public bool Recording
    {
        get => Interlocked.Read(ref _since) != long.MaxValue;
        set => Interlocked.Exchange(ref _since, value ? Stopwatch.GetTimestamp() : long.MaxValue);
    }

    /// <returns>Whether the sample was kept.</returns>
    public bool Record(string kind, long started, long finished)
    {
        if (started < Interlocked.Read(ref _since))
        {
            return false;
        }

        var ticks = finished - started;

        lock (_gate)
        {
            if (!_byKind.TryGetValue(kind, out var list))
            {
                _byKind[kind] = list = [];
            }

            list.Add(ticks);
            _window.Add(ticks);
        }

        return true;
    }

    /// <summary>The samples since the previous call (one soak window), all kinds together.</summary>
    public List<long> TakeWindow()
    {
        lock (_gate)
        {
            var taken = _window;
            _window = [];
            return taken;
        }
    }

    public IReadOnlyDictionary<string, LatencySummary> Summaries()
    {
        lock (_gate)
        {
            var result = new Dictionary<string, LatencySummary>(StringComparer.Ordinal);
            foreach (var kind in TurnKinds.All)
            {
                if (_byKind.TryGetValue(kind, out var list) && list.Count > 0)
                {
                    result[kind] = LatencySummary.Of(list);
                }
            }

            result["all"] = LatencySummary.Of([.. _byKind.Values.SelectMany(l => l)]);
            return result;
        }
    }
}

/// <summary>Count and percentiles in milliseconds.</summary>
public sealed record LatencySummary(long Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary Of(List<long> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        if (ticks.Count == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }

        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        double Ms(long t) => t * 1000.0 / Stopwatch.Frequency;
        double At(double q) => Ms(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)]);
        return new LatencySummary(sorted.Length, At(0.50), At(0.95), At(0.99), Ms(sorted[^1]), sorted.Average(t => Ms(t)));
    }
}
