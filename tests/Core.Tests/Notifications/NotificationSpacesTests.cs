using ParticipaBot.Core.Notifications;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Core.Tests.Notifications;

public sealed class NotificationSpacesTests
{
    private static readonly TimeOnly Eight = new(8, 0);

    private static ScheduledSpace Space(PlannedPeriod period, SpaceStatus status = SpaceStatus.Programado) => new(
        "S1", null, "Foro", null, null, null, "virtual", null, [], [], [], "Planeación", [], period, null, null, null, status);

    private static PlannedPeriod Day(int day, TimeOnly? time = null) => new(PeriodKind.ExactDate, new DateOnly(2026, 3, day), new DateOnly(2026, 3, day), "texto", time);

    [Fact]
    public void From_ExactDateWithTime_StartsAtThatTimeInBogota()
    {
        var space = NotificationSpaces.From(Space(Day(12, new TimeOnly(15, 30))), [], Eight);

        Assert.Equal(new DateTimeOffset(2026, 3, 12, 15, 30, 0, TimeSpan.FromHours(-5)), space!.Start);
        Assert.Equal(("S1", 1, "Planeación", false, false), (space.SpaceId, space.Version, space.Area, space.IsCancelled, space.IsReported));
    }

    [Fact]
    public void From_DayWithoutTime_StartsAtTheDefaultTime() =>
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 8, 0, 0, TimeSpan.FromHours(-5)), NotificationSpaces.From(Space(Day(12)), [], Eight)!.Start);

    [Fact]
    public void From_MonthPeriod_IsNotNotifiable() =>
        Assert.Null(NotificationSpaces.From(Space(new PlannedPeriod(PeriodKind.Month, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), "Marzo")), [], Eight));

    [Fact]
    public void From_CancelledAndRescheduled_CarriesStatusAndVersion()
    {
        var moved = Space(Day(12)).Reschedule(Day(19), "Lluvias") with { Version = 2 };

        Assert.Equal(2, NotificationSpaces.From(moved, [], Eight)!.Version);
        Assert.True(NotificationSpaces.From(Space(Day(12), SpaceStatus.Cancelado), [], Eight)!.IsCancelled);
        Assert.True(NotificationSpaces.IsScheduled(moved));
        Assert.False(NotificationSpaces.IsScheduled(Space(Day(12), SpaceStatus.Realizado)));
    }

    [Theory]
    [InlineData(ReportStatus.Borrador, false)]
    [InlineData(ReportStatus.Enviado, true)]
    [InlineData(ReportStatus.Aprobado, true)]
    public void From_Report_OnlyASentReportCounts(ReportStatus status, bool reported)
    {
        var report = Report(status, [new ReportItem(ItemKind.Propuesta, "Más sedes", null), new ReportItem(ItemKind.Observacion, "Bien", null, new ItemAnswer(AnswerDecision.Acogida, "Sí", "x", null))]);

        var space = NotificationSpaces.From(Space(Day(12)), [report], Eight)!;

        Assert.Equal(reported, space.IsReported);
        Assert.Equal(reported ? 1 : 0, space.UnansweredItems);
    }

    private static ParticipationReport Report(ReportStatus status, IReadOnlyList<ReportItem> items) => new()
    {
        Id = "r1",
        Year = 2026,
        SpaceId = "S1",
        Name = "Foro",
        HeldFrom = new DateOnly(2026, 3, 12),
        LeaderArea = "Planeación",
        Modality = "virtual",
        Format = "foro",
        Kind = "k",
        Phase = "p",
        Level = "l",
        ActivitiesCarriedOut = "a",
        Participants = new ParticipantCount(10),
        Result = new ParticipationResult("r", "c"),
        Items = items,
        Status = status,
    };
}
