namespace ParticipaBot.Core.Reporting;

/// <summary>A stored value with the concurrency token its next write must present.</summary>
public sealed record Versioned<T>(T Value, string ETag);

/// <summary>
/// Persistence port for internal reports and activity progress. They live in their plan's partition, so that a
/// compliance summary reads the plan, its spaces, its reports and its progress in one partition-scoped query.
/// </summary>
public interface IReportRepository
{
    /// <summary>One report, or null.</summary>
    Task<Versioned<ParticipationReport>?> GetAsync(string entityId, int year, string reportId, CancellationToken cancellationToken = default);

    /// <summary>Every report of the plan (any status), ordered by id.</summary>
    Task<IReadOnlyList<ParticipationReport>> ListAsync(string entityId, int year, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which scheduled spaces of the plan have a report, by space id: what the wizard's picker needs, light enough to
    /// ask on every "reportar". May lag another instance's new report by a few seconds; never this instance's.
    /// </summary>
    Task<IReadOnlyDictionary<string, ReportedSpace>> ReportedSpacesAsync(string entityId, int year, CancellationToken cancellationToken = default);

    /// <summary>
    /// The reports that hold the plan's scheduled spaces (one per space), read from the store now: what the notification
    /// engine needs on every tick, bounded by the schedule instead of by every report of the year.
    /// </summary>
    Task<IReadOnlyList<ParticipationReport>> ListSpaceReportsAsync(string entityId, int year, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new report. When a report with the same id already exists, nothing is written and the stored one
    /// is returned with <c>Created = false</c>: a double click or a redelivered submit creates one report.
    /// A report of a scheduled space first claims the space, atomically in the store: when another report already
    /// covers it, nothing is written and <see cref="SpaceAlreadyReportedException"/> names that report (one report per
    /// space, however many drafts were started for it). Unscheduled reports (no space) claim nothing.
    /// </summary>
    Task<(Versioned<ParticipationReport> Report, bool Created)> CreateAsync(string entityId, ParticipationReport report, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the human number of a new report id (<see cref="ReportNumbers.For"/>) for that id, once and for good:
    /// false when another report of the year already holds the number, and the caller draws another id.
    /// </summary>
    Task<bool> ReserveNumberAsync(string entityId, int year, string reportId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a report only if it has not changed since it was read; else <see cref="ConcurrentUpdateException"/>.
    /// A new version that names another space moves the claim: the new space is claimed first (refused with
    /// <see cref="SpaceAlreadyReportedException"/>, nothing changed, when another report covers it) and the old space
    /// is released, so it can be reported again.
    /// </summary>
    Task<Versioned<ParticipationReport>> ReplaceAsync(string entityId, ParticipationReport report, string etag, CancellationToken cancellationToken = default);

    /// <summary>Every progress record of the plan's activities.</summary>
    Task<IReadOnlyList<ActivityProgress>> ListProgressAsync(string entityId, int year, CancellationToken cancellationToken = default);

    /// <summary>Stores the progress of one activity in one period (the latest record per activity and period wins).</summary>
    Task SaveProgressAsync(string entityId, ActivityProgress progress, CancellationToken cancellationToken = default);
}

/// <summary>A space's report, as the wizard's picker sees it.</summary>
public sealed record ReportedSpace(string SpaceId, string ReportId, int Year);

/// <summary>
/// A scheduled space can have one report, and <see cref="Holder"/> already covers <see cref="SpaceId"/>: choose another
/// space, report it as unscheduled, or leave it.
/// </summary>
public sealed class SpaceAlreadyReportedException(ReportedSpace holder)
    : Exception($"El espacio «{holder.SpaceId}» ya tiene el reporte {ReportNumbers.For(holder.ReportId, holder.Year)}. / The space «{holder.SpaceId}» already has report {ReportNumbers.For(holder.ReportId, holder.Year)}.")
{
    /// <summary>The report that holds the space.</summary>
    public ReportedSpace Holder { get; } = holder;

    public string SpaceId => Holder.SpaceId;
}

/// <summary>Someone else changed the document since it was read: read it again and retry, or tell the user.</summary>
public sealed class ConcurrentUpdateException(string what)
    : Exception($"«{what}» cambió mientras se editaba; vuelva a intentarlo. / «{what}» changed while it was being edited; try again.");
