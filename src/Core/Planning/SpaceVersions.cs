namespace ParticipaBot.Core.Planning;

/// <summary>
/// Carries space versions across a re-imported schedule: a space keeps its version when nothing people see changed,
/// and gets the next one when its date, time, place, link, modality, status or name did, so calendar events and
/// posted channel cards follow the change exactly once.
/// </summary>
public static class SpaceVersions
{
    public static IReadOnlyList<ScheduledSpace> Carry(IReadOnlyList<ScheduledSpace> before, IReadOnlyList<ScheduledSpace> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return [.. after.Select(space => old.TryGetValue(space.Id, out var previous)
            ? space with { Version = Math.Max(previous.Version, space.Version) + (Visible(previous) == Visible(space) ? 0 : 1) }
            : space)];
    }

    private static (string Name, DateOnly? Start, DateOnly? End, TimeOnly? Time, string? Place, string? Link, string? Modality, SpaceStatus Status, string? Area) Visible(ScheduledSpace space) =>
        (space.Name, space.Period.Start, space.Period.End, space.Period.Time, space.Place, space.Link, space.Modality, space.Status, space.LeaderArea);
}
