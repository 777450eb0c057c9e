using System.Collections.ObjectModel;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Cards.Review;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Reporting;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Text;
using ParticipaBot.Core.Vocabularies;
using Catalogs = ParticipaBot.Core.Vocabularies.Catalogs;

namespace ParticipaBot.Bot.Review;

/// <summary>
/// The buttons of the report cards: view, history, edit (a new version), approve, return with a comment, unlock, and
/// answers to contributions. Every action re-checks the actor's role against the stored report: card values can be
/// forged, so nothing the card says about permissions is trusted.
/// </summary>
internal sealed class ReviewActionHandler(
    ReviewSession session,
    IReportRepository reports,
    IPlanRepository plans,
    EntityCatalog catalog,
    SubmitterNotifier notifier,
    ILogger<ReviewActionHandler> logger) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } =
    [
        ReviewVerbs.View, ReviewVerbs.History, ReviewVerbs.Edit, ReviewVerbs.SaveEdit, ReviewVerbs.Approve, ReviewVerbs.Return,
        ReviewVerbs.ConfirmReturn, ReviewVerbs.Unlock, ReviewVerbs.Answers, ReviewVerbs.SaveAnswers,
    ];

    public async Task HandleAsync(TurnContext context, CardAction action)
    {
        var actor = session.Actor(context);
        var language = context.Language;
        if (action.GetString(ReviewVerbs.ReportId) is not { Length: > 0 and <= 200 } reportId)
        {
            await session.RefuseAsync(context, action.Verb, "no report id", ReviewTexts.MissingReport);
            return;
        }

        var year = session.YearOf(action);
        var stored = await reports.GetAsync(session.EntityId, year, reportId, context.CancellationToken);
        if (stored is null || !actor.MayView(stored.Value))
        {
            // A report the user may not see is answered like a missing one.
            await session.RefuseAsync(context, action.Verb, stored is null ? "not found" : "not allowed to view", ReviewTexts.NotFound);
            return;
        }

        var report = stored.Value;
        switch (action.Verb)
        {
            case ReviewVerbs.View:
                await context.RespondWithCardAsync(ReportCard.Build(language, report, actor, session.Today));
                return;
            case ReviewVerbs.History:
                await context.RespondWithCardAsync(ReportHistoryCard.Build(language, report));
                return;
            case ReviewVerbs.Edit:
                if (await MayChangeAsync(context, action.Verb, actor, report))
                {
                    await context.RespondWithCardAsync(ReportEditCard.Build(language, report, await EditChoicesAsync(report, context.CancellationToken)));
                }

                return;
            case ReviewVerbs.SaveEdit:
                await SaveEditAsync(context, action, actor, stored);
                return;
            case ReviewVerbs.Answers:
                if (await MayChangeAsync(context, action.Verb, actor, report))
                {
                    await context.RespondWithCardAsync(AnswersCard.Build(language, report));
                }

                return;
            case ReviewVerbs.SaveAnswers:
                await SaveAnswersAsync(context, action, actor, stored);
                return;
            case ReviewVerbs.Unlock:
                await UnlockAsync(context, action.Verb, actor, stored);
                return;
            default:
                await ReviewAsync(context, action, actor, stored);
                return;
        }
    }

    private async Task<bool> MayChangeAsync(TurnContext context, string verb, ReviewActor actor, ParticipationReport report)
    {
        if (!actor.MayChange(report))
        {
            var readOnly = actor.Roles.IsInternalControl;
            await session.RefuseAsync(context, verb, readOnly ? "internal control is read-only" : "not the report's area", readOnly ? ReviewTexts.ReadOnly : ReviewTexts.NotYourArea);
            return false;
        }

        var check = ReportWorkflow.Apply(report, ReportAction.Edit, actor.RoleFor(report), session.Today, session.Now, report.Unlocked);
        if (!check.Succeeded)
        {
            await session.RefuseAsync(context, verb, "workflow", check.Refusal!);
            return false;
        }

        return true;
    }

    private async Task SaveEditAsync(TurnContext context, CardAction action, ReviewActor actor, Versioned<ParticipationReport> stored)
    {
        var report = stored.Value;
        if (!await MayChangeAsync(context, action.Verb, actor, report))
        {
            return;
        }

        var form = ReportForm.Default;
        var submitted = ReviewSession.Inputs(action);
        var values = ReportValues.ToValues(report);
        values.Remove(ReportFields.Status);
        // A card sent before the space was on it carries none of the space step's keys: the stored space then stays.
        var carriesSpace = ReportEditCard.SpaceKeys.Any(submitted.ContainsKey);
        foreach (var key in carriesSpace ? ReportEditCard.Keys : ReportEditCard.ContentKeys)
        {
            if (submitted.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                values[key] = value.Trim();
            }
            else
            {
                values.Remove(key);
            }
        }

        SpaceCardInputs.DropSpaceWhenUnscheduled(values);
        var choices = await EditChoicesAsync(report, context.CancellationToken);
        var draft = ReportDraft.FromReport(report, form) with { Values = values };
        var built = ReportBuilder.Build(form, draft, choices.Validation);
        if (!built.Succeeded)
        {
            Log.InputRefused(logger, action.Verb, built.Validation.Errors.Count);
            await context.RespondWithCardAsync(ReportEditCard.Build(context.Language, report, choices, values, built.Validation.Errors));
            return;
        }

        var edited = built.Report! with
        {
            Id = report.Id,
            Status = report.Status,
            Versions = report.Versions,
            SubmittedAt = report.SubmittedAt,
            FirstSubmittedAt = report.FirstSubmittedAt,
            SubmittedBy = report.SubmittedBy,
            ReturnComment = report.ReturnComment,
            Unlocked = report.Unlocked,
        };
        if (ReportHistory.ChangedFields(form, report, edited).Count == 0)
        {
            await context.RespondWithTextAsync(ReviewTexts.EditNoChange);
            return;
        }

        // An edit of a sent or approved report goes back to review; a returned one is sent again.
        var role = actor.RoleFor(report);
        var transition = ReportWorkflow.Apply(edited, ReportAction.Edit, role, session.Today, session.Now, report.Unlocked);
        if (transition.Succeeded && transition.Report!.Status == ReportStatus.Devuelto)
        {
            transition = ReportWorkflow.Submit(transition.Report, role, choices.Validation, session.Now, report.Unlocked, form);
        }

        if (!transition.Succeeded)
        {
            await session.RefuseAsync(context, action.Verb, "workflow", transition.Refusal!);
            return;
        }

        await SaveVersionAsync(context, action.Verb, actor, stored, transition.Report!, ReviewTexts.EditSaved);
    }

    private async Task SaveAnswersAsync(TurnContext context, CardAction action, ReviewActor actor, Versioned<ParticipationReport> stored)
    {
        var report = stored.Value;
        if (!await MayChangeAsync(context, action.Verb, actor, report))
        {
            return;
        }

        var submitted = ReviewSession.Inputs(action);
        var validationContext = (await EditChoicesAsync(report, context.CancellationToken)).Validation;
        var (answered, validation) = ReportAnswers.Apply(report, submitted, validationContext);
        if (answered is null)
        {
            Log.InputRefused(logger, action.Verb, validation.Errors.Count);
            await context.RespondWithCardAsync(AnswersCard.Build(context.Language, report, submitted, validation.Errors));
            return;
        }

        var transition = ReportWorkflow.Apply(answered, ReportAction.Edit, actor.RoleFor(report), session.Today, session.Now, report.Unlocked);
        if (!transition.Succeeded)
        {
            await session.RefuseAsync(context, action.Verb, "workflow", transition.Refusal!);
            return;
        }

        await SaveVersionAsync(context, action.Verb, actor, stored, transition.Report!, ReviewTexts.AnswersSaved);
    }

    private async Task UnlockAsync(TurnContext context, string verb, ReviewActor actor, Versioned<ParticipationReport> stored)
    {
        var report = stored.Value;
        if (!await session.RequireCoordinatorAsync(context, actor, verb))
        {
            return;
        }

        if (!ReviewCardParts.IsLocked(report, session.Today))
        {
            await context.RespondWithTextAsync(ReviewTexts.NotLocked.Filled(report.Name));
            return;
        }

        try
        {
            var saved = await reports.ReplaceAsync(session.EntityId, report with { Unlocked = true }, stored.ETag, context.CancellationToken);
            Log.ReportChanged(logger, report.Id, verb, "coordinator", saved.Value.Versions.Count);
            await context.RespondWithCardAsync(ReportCard.Build(context.Language, saved.Value, actor, session.Today));
        }
        catch (ConcurrentUpdateException)
        {
            await context.RespondWithTextAsync(ReviewTexts.ChangedMeanwhile);
        }
    }

    private async Task ReviewAsync(TurnContext context, CardAction action, ReviewActor actor, Versioned<ParticipationReport> stored)
    {
        var report = stored.Value;
        if (!await session.RequireCoordinatorAsync(context, actor, action.Verb))
        {
            return;
        }

        var workflowAction = action.Verb == ReviewVerbs.Approve ? ReportAction.Approve : ReportAction.Return;
        if (!ReportWorkflow.IsAllowed(report.Status, workflowAction, ReportActorRole.Coordinator))
        {
            var refused = ReportWorkflow.Apply(report, workflowAction, ReportActorRole.Coordinator, session.Today, session.Now, report.Unlocked);
            await session.RefuseAsync(context, action.Verb, "workflow", refused.Refusal!);
            return;
        }

        if (action.Verb == ReviewVerbs.Return)
        {
            await context.RespondWithCardAsync(ReturnCommentCard.Build(context.Language, report));
            return;
        }

        var comment = action.Verb == ReviewVerbs.ConfirmReturn ? action.GetString("comment") : null;
        var transition = ReportWorkflow.Apply(report, workflowAction, ReportActorRole.Coordinator, session.Today, session.Now, report.Unlocked, comment);
        if (!transition.Succeeded)
        {
            Log.Refused(logger, action.Verb, "comment");
            var error = new FieldError("comment", "comment", transition.Refusal!);
            await context.RespondWithCardAsync(ReturnCommentCard.Build(context.Language, report, [error]));
            return;
        }

        var done = workflowAction == ReportAction.Approve ? ReviewTexts.Approved : ReviewTexts.Returned;
        var saved = await SaveVersionAsync(context, action.Verb, actor, stored, transition.Report!, done);
        if (saved is not null && !await notifier.NotifyAsync(context.Conversation, saved, actor.Name, saved.Year, context.CancellationToken))
        {
            await context.SendAsync(TurnContext.MessageText(ReviewTexts.NotifyFailed.For(context.Language)));
        }
    }

    /// <summary>Records a version (who, when, which fields) and replaces the report if nobody changed it meanwhile.</summary>
    private async Task<ParticipationReport?> SaveVersionAsync(
        TurnContext context,
        string verb,
        ReviewActor actor,
        Versioned<ParticipationReport> stored,
        ParticipationReport next,
        LocalizedText done)
    {
        var versioned = ReportHistory.Record(ReportForm.Default, stored.Value, next, actor.Name, session.Now);
        try
        {
            var saved = await reports.ReplaceAsync(session.EntityId, versioned, stored.ETag, context.CancellationToken);
            var number = saved.Value.Versions[^1].Number;
            Log.ReportChanged(logger, saved.Value.Id, verb, actor.RoleFor(stored.Value).ToString(), number);
            await context.RespondWithTextAsync(Done(done, saved.Value, number));
            return saved.Value;
        }
        catch (ConcurrentUpdateException)
        {
            await context.RespondWithTextAsync(ReviewTexts.ChangedMeanwhile);
            return null;
        }
        catch (SpaceAlreadyReportedException taken)
        {
            // A new version naming a space another report covers: refused, the stored report unchanged.
            Log.Refused(logger, verb, "space already reported");
            var number = ReportNumbers.For(taken.Holder.ReportId, taken.Holder.Year);
            var plan = await plans.GetAsync(session.EntityId, taken.Holder.Year, context.CancellationToken);
            var spaceName = plan?.Spaces.FirstOrDefault(s => s.Id == taken.SpaceId)?.Name ?? taken.SpaceId;
            await context.RespondWithTextAsync(ReviewTexts.SpaceTaken.Filled(spaceName, number, stored.Value.Name));
            return null;
        }
    }

    private static LocalizedText Done(LocalizedText text, ParticipationReport report, int version) =>
        text == ReviewTexts.EditSaved ? text.Filled(version, report.Name)
        : text == ReviewTexts.AnswersSaved ? text.Filled(report.Name, version)
        : text.Filled(report.Name);

    /// <summary>
    /// The spaces and activities an edit may name, and the rules it is checked with. A space is offered when it is of
    /// the report's area (or has none), not cancelled, and no other report holds it; the report keeps its own space.
    /// Card values can be forged, so a saved edit naming any other space is refused next to the space field.
    /// </summary>
    private async Task<ReportEditChoices> EditChoicesAsync(ParticipationReport report, CancellationToken cancellationToken)
    {
        var plan = await plans.GetAsync(session.EntityId, report.Year, cancellationToken);
        var spaces = new HashSet<string>(StringComparer.Ordinal);
        if (report.SpaceId is { } current)
        {
            spaces.Add(current);
        }

        if (plan is not null)
        {
            var held = await reports.ReportedSpacesAsync(session.EntityId, report.Year, cancellationToken);
            foreach (var space in plan.Spaces)
            {
                if (spaces.Count >= ReportPlanContext.MaxOfferedSpaces)
                {
                    break;
                }

                var area = space.LeaderArea ?? (space.ActivityId is { } activityId ? plan.FindActivity(activityId)?.LeaderArea : null);
                var holder = held.GetValueOrDefault(space.Id)?.ReportId;
                if (space.Status != SpaceStatus.Cancelado && (area is null || TextFolding.EqualsFolded(area, report.LeaderArea))
                    && (holder is null || holder == report.Id))
                {
                    spaces.Add(space.Id);
                }
            }
        }

        var validation = new ReportValidationContext(session.Today, report.Year, new HashSet<string>([report.LeaderArea], StringComparer.OrdinalIgnoreCase), spaces, Catalogs.Default)
        {
            KnownActivityIds = plan is null ? null : plan.Activities.Select(a => a.Id).Append(report.ActivityId).OfType<string>().ToHashSet(StringComparer.Ordinal),
        };
        if (plan is null)
        {
            return new ReportEditChoices(validation, ReadOnlyDictionary<string, string>.Empty, ReadOnlyDictionary<string, string>.Empty);
        }

        var (spaceLabels, activityLabels) = ReportPlanContextLoader.Labels(plan, catalog);
        return new ReportEditChoices(validation, spaceLabels, activityLabels);
    }
}
