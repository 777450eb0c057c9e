using System.ComponentModel.DataAnnotations;
using ParticipaBot.Core.Notifications;

namespace ParticipaBot.Bot.Notifications;

/// <summary>Section "Notifications": the engine's schedule, the policy's offsets and the claims' leases and retries.</summary>
internal sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Runs the engine in this host. Off in tests of other features; on by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the engine asks the policy what is due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>This instance's name in claims; defaults to machine name and process id.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Days before a space when its channel card is posted.</summary>
    public IList<int> PreviewDaysBefore { get; } = [];

    [Range(0, 60)]
    public int OverdueReminderWorkingDays { get; set; } = 3;

    [Range(0, 60)]
    public int EscalationWorkingDays { get; set; } = 7;

    [Range(0, 60)]
    public int ProposalReminderWorkingDaysBeforeClose { get; set; } = 10;

    /// <summary>Hour (Bogotá) when reminders to people go out.</summary>
    [Range(0, 23)]
    public int ReminderHour { get; set; } = 8;

    /// <summary>Start time assumed for spaces whose period names a day but no hour.</summary>
    public TimeOnly DefaultStartTime { get; set; } = new(8, 0);

    /// <summary>Length of the calendar event when the plan does not say.</summary>
    [Range(typeof(TimeSpan), "00:15:00", "1.00:00:00")]
    public TimeSpan DefaultDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a claim is held before another instance may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a notification is parked and listed to coordinators.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Notifications sent at once; the connector's rate limiter keeps each conversation within Teams' budgets.</summary>
    [Range(1, 64)]
    public int MaxParallelSends { get; set; } = 8;

    /// <summary>A reminder due longer ago than this is not sent any more (e.g. for spaces of a plan imported mid-year).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan MaxLateness { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Tenant of personal messages when Bot:TenantId is not set (multi-tenant or anonymous bots).</summary>
    public string? TenantId { get; set; }

    /// <summary>A comment sent with the cancellation of a calendar event when the space gives no reason.</summary>
    public string CancellationNote { get; set; } = "El espacio de participación fue cancelado. / The participation space was cancelled.";

    public NotificationSettings Policy() => new()
    {
        PreviewDaysBefore = PreviewDaysBefore.Count > 0 ? [.. PreviewDaysBefore] : [7, 1],
        OverdueReminderWorkingDays = OverdueReminderWorkingDays,
        EscalationWorkingDays = EscalationWorkingDays,
        ProposalReminderWorkingDaysBeforeClose = ProposalReminderWorkingDaysBeforeClose,
        ReminderHour = ReminderHour,
    };

    public ClaimSettings Claims() => new()
    {
        Lease = Lease,
        MaxAttempts = MaxAttempts,
        RetryBaseDelay = RetryBaseDelay,
        RetryMaxDelay = RetryMaxDelay,
    };

    public string EffectiveInstanceId => string.IsNullOrWhiteSpace(InstanceId)
        ? $"{Environment.MachineName}-{Environment.ProcessId}"
        : InstanceId;
}
