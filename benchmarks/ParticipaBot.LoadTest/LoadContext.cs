namespace ParticipaBot.LoadTest;

/// <summary>
/// A report the bot confirmed to a delegate (the confirmation card with its number), with what was submitted. The report
/// id is the draft id every wizard card carries in its buttons' data (docs/report-wizard.md: the draft id is the report id).
/// </summary>
public sealed record AcknowledgedReport(int Delegate, string ReportId, string Number, IReadOnlyDictionary<string, string> Values, bool AfterRestart);

/// <summary>Everything the delegates share: the bot's address, the HTTP client, the measurements and the outcomes.</summary>
public sealed class LoadContext(LoadOptions options, BotUnderTest bot, HttpClient http, BotGate gate)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly List<string> _errorSamples = [];
    private readonly List<AcknowledgedReport> _acknowledged = [];
    private readonly List<string> _crashViolations = [];
    private long _turns;
    private long _measuredAcks;
    private long _resumeChecks;
    private int _scheduleRestarts;

    public LoadOptions Options { get; } = options;

    public BotUnderTest Bot { get; } = bot;

    public HttpClient Http { get; } = http;

    public BotGate Gate { get; } = gate;

    public LatencyRecorder Latency { get; } = new();

    /// <summary>Where the values of acknowledged reports are kept for the store checks.</summary>
    public PackedValuesArena AcknowledgedValues { get; } = new();

    /// <summary>The schedule of an offered rate (--rate), shared by the delegates; null in a closed loop.</summary>
    public TurnPacer? Pacer { get; } = options.Rate is { } rate ? new TurnPacer(rate, gate.Epoch) : null;

    /// <summary>Set after the kill: acknowledgements from then on count as "after restart".</summary>
    public bool Restarted { get; set; }

    public long Turns => Interlocked.Read(ref _turns);

    /// <summary>
    /// Changes when the delegates' schedules (--rate) start again from now: at the start of the measured period, so a
    /// backlog of the cold warm-up is not measured, and when the bot comes back after a kill.
    /// </summary>
    public int ScheduleEpoch => Gate.Epoch + Volatile.Read(ref _scheduleRestarts);

    public void RestartSchedules() => Interlocked.Increment(ref _scheduleRestarts);

    public long MeasuredAcknowledged => Interlocked.Read(ref _measuredAcks);

    /// <summary>Whether any report was confirmed yet, warm-up included.</summary>
    public bool AnyAcknowledged
    {
        get
        {
            lock (_lock)
            {
                return _acknowledged.Count > 0;
            }
        }
    }

    public long ResumeChecks => Interlocked.Read(ref _resumeChecks);

    /// <param name="started">Stopwatch timestamp the turn's latency counts from; <paramref name="finished"/>, of its answer.</param>
    public void TurnDone(string kind, long started, long finished)
    {
        if (Latency.Record(kind, started, finished))
        {
            Interlocked.Increment(ref _turns);
        }
    }

    public void Error(string kind, string? detail)
    {
        lock (_lock)
        {
            _errors[kind] = _errors.GetValueOrDefault(kind) + 1;
            if (detail is not null && _errorSamples.Count < 20)
            {
                _errorSamples.Add($"{kind}: {detail}");
            }
        }
    }

    public void Acknowledge(AcknowledgedReport report)
    {
        lock (_lock)
        {
            _acknowledged.Add(report);
        }

        if (Latency.Recording)
        {
            Interlocked.Increment(ref _measuredAcks);
        }
    }

    public void ResumeChecked(string? violation)
    {
        Interlocked.Increment(ref _resumeChecks);
        if (violation is not null)
        {
            lock (_lock)
            {
                _crashViolations.Add(violation);
            }
        }
    }

    public IReadOnlyDictionary<string, long> Errors
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, long>(_errors, StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyList<string> ErrorSamples
    {
        get
        {
            lock (_lock)
            {
                return [.. _errorSamples];
            }
        }
    }

    public IReadOnlyList<AcknowledgedReport> Acknowledged
    {
        get
        {
            lock (_lock)
            {
                return [.. _acknowledged];
            }
        }
    }

    public IReadOnlyList<string> CrashViolations
    {
        get
        {
            lock (_lock)
            {
                return [.. _crashViolations];
            }
        }
    }
}
