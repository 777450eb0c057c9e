using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Text;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Compliance;

/// <summary>
/// Builds the calculator's facts from what is stored: the plan with its schedule (<see cref="PlanFacts"/>), the
/// reports (<see cref="ReportFacts"/>: only sent and approved ones count) and the activities' progress. Value groups
/// are compared by their folded label, so a plan that writes "Sindicatos" and a report that stores the code
/// SINDICATOS meet.
/// </summary>
public static class ComplianceFactsBuilder
{
    /// <summary>The facts of one plan year.</summary>
    /// <param name="plan">The plan and its spaces.</param>
    /// <param name="reports">Every report of the year, any status (the mapper keeps those that count).</param>
    /// <param name="progress">Progress records; the last one per activity and period wins.</param>
    /// <param name="prioritizedValueGroups">The strategy's prioritised groups (configuration); when empty, the groups the spaces target.</param>
    /// <param name="catalogs">Vocabularies used to read value-group and area codes; <see cref="Catalogs.Default"/> when null.</param>
    public static ComplianceFacts Build(
        Plan plan,
        IEnumerable<ParticipationReport> reports,
        IEnumerable<ActivityProgress> progress,
        IReadOnlyList<string>? prioritizedValueGroups = null,
        Catalogs? catalogs = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(progress);
        catalogs ??= Catalogs.Default;

        var latest = new Dictionary<(string Activity, int Period), int>();
        foreach (var record in progress)
        {
            if (record.Year == plan.Year)
            {
                latest[(record.ActivityId, record.Cuatrimestre)] = record.Percentage;
            }
        }

        var groupKey = GroupKey(catalogs);
        var areaName = AreaName(catalogs);
        var reportFacts = ReportFacts.ToFacts(reports.Where(r => r.Year == plan.Year))
            .Select(r => r with
            {
                Area = areaName(r.Area),
                ValueGroups = [.. r.ValueGroups.Select(groupKey).Distinct(StringComparer.Ordinal)],
            })
            .ToList();

        var facts = PlanFacts.ToFacts(
            plan,
            reportFacts,
            (activity, milestone) => latest.TryGetValue((activity.Id, milestone.Cuatrimestre ?? PlannedPeriod.CuatrimestreOf(milestone.Due)), out var pct)
                ? Math.Clamp(pct, 0, 100) / 100m
                : 0m);
        var groups = prioritizedValueGroups is { Count: > 0 } configured ? configured : facts.PrioritizedValueGroups;
        return facts with { PrioritizedValueGroups = [.. groups.Select(groupKey).Distinct(StringComparer.Ordinal)] };
    }

    /// <summary>The calculator with the entity's rules and Colombian working days (I10, I12).</summary>
    public static ComplianceCalculator Calculator(ComplianceRules? rules = null, WorkingDayCalendar? calendar = null) =>
        new(rules ?? new ComplianceRules(), (calendar ?? WorkingDayCalendar.Default).WorkingDaysBetween);

    // A value group's comparison key: the folded label of its vocabulary entry when the text is a code, else the folded text.
    private static Func<string, string> GroupKey(Catalogs catalogs)
    {
        var actor = catalogs.Get(VocabularyIds.ActorType);
        var population = catalogs.Get(VocabularyIds.PopulationFocus);
        return text => TextFolding.Fold((actor.Find(text) ?? population.Find(text))?.Label.Es ?? text);
    }

    // Reports may store an area code of the Area vocabulary; the plan names areas in full.
    private static Func<string, string> AreaName(Catalogs catalogs)
    {
        var areas = catalogs.TryGet(VocabularyIds.Area, out var vocabulary) ? vocabulary : null;
        return area => areas?.Find(area)?.Label.Es is { Length: > 0 } label ? label : area;
    }
}
