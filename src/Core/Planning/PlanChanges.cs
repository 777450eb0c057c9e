using System.Globalization;

namespace ParticipaBot.Core.Planning;

/// <summary>What a new version of a plan or schedule changes, in sentences a coordinator reads (Spanish).</summary>
public static class PlanChanges
{
    /// <summary>Lists the differences; empty when nothing changed (re-importing the same file).</summary>
    public static IReadOnlyList<string> Compare(Plan? before, Plan after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        if (before is null)
        {
            changes.Add($"Plan nuevo: {after.Components.Count} componentes, {after.Activities.Count()} actividades, {after.Spaces.Count} espacios.");
            return changes;
        }

        Field(changes, "Título del plan", before.Title, after.Title);
        Field(changes, "Objetivo general", before.GeneralObjective, after.GeneralObjective);
        var oldComponents = before.Components.ToDictionary(c => c.Id);
        foreach (var component in after.Components)
        {
            if (!oldComponents.Remove(component.Id, out var old))
            {
                changes.Add($"Componente añadido {component.Number.ToString(CultureInfo.InvariantCulture)}: {component.Name}");
                continue;
            }

            Field(changes, $"Componente {component.Number.ToString(CultureInfo.InvariantCulture)}: nombre", old.Name, component.Name);
            Field(changes, $"Componente {component.Number.ToString(CultureInfo.InvariantCulture)}: objetivo", old.Objective, component.Objective);
        }

        changes.AddRange(oldComponents.Values.Select(c => $"Componente eliminado {c.Number.ToString(CultureInfo.InvariantCulture)}: {c.Name}"));

        var oldActivities = before.Activities.ToDictionary(a => a.Id);
        foreach (var activity in after.Activities)
        {
            if (!oldActivities.Remove(activity.Id, out var old))
            {
                changes.Add($"Actividad añadida {activity.Number}: {activity.Description}");
                continue;
            }

            var label = $"Actividad {activity.Number}";
            Field(changes, $"{label}: descripción", old.Description, activity.Description);
            Field(changes, $"{label}: meta/producto", old.Product, activity.Product);
            Field(changes, $"{label}: líder", old.LeaderArea, activity.LeaderArea);
            Field(changes, $"{label}: apoyo", string.Join(", ", old.SupportAreas), string.Join(", ", activity.SupportAreas));
            if (!old.Period.Equals(activity.Period))
            {
                changes.Add($"{label}: periodo «{old.Period.OriginalText}» → «{activity.Period.OriginalText}»");
            }
        }

        changes.AddRange(oldActivities.Values.Select(a => $"Actividad eliminada {a.Number}: {a.Description}"));
        changes.AddRange(CompareSpaces(before.Spaces, after.Spaces));
        return changes;
    }

    /// <summary>Differences between two schedules, by space id.</summary>
    public static IReadOnlyList<string> CompareSpaces(IReadOnlyList<ScheduledSpace> before, IReadOnlyList<ScheduledSpace> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        var old = before.ToDictionary(s => s.Id);
        foreach (var space in after)
        {
            if (!old.Remove(space.Id, out var previous))
            {
                changes.Add($"Espacio añadido: {space.Name} ({space.Period.OriginalText})");
            }
            else if (!SameSpace(previous, space))
            {
                changes.Add($"Espacio modificado: {space.Name}");
            }
        }

        changes.AddRange(old.Values.Select(s => $"Espacio eliminado: {s.Name}"));
        return changes;
    }

    /// <summary>
    /// The imported spaces with their <see cref="ScheduledSpace.Version"/> carried on from the stored ones: unchanged
    /// spaces keep theirs, changed ones get the next, new ones start at 1 (calendar and channel updates rely on it).
    /// </summary>
    public static IReadOnlyList<ScheduledSpace> CarryVersions(IReadOnlyList<ScheduledSpace> before, IReadOnlyList<ScheduledSpace> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return [.. after.Select(space => old.TryGetValue(space.Id, out var previous)
            ? space with { Version = SameSpace(previous, space) ? previous.Version : previous.Version + 1 }
            : space with { Version = 1 })];
    }

    /// <summary>Field-by-field equality of two spaces (lists compared by content; the source location and version ignored).</summary>
    public static bool SameSpace(ScheduledSpace left, ScheduledSpace right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return left with
        {
            ActorGroups = [],
            PopulationGroups = [],
            Goals = [],
            ResponsiblePeople = [],
            Source = null,
            Version = 0,
        } == right with
        {
            ActorGroups = [],
            PopulationGroups = [],
            Goals = [],
            ResponsiblePeople = [],
            Source = null,
            Version = 0,
        }
            && left.ActorGroups.SequenceEqual(right.ActorGroups)
            && left.PopulationGroups.SequenceEqual(right.PopulationGroups)
            && left.Goals.SequenceEqual(right.Goals)
            && left.ResponsiblePeople.SequenceEqual(right.ResponsiblePeople);
    }

    private static void Field(List<string> changes, string label, string? before, string? after)
    {
        if (!string.Equals(before ?? string.Empty, after ?? string.Empty, StringComparison.Ordinal))
        {
            changes.Add($"{label}: «{before}» → «{after}»");
        }
    }
}
