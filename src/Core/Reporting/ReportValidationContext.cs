using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting;

/// <summary>What the validator needs to know beyond the values: today in Bogotá, the plan year, who reports, what exists.</summary>
/// <param name="Today">Today's date in Bogotá (<see cref="BogotaTime.Today(TimeProvider)"/>).</param>
/// <param name="PlanYear">The plan year (vigencia) the report belongs to.</param>
/// <param name="AllowedAreas">Areas the reporting user may report for (compared case-insensitively).</param>
/// <param name="KnownSpaceIds">Ids of the scheduled spaces of the plan.</param>
/// <param name="Catalogs">The entity's vocabularies.</param>
public sealed record ReportValidationContext(
    DateOnly Today,
    int PlanYear,
    IReadOnlySet<string> AllowedAreas,
    IReadOnlySet<string> KnownSpaceIds,
    Catalogs Catalogs)
{
    /// <summary>Every area of the entity, for support areas; null accepts any well-formed area.</summary>
    public IReadOnlySet<string>? KnownAreas { get; init; }

    /// <summary>Plan activity ids; null accepts any well-formed id.</summary>
    public IReadOnlySet<string>? KnownActivityIds { get; init; }

    /// <summary>The entity's reporting periods (cuatrimestres by default).</summary>
    public CuatrimestreCalendar Periods { get; init; } = CuatrimestreCalendar.Default;
}
