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
    public bool IsDelegateOf(string area) => DelegateOfAnyArea || DelegateAreas.Any(a => TextFolding.EqualsFolded(a, area));

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

        var ids = userIds.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!.Trim()).ToArray();
        bool In(IEnumerable<string>? list) => list is not null && list.Any(entry => ids.Contains(entry.Trim(), StringComparer.OrdinalIgnoreCase));
        var areas = options.Delegates.Where(d => In(d.Value)).Select(d => d.Key).Order(StringComparer.Ordinal).ToList();
        return new UserRoles(In(options.Coordinators), In(options.InternalControl), areas);
    }
}
