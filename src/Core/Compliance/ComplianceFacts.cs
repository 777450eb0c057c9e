namespace ParticipaBot.Core.Compliance;

/// <summary>
/// What the compliance calculator reads: flat facts taken from the plan, the schedule and the reports.
/// Keeping the arithmetic on facts (not on the editing models) lets the rules of what counts live in one
/// mapper and keeps the calculator fast over 100,000 reports.
/// </summary>
/// <param name="PlanYear">The vigencia.</param>
/// <param name="Spaces">Every scheduled space, cancelled ones included.</param>
/// <param name="Reports">Every internal report that counts (sent or approved, per <see cref="ComplianceRules"/>); drafts and returned reports are left out by the mapper.</param>
/// <param name="Activities">Plan activities with their expected milestones per period.</param>
/// <param name="PrioritizedValueGroups">Value groups the strategy prioritises (I5's denominator).</param>
/// <param name="PlanGoals">Institutional goals of the plan (I7's denominator).</param>
public sealed record ComplianceFacts(
    int PlanYear,
    IReadOnlyList<SpaceFact> Spaces,
    IReadOnlyList<ReportFact> Reports,
    IReadOnlyList<ActivityFact> Activities,
    IReadOnlyList<string> PrioritizedValueGroups,
    IReadOnlyList<string> PlanGoals);

/// <summary>A scheduled participation space.</summary>
/// <param name="BaselineStart">The originally planned date; kept when the space is rescheduled (I2 measures against it).</param>
/// <param name="BaselineEnd">The end of the original window (same as start for a one-day space).</param>
/// <param name="PlannedStart">The current planned date (after rescheduling); I1 uses it.</param>
public sealed record SpaceFact(
    string Id,
    string Name,
    string Area,
    DateOnly BaselineStart,
    DateOnly BaselineEnd,
    DateOnly PlannedStart,
    bool IsCancelled,
    string? Phase,
    string? Kind,
    string? Modality,
    string? Level);

/// <summary>An internal report that counts towards compliance.</summary>
/// <param name="SpaceId">The scheduled space reported, or null for a space that was not scheduled.</param>
/// <param name="SubmittedOn">The day it was first sent (Bogotá date); I12 measures from the day the space was held.</param>
/// <param name="SatisfactionPercent">Participants' satisfaction (0-100) when a survey was made.</param>
public sealed record ReportFact(
    string Id,
    string? SpaceId,
    string Area,
    DateOnly HeldOn,
    DateOnly? SubmittedOn,
    string? Phase,
    string? Kind,
    string? Modality,
    string? Level,
    IReadOnlyList<string> ValueGroups,
    IReadOnlyList<string> Goals,
    IReadOnlyList<ItemFact> Items,
    IReadOnlyList<CommitmentFact> Commitments,
    bool HasEvidence,
    bool HasPublication,
    int Participants,
    decimal? SatisfactionPercent);

/// <summary>How an observation, proposal or recommendation was taken up.</summary>
public enum Uptake
{
    /// <summary>Not answered yet, or answered "en estudio".</summary>
    Pending,

    /// <summary>No acogida, or no aplica.</summary>
    NotTaken,

    /// <summary>Acogida parcialmente.</summary>
    Partial,

    /// <summary>Acogida.</summary>
    Full,
}

/// <summary>One observation, proposal, recommendation, question or complaint received in a space.</summary>
/// <param name="AnsweredOn">When a final answer was given (null while unanswered or "en estudio").</param>
public sealed record ItemFact(string Id, DateOnly? AnsweredOn, Uptake Uptake)
{
    public bool IsAnswered => AnsweredOn is not null;
}

/// <summary>A commitment made in a space.</summary>
public sealed record CommitmentFact(string Id, DateOnly? Due, bool IsMet);

/// <summary>A plan activity and its milestones (one per marked cuatrimestre or per planned period).</summary>
public sealed record ActivityFact(string Id, string Description, string Area, IReadOnlyList<MilestoneFact> Milestones);

/// <summary>An expected milestone of an activity in one period, with the progress reported for it (0..1).</summary>
public sealed record MilestoneFact(int Period, decimal Progress)
{
    public bool IsMet => Progress >= 1m;
}
