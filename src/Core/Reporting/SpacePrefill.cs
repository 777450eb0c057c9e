using ParticipaBot.Core.Planning;

namespace ParticipaBot.Core.Reporting;

/// <summary>The one mapper from a scheduled space to what pre-fills its report.</summary>
public static class SpacePrefill
{
    public static ReportPrefill From(ScheduledSpace space, PlanActivity? activity = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        var period = space.Period;
        // Only a day or a short range is a date held; a month or a cuatrimestre is not a day to confirm.
        var exact = period.Kind is PeriodKind.ExactDate or PeriodKind.DateRange
            && period.Start is { } start && period.End is { } end && end.DayNumber - start.DayNumber <= 31;
        var link = space.Link is { } l && Uri.TryCreate(l, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? l : null;
        return new ReportPrefill
        {
            SpaceId = space.Id,
            ActivityId = space.ActivityId,
            Name = space.Name,
            PlannedDate = exact ? period.Start : null,
            PlannedEndDate = exact ? period.End : null,
            LeaderArea = space.LeaderArea ?? activity?.LeaderArea,
            SupportAreas = activity?.SupportAreas ?? [],
            Modality = space.Modality,
            Place = space.Place,
            Link = link,
            Format = space.Format,
            Kind = space.Kind,
            Phase = space.Phase,
            Level = space.Level,
            TargetValueGroups = [.. space.ActorGroups, .. space.PopulationGroups],
            Goals = space.Goals,
        };
    }
}
