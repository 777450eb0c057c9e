using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Compliance;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Compliance;

/// <summary>Everything a summary or an export reads, loaded once: the plan, every report, the facts and the calculator.</summary>
internal sealed record ComplianceSnapshot(
    Plan Plan,
    IReadOnlyList<ParticipationReport> Reports,
    ComplianceFacts Facts,
    ComplianceCalculator Calculator,
    DateOnly AsOf,
    IReadOnlyList<string> Areas);

/// <summary>Loads the plan year from the repositories and builds the facts (one partition-scoped read per kind).</summary>
internal sealed class ComplianceService(
    IPlanRepository plans,
    IReportRepository reports,
    IOptions<EntityOptions> entity,
    IOptions<ComplianceOptions> options,
    EntityCatalog catalog,
    TimeProvider time)
{
    public DateOnly Today => BogotaTime.Today(time);

    /// <summary>The snapshot of <paramref name="year"/> (default: this year) at <paramref name="asOf"/> (default: today), or null without a plan.</summary>
    public async Task<ComplianceSnapshot?> LoadAsync(int? year = null, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var date = asOf ?? Today;
        var planYear = year ?? date.Year;
        var entityId = entity.Value.Id;
        var plan = await plans.GetAsync(entityId, planYear, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var allReports = await reports.ListAsync(entityId, planYear, cancellationToken);
        var progress = await reports.ListProgressAsync(entityId, planYear, cancellationToken);
        var settings = options.Value;
        var facts = ComplianceFactsBuilder.Build(plan, allReports, progress, [.. settings.PrioritizedValueGroups]);
        var calculator = ComplianceFactsBuilder.Calculator(settings.Rules(), WorkingDayCalendar.Default);
        var areas = catalog.Areas
            .Concat(plan.Spaces.Select(s => s.LeaderArea ?? string.Empty))
            .Concat(allReports.Select(r => r.LeaderArea))
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new ComplianceSnapshot(plan, allReports, facts, calculator, date, areas);
    }
}
