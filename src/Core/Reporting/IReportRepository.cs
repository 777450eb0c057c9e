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
    /// Stores a new report. When a report with the same id already exists, nothing is written and the stored one
    /// is returned with <c>Created = false</c>: a double click or a redelivered submit creates one report.
    /// </summary>
    Task<(Versioned<ParticipationReport> Report, bool Created)> CreateAsync(string entityId, ParticipationReport report, CancellationToken cancellationToken = default);

    /// <summary>Replaces a report only if it has not changed since it was read; else <see cref="ConcurrentUpdateException"/>.</summary>
    Task<Versioned<ParticipationReport>> ReplaceAsync(string entityId, ParticipationReport report, string etag, CancellationToken cancellationToken = default);

    /// <summary>Every progress record of the plan's activities.</summary>
    Task<IReadOnlyList<ActivityProgress>> ListProgressAsync(string entityId, int year, CancellationToken cancellationToken = default);

    /// <summary>Stores the progress of one activity in one period (the latest record per activity and period wins).</summary>
    Task SaveProgressAsync(string entityId, ActivityProgress progress, CancellationToken cancellationToken = default);
}

/// <summary>A space's report, as the wizard's picker sees it.</summary>
public sealed record ReportedSpace(string SpaceId, string ReportId, int Year);

/// <summary>Someone else changed the document since it was read: read it again and retry, or tell the user.</summary>
public sealed class ConcurrentUpdateException(string what)
    : Exception($"«{what}» cambió mientras se editaba; vuelva a intentarlo. / «{what}» changed while it was being edited; try again.");
