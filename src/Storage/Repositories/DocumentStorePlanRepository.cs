using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParticipaBot.Core.Planning;

namespace ParticipaBot.Storage.Repositories;

/// <summary>
/// Plans over the document store. One partition per plan (<see cref="PartitionKeys.Plan"/>) holds the plan document
/// (id "plan") and one document per space (id "space-r{revision}-{spaceId}"). A save writes the new revision's spaces
/// first and then replaces the plan document with an ETag check: that replace is the commit point, so readers see
/// the old version or the new one, never a mixture; the old revision's spaces are deleted afterwards. An index
/// document per plan ("plan-{year}") in the entity's partition (<see cref="PartitionKeys.Entity"/>) answers listings.
/// </summary>
internal sealed class DocumentStorePlanRepository(IDocumentStore store) : IPlanRepository
{
    internal const string PlanDocumentId = "plan";

    // The shared storage options, minus computed members (Plan.Activities, PlanActivity.Areas).
    internal static readonly JsonSerializerOptions Json = new(StorageJson.Options) { IgnoreReadOnlyProperties = true };

    private sealed record PlanBody(int Revision, Plan Plan, IReadOnlyList<string> SpaceIds);

    private sealed record SpaceBody(int Revision, ScheduledSpace Space);

    public async Task<Plan?> GetAsync(string entityId, int year, CancellationToken cancellationToken = default)
    {
        var partition = PartitionKeys.Plan(entityId, year);
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
            if (space is not null && space.Revision == body.Revision)
            {
                spaces[space.Space.Id] = space.Space;
            }
        }

        var ordered = body.SpaceIds.Where(spaces.ContainsKey).Select(id => spaces[id]).ToList();
        return body.Plan with { Spaces = ordered };
    }

    public async Task SaveAsync(Plan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var partition = PartitionKeys.Plan(plan.EntityId, plan.Year);
        var current = await store.ReadAsync(partition, PlanDocumentId, cancellationToken);
        var revision = (current?.Body.Deserialize<PlanBody>(Json)?.Revision ?? 0) + 1;
        var prefix = SpacePrefix(revision);

        foreach (var space in plan.Spaces)
        {
            var body = JsonSerializer.SerializeToElement(new SpaceBody(revision, space), Json);
            await store.UpsertAsync(new DocumentWrite(prefix + space.Id, partition, "space", body), cancellationToken);
        }

        var planBody = JsonSerializer.SerializeToElement(new PlanBody(revision, plan with { Spaces = [] }, [.. plan.Spaces.Select(s => s.Id)]), Json);
        var write = new DocumentWrite(PlanDocumentId, partition, "plan", planBody);
        if (current is null)
        {
            await store.CreateAsync(write, cancellationToken);
        }
        else
        {
            await store.ReplaceAsync(write, current.ETag, cancellationToken);
        }

        await foreach (var stale in StaleSpaces(partition, prefix, cancellationToken))
        {
            await store.DeleteAsync(partition, stale, cancellationToken: cancellationToken);
        }

        var summary = new PlanSummary(plan.Id, plan.EntityId, plan.Year, plan.Title, plan.Activities.Count(), plan.Spaces.Count);
        var indexId = $"plan-{plan.Year.ToString(CultureInfo.InvariantCulture)}";
        await store.UpsertAsync(new DocumentWrite(indexId, PartitionKeys.Entity(plan.EntityId), "plan-index", JsonSerializer.SerializeToElement(summary, Json)), cancellationToken);
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

    private static string SpacePrefix(int revision) => $"space-r{revision.ToString(CultureInfo.InvariantCulture)}-";

    private async IAsyncEnumerable<string> StaleSpaces(string partition, string keepPrefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stale = new List<string>();
        await foreach (var document in store.QueryAsync(partition, "space", cancellationToken))
        {
            if (!document.Id.StartsWith(keepPrefix, StringComparison.Ordinal))
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
