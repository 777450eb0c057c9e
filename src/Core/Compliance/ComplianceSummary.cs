namespace ParticipaBot.Core.Compliance;

/// <summary>What a summary covers: the whole year or one period, the whole entity or one area.</summary>
/// <param name="Period">Evaluation period number, or null for the whole year up to the as-of date.</param>
/// <param name="Area">Leader area, or null for the whole entity.</param>
public sealed record ComplianceScope(int? Period = null, string? Area = null)
{
    public static ComplianceScope Entity { get; } = new();
}

/// <summary>Codes of the indicators (DOMAIN.md I1-I14).</summary>
public static class IndicatorCodes
{
    public const string ScheduleCompliance = "I1";
    public const string OnTime = "I2";
    public const string ActivitiesCompleted = "I3";
    public const string SpacesHeld = "I4";
    public const string ValueGroupCoverage = "I5";
    public const string CycleCoverage = "I6";
    public const string GoalsWithParticipation = "I7";
    public const string AnswerRate = "I8";
    public const string Uptake = "I9";
    public const string MedianDaysToAnswer = "I10";
    public const string CommitmentsMet = "I11";
    public const string ReportTimeliness = "I12";
    public const string EvidenceCompleteness = "I13";
    public const string AttendanceAndSatisfaction = "I14";

    public static IReadOnlyList<string> All { get; } =
    [
        ScheduleCompliance, OnTime, ActivitiesCompleted, SpacesHeld, ValueGroupCoverage, CycleCoverage, GoalsWithParticipation,
        AnswerRate, Uptake, MedianDaysToAnswer, CommitmentsMet, ReportTimeliness, EvidenceCompleteness, AttendanceAndSatisfaction,
    ];
}

/// <summary>
/// One indicator's figure. Ratio indicators carry numerator, denominator, value (0..1) and a light;
/// count and median indicators carry only <see cref="Value"/>. <see cref="Value"/> is null when nothing can be measured yet.
/// </summary>
public sealed record IndicatorValue(string Code, decimal? Numerator, decimal? Denominator, decimal? Value, TrafficLight Light)
{
    public bool IsRatio => Denominator is not null;
}

/// <summary>The ids an indicator counted: internal control checks the figure against these.</summary>
/// <param name="Numerator">Ids counted in the numerator (spaces, reports, items, goals, groups or phases, by indicator).</param>
/// <param name="Denominator">Ids counted in the denominator.</param>
public sealed record IndicatorTrace(string Code, IReadOnlyList<string> Numerator, IReadOnlyList<string> Denominator);

/// <summary>The indicators of one scope at one as-of date.</summary>
/// <param name="CutOff">The last day counted: the as-of date, or the period's end when it is earlier.</param>
/// <param name="IsPeriodOpen">True when the period has not ended at the as-of date, so its figures are provisional.</param>
/// <param name="HeldBy">I4's breakdowns: held spaces by phase, kind, modality, level and area.</param>
/// <param name="TotalParticipants">I14: participants counted in the reports.</param>
/// <param name="AverageSatisfactionPercent">I14: mean satisfaction of the reports that measured it.</param>
/// <param name="OverdueSpaceIds">Spaces planned up to the cut-off, not cancelled, with no counted report.</param>
public sealed record ComplianceSummary(
    ComplianceScope Scope,
    DateOnly AsOf,
    DateOnly CutOff,
    bool IsPeriodOpen,
    IReadOnlyDictionary<string, IndicatorValue> Indicators,
    HeldBreakdown HeldBy,
    int TotalParticipants,
    decimal? AverageSatisfactionPercent,
    IReadOnlyList<string> OverdueSpaceIds)
{
    public IndicatorValue this[string code] => Indicators[code];
}

/// <summary>Counts of spaces held, by dimension (I4). Missing values are counted under "".</summary>
public sealed record HeldBreakdown(
    IReadOnlyDictionary<string, int> ByPhase,
    IReadOnlyDictionary<string, int> ByKind,
    IReadOnlyDictionary<string, int> ByModality,
    IReadOnlyDictionary<string, int> ByLevel,
    IReadOnlyDictionary<string, int> ByArea);

/// <summary>The whole picture at one date: the entity for the year, each period, each area.</summary>
public sealed record ComplianceOverview(
    ComplianceSummary Entity,
    IReadOnlyList<ComplianceSummary> ByPeriod,
    IReadOnlyList<ComplianceSummary> ByArea);
