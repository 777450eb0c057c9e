using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Core.Notifications;

/// <summary>Maps the plan's scheduled spaces and their reports to what the notification policy sees.</summary>
public static class NotificationSpaces
{
    /// <summary>
    /// The space as the policy sees it, or null when it has no day to notify about (a month, a cuatrimestre, "por
    /// definir") or was already held. Spaces without a time start at <paramref name="defaultTime"/> Bogotá time.
    /// </summary>
    public static NotificationSpace? From(ScheduledSpace space, IEnumerable<ParticipationReport> reports, TimeOnly defaultTime)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(reports);
        if (StartOf(space, defaultTime) is not { } start)
        {
            return null;
        }

        var sent = reports
            .Where(r => string.Equals(r.SpaceId, space.Id, StringComparison.Ordinal) && r.Status != ReportStatus.Borrador)
            .ToList();
        var unanswered = sent.Sum(r => r.Items.Count(i => i.Answer is null));
        return new NotificationSpace(
            space.Id,
            space.Version,
            space.LeaderArea ?? string.Empty,
            start,
            space.Status == SpaceStatus.Cancelado,
            sent.Count > 0,
            unanswered);
    }

    /// <summary>Every notifiable space of the plan.</summary>
    public static IReadOnlyList<NotificationSpace> From(Plan plan, IEnumerable<ParticipationReport> reports, TimeOnly defaultTime)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var list = reports.ToList();
        return [.. plan.Spaces.Select(s => From(s, list, defaultTime)).OfType<NotificationSpace>()];
    }

    /// <summary>The instant a space starts, when its period names a day.</summary>
    public static DateTimeOffset? StartOf(ScheduledSpace space, TimeOnly defaultTime)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space.Period is { Kind: PeriodKind.ExactDate or PeriodKind.DateRange, Start: { } day }
            ? BogotaTime.FromLocal(day, space.Period.Time ?? defaultTime)
            : null;
    }

    /// <summary>Whether the space belongs in the organizer's calendar (programado, convocado, reprogramado).</summary>
    public static bool IsScheduled(ScheduledSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return space.Status is SpaceStatus.Programado or SpaceStatus.Convocado or SpaceStatus.Reprogramado;
    }
}
