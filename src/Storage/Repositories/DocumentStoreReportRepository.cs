using System.Collections.Concurrent;
using System.Globalization;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Storage.Repositories;

/// <summary>
/// Reports and activity progress over the document store, in their plan's partition (<c>plan|{entityId}|{year}</c>):
/// reports as "report|{id}" documents, progress as "progress|{activityId}|{period}", and one small "spaceReport|{spaceId}"
/// marker per scheduled space with a report, so that the wizard's picker reads what is bounded by the schedule rather
/// than every report of the year.
/// </summary>
internal sealed class DocumentStoreReportRepository(IDocumentStore store) : IReportRepository
{
    internal const string ReportType = "report";
    internal const string ProgressType = "progress";
    internal const string SpaceReportType = "spaceReport";

    private readonly DocumentCollection<ParticipationReport> _reports = new(store, ReportType);
    private readonly DocumentCollection<ActivityProgress> _progress = new(store, ProgressType);

    private readonly DocumentCollection<ReportedSpace> _markers = new(store, SpaceReportType);

    // Per partition: the markers as last read (refreshed after 5 s, for other instances' reports) plus this process's own
    // new reports, added as they are created, so a report never makes the next picker read everything again.
    private readonly FreshnessCache<string, IReadOnlyDictionary<string, ReportedSpace>> _reportedSpaces = new(TimeSpan.FromSeconds(5), capacity: 64);

    // Partitions whose reports were scanned once in this process: reports stored before markers existed are found so.
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, ReportedSpace>> _scanned = new(StringComparer.Ordinal);

    public async Task<Versioned<ParticipationReport>?> GetAsync(string entityId, int year, string reportId, CancellationToken cancellationToken = default)
    {
        var document = await _reports.GetAsync(PlanIds.Partition(entityId, year), ReportDocumentId(reportId), cancellationToken);
        return document is null ? null : new Versioned<ParticipationReport>(document.Value, document.ETag);
    }

    public async Task<IReadOnlyList<ParticipationReport>> ListAsync(string entityId, int year, CancellationToken cancellationToken = default)
    {
        var reports = new List<ParticipationReport>();
        await foreach (var document in _reports.QueryAsync(PlanIds.Partition(entityId, year), cancellationToken))
        {
            reports.Add(document.Value);
        }

        return reports;
    }

    public async Task<IReadOnlyDictionary<string, ReportedSpace>> ReportedSpacesAsync(string entityId, int year, CancellationToken cancellationToken = default)
    {
        var partition = PlanIds.Partition(entityId, year);
        if (_reportedSpaces.TryGet(partition, out var recent))
        {
            return recent;
        }

        var version = _reportedSpaces.Version;
        if (!_scanned.TryGetValue(partition, out var scanned))
        {
            var found = new Dictionary<string, ReportedSpace>(StringComparer.Ordinal);
            foreach (var report in await ListAsync(entityId, year, cancellationToken))
            {
                if (report.SpaceId is { Length: > 0 } spaceId)
                {
                    found.TryAdd(spaceId, new ReportedSpace(spaceId, report.Id, report.Year));
                }
            }

            scanned = _scanned.GetOrAdd(partition, found);
        }

        var reported = new Dictionary<string, ReportedSpace>(scanned, StringComparer.Ordinal);
        await foreach (var marker in _markers.QueryAsync(partition, cancellationToken))
        {
            reported[marker.Value.SpaceId] = marker.Value;
        }

        _reportedSpaces.Set(partition, reported, version);
        return reported;
    }

    public async Task<(Versioned<ParticipationReport> Report, bool Created)> CreateAsync(string entityId, ParticipationReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var partition = PlanIds.Partition(entityId, report.Year);
        try
        {
            var created = await _reports.CreateAsync(partition, ReportDocumentId(report.Id), report, cancellationToken: cancellationToken);
            await MarkSpaceAsync(partition, created.Value, cancellationToken);
            return (new Versioned<ParticipationReport>(created.Value, created.ETag), true);
        }
        catch (DocumentConflictException)
        {
            var existing = await _reports.GetAsync(partition, ReportDocumentId(report.Id), cancellationToken)
                ?? throw new ConcurrentUpdateException(report.Name);
            // A second submit of the same report: the marker may be what the first one did not get to write.
            await MarkSpaceAsync(partition, existing.Value, cancellationToken);
            return (new Versioned<ParticipationReport>(existing.Value, existing.ETag), false);
        }
    }

    public async Task<Versioned<ParticipationReport>> ReplaceAsync(string entityId, ParticipationReport report, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var partition = PlanIds.Partition(entityId, report.Year);
        try
        {
            var replaced = await _reports.ReplaceAsync(partition, ReportDocumentId(report.Id), report, etag, cancellationToken: cancellationToken);
            // A new version may name another space: that one is reported now too (the old one's marker stays).
            await MarkSpaceAsync(partition, replaced.Value, cancellationToken);
            return new Versioned<ParticipationReport>(replaced.Value, replaced.ETag);
        }
        catch (Exception exception) when (exception is DocumentPreconditionFailedException or DocumentNotFoundException)
        {
            throw new ConcurrentUpdateException(report.Name);
        }
    }

    public async Task<IReadOnlyList<ActivityProgress>> ListProgressAsync(string entityId, int year, CancellationToken cancellationToken = default)
    {
        var progress = new List<ActivityProgress>();
        await foreach (var document in _progress.QueryAsync(PlanIds.Partition(entityId, year), cancellationToken))
        {
            progress.Add(document.Value);
        }

        return progress;
    }

    public async Task SaveProgressAsync(string entityId, ActivityProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var id = string.Create(CultureInfo.InvariantCulture, $"progress|{progress.ActivityId}|{progress.Cuatrimestre}");
        await _progress.UpsertAsync(PlanIds.Partition(entityId, progress.Year), id, progress, cancellationToken: cancellationToken);
    }

    private static string ReportDocumentId(string reportId) => "report|" + reportId;

    /// <summary>
    /// After the report itself: a crash in between leaves a report without its marker, which the next process's first
    /// scan of the partition still finds.
    /// </summary>
    private async Task MarkSpaceAsync(string partition, ParticipationReport report, CancellationToken cancellationToken)
    {
        if (report.SpaceId is not { Length: > 0 } spaceId)
        {
            return;
        }

        var marker = new ReportedSpace(spaceId, report.Id, report.Year);
        await _markers.UpsertAsync(partition, SpaceReportType + "|" + spaceId, marker, cancellationToken: cancellationToken);
        _reportedSpaces.Update(partition, current => current.ContainsKey(spaceId) ? current : new Dictionary<string, ReportedSpace>(current, StringComparer.Ordinal) { [spaceId] = marker });
    }
}
