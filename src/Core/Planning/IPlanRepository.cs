namespace ParticipaBot.Core.Planning;

/// <summary>A plan's identity and size, for listings.</summary>
public sealed record PlanSummary(string PlanId, string EntityId, int Year, string Title, int Activities, int Spaces);

/// <summary>
/// Persistence port for plans. One partition per plan (<see cref="PlanIds.Partition"/>) holds the plan document and
/// one document per scheduled space, so that a compliance summary is one partition-scoped read.
/// </summary>
public interface IPlanRepository
{
    /// <summary>The plan of that entity and year with its spaces, or null.</summary>
    Task<Plan?> GetAsync(string entityId, int year, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the plan and exactly its spaces (spaces no longer in it are removed). All or nothing for readers:
    /// a reader sees either the previous version or this one, never a mixture.
    /// </summary>
    Task SaveAsync(Plan plan, CancellationToken cancellationToken = default);

    /// <summary>The plan with its revision, for a read-modify-write (<see cref="SaveAsync(Plan, int, CancellationToken)"/>), or null.</summary>
    Task<PlanRevision?> GetRevisionAsync(string entityId, int year, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the plan only if it is still at <paramref name="expectedRevision"/> (0: not stored yet); else throws
    /// <see cref="Reporting.ConcurrentUpdateException"/> and changes nothing. Returns the new revision.
    /// </summary>
    Task<int> SaveAsync(Plan plan, int expectedRevision, CancellationToken cancellationToken = default);

    /// <summary>The entity's stored plans, newest year first.</summary>
    Task<IReadOnlyList<PlanSummary>> ListAsync(string entityId, CancellationToken cancellationToken = default);
}
