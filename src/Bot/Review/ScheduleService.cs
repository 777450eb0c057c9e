using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Review;

/// <summary>The outcome of a schedule change.</summary>
internal enum ScheduleOutcome
{
    Saved,
    Invalid,
    ChangedMeanwhile,
    NoPlan,
}

internal sealed record ScheduleResult(ScheduleOutcome Outcome, ScheduledSpace? Space, ValidationResult Validation, int Revision = 0);

/// <summary>
/// Applies a coordinator's change to one space as a read-modify-write of the plan with its revision
/// (<see cref="IPlanRepository.SaveAsync(Plan, int, CancellationToken)"/>). When another change to the plan commits
/// first, the change is re-applied to the fresh plan, so concurrent edits of different spaces are all kept; when the
/// same space changed since the card was shown (its <see cref="ScheduledSpace.Version"/>), the user is told instead.
/// </summary>
internal sealed class ScheduleService(IPlanRepository plans, ILogger<ScheduleService> logger)
{
    public const int MaxAttempts = 8;

    public async Task<ScheduleResult> ApplyAsync(
        string entityId,
        int year,
        SpaceChange change,
        string? spaceId,
        int? expectedSpaceVersion,
        IReadOnlyDictionary<string, string> values,
        EntityCatalog catalog,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await plans.GetRevisionAsync(entityId, year, cancellationToken);
            if (current is null)
            {
                return new ScheduleResult(ScheduleOutcome.NoPlan, null, ValidationResult.Valid);
            }

            var existing = current.Plan.Spaces.FirstOrDefault(s => s.Id == spaceId);
            if (change != SpaceChange.Add && existing is not null && expectedSpaceVersion is { } expected && existing.Version != expected)
            {
                return new ScheduleResult(ScheduleOutcome.ChangedMeanwhile, existing, ValidationResult.Valid);
            }

            var edit = SpaceEditor.Apply(current.Plan, change, spaceId, values, catalog, today);
            if (!edit.Succeeded)
            {
                return new ScheduleResult(ScheduleOutcome.Invalid, existing, edit.Validation);
            }

            try
            {
                var revision = await plans.SaveAsync(edit.Plan!, current.Revision, cancellationToken);
                Log.SpaceChanged(logger, edit.Space!.Id, change.ToString(), edit.Space.Version, revision);
                return new ScheduleResult(ScheduleOutcome.Saved, edit.Space, ValidationResult.Valid, revision);
            }
            catch (ConcurrentUpdateException) when (attempt < MaxAttempts)
            {
                Log.PlanSaveRetry(logger, attempt);
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }
}
