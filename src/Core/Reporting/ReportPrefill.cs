namespace ParticipaBot.Core.Reporting;

/// <summary>
/// What a scheduled space provides to pre-fill its report; the planning side maps its space onto this. Vocabulary
/// values may be codes or labels as published ("Mesa de trabajo", "involucramiento/colaboración"): the draft turns
/// them into the catalog's codes. Value groups may mix both axes (the draft sorts them by vocabulary).
/// </summary>
public sealed record ReportPrefill
{
    public string? SpaceId { get; init; }

    public string? ActivityId { get; init; }

    public string? Name { get; init; }

    public DateOnly? PlannedDate { get; init; }

    public DateOnly? PlannedEndDate { get; init; }

    public string? LeaderArea { get; init; }

    public IReadOnlyList<string> SupportAreas { get; init; } = [];

    public string? Modality { get; init; }

    public string? Channel { get; init; }

    public string? Place { get; init; }

    public string? Municipality { get; init; }

    public string? Link { get; init; }

    public string? Format { get; init; }

    public string? Kind { get; init; }

    public string? Phase { get; init; }

    public string? Level { get; init; }

    public IReadOnlyList<string> TargetValueGroups { get; init; } = [];

    public IReadOnlyList<string> Goals { get; init; } = [];
}
