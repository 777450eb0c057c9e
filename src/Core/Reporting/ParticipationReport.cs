namespace ParticipaBot.Core.Reporting;

/// <summary>
/// The internal report of one participation space, as built from a valid draft (docs/report-form.md). Codes of
/// configurable vocabularies are kept as strings (the entity's catalog decides them); fixed-meaning ones are enums.
/// </summary>
public sealed record ParticipationReport
{
    public required string Id { get; init; }

    /// <summary>The plan year (vigencia).</summary>
    public required int Year { get; init; }

    /// <summary>1. The scheduled space, or null when not scheduled (then <see cref="UnscheduledReason"/> says why).</summary>
    public string? SpaceId { get; init; }

    public string? UnscheduledReason { get; init; }

    /// <summary>2. The plan activity.</summary>
    public string? ActivityId { get; init; }

    /// <summary>3.</summary>
    public required string Name { get; init; }

    /// <summary>4. First day held (never in the future).</summary>
    public required DateOnly HeldFrom { get; init; }

    /// <summary>4. Last day held, for spaces of several days.</summary>
    public DateOnly? HeldTo { get; init; }

    /// <summary>5.</summary>
    public required string LeaderArea { get; init; }

    public IReadOnlyList<string> SupportAreas { get; init; } = [];

    /// <summary>6. Modality code and channel or tool.</summary>
    public required string Modality { get; init; }

    public string? Channel { get; init; }

    /// <summary>7.</summary>
    public SpacePlace Place { get; init; } = new(null, null, null);

    /// <summary>8-11. Codes of the format, kind (Menú Participa), phase and level vocabularies.</summary>
    public required string Format { get; init; }

    public required string Kind { get; init; }

    public required string Phase { get; init; }

    public required string Level { get; init; }

    /// <summary>12. Minimum content.</summary>
    public required string ActivitiesCarriedOut { get; init; }

    /// <summary>13. Minimum content: value groups on both axes (at least one in all).</summary>
    public IReadOnlyList<string> ActorTypes { get; init; } = [];

    public IReadOnlyList<string> PopulationFocus { get; init; } = [];

    /// <summary>14.</summary>
    public required ParticipantCount Participants { get; init; }

    /// <summary>15. Minimum content: at least one.</summary>
    public IReadOnlyList<string> Goals { get; init; } = [];

    /// <summary>16-17. Minimum content: the contributions, each with its answer when given.</summary>
    public IReadOnlyList<ReportItem> Items { get; init; } = [];

    /// <summary>16. True when the delegate declared that no contribution was received.</summary>
    public bool NoItemsReceived { get; init; }

    /// <summary>18. Minimum content.</summary>
    public required ParticipationResult Result { get; init; }

    /// <summary>19.</summary>
    public IReadOnlyList<Commitment> Commitments { get; init; } = [];

    /// <summary>20.</summary>
    public ParticipantEvaluation? ParticipantEvaluation { get; init; }

    /// <summary>21.</summary>
    public InternalEvaluation? InternalEvaluation { get; init; }

    /// <summary>22.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>23.</summary>
    public Publication? Publication { get; init; }

    /// <summary>24.</summary>
    public DifferentialFocus DifferentialFocus { get; init; } = new(false, null);

    /// <summary>25.</summary>
    public ReportStatus Status { get; init; } = ReportStatus.Borrador;

    /// <summary>The coordinator's comment of the last return.</summary>
    public string? ReturnComment { get; init; }

    /// <summary>When it was last submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>When it was first submitted (report timeliness, I12, measures this one).</summary>
    public DateTimeOffset? FirstSubmittedAt { get; init; }

    public IReadOnlyList<ReportVersion> Versions { get; init; } = [];

    /// <summary>Who submitted it (Entra object id, else Teams user id): the delegate told about approval or return.</summary>
    public string? SubmittedBy { get; init; }

    /// <summary>True when a coordinator lifted the period lock (<see cref="ReportLock"/>) so the delegate can still edit.</summary>
    public bool Unlocked { get; init; }

    /// <summary>The last day the space was held.</summary>
    public DateOnly LastDayHeld => HeldTo ?? HeldFrom;
}

/// <summary>7. Place, municipality and link (at least one of place or link).</summary>
public sealed record SpacePlace(string? Venue, string? Municipality, Uri? Link);

/// <summary>14. Total attendees and the optional breakdowns.</summary>
public sealed record ParticipantCount(int Total, int? Women = null, int? Men = null, int? OtherSex = null)
{
    /// <summary>Attendees per value-group code (either axis).</summary>
    public IReadOnlyDictionary<string, int> ByGroup { get; init; } = new Dictionary<string, int>();
}

/// <summary>16. A contribution of the value groups.</summary>
public sealed record ReportItem(ItemKind Kind, string Text, string? ValueGroup, ItemAnswer? Answer = null);

/// <summary>17. The entity's answer to a contribution.</summary>
public sealed record ItemAnswer(AnswerDecision Decision, string? Justification, string? AnsweredBy, DateOnly? AnsweredOn);

/// <summary>18. Result text and category code.</summary>
public sealed record ParticipationResult(string Text, string Category);

/// <summary>19.</summary>
public sealed record Commitment(string What, string Who, DateOnly Due, CommitmentStatus Status);

/// <summary>20.</summary>
public sealed record ParticipantEvaluation(int? SurveysAnswered, decimal? SatisfactionPercent, string? Notes);

/// <summary>21.</summary>
public sealed record InternalEvaluation(string? Achievements, string? Difficulties, string? Lessons);

/// <summary>22. A piece of evidence: a link, or a file the bot keeps (name, content type, size).</summary>
public sealed record Evidence(string Kind, Uri? Link, EvidenceFile? File);

/// <summary>A reference to an attached file.</summary>
public sealed record EvidenceFile(string Name, string? ContentType, long? Size);

/// <summary>23.</summary>
public sealed record Publication(DateOnly? Date, Uri? Link);

/// <summary>24.</summary>
public sealed record DifferentialFocus(bool Applied, string? Description);

/// <summary>One saved version of a report: who changed which fields, and when.</summary>
public sealed record ReportVersion(int Number, string Who, DateTimeOffset When, IReadOnlyList<string> ChangedFieldIds, ReportStatus Status);
