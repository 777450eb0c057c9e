using ParticipaBot.Bot.Cards.Review;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Review;

/// <summary>
/// "avance" and its save button: progress of the plan activities the user's area leads (coordinators: any activity).
/// The activity list on the card is also the server's allow-list, so a forged activity id is refused.
/// </summary>
internal sealed class ProgressCommandHandler(ReviewSession session, IPlanRepository plans, IReportRepository reports, ILogger<ProgressCommandHandler> logger)
    : ICommandHandler, ICardActionHandler
{
    public CommandDescriptor Command => ReviewCommands.Progress;

    public IReadOnlyCollection<string> Verbs { get; } = [ReviewVerbs.SaveProgress];

    public async Task HandleAsync(TurnContext context)
    {
        var actor = session.Actor(context);
        if (!await session.RequireWriterAsync(context, actor, Command.Id))
        {
            return;
        }

        var plan = await plans.GetAsync(session.EntityId, session.Year, context.CancellationToken);
        var activities = Activities(plan, actor);
        var progress = await reports.ListProgressAsync(session.EntityId, session.Year, context.CancellationToken);
        await context.RespondWithCardAsync(ProgressCard.Build(context.Language, session.Year, activities, progress, PlannedPeriod.CuatrimestreOf(session.Today)));
    }

    public async Task HandleAsync(TurnContext context, CardAction action)
    {
        var actor = session.Actor(context);
        if (!await session.RequireWriterAsync(context, actor, action.Verb))
        {
            return;
        }

        var year = session.YearOf(action);
        var plan = await plans.GetAsync(session.EntityId, year, context.CancellationToken);
        var activities = Activities(plan, actor);
        var values = ReviewSession.Inputs(action);
        var validationContext = new ReportValidationContext(session.Today, year, new HashSet<string>(actor.Roles.DelegateAreas), new HashSet<string>(), Catalogs.Default)
        {
            KnownActivityIds = activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal),
        };
        var (progress, validation) = ActivityProgressValidator.Validate(values, validationContext);
        var existing = await reports.ListProgressAsync(session.EntityId, year, context.CancellationToken);
        if (progress is null)
        {
            if (values.TryGetValue("activity", out var forged) && plan?.FindActivity(forged) is { } other && !activities.Contains(other))
            {
                Log.Refused(logger, action.Verb, "activity of another area");
            }

            Log.InputRefused(logger, action.Verb, validation.Errors.Count);
            await context.RespondWithCardAsync(ProgressCard.Build(context.Language, year, activities, existing, PlannedPeriod.CuatrimestreOf(session.Today), values, validation.Errors));
            return;
        }

        await reports.SaveProgressAsync(session.EntityId, progress, context.CancellationToken);
        Log.ProgressRecorded(logger, progress.ActivityId, progress.Cuatrimestre);
        var number = activities.First(a => a.Id == progress.ActivityId).Number;
        await context.RespondWithTextAsync(ReviewTexts.ProgressSaved.Filled(number, progress.Cuatrimestre, progress.Percentage));
    }

    private static List<PlanActivity> Activities(Plan? plan, ReviewActor actor) =>
        plan is null
            ? []
            : [.. plan.Activities.Where(a => actor.IsCoordinator || (a.LeaderArea is { } area && actor.Roles.IsDelegateOf(area)))];
}
