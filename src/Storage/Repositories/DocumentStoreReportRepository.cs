using System.Globalization;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Storage.Repositories;

/// <summary>
/// Reports and activity progress over the document store, in their plan's partition (<c>plan|{entityId}|{year}</c>):
/// reports as "report|{id}" documents, progress as "progress|{activityId}|{period}".
/// </summary>
internal sealed class DocumentStoreReportRepository(IDocumentStore store) : IReportRepository
{
    internal const string ReportType = "report";
    internal const string ProgressType = "progress";

    private readonly DocumentCollection<ParticipationReport> _reports = new(store, ReportType);
    private readonly DocumentCollection<ActivityProgress> _progress = new(store, ProgressType);

    private readonly FreshnessCache<string, IReadOnlyDictionary<string, ReportedSpace>> _reportedSpaces = new(TimeSpan.FromSeconds(5), capacity: 64);

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
        var reported = new Dictionary<string, ReportedSpace>(StringComparer.Ordinal);
        foreach (var report in await ListAsync(entityId, year, cancellationToken))
        {
            if (report.SpaceId is { Length: > 0 } spaceId)
            {
                reported.TryAdd(spaceId, new ReportedSpace(spaceId, report.Id, report.Year));
            }
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
            return (new Versioned<ParticipationReport>(created.Value, created.ETag), true);
        }
        catch (DocumentConflictException)
        {
            var existing = await _reports.GetAsync(partition, ReportDocumentId(report.Id), cancellationToken)
                ?? throw new ConcurrentUpdateException(report.Name);
            return (new Versioned<ParticipationReport>(existing.Value, existing.ETag), false);
        }
        finally
        {
            // After the write, so that a listing taken while it was in flight is not kept.
            _reportedSpaces.Invalidate(partition);
        }
    }

    public async Task<Versioned<ParticipationReport>> ReplaceAsync(string entityId, ParticipationReport report, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var partition = PlanIds.Partition(entityId, report.Year);
        try
        {
            var replaced = await _reports.ReplaceAsync(partition, ReportDocumentId(report.Id), report, etag, cancellationToken: cancellationToken);
            return new Versioned<ParticipationReport>(replaced.Value, replaced.ETag);
        }
        catch (Exception exception) when (exception is DocumentPreconditionFailedException or DocumentNotFoundException)
        {
            throw new ConcurrentUpdateException(report.Name);
        }
        finally
        {
            // A new version may name another space.
            _reportedSpaces.Invalidate(partition);
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
}
