using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Access;

/// <summary>
/// Who plays which role, as configured in the "Roles" section. Users are AAD object ids or UPNs
/// (compared case-insensitively).
/// </summary>
public sealed class RoleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Roles";

    /// <summary>Coordinators: keep the plan and the schedule, approve reports.</summary>
    public IList<string> Coordinators { get; init; } = [];

    /// <summary>Internal control: read-only, checks compliance.</summary>
    public IList<string> InternalControl { get; init; } = [];

    /// <summary>Area → its delegates.</summary>
    public IDictionary<string, IList<string>> Delegates { get; init; } = new Dictionary<string, IList<string>>();
}

/// <summary>The roles of one user.</summary>
/// <param name="IsCoordinator">May edit the plan and schedule and approve reports.</param>
/// <param name="IsInternalControl">May read everything.</param>
/// <param name="DelegateAreas">Areas the user reports for.</param>
/// <param name="DelegateOfAnyArea">True in Development: acts for any area.</param>
public sealed record UserRoles(bool IsCoordinator, bool IsInternalControl, IReadOnlyList<string> DelegateAreas, bool DelegateOfAnyArea = false)
{
    /// <summary>Whether the user may report for that area.</summary>
    public bool IsDelegateOf(string area)
    {
        if (DelegateOfAnyArea)
        {
            return true;
        }

        // Asked for every space of the plan on every card: a plain loop, no closure.
        for (var i = 0; i < DelegateAreas.Count; i++)
        {
            if (TextFolding.EqualsFolded(DelegateAreas[i], area))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>No role at all.</summary>
    public bool IsNobody => !IsCoordinator && !IsInternalControl && !DelegateOfAnyArea && DelegateAreas.Count == 0;
}

/// <summary>Resolves a user's roles; pure.</summary>
public interface IRoleResolver
{
    /// <summary>The roles of the user identified by any of the ids (AAD object id, UPN).</summary>
    UserRoles Resolve(params string?[] userIds);
}

/// <summary>
/// Roles from configuration; with <c>everyoneIsEverything</c> (Development) every user is coordinator and
/// delegate of any area, so a newcomer can try every flow alone.
/// </summary>
public sealed class RoleResolver(RoleOptions options, bool everyoneIsEverything = false) : IRoleResolver
{
    /// <inheritdoc />
    public UserRoles Resolve(params string?[] userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (everyoneIsEverything)
        {
            return new UserRoles(true, true, [], DelegateOfAnyArea: true);
        }

        // Resolved on every turn, against options read at each call (so a change to them is seen): plain loops, no LINQ.
        List<string>? areas = null;
        foreach (var (area, delegates) in options.Delegates)
        {
            if (In(delegates, userIds))
            {
                (areas ??= []).Add(area);
            }
        }

        areas?.Sort(StringComparer.Ordinal);
        return new UserRoles(In(options.Coordinators, userIds), In(options.InternalControl, userIds), areas ?? []);
    }

    /// <summary>Whether any entry of the list (trimmed) is one of the ids (trimmed, blanks ignored), case aside.</summary>
    private static bool In(IList<string>? list, string?[] userIds)
    {
        if (list is null)
        {
            return false;
        }

        // Indexed: a foreach over IList boxes its enumerator, once per area on every turn.
        for (var i = 0; i < list.Count; i++)
        {
            var wanted = list[i].AsSpan().Trim();
            foreach (var id in userIds)
            {
                if (!string.IsNullOrWhiteSpace(id) && wanted.Equals(id.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
