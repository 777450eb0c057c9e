using System.Globalization;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Cards.Review;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Review;

/// <summary>
/// "programar" and the space cards: coordinators add, edit, reschedule (with a reason; the baseline is kept) and cancel
/// (with a reason) spaces; internal control sees the list only. Changes go through <see cref="ScheduleService"/>.
/// </summary>
internal sealed class ScheduleHandler(ReviewSession session, IPlanRepository plans, ScheduleService schedule, EntityCatalog catalog)
    : ICommandHandler, ICardActionHandler
{
    public CommandDescriptor Command => ReviewCommands.Schedule;

    public IReadOnlyCollection<string> Verbs { get; } =
        [ReviewVerbs.SpaceNew, ReviewVerbs.SpaceEdit, ReviewVerbs.SpaceReschedule, ReviewVerbs.SpaceCancel, ReviewVerbs.SpaceSave];

    public async Task HandleAsync(TurnContext context)
    {
        var actor = session.Actor(context);
        if (!actor.SeesAll)
        {
            await session.RefuseAsync(context, Command.Id, "not a coordinator", ReviewTexts.CoordinatorsOnly);
            return;
        }

        var plan = await plans.GetAsync(session.EntityId, session.Year, context.CancellationToken);
        await context.RespondWithCardAsync(ScheduleCard.Build(context.Language, plan, session.Year, session.Today));
    }

    public async Task HandleAsync(TurnContext context, CardAction action)
    {
        var actor = session.Actor(context);
        if (!await session.RequireCoordinatorAsync(context, actor, action.Verb))
        {
            return;
        }

        var year = session.YearOf(action);
        var spaceId = action.GetString(ReviewVerbs.SpaceId);
        if (action.Verb == ReviewVerbs.SpaceSave)
        {
            await SaveAsync(context, action, year, spaceId);
            return;
        }

        var change = action.Verb switch
        {
            ReviewVerbs.SpaceNew => SpaceChange.Add,
            ReviewVerbs.SpaceEdit => SpaceChange.Edit,
            ReviewVerbs.SpaceReschedule => SpaceChange.Reschedule,
            _ => SpaceChange.Cancel,
        };
        ScheduledSpace? space = null;
        if (change != SpaceChange.Add)
        {
            var plan = await plans.GetAsync(session.EntityId, year, context.CancellationToken);
            space = plan?.Spaces.FirstOrDefault(s => s.Id == spaceId);
            if (space is null)
            {
                await session.RefuseAsync(context, action.Verb, "space not found", ReviewTexts.SpaceNotFound);
                return;
            }
        }

        await context.RespondWithCardAsync(SpaceCard.Build(context.Language, change, space, catalog, year));
    }

    private async Task SaveAsync(TurnContext context, CardAction action, int year, string? spaceId)
    {
        if (!Enum.TryParse<SpaceChange>(action.GetString(ReviewVerbs.Change), ignoreCase: false, out var change) || !Enum.IsDefined(change))
        {
            await session.RefuseAsync(context, action.Verb, "unknown change", Texts.UnknownAction);
            return;
        }

        int? expectedVersion = int.TryParse(action.GetString(ReviewVerbs.SpaceVersion), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
        var values = ReviewSession.Inputs(action);
        var result = await schedule.ApplyAsync(session.EntityId, year, change, spaceId, expectedVersion, values, catalog, session.Today, context.CancellationToken);
        switch (result.Outcome)
        {
            case ScheduleOutcome.NoPlan:
                await context.RespondWithTextAsync(ReviewTexts.ScheduleEmpty.Filled(year));
                return;
            case ScheduleOutcome.ChangedMeanwhile:
                await context.RespondWithTextAsync(ReviewTexts.SpaceChangedMeanwhile.Filled(result.Space!.Name));
                return;
            case ScheduleOutcome.Invalid:
                await context.RespondWithCardAsync(SpaceCard.Build(context.Language, change, result.Space, catalog, year, values, result.Validation.Errors));
                return;
            default:
                var space = result.Space!;
                await context.RespondWithTextAsync(ReviewTexts.SpaceSaved.Filled(space.Name, space.Version));
                return;
        }
    }
}
