namespace ParticipaBot.Core.Notifications;

/// <summary>What a notification is about; part of its stable key.</summary>
public enum NotificationKind
{
    /// <summary>A card in the space's bound channel some days before it (7 and 1 by default).</summary>
    ChannelPreview,

    /// <summary>On the day a space is held: "report this space", to the area's delegates.</summary>
    ReportDue,

    /// <summary>No report some working days after the space (3 by default), to the area's delegates.</summary>
    ReportOverdue,

    /// <summary>Still no report later (7 working days by default), to the coordinators, with the list of overdue reports.</summary>
    Escalation,

    /// <summary>Proposals still unanswered before the period closes, to the area's delegates.</summary>
    UnansweredProposals,

    /// <summary>The space changed (new version) or was cancelled: the channel cards already posted are updated in place.</summary>
    ChannelUpdate,

    /// <summary>The space's event in the organizer's calendar is created, patched to the new version, or cancelled.</summary>
    CalendarSync,
}

/// <summary>Who receives a notification.</summary>
public enum NotificationAudience
{
    /// <summary>The Teams channel bound to the plan or to the space's area.</summary>
    Channel,

    /// <summary>The delegates of the space's area, in personal chat.</summary>
    AreaDelegates,

    /// <summary>The plan's coordinators, in personal chat.</summary>
    Coordinators,

    /// <summary>The organizer mailbox's calendar (Microsoft Graph), with the delegates as attendees.</summary>
    Calendar,
}

/// <summary>A scheduled space as the policy sees it.</summary>
/// <param name="Version">Increases on every change; the engine updates cards it already posted for older versions in place.</param>
/// <param name="Start">When the space starts (Bogotá time, with offset).</param>
/// <param name="IsReported">A report was sent for it (drafts do not count).</param>
/// <param name="UnansweredItems">Observations and proposals of its report not yet answered.</param>
public sealed record NotificationSpace(
    string SpaceId,
    int Version,
    string Area,
    DateTimeOffset Start,
    bool IsCancelled,
    bool IsReported,
    int UnansweredItems);

/// <summary>Offsets of the policy; defaults follow the notifications issue and are configurable.</summary>
public sealed record NotificationSettings
{
    /// <summary>Days before a space when its channel card is posted.</summary>
    public IReadOnlyList<int> PreviewDaysBefore { get; init; } = [7, 1];

    /// <summary>Working days after the space when an unreported space is reminded.</summary>
    public int OverdueReminderWorkingDays { get; init; } = 3;

    /// <summary>Working days after the space when an unreported space is escalated to coordinators.</summary>
    public int EscalationWorkingDays { get; init; } = 7;

    /// <summary>Working days before a period closes when unanswered proposals are reminded.</summary>
    public int ProposalReminderWorkingDaysBeforeClose { get; init; } = 10;

    /// <summary>Hour of the day (Bogotá) when reminders to people go out, so nobody is pinged at midnight.</summary>
    public int ReminderHour { get; init; } = 8;
}

/// <summary>A notification that is due, with the key that makes sending it idempotent.</summary>
/// <param name="Key">Stable: kind, space and due date (and how many days before, for channel cards). Claimed once in the store.</param>
/// <param name="ExpiresAt">After this instant sending it makes no sense any more (a preview after the space started).</param>
public sealed record DueNotification(
    string Key,
    NotificationKind Kind,
    NotificationAudience Audience,
    string SpaceId,
    string Area,
    DateTimeOffset DueAt,
    DateTimeOffset? ExpiresAt);

