using System.Collections.Concurrent;
using System.Globalization;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Storage.Repositories;

/// <summary>
/// Reports and activity progress over the document store, in their plan's partition (<c>plan|{entityId}|{year}</c>):
/// reports as "report|{id}" documents, progress as "progress|{activityId}|{period}", and one small "spaceReport|{spaceId}"
/// document per scheduled space with a report. That document is the space's claim: created only if absent, before the
/// report itself, so that of two submits for one space exactly one gets it (docs/data-model.md, "Which spaces have a
/// report"); and it is what the wizard's picker reads, bounded by the schedule rather than every report of the year.
/// </summary>
internal sealed class DocumentStoreReportRepository(IDocumentStore store, TimeProvider? time = null) : IReportRepository
{
    internal const string ReportType = "report";
    internal const string ProgressType = "progress";
    internal const string SpaceReportType = "spaceReport";
    internal const string NumberType = "reportNumber";
    internal const string MarkersCompleteType = "spaceReportsComplete";

    /// <summary>
    /// A claim this old whose report does not exist, or names another space, was left by a process that stopped between
    /// its writes (claim, then report): it no longer holds the space. Younger ones may be a submit or an edit in flight.
    /// </summary>
    internal static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(5);

    private const int ClaimAttempts = 5;

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly DocumentCollection<ParticipationReport> _reports = new(store, ReportType);
    private readonly DocumentCollection<ActivityProgress> _progress = new(store, ProgressType);

    private readonly DocumentCollection<ReportedSpace> _markers = new(store, SpaceReportType);
    private readonly DocumentCollection<NumberClaim> _numbers = new(store, NumberType);
    private readonly DocumentCollection<MarkersComplete> _complete = new(store, MarkersCompleteType);

    // Per partition: the markers as last read (refreshed after 5 s, for other instances' reports) plus this process's own
    // claims and releases, applied as they happen, so a report never makes the next picker read everything again.
    private readonly FreshnessCache<string, IReadOnlyDictionary<string, ReportedSpace>> _reportedSpaces = new(TimeSpan.FromSeconds(5), capacity: 64);

    // Partitions whose markers were checked against their reports once in this process (reports stored before markers
    // existed get theirs; abandoned claims are removed).
    private readonly ConcurrentDictionary<string, bool> _reconciled = new(StringComparer.Ordinal);

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

