using ParticipaBot.Core.Access;
using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Compliance;

/// <summary>
/// Which areas' figures a summary may show, given who asks and who else reads the answer (docs/indicators.md,
/// "Who sees what"). Entity-level aggregates are shown to everyone; an area's figures and drill-downs only to whom
/// the rule allows. Internal control reads everything and changes nothing (the summary never writes).
/// </summary>
/// <param name="AllAreas">Every area may be shown.</param>
/// <param name="Areas">The areas that may be shown when <see cref="AllAreas"/> is false.</param>
public sealed record ComplianceAccess(bool AllAreas, IReadOnlyList<string> Areas)
{
    /// <summary>Only entity-level aggregates.</summary>
    public static ComplianceAccess EntityOnly { get; } = new(false, []);

    /// <summary>Everything (the command line, run by an operator on the server).</summary>
    public static ComplianceAccess Everything { get; } = new(true, []);

    public bool CanSeeArea(string? area) =>
        area is null || AllAreas || Areas.Any(a => TextFolding.EqualsFolded(a, area));

    /// <summary>
    /// In a personal chat: coordinators and internal control see every area, a delegate their own areas, anyone else
    /// entity figures only. In a group chat or channel everyone in it reads the answer, so only entity figures are
    /// shown, plus the one area the conversation is bound to (configuration) when the asker may see it.
    /// </summary>
    public static ComplianceAccess For(UserRoles roles, bool isPersonal, string? boundArea)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var seesAll = roles.IsCoordinator || roles.IsInternalControl || roles.DelegateOfAnyArea;
        if (isPersonal)
        {
            return seesAll ? Everything : new ComplianceAccess(false, roles.DelegateAreas);
        }

        return boundArea is not null && (seesAll || roles.IsDelegateOf(boundArea))
            ? new ComplianceAccess(false, [boundArea])
            : EntityOnly;
    }
}
