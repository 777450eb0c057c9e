using ParticipaBot.Core.Compliance;

namespace ParticipaBot.Core.Planning;

/// <summary>
/// Maps the plan and its schedule to the facts the compliance calculator reads. Spaces whose date is still
/// "por definir" have no planned date and are left out; a space's baseline is its original period when rescheduled.
/// </summary>
public static class PlanFacts
{
    /// <summary>The schedule as <see cref="SpaceFact"/>s.</summary>
    public static IReadOnlyList<SpaceFact> Spaces(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var facts = new List<SpaceFact>();
        foreach (var space in plan.Spaces)
        {
            var baseline = space.Baseline ?? space.Period;
            if (space.Period.Start is not { } planned || baseline.Start is not { } baselineStart)
            {
                continue;
            }

            facts.Add(new SpaceFact(
                space.Id, space.Name, space.LeaderArea ?? string.Empty, baselineStart, baseline.End ?? baselineStart, planned,
                space.Status == SpaceStatus.Cancelado, space.Phase, space.Kind, space.Modality, space.Level));
        }

        return facts;
    }

    /// <summary>The activities with one <see cref="MilestoneFact"/> per expected milestone.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="progress">Progress reported for an activity's milestone, 0..1 (0 when nothing was reported).</param>
    public static IReadOnlyList<ActivityFact> Activities(Plan plan, Func<PlanActivity, Milestone, decimal> progress)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(progress);
        return [.. plan.Activities.Select(a => new ActivityFact(
            a.Id,
            a.Description,
            a.LeaderArea ?? string.Empty,
            [.. a.Milestones.Select(m => new MilestoneFact(m.Cuatrimestre ?? PlannedPeriod.CuatrimestreOf(m.Due), Math.Clamp(progress(a, m), 0m, 1m)))]))];
    }

    /// <summary>All facts: the plan's part plus the reports the reporting side supplies.</summary>
    public static ComplianceFacts ToFacts(Plan plan, IReadOnlyList<ReportFact> reports, Func<PlanActivity, Milestone, decimal> progress)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var groups = plan.Spaces.SelectMany(s => s.ActorGroups.Concat(s.PopulationGroups)).Distinct(StringComparer.Ordinal).ToList();
        var goals = plan.Spaces.SelectMany(s => s.Goals).Distinct(StringComparer.Ordinal).ToList();
        return new ComplianceFacts(plan.Year, Spaces(plan), reports, Activities(plan, progress), groups, goals);
    }
}