        return await ReadReportedSpacesAsync(partition, entityId, year, cancellationToken);
    }

    // Apart from ReportedSpacesAsync so that a kept value is returned without allocating the shared read's closure.
    private Task<IReadOnlyDictionary<string, ReportedSpace>> ReadReportedSpacesAsync(string partition, string entityId, int year, CancellationToken cancellationToken) =>
        _reportedSpaces.GetOrLoadAsync(
            partition,
            async key =>
            {
                var markers = await ReadMarkersAsync(key, entityId, year, CancellationToken.None);
                var reported = new Dictionary<string, ReportedSpace>(StringComparer.Ordinal);
                foreach (var marker in markers)
                {
                    reported[marker.Value.SpaceId] = marker.Value;
                }

                return (IReadOnlyDictionary<string, ReportedSpace>)reported;
            },
            cancellationToken);

    public async Task<IReadOnlyList<ParticipationReport>> ListSpaceReportsAsync(string entityId, int year, CancellationToken cancellationToken = default)
    {
        var partition = PlanIds.Partition(entityId, year);
        var markers = await ReadMarkersAsync(partition, entityId, year, cancellationToken);
        var reports = new System.Collections.Concurrent.ConcurrentBag<ParticipationReport>();
        // Point reads, a few at a time: one per reported space, whatever the number of unscheduled reports.
        await Parallel.ForEachAsync(
            markers,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (marker, token) =>
            {
                // A claim whose report is not written yet (or was moved away) holds no report of that space.
                if (await _reports.GetAsync(partition, ReportDocumentId(marker.Value.ReportId), token) is { } stored
                    && string.Equals(stored.Value.SpaceId, marker.Value.SpaceId, StringComparison.Ordinal))
                {
                    reports.Add(stored.Value);
                }
            });
        return [.. reports.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    public async Task<(Versioned<ParticipationReport> Report, bool Created)> CreateAsync(string entityId, ParticipationReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var partition = PlanIds.Partition(entityId, report.Year);
        Document<ReportedSpace>? claimed = null;
        if (report.SpaceId is { Length: > 0 } spaceId)
        {
            if (store is IAtomicDocumentStore atomic && await TryCreateWithClaimAsync(atomic, partition, entityId, report, spaceId, cancellationToken) is { } created)
            {
                return (created, true);
            }

            try
            {
                claimed = await ClaimAsync(partition, entityId, report.Year, spaceId, report.Id, cancellationToken);
            }
            catch (SpaceAlreadyReportedException)
            {
                // A late resubmit of a report whose space was moved and then claimed by another: still the same report.
                if (await _reports.GetAsync(partition, ReportDocumentId(report.Id), cancellationToken) is { } stored)
                {
                    return (new Versioned<ParticipationReport>(stored.Value, stored.ETag), false);
                }

                throw;
            }
        }

        try
        {
            var created = await _reports.CreateAsync(partition, ReportDocumentId(report.Id), report, cancellationToken: cancellationToken);
            return (new Versioned<ParticipationReport>(created.Value, created.ETag), true);
        }
        catch (DocumentConflictException)
        {
            // A second submit of the same report (double click, redelivery, another instance): the first one's report.
            var existing = await _reports.GetAsync(partition, ReportDocumentId(report.Id), cancellationToken)
                ?? throw new ConcurrentUpdateException(report.Name);
            if (claimed is not null && !string.Equals(existing.Value.SpaceId, claimed.Value.SpaceId, StringComparison.Ordinal))
            {
                // The stored report was moved to another space since: this resubmit's claim of the old one is let go.
                await ReleaseAsync(partition, claimed, cancellationToken);
            }

            return (new Versioned<ParticipationReport>(existing.Value, existing.ETag), false);
        }
    }

    public async Task<bool> ReserveNumberAsync(string entityId, int year, string reportId, CancellationToken cancellationToken = default)
    {
        var partition = PlanIds.Partition(entityId, year);
        var id = NumberType + "|" + ReportNumbers.For(reportId, year);
        try
        {
            await _numbers.CreateAsync(partition, id, new NumberClaim(reportId), cancellationToken: cancellationToken);
            return true;
        }
        catch (DocumentConflictException)
        {
            // The same id asking again (a retried start) keeps its number; any other id must draw again.
            return (await _numbers.GetAsync(partition, id, cancellationToken))?.Value.ReportId == reportId;
        }
    }

    public async Task<Versioned<ParticipationReport>> ReplaceAsync(string entityId, ParticipationReport report, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var partition = PlanIds.Partition(entityId, report.Year);
        // The version being replaced says which space the report held; a stale ETag fails here before any claim.
        var current = await _reports.GetAsync(partition, ReportDocumentId(report.Id), cancellationToken);
        if (current is null || !string.Equals(current.ETag, etag, StringComparison.Ordinal))
        {
            throw new ConcurrentUpdateException(report.Name);
        }

        var oldSpace = current.Value.SpaceId is { Length: > 0 } held ? held : null;
        var newSpace = report.SpaceId is { Length: > 0 } named ? named : null;
        var moved = !string.Equals(oldSpace, newSpace, StringComparison.Ordinal);
        // The new space first: when another report covers it, the edit is refused with nothing changed.
        var claimed = moved && newSpace is not null
            ? await ClaimAsync(partition, entityId, report.Year, newSpace, report.Id, cancellationToken)
            : null;
        Document<ParticipationReport> replaced;
        try
        {
            replaced = await _reports.ReplaceAsync(partition, ReportDocumentId(report.Id), report, etag, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is DocumentPreconditionFailedException or DocumentNotFoundException)
        {
            if (claimed is not null)
            {
                await ReleaseAsync(partition, claimed, cancellationToken);
            }

            throw new ConcurrentUpdateException(report.Name);
        }

        if (moved && oldSpace is not null)
        {
            await ReleaseAsync(partition, oldSpace, report.Id, cancellationToken);
        }

        return new Versioned<ParticipationReport>(replaced.Value, replaced.ETag);
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

    /// <summary>Who holds a report number ("reportNumber|R-2026-XXXXX").</summary>
    private sealed record NumberClaim(string ReportId);

    /// <summary>The partition's reports all have their markers (written after the one full reconciliation).</summary>
    private sealed record MarkersComplete(DateTimeOffset At);

    private static string MarkerId(string spaceId) => SpaceReportType + "|" + spaceId;

    /// <summary>The partition's markers; the first read in this process also reconciles them with the reports.</summary>
    private async Task<List<Document<ReportedSpace>>> ReadMarkersAsync(string partition, string entityId, int year, CancellationToken cancellationToken)
    {
        var markers = new List<Document<ReportedSpace>>();
        await foreach (var marker in _markers.QueryAsync(partition, cancellationToken))
        {
            markers.Add(marker);
        }

        if (_reconciled.ContainsKey(partition))
        {
            return markers;
        }

        if (await _complete.GetAsync(partition, MarkersCompleteType, cancellationToken) is null)
        {
            // Once per store: reports stored before markers existed get theirs. This reads every report of the year, so
            // it is recorded as done; a restarted process (after kill -9, with a year of reports) must not do it again.
            markers = await ReconcileAsync(partition, entityId, year, markers, cancellationToken);
            try
            {
                await _complete.CreateAsync(partition, MarkersCompleteType, new MarkersComplete(_time.GetUtcNow()), cancellationToken: cancellationToken);
            }
            catch (DocumentConflictException)
            {
                // Another process finished the same reconciliation first.
            }
        }
        else
        {
            // Every later process only drops the claims a crash left without their report: one point read per marker.
            markers = await DropAbandonedAsync(partition, markers, async id => (await GetAsync(entityId, year, id, cancellationToken))?.Value, cancellationToken);
        }

        _reconciled.TryAdd(partition, true);
        return markers;
    }

    /// <summary>
    /// Once per partition and process: a report with a space but no marker (stored before markers were claims, or
    /// before markers existed) gets one, created only if absent; an abandoned claim is deleted (only if unchanged).
    /// Both are conditional, so two processes reconciling at once, or a submit meanwhile, cannot undo each other.
    /// </summary>
    private async Task<List<Document<ReportedSpace>>> ReconcileAsync(
        string partition, string entityId, int year, List<Document<ReportedSpace>> markers, CancellationToken cancellationToken)
    {
        var reports = (await ListAsync(entityId, year, cancellationToken)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var kept = await DropAbandonedAsync(partition, markers, id => Task.FromResult(reports.GetValueOrDefault(id)), cancellationToken);
        var claimedSpaces = kept.Select(m => m.Value.SpaceId).ToHashSet(StringComparer.Ordinal);
        foreach (var report in reports.Values.OrderBy(r => r.FirstSubmittedAt ?? r.SubmittedAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            if (report.SpaceId is not { Length: > 0 } spaceId || !claimedSpaces.Add(spaceId))
            {
                continue;
            }

            try
            {
                kept.Add(await _markers.CreateAsync(partition, MarkerId(spaceId), new ReportedSpace(spaceId, report.Id, report.Year), cancellationToken: cancellationToken));
            }
            catch (DocumentConflictException)
            {
                // Claimed meanwhile (a submit, another process): that claim stands.
                if (await _markers.GetAsync(partition, MarkerId(spaceId), cancellationToken) is { } current)
                {
                    kept.Add(current);
                }
            }
        }

        return kept;
    }

    /// <summary>The markers that still hold their report; an abandoned claim is deleted (only if unchanged).</summary>
    private async Task<List<Document<ReportedSpace>>> DropAbandonedAsync(
        string partition, List<Document<ReportedSpace>> markers, Func<string, Task<ParticipationReport?>> reportOf, CancellationToken cancellationToken)
    {
        var kept = new List<Document<ReportedSpace>>(markers.Count);
        foreach (var marker in markers)
        {
            if (IsAbandoned(marker, await reportOf(marker.Value.ReportId)))
            {
                await _markers.DeleteAsync(partition, marker.Id, marker.ETag, cancellationToken);
                continue;
            }

            kept.Add(marker);
        }

        return kept;
    }

    /// <summary>
    /// The usual submit in one commit: the space's claim and the report created together, or neither. Null when either
    /// exists already (a resubmit, another report of the space, a claim left by a crash): nothing was written, and the
    /// claim-then-report path sorts those out as on a store without transactions.
    /// </summary>
    private async Task<Versioned<ParticipationReport>?> TryCreateWithClaimAsync(
        IAtomicDocumentStore atomic, string partition, string entityId, ParticipationReport report, string spaceId, CancellationToken cancellationToken)
    {
        await EnsureReconciledAsync(partition, entityId, report.Year, cancellationToken);
        var claim = new ReportedSpace(spaceId, report.Id, report.Year);
        IReadOnlyList<Utf8Document> written;
        try
        {
            written = await atomic.CreateAllAsync(
                [_markers.ToStoredWrite(partition, MarkerId(spaceId), claim), _reports.ToStoredWrite(partition, ReportDocumentId(report.Id), report)],
                cancellationToken);
        }
        catch (DocumentConflictException)
        {
            return null;
        }

        Remember(partition, claim);
        var stored = _reports.Written(written[1], report);
        return new Versioned<ParticipationReport>(stored.Value, stored.ETag);
    }

    /// <summary>A report stored before markers were claims may hold a space without a marker: the partition's first claim gives it one.</summary>
    private async Task EnsureReconciledAsync(string partition, string entityId, int year, CancellationToken cancellationToken)
    {
        if (!_reconciled.ContainsKey(partition))
        {
            await ReadMarkersAsync(partition, entityId, year, cancellationToken);
        }
    }

    /// <summary>
    /// Claims a scheduled space for a report: creates its marker only if absent, so exactly one of two concurrent claims
    /// wins. The same report claiming again (a resubmit) keeps its claim; an abandoned claim is taken over (replaced only
    /// if unchanged). Returns the marker when this call wrote it, null when the report already held it.
    /// </summary>
    private async Task<Document<ReportedSpace>?> ClaimAsync(
        string partition, string entityId, int year, string spaceId, string reportId, CancellationToken cancellationToken)
    {
        await EnsureReconciledAsync(partition, entityId, year, cancellationToken);
        var id = MarkerId(spaceId);
        var mine = new ReportedSpace(spaceId, reportId, year);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var created = await _markers.CreateAsync(partition, id, mine, cancellationToken: cancellationToken);
                Remember(partition, mine);
                return created;
            }
            catch (DocumentConflictException)
            {
            }

            var held = await _markers.GetAsync(partition, id, cancellationToken);
            if (held is null)
            {
                // Released between our create and read: try again.
                if (attempt >= ClaimAttempts)
                {
                    throw new ConcurrentUpdateException(spaceId);
                }

                continue;
            }

            if (string.Equals(held.Value.ReportId, reportId, StringComparison.Ordinal))
            {
                Remember(partition, held.Value);
                return null;
            }

            var holder = await _reports.GetAsync(partition, ReportDocumentId(held.Value.ReportId), cancellationToken);
            if (!IsAbandoned(held, holder?.Value))
            {
                Remember(partition, held.Value);
                throw new SpaceAlreadyReportedException(held.Value);
            }

            try
            {
                var taken = await _markers.ReplaceAsync(partition, id, mine, held.ETag, cancellationToken: cancellationToken);
                Remember(partition, mine);
                return taken;
            }
            catch (Exception exception) when (exception is DocumentPreconditionFailedException or DocumentNotFoundException && attempt < ClaimAttempts)
            {
                // Someone else took it over or released it first: look again.
            }
        }
    }

    /// <summary>
    /// A claim is abandoned when, long enough after it was written, its report does not exist or names another space
    /// (younger, it may be a submit between its claim and its report, or an edit between its claim and its replace).
    /// </summary>
    private bool IsAbandoned(Document<ReportedSpace> marker, ParticipationReport? holder) =>
        (holder is null || !string.Equals(holder.SpaceId, marker.Value.SpaceId, StringComparison.Ordinal))
        && _time.GetUtcNow() - marker.LastModified >= AbandonedClaimAge;

    /// <summary>Lets go of a claim this call made (only if unchanged since).</summary>
    private async Task ReleaseAsync(string partition, Document<ReportedSpace> claimed, CancellationToken cancellationToken)
    {
        await _markers.DeleteAsync(partition, claimed.Id, claimed.ETag, cancellationToken);
        Forget(partition, claimed.Value);
    }

    /// <summary>Lets go of a space the report held: its marker is deleted only if it still names that report.</summary>
    private async Task ReleaseAsync(string partition, string spaceId, string reportId, CancellationToken cancellationToken)
    {
        var held = await _markers.GetAsync(partition, MarkerId(spaceId), cancellationToken);
        if (held is not null && string.Equals(held.Value.ReportId, reportId, StringComparison.Ordinal))
        {
            await _markers.DeleteAsync(partition, held.Id, held.ETag, cancellationToken);
            Forget(partition, held.Value);
        }
    }

    private void Remember(string partition, ReportedSpace marker) =>
        _reportedSpaces.Update(partition, current => current.TryGetValue(marker.SpaceId, out var known) && known == marker
            ? current
            : new Dictionary<string, ReportedSpace>(current, StringComparer.Ordinal) { [marker.SpaceId] = marker });

    private void Forget(string partition, ReportedSpace marker) =>
        _reportedSpaces.Update(partition, current => current.TryGetValue(marker.SpaceId, out var known) && known.ReportId == marker.ReportId
            ? current.Where(pair => pair.Key != marker.SpaceId).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal)
            : current);
}