/// <summary>
/// The notification policy: a pure function that says which notifications are due for a plan at an instant.
/// It knows nothing of delivery; the engine claims each key once in the store, sends it and records it.
/// </summary>
/// <param name="addWorkingDays">Adds working days to a date (negative to go back), skipping weekends and holidays.</param>
/// <param name="periodEndOf">The last day of the evaluation period a date falls in.</param>
public sealed class NotificationPolicy(
    NotificationSettings settings,
    Func<DateOnly, int, DateOnly> addWorkingDays,
    Func<DateOnly, DateOnly> periodEndOf)
{
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);

    /// <summary>Every notification due at <paramref name="now"/> (sent or not: the engine skips claimed keys).</summary>
    public IReadOnlyList<DueNotification> Due(IEnumerable<NotificationSpace> spaces, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        var due = new List<DueNotification>();
        foreach (var space in spaces)
        {
            if (space.IsCancelled)
            {
                continue;
            }

            foreach (var notification in For(space))
            {
                if (notification.DueAt <= now && (notification.ExpiresAt is null || now < notification.ExpiresAt))
                {
                    due.Add(notification);
                }
            }
        }

        return due;
    }

    /// <summary>
    /// The follow-ups of changes at <paramref name="now"/>: an in-place update of posted channel cards for every space
    /// whose version moved past 1 or that was cancelled, and a calendar sync per version (or cancellation) of every
    /// space still ahead. Keys carry the version, so each change is applied once.
    /// </summary>
    public static IReadOnlyList<DueNotification> Syncs(IEnumerable<NotificationSpace> spaces, DateTimeOffset now, bool calendarEnabled)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        var due = new List<DueNotification>();
        foreach (var space in spaces)
        {
            if (now >= space.Start)
            {
                continue;
            }

            var suffix = space.IsCancelled ? "cancelled" : "v" + space.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (space.IsCancelled || space.Version > 1)
            {
                due.Add(new DueNotification(
                    $"{NotificationKind.ChannelUpdate}|{space.SpaceId}|{suffix}",
                    NotificationKind.ChannelUpdate, NotificationAudience.Channel, space.SpaceId, space.Area, now, space.Start));
            }

            if (calendarEnabled)
            {
                due.Add(new DueNotification(
                    $"{NotificationKind.CalendarSync}|{space.SpaceId}|{suffix}",
                    NotificationKind.CalendarSync, NotificationAudience.Calendar, space.SpaceId, space.Area, now, space.Start));
            }
        }

        return due;
    }

    /// <summary>Every notification a space will ever get under the current settings, due or not.</summary>
    public IEnumerable<DueNotification> For(NotificationSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var heldOn = DateOnly.FromDateTime(space.Start.ToOffset(Bogota).DateTime);

        foreach (var days in settings.PreviewDaysBefore)
        {
            var dueAt = space.Start.AddDays(-days);
            yield return new DueNotification(
                Key(NotificationKind.ChannelPreview, space.SpaceId, DateOnly.FromDateTime(dueAt.ToOffset(Bogota).DateTime), $"d{days}"),
                NotificationKind.ChannelPreview, NotificationAudience.Channel, space.SpaceId, space.Area, dueAt, space.Start);
        }

        if (!space.IsReported)
        {
            yield return Reminder(NotificationKind.ReportDue, NotificationAudience.AreaDelegates, space, heldOn);
            yield return Reminder(NotificationKind.ReportOverdue, NotificationAudience.AreaDelegates, space, addWorkingDays(heldOn, settings.OverdueReminderWorkingDays));
            yield return Reminder(NotificationKind.Escalation, NotificationAudience.Coordinators, space, addWorkingDays(heldOn, settings.EscalationWorkingDays));
        }
        else if (space.UnansweredItems > 0)
        {
            var closes = periodEndOf(heldOn);
            var remindOn = addWorkingDays(closes, -settings.ProposalReminderWorkingDaysBeforeClose);
            if (remindOn < heldOn)
            {
                remindOn = heldOn;
            }

            yield return Reminder(NotificationKind.UnansweredProposals, NotificationAudience.AreaDelegates, space, remindOn);
        }
    }

    private DueNotification Reminder(NotificationKind kind, NotificationAudience audience, NotificationSpace space, DateOnly day)
    {
        var dueAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(settings.ReminderHour, 0)), Bogota);
        if (kind == NotificationKind.ReportDue && dueAt < space.Start)
        {
            // On the day itself, remind once the space has started, not at 8:00 before a 15:00 forum.
            dueAt = space.Start;
        }

        return new DueNotification(Key(kind, space.SpaceId, day, null), kind, audience, space.SpaceId, space.Area, dueAt, null);
    }

    private static string Key(NotificationKind kind, string spaceId, DateOnly day, string? suffix) =>
        suffix is null
            ? $"{kind}|{spaceId}|{day:yyyyMMdd}"
            : $"{kind}|{spaceId}|{day:yyyyMMdd}|{suffix}";
}
