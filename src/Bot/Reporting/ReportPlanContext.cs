using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
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
    IReadOnlyDictionary<string, string> ActivityLabels,
    IReadOnlyDictionary<string, ReportedSpace>? Reported)
{
    /// <summary>Spaces a step card offers, at most this many (the card must stay small).</summary>
    public const int MaxOfferedSpaces = 60;

    // Distinct role sets remembered per plan; a plan read by more kinds of users computes the rest each time.
    private const int MaxOfferSets = 64;

    /// <summary>The offered spaces of each set of roles, shared by the turns that read the same plan (null: not shared).</summary>
    internal ConcurrentDictionary<string, IReadOnlySet<string>>? OfferCache { get; init; }

    /// <summary>
    /// The ids a step card offers: the user's first <see cref="MaxOfferedSpaces"/> spaces, and the one chosen. The user's
    /// spaces depend only on the plan and the roles, so they are computed once per plan and set of roles.
    /// </summary>
    public IReadOnlySet<string> OfferedSpaces(string? current)
    {
        if (OfferCache is not { } cache)
        {
            return Offered(current);
        }

        var key = RolesKey(Roles);
        if (!cache.TryGetValue(key, out var mine))
        {
            if (cache.Count >= MaxOfferSets)
            {
                return Offered(current);
            }

            mine = Offered(null);
            cache.TryAdd(key, mine);
        }

        // A chosen space among the user's own changes nothing; another one is added where the list would have it.
        return current is null || mine.Contains(current) ? mine : Offered(current);
    }

    private HashSet<string> Offered(string? current)
    {
        var offered = new HashSet<string>(StringComparer.Ordinal);
        var taken = 0;
        foreach (var space in Plan.Spaces)
        {
            if (taken == MaxOfferedSpaces)
            {
                break;
            }

            if (MayReport(space) || space.Id == current)
            {
                offered.Add(space.Id);
                taken++;
            }
        }

        return offered;
    }

    /// <summary>Everything <see cref="MayReport"/> reads of the roles (areas length-prefixed, so no two sets share a key).</summary>
    private static string RolesKey(UserRoles roles)
    {
        if (roles.DelegateOfAnyArea)
        {
            return "*";
        }

        var key = new StringBuilder(roles.IsNobody ? "-" : "+");
        foreach (var area in roles.DelegateAreas)
        {
            key.Append(area.Length).Append(':').Append(area);
        }

        return key.ToString();
    }

    /// <summary>Whether the user may report a space (by its leader area; a space with no area is open to any delegate).</summary>
    public bool MayReport(ScheduledSpace space) =>
        Roles.DelegateOfAnyArea || (space.LeaderArea ?? Activity(space)?.LeaderArea) is not { } area
            ? !Roles.IsNobody
            : Roles.IsDelegateOf(area);

    public PlanActivity? Activity(ScheduledSpace space) => space.ActivityId is { } id ? Plan.FindActivity(id) : null;

    /// <summary>The space's report; only on a context loaded with reports (the picker and the start of a report).</summary>
    public ReportedSpace? ReportOf(string spaceId) =>
        (Reported ?? throw new InvalidOperationException("The context was loaded without reports.")).GetValueOrDefault(spaceId);

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

/// <summary>
/// Loads the plan of the current year (Bogotá), the user's roles and the report validation context. What depends on
/// the plan alone is computed once per plan read, not once per turn; reports are read only when asked for.
/// </summary>
internal sealed class ReportPlanContextLoader(
    IPlanRepository plans,
    IReportRepository reports,
    IRoleResolver roles,
    IOptions<EntityOptions> entity,
    EntityCatalog catalog,
    TimeProvider time)
{
    private static readonly ConditionalWeakTable<Plan, PlanLookups> s_lookups = [];

    /// <summary>The context, or null (with the year looked for) when no plan is stored for the year.</summary>
    /// <param name="withReports">Whether the picker or a new report needs to know which spaces are reported.</param>
    public async Task<(ReportPlanContext? Context, int Year)> LoadAsync(TurnContext turn, int? year = null, bool withReports = false)
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

        var lookups = s_lookups.GetValue(plan, p => PlanLookups.Of(p, catalog));
        var userRoles = roles.For(turn.User);
        // A delegate's configured area is matched to the plan's spelling (accents and case aside).
        // The plan's own area set is shared when it already holds the user's areas (the usual case): no copy per turn.
        IReadOnlySet<string> allowed, known;
        if (userRoles.DelegateOfAnyArea)
        {
            allowed = known = lookups.KnownAreaSet;
        }
        else
        {
            var areas = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var allKnown = true;
            foreach (var area in userRoles.DelegateAreas)
            {
                var spelled = PlanSpelling(lookups.KnownAreas, area);
                areas.Add(spelled);
                allKnown &= lookups.KnownAreaSet.Contains(spelled);
            }

            allowed = areas;
            known = allKnown ? lookups.KnownAreaSet : lookups.KnownAreas.Concat(areas).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        var validation = new ReportValidationContext(today, plan.Year, allowed, lookups.SpaceIds, Catalogs.Default)
        {
            KnownAreas = known,
            KnownActivityIds = lookups.ActivityIds,
        };
        var reported = withReports ? await reports.ReportedSpacesAsync(entityId, plan.Year, turn.CancellationToken) : null;
        return (new ReportPlanContext(entityId, plan, userRoles, validation, lookups.SpaceLabels, lookups.ActivityLabels, reported) { OfferCache = lookups.Offers }, planYear);
    }

    /// <summary>The labels the wizard shows for the plan's spaces («name (date)») and activities («number description»).</summary>
    public static (IReadOnlyDictionary<string, string> SpaceLabels, IReadOnlyDictionary<string, string> ActivityLabels) Labels(Plan plan, EntityCatalog catalog)
    {
        var lookups = s_lookups.GetValue(plan, p => PlanLookups.Of(p, catalog));
        return (lookups.SpaceLabels, lookups.ActivityLabels);
    }

    private static string PlanSpelling(IReadOnlyList<string> knownAreas, string area)
    {
        foreach (var known in knownAreas)
        {
            if (TextFolding.EqualsFolded(known, area))
            {
                return known;
            }
        }

        return area;
    }

    /// <summary>The plan's areas, ids and labels, shared by every turn that reads the same plan.</summary>
    private sealed record PlanLookups(
        IReadOnlyList<string> KnownAreas,
        IReadOnlySet<string> KnownAreaSet,
        IReadOnlySet<string> SpaceIds,
        IReadOnlySet<string> ActivityIds,
        IReadOnlyDictionary<string, string> SpaceLabels,
        IReadOnlyDictionary<string, string> ActivityLabels)
    {
        public ConcurrentDictionary<string, IReadOnlySet<string>> Offers { get; } = new(StringComparer.Ordinal);

        public static PlanLookups Of(Plan plan, EntityCatalog catalog)
        {
            var knownAreas = plan.Activities.SelectMany(a => a.Areas).Concat(plan.Spaces.Select(s => s.LeaderArea).OfType<string>())
                .Concat(catalog.Areas)
                .Where(a => !string.IsNullOrWhiteSpace(a))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            return new PlanLookups(
                knownAreas,
                knownAreas.ToHashSet(StringComparer.OrdinalIgnoreCase),
                plan.Spaces.Select(s => s.Id).ToHashSet(StringComparer.Ordinal),
                plan.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal),
                plan.Spaces.ToDictionary(
                    s => s.Id,
                    s => ReportFieldCardRenderer.Shorten(s.Period.Start is { } d ? $"{s.Name} ({d.ToString(ReportValues.DateFormat, CultureInfo.InvariantCulture)})" : s.Name, 90),
                    StringComparer.Ordinal),
                // "number description" (at most 60, shortened), for the activity list.
                plan.Activities.Take(60).ToDictionary(a => a.Id, a => ReportFieldCardRenderer.Shorten($"{a.Number} {a.Description}", 90), StringComparer.Ordinal));
        }
    }
}
