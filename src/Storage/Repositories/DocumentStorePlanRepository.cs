using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Storage.Repositories;

/// <summary>
/// Plans over the document store. One partition per plan (<see cref="PartitionKeys.Plan"/>) holds the plan document
/// (id "plan") and one document per space (id "space-r{revision}-{token}-{spaceId}", the token unique per save so that
/// two concurrent saves never write the same space documents). A save writes the new revision's spaces first and then
/// replaces the plan document with an ETag check: that replace is the commit point, so readers see the old version or
/// the new one, never a mixture; the old revision's spaces are deleted afterwards, a losing save's own spaces at once.
/// An index document per plan ("plan-{year}") in the entity's partition (<see cref="PartitionKeys.Entity"/>) answers listings.
/// <see cref="GetAsync"/> serves a plan read within the last <see cref="FreshFor"/> from memory (every turn of the
/// wizard needs the plan); <see cref="GetRevisionAsync"/>, used before an edit, always reads the store.
/// </summary>
internal sealed class DocumentStorePlanRepository(IDocumentStore store) : IPlanRepository
{
    internal const string PlanDocumentId = "plan";

    /// <summary>How long another instance's change to a plan may go unseen by this one.</summary>
    internal static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(5);

    private readonly FreshnessCache<(string EntityId, int Year), PlanRevision?> _recent = new(FreshFor, capacity: 64);

    // The shared storage options, minus computed members (Plan.Activities, PlanActivity.Areas).
    internal static readonly JsonSerializerOptions Json = new(StorageJson.Options) { IgnoreReadOnlyProperties = true };

    private sealed record PlanBody(int Revision, Plan Plan, IReadOnlyList<string> SpaceIds, string? Token = null);

    private sealed record SpaceBody(int Revision, ScheduledSpace Space, string? Token = null);

    // Every turn asks: a kept plan is returned without the shared read's delegate and state machine.
    public async Task<Plan?> GetAsync(string entityId, int year, CancellationToken cancellationToken = default) =>
        _recent.TryGet((entityId, year), out var recent)
            ? recent?.Plan
            : (await _recent.GetOrLoadAsync((entityId, year), key => ReadRevisionAsync(key.EntityId, key.Year, CancellationToken.None), cancellationToken))?.Plan;

    public async Task<PlanRevision?> GetRevisionAsync(string entityId, int year, CancellationToken cancellationToken = default)
    {
        var version = _recent.Version;
        var revision = await ReadRevisionAsync(entityId, year, cancellationToken);
        _recent.Set((entityId, year), revision, version);
        return revision;
    }

