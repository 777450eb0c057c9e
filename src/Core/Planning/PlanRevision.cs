namespace ParticipaBot.Core.Planning;

/// <summary>
/// A plan as read, with the revision a later <see cref="IPlanRepository.SaveAsync(Plan, int, CancellationToken)"/> must
/// present: two coordinators editing the schedule at once cannot overwrite each other's change.
/// </summary>
public sealed record PlanRevision(Plan Plan, int Revision);
