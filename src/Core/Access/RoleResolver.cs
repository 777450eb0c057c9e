using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Access;

/// <summary>
/// Who plays which role, as configured in the "Roles" section. Users are Entra object ids, UPNs or Teams user ids
/// (<see cref="RoleEntries"/>; compared case-insensitively).
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

/// <summary>How a configured entry names a user.</summary>
public enum RoleEntryKind
{
    /// <summary>None of the kinds below (blank, a display name, a typo): it would match nobody.</summary>
    Invalid,

    /// <summary>An Entra object id (a GUID): what every Teams activity carries as from.aadObjectId.</summary>
    EntraObjectId,

    /// <summary>A user principal name (usuario@dominio): not in activities, so it is looked up once per user.</summary>
    UserPrincipalName,

    /// <summary>A Teams user id ("29:..."), which is per bot registration.</summary>
    TeamsUserId,
}

/// <summary>The kinds of entry the "Roles" section accepts.</summary>
public static class RoleEntries
{
    /// <summary>What <paramref name="entry"/> (trimmed) names; <see cref="RoleEntryKind.Invalid"/> when nothing a user can be.</summary>
    public static RoleEntryKind KindOf(string? entry)
    {
        var value = entry.AsSpan().Trim();
        if (value.IsEmpty)
        {
            return RoleEntryKind.Invalid;
        }

        if (Guid.TryParseExact(value, "D", out _))
        {
            return RoleEntryKind.EntraObjectId;
        }

        if (value.StartsWith("29:", StringComparison.Ordinal))
        {
            return value.Length > 3 && !HasWhiteSpace(value) ? RoleEntryKind.TeamsUserId : RoleEntryKind.Invalid;
        }

        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && value[(at + 1)..].IndexOf('.') > 0 && value[^1] != '.' && !HasWhiteSpace(value)
            ? RoleEntryKind.UserPrincipalName
            : RoleEntryKind.Invalid;
    }

    /// <summary>Whether any entry of the section is a UPN, which only a lookup of the user can match.</summary>
    public static bool AnyUserPrincipalName(RoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (AnyUserPrincipalName(options.Coordinators) || AnyUserPrincipalName(options.InternalControl))
        {
            return true;
        }

        foreach (var (_, delegates) in options.Delegates)
        {
            if (AnyUserPrincipalName(delegates))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyUserPrincipalName(IList<string>? entries)
    {
        if (entries is null)
        {
            return false;
        }

        // Asked on every turn: indexed, so no enumerator is boxed; a UPN is the only kind with an '@'.
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i]?.Contains('@', StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWhiteSpace(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
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
    /// <summary>The roles of the user identified by any of the ids (Entra object id, Teams user id, UPN).</summary>
    UserRoles Resolve(params string?[] userIds);

    /// <summary>
    /// Whether some role is given by UPN, so a user's UPN must be known to resolve their roles: a Teams activity
    /// carries only the Teams user id and the Entra object id.
    /// </summary>
    bool NeedsUserPrincipalName { get; }
}

/// <summary>
/// Roles from configuration; with <c>everyoneIsEverything</c> (Development) every user is coordinator and
/// delegate of any area, so a newcomer can try every flow alone.
/// </summary>
public sealed class RoleResolver(RoleOptions options, bool everyoneIsEverything = false) : IRoleResolver
{
    /// <inheritdoc />
    public bool NeedsUserPrincipalName => !everyoneIsEverything && RoleEntries.AnyUserPrincipalName(options);

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