    private async Task<PlanRevision?> ReadRevisionAsync(string entityId, int year, CancellationToken cancellationToken)
    {
        const int Attempts = 5;
        var partition = PartitionKeys.Plan(entityId, year);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.ReadAsync(partition, PlanDocumentId, cancellationToken);
            if (stored is null)
            {
                return null;
            }

            var body = stored.Body.Deserialize<PlanBody>(Json) ?? throw new InvalidDataException($"Plan document in '{partition}' is empty.");
            var spaces = new Dictionary<string, ScheduledSpace>(StringComparer.Ordinal);
            await foreach (var document in store.QueryAsync(partition, "space", cancellationToken))
            {
                var space = document.Body.Deserialize<SpaceBody>(Json);
                if (space is not null && space.Revision == body.Revision && (body.Token is null || space.Token == body.Token))
                {
                    spaces[space.Space.Id] = space.Space;
                }
            }

            // The plan and its spaces are two reads: a save that committed in between removes this revision's spaces.
            // Then the newer revision is read whole instead of returning a plan with spaces missing.
            if (body.SpaceIds.All(spaces.ContainsKey) || attempt == Attempts)
            {
                var ordered = body.SpaceIds.Where(spaces.ContainsKey).Select(id => spaces[id]).ToList();
                return new PlanRevision(body.Plan with { Spaces = ordered }, body.Revision);
            }
        }
    }

    public Task SaveAsync(Plan plan, CancellationToken cancellationToken = default) => SaveCoreAsync(plan, null, cancellationToken);

    public Task<int> SaveAsync(Plan plan, int expectedRevision, CancellationToken cancellationToken = default) =>
        SaveCoreAsync(plan, expectedRevision, cancellationToken);

    private async Task<int> SaveCoreAsync(Plan plan, int? expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            return await WriteAsync(plan, expectedRevision, cancellationToken);
        }
        finally
        {
            // Whether it committed or not, the next read goes to the store.
            _recent.Invalidate((plan.EntityId, plan.Year));
        }
    }

    private async Task<int> WriteAsync(Plan plan, int? expectedRevision, CancellationToken cancellationToken)
    {
        var partition = PartitionKeys.Plan(plan.EntityId, plan.Year);
        var current = await store.ReadAsync(partition, PlanDocumentId, cancellationToken);
        var currentRevision = current?.Body.Deserialize<PlanBody>(Json)?.Revision ?? 0;
        if (expectedRevision is { } expected && expected != currentRevision)
        {
            throw new ConcurrentUpdateException(plan.Title);
        }

        var revision = currentRevision + 1;
        var token = Guid.NewGuid().ToString("N");
        var prefix = SpacePrefix(revision, token);

        foreach (var space in plan.Spaces)
        {
            var body = JsonSerializer.SerializeToElement(new SpaceBody(revision, space, token), Json);
            await store.UpsertAsync(new DocumentWrite(prefix + space.Id, partition, "space", body), cancellationToken);
        }

        var planBody = JsonSerializer.SerializeToElement(new PlanBody(revision, plan with { Spaces = [] }, [.. plan.Spaces.Select(s => s.Id)], token), Json);
        var write = new DocumentWrite(PlanDocumentId, partition, "plan", planBody);
        try
        {
            if (current is null)
            {
                await store.CreateAsync(write, cancellationToken);
            }
            else
            {
                await store.ReplaceAsync(write, current.ETag, cancellationToken);
            }
        }
        catch (DocumentStoreException exception) when (exception is DocumentPreconditionFailedException or DocumentConflictException or DocumentNotFoundException)
        {
            // Another save committed first: remove what this one wrote, and say so in domain terms when asked to.
            foreach (var space in plan.Spaces)
            {
                await store.DeleteAsync(partition, prefix + space.Id, cancellationToken: CancellationToken.None);
            }

            if (expectedRevision is null)
            {
                throw;
            }

            throw new ConcurrentUpdateException(plan.Title);
        }

        await foreach (var stale in StaleSpaces(partition, prefix, revision, cancellationToken))
        {
            await store.DeleteAsync(partition, stale, cancellationToken: cancellationToken);
        }

        var summary = new PlanSummary(plan.Id, plan.EntityId, plan.Year, plan.Title, plan.Activities.Count(), plan.Spaces.Count);
        var indexId = $"plan-{plan.Year.ToString(CultureInfo.InvariantCulture)}";
        await store.UpsertAsync(new DocumentWrite(indexId, PartitionKeys.Entity(plan.EntityId), "plan-index", JsonSerializer.SerializeToElement(summary, Json)), cancellationToken);
        return revision;
    }

    public async Task<IReadOnlyList<PlanSummary>> ListAsync(string entityId, CancellationToken cancellationToken = default)
    {
        var result = new List<PlanSummary>();
        await foreach (var document in store.QueryAsync(PartitionKeys.Entity(entityId), "plan-index", cancellationToken))
        {
            if (document.Body.Deserialize<PlanSummary>(Json) is { } summary)
            {
                result.Add(summary);
            }
        }

        return [.. result.OrderByDescending(s => s.Year)];
    }

    private static string SpacePrefix(int revision, string token) => $"space-r{revision.ToString(CultureInfo.InvariantCulture)}-{token}-";

    // A newer revision's spaces belong to a save still in progress after this one: they are left alone.
    private async IAsyncEnumerable<string> StaleSpaces(string partition, string keepPrefix, int revision, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        await foreach (var document in store.QueryAsync(partition, "space", cancellationToken))
        {
            var parts = document.Id.Split('-');
            var newer = parts.Length > 2 && parts[1].StartsWith('r')
                && int.TryParse(parts[1][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var other) && other > revision;
            if (!newer && !document.Id.StartsWith(keepPrefix, StringComparison.Ordinal))
            {
                stale.Add(document.Id);
            }
        }

        foreach (var id in stale)
        {
            yield return id;
        }
    }
}
