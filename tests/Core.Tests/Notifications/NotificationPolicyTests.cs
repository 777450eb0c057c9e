using ParticipaBot.Core.Notifications;

namespace ParticipaBot.Core.Tests.Notifications;

public sealed class NotificationPolicyTests
{
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);

    // Weekdays only here; holidays are the calendar's concern, tested apart.
    private static readonly NotificationPolicy Policy = new(new NotificationSettings(), AddWeekdays, PeriodEnd);

    // Thursday 12 March 2026, 15:00 in Bogotá.
    private static readonly NotificationSpace Forum = new("S1", 1, "Planeación", new DateTimeOffset(2026, 3, 12, 15, 0, 0, Bogota), false, false, 0);

    [Fact]
    public void For_UnreportedSpace_PlansPreviewsReminderOverdueAndEscalation()
    {
        var all = Policy.For(Forum).ToDictionary(n => n.Key);

        Assert.Equal(
            [
                "ChannelPreview|S1|20260305|d7",
                "ChannelPreview|S1|20260311|d1",
                "ReportDue|S1|20260312",
                // +3 working days from Thursday: Fri 13, Mon 16, Tue 17.
                "ReportOverdue|S1|20260317",
                // +7 working days: Fri 13, Mon 16 .. Fri 20, Mon 23.
                "Escalation|S1|20260323",
            ],
            all.Keys);
        Assert.Equal(NotificationAudience.Coordinators, all["Escalation|S1|20260323"].Audience);
        Assert.Equal(Forum.Start, all["ReportDue|S1|20260312"].DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 17, 8, 0, 0, Bogota), all["ReportOverdue|S1|20260317"].DueAt);
        Assert.Equal(Forum.Start, all["ChannelPreview|S1|20260305|d7"].ExpiresAt);
    }

    [Fact]
    public void Due_BeforeAndAfterEachInstant_ReturnsOnlyWhatIsDue()
    {
        Assert.Empty(Policy.Due([Forum], new DateTimeOffset(2026, 3, 5, 14, 59, 0, Bogota)));
        Assert.Equal(["ChannelPreview|S1|20260305|d7"], Policy.Due([Forum], new DateTimeOffset(2026, 3, 5, 15, 0, 0, Bogota)).Select(n => n.Key));

        // After the space started, previews have expired; the due reminder is there.
        var afterStart = Policy.Due([Forum], new DateTimeOffset(2026, 3, 12, 16, 0, 0, Bogota)).Select(n => n.Key);
        Assert.Equal(["ReportDue|S1|20260312"], afterStart);
    }

    [Fact]
    public void Due_ReportedSpace_NoReportReminders()
    {
        var reported = Forum with { IsReported = true };

        var due = Policy.Due([reported], new DateTimeOffset(2026, 4, 30, 12, 0, 0, Bogota));

        Assert.DoesNotContain(due, n => n.Kind is NotificationKind.ReportDue or NotificationKind.ReportOverdue or NotificationKind.Escalation);
    }

    [Fact]
    public void Due_CancelledSpace_Nothing()
    {
        Assert.Empty(Policy.Due([Forum with { IsCancelled = true }], new DateTimeOffset(2026, 12, 31, 0, 0, 0, Bogota)));
    }

    [Fact]
    public void For_UnansweredProposals_RemindsTenWorkingDaysBeforePeriodCloses()
    {
        var reported = Forum with { IsReported = true, UnansweredItems = 2 };

        var reminder = Assert.Single(Policy.For(reported), n => n.Kind == NotificationKind.UnansweredProposals);

        // The first cuatrimestre closes Thursday 30 April; 10 working days before is Thursday 16 April.
        Assert.Equal("UnansweredProposals|S1|20260416", reminder.Key);
    }

    [Fact]
    public void For_SameSpaceNewVersion_KeepsKeysSoNothingIsSentTwice()
    {
        var edited = Forum with { Version = 2 };

        Assert.Equal(Policy.For(Forum).Select(n => n.Key), Policy.For(edited).Select(n => n.Key));
    }

    [Fact]
    public void For_RescheduledSpace_NewDatesGetNewKeys()
    {
        var moved = Forum with { Start = Forum.Start.AddDays(7), Version = 2 };

        Assert.Contains("ChannelPreview|S1|20260312|d7", Policy.For(moved).Select(n => n.Key));
    }

    private static DateOnly AddWeekdays(DateOnly date, int days)
    {
        var step = days >= 0 ? 1 : -1;
        for (var remaining = Math.Abs(days); remaining > 0;)
        {
            date = date.AddDays(step);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                remaining--;
            }
        }

        return date;
    }

    private static DateOnly PeriodEnd(DateOnly date)
    {
        var endMonth = ((date.Month - 1) / 4 * 4) + 4;
        return new DateOnly(date.Year, endMonth, DateTime.DaysInMonth(date.Year, endMonth));
    }

    [Fact]
    public void Syncs_NewChangedAndCancelledSpaces_OneKeyPerVersionForCardsAndCalendar()
    {
        var before = Forum.Start.AddDays(-10);
        var moved = Forum with { SpaceId = "S2", Version = 3 };
        var cancelled = Forum with { SpaceId = "S3", IsCancelled = true };

        var keys = NotificationPolicy.Syncs([Forum, moved, cancelled], before, calendarEnabled: true).Select(n => n.Key).ToList();

        Assert.Equal(
            ["CalendarSync|S1|v1", "ChannelUpdate|S2|v3", "CalendarSync|S2|v3", "ChannelUpdate|S3|cancelled", "CalendarSync|S3|cancelled"],
            keys);
        Assert.Equal(["ChannelUpdate|S2|v3", "ChannelUpdate|S3|cancelled"], NotificationPolicy.Syncs([Forum, moved, cancelled], before, calendarEnabled: false).Select(n => n.Key));
        Assert.Empty(NotificationPolicy.Syncs([Forum, moved, cancelled], Forum.Start, calendarEnabled: true));
    }
}
