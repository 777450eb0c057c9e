using System.Globalization;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Text;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Reporting;

/// <summary>Everything the wizard needs about the plan and the user for one turn.</summary>
internal sealed record ReportPlanContext(
    string EntityId,
    Plan Plan,
    UserRoles Roles,
    ReportValidationContext Validation,
    IReadOnlyDictionary<string, string> SpaceLabels,
    IReadOnlyList<ParticipationReport> Reports)
{
    /// <summary>The plan's activities by id, as "number description" (at most 60, shortened), for the activity list.</summary>
    public IReadOnlyDictionary<string, string> ActivityLabels { get; } = Plan.Activities.Take(60)
        .ToDictionary(a => a.Id, a => ReportFieldCardRenderer.Shorten($"{a.Number} {a.Description}", 90), StringComparer.Ordinal);

    /// <summary>Whether the user may report a space (by its leader area; a space with no area is open to any delegate).</summary>
    public bool MayReport(ScheduledSpace space) =>
        Roles.DelegateOfAnyArea || (space.LeaderArea ?? Activity(space)?.LeaderArea) is not { } area
            ? !Roles.IsNobody
            : Roles.IsDelegateOf(area);

    public PlanActivity? Activity(ScheduledSpace space) => space.ActivityId is { } id ? Plan.FindActivity(id) : null;

    public ParticipationReport? ReportOf(string spaceId) => Reports.FirstOrDefault(r => r.SpaceId == spaceId);

    /// <summary>The user's spaces not reported yet, not cancelled, held or past their first planned day.</summary>
    public IReadOnlyList<ScheduledSpace> Due() =>
        [.. Plan.Spaces.Where(s => MayReport(s) && s.Status != SpaceStatus.Cancelado && ReportOf(s.Id) is null
                && (s.Status == SpaceStatus.Realizado || (s.Period.Start is { } start && start <= Validation.Today)))
            .OrderBy(s => IsLocked(s))
            .ThenByDescending(s => s.Period.Start ?? DateOnly.MinValue)];

    /// <summary>Whether the space's cuatrimestre has closed (reports are then refused unless a coordinator unlocks them).</summary>
    public bool IsLocked(ScheduledSpace space) =>
        (space.Period.End ?? space.Period.Start) is { } last && ReportLock.IsLocked(last, Validation.Today, unlocked: false, periods: Validation.Periods);

    /// <summary>The user's spaces still to come, soonest first.</summary>
    public IReadOnlyList<ScheduledSpace> Upcoming() =>
        [.. Plan.Spaces.Where(s => MayReport(s) && s.Status != SpaceStatus.Cancelado && s.Status != SpaceStatus.Realizado && ReportOf(s.Id) is null
                && s.Period.Start is { } start && start > Validation.Today)
            .OrderBy(s => s.Period.Start)];
}

/// <summary>Loads the plan of the current year (Bogotá), the user's roles and the report validation context.</summary>
internal sealed class ReportPlanContextLoader(
    IPlanRepository plans,
    IReportRepository reports,
    IRoleResolver roles,
    IOptions<EntityOptions> entity,
    EntityCatalog catalog,
    TimeProvider time)
{
    /// <summary>The context, or null (with the year looked for) when no plan is stored for the year.</summary>
    public async Task<(ReportPlanContext? Context, int Year)> LoadAsync(TurnContext turn, int? year = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var today = BogotaTime.Today(time);
        var planYear = year ?? today.Year;
        var entityId = entity.Value.Id;
        var plan = await plans.GetAsync(entityId, planYear, turn.CancellationToken);
        if (plan is null)
        {
            return (null, planYear);
        }

        var userRoles = roles.Resolve(turn.User.AadObjectId, turn.User.Id);
        var knownAreas = plan.Activities.SelectMany(a => a.Areas).Concat(plan.Spaces.Select(s => s.LeaderArea).OfType<string>())
            .Concat(catalog.Areas)
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        // A delegate's configured area is matched to the plan's spelling (accents and case aside).
        var allowed = userRoles.DelegateOfAnyArea
            ? knownAreas
            : [.. userRoles.DelegateAreas.Select(a => knownAreas.FirstOrDefault(k => TextFolding.EqualsFolded(k, a)) ?? a)];
        var validation = new ReportValidationContext(
            today,
            plan.Year,
            allowed.ToHashSet(StringComparer.OrdinalIgnoreCase),
            plan.Spaces.Select(s => s.Id).ToHashSet(StringComparer.Ordinal),
            Catalogs.Default)
        {
            KnownAreas = knownAreas.Concat(allowed).ToHashSet(StringComparer.OrdinalIgnoreCase),
            KnownActivityIds = plan.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal),
        };
        var labels = plan.Spaces.ToDictionary(
            s => s.Id,
            s => ReportFieldCardRenderer.Shorten(s.Period.Start is { } d ? $"{s.Name} ({d.ToString(ReportValues.DateFormat, CultureInfo.InvariantCulture)})" : s.Name, 90),
            StringComparer.Ordinal);
        var stored = await reports.ListAsync(entityId, plan.Year, turn.CancellationToken);
        return (new ReportPlanContext(entityId, plan, userRoles, validation, labels, stored), planYear);
    }
}
