using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Reporting;

/// <summary>
/// The report wizard's conversation (docs/report-wizard.md): start from a space, one card per step, validation on the
/// server with the errors next to the fields, the draft stored after every step, review, idempotent submit.
/// </summary>
internal sealed class ReportWizard(
    ReportPlanContextLoader loader,
    IReportDraftRepository drafts,
    IReportRepository reports,
    ReportNumberPool numbers,
    TimeProvider time,
    ILogger<ReportWizard> logger)
{
    private static readonly ReportForm s_form = ReportForm.Default;

    public static ReportForm Form => s_form;

    /// <summary>"reportar": the picker card.</summary>
    public async Task ShowPickerAsync(TurnContext turn, string? notice = null)
    {
        if (await LoadAsync(turn, withReports: true) is not { } plan)
        {
            return;
        }

        var current = await drafts.GetAsync(turn.Conversation.ConversationId, turn.CancellationToken);
        var card = ReportWizardCards.Picker(
            turn.Language,
            [.. plan.Due().Select(s => ReportWizardCards.Option(s, plan.IsLocked(s)))],
            [.. plan.Upcoming().Select(s => ReportWizardCards.Option(s))],
            Summary(current?.Value),
            notice);
        await turn.RespondWithCardAsync(card);
    }

    /// <summary>"mis pendientes".</summary>
    public async Task ShowPendingAsync(TurnContext turn)
    {
        if (await LoadAsync(turn, withReports: true) is not { } plan)
        {
            return;
        }

        var current = await drafts.GetAsync(turn.Conversation.ConversationId, turn.CancellationToken);
        await turn.RespondWithCardAsync(ReportWizardCards.Pending(turn.Language, [.. plan.Due().Select(s => ReportWizardCards.Option(s, plan.IsLocked(s)))], Summary(current?.Value)));
    }

    /// <summary>"continuar": the step where the delegate stopped.</summary>
    public async Task ContinueAsync(TurnContext turn)
    {
        var current = await drafts.GetAsync(turn.Conversation.ConversationId, turn.CancellationToken);
        if (current is null || current.Value.SubmittedReportId is not null)
        {
            await turn.RespondWithCardAsync(ReportWizardCards.Notice(turn.Language, Texts.WizardNoDraft.For(turn.Language)));
            return;
        }

        if (await LoadAsync(turn, current.Value.Draft.Year) is not { } plan)
        {
            return;
        }

        await RespondWithStepAsync(turn, plan, current.Value, ValidationResult.Valid);
    }

    /// <summary>Handles one button of the wizard's cards.</summary>
    public async Task HandleActionAsync(TurnContext turn, CardAction action)
    {
        if (!turn.IsPersonal)
        {
            await turn.RespondWithTextAsync(Texts.WizardPersonalOnly);
            return;
        }

        if (string.Equals(action.Verb, WizardVerbs.Start, StringComparison.OrdinalIgnoreCase))
        {
            await StartAsync(turn, action);
            return;
        }

        var conversationId = turn.Conversation.ConversationId;
        var stored = await drafts.GetAsync(conversationId, turn.CancellationToken);
        if (stored is null || !string.Equals(stored.Value.Draft.Id, action.GetString(WizardVerbs.DraftKey), StringComparison.Ordinal))
        {
            if (stored is null || stored.Value.SubmittedReportId is not null)
            {
                await turn.RespondWithCardAsync(ReportWizardCards.Notice(turn.Language, Texts.WizardNoDraft.For(turn.Language)));
                return;
            }

            await turn.RespondWithTextAsync(Texts.WizardOutdatedCard);
            return;
        }

        if (stored.Value.SubmittedReportId is { } submittedId)
        {
            // A second click on a submitted report's card: the same confirmation, nothing new.
            await turn.RespondWithCardAsync(ReportWizardCards.Confirmation(turn.Language, ReportNumbers.For(submittedId, stored.Value.Draft.Year), NameOf(stored.Value.Draft)));
            return;
        }

        if (string.Equals(action.Verb, WizardVerbs.Cancel, StringComparison.OrdinalIgnoreCase))
        {
            await drafts.DeleteAsync(conversationId, turn.CancellationToken);
            Log.DraftCancelled(logger, stored.Value.Draft.Id);
            await turn.RespondWithCardAsync(ReportWizardCards.Notice(turn.Language, Texts.WizardCancelled.For(turn.Language)));
            return;
        }

        if (await LoadAsync(turn, stored.Value.Draft.Year) is not { } plan)
        {
            return;
        }

        try
        {
            if (string.Equals(action.Verb, WizardVerbs.Submit, StringComparison.OrdinalIgnoreCase))
            {
                await SubmitAsync(turn, plan, stored);
                return;
            }

            await StepActionAsync(turn, plan, stored, action);
        }
        catch (ConcurrentUpdateException)
        {
            Log.DraftConflict(logger, stored.Value.Draft.Id);
            var latest = await drafts.GetAsync(conversationId, turn.CancellationToken);
            if (latest is null)
            {
                await turn.RespondWithCardAsync(ReportWizardCards.Notice(turn.Language, Texts.WizardNoDraft.For(turn.Language)));
                return;
            }

            await RespondWithCurrentAsync(turn, latest.Value, plan);
        }
    }

    /// <summary>The draft as it stands: the confirmation once submitted, its current step otherwise.</summary>
    private async Task RespondWithCurrentAsync(TurnContext turn, ReportWizardDraft wizard, ReportPlanContext? plan = null)
    {
        if (wizard.SubmittedReportId is { } id)
        {
            await turn.RespondWithCardAsync(ReportWizardCards.Confirmation(turn.Language, ReportNumbers.For(id, wizard.Draft.Year), NameOf(wizard.Draft)));
            return;
        }

        if ((plan ?? await LoadAsync(turn, wizard.Draft.Year)) is { } loaded)
        {
            await RespondWithStepAsync(turn, loaded, wizard, ValidationResult.Valid);
        }
    }

    /// <summary>Stores a file sent in personal chat as evidence of the draft in progress (or says why not).</summary>
    public async Task<LocalizedText?> AddFileAsync(TurnContext turn, EvidenceFileReference file, Func<string, string?> refuse)
    {
        var stored = await drafts.GetAsync(turn.Conversation.ConversationId, turn.CancellationToken);
        if (stored is null || stored.Value.SubmittedReportId is not null)
        {
            await turn.ReplyAsync(Texts.WizardFileNoDraft);
            return null;
        }

        if (refuse(file.Name) is { } refusal)
        {
            await turn.ReplyAsync(TurnContext.MessageText(refusal));
            return null;
        }

        var field = s_form.Field(ReportFields.Evidence);
        var indices = ReportValues.EntryIndices(field.Id, stored.Value.Draft.Values);
        if (indices.Count >= field.MaxEntries)
        {
            await turn.ReplyAsync(TurnContext.MessageText(Texts.WizardFileRefusedFull.Format(turn.Language, file.Name, field.MaxEntries)));
            return null;
        }

        var next = indices.Count == 0 ? 0 : indices[^1] + 1;
        var values = stored.Value.Draft.Values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        values[$"evidence.{next}.kind"] = EvidenceFiles.GuessKind(file.Name, file.ContentType);
        values[$"evidence.{next}.fileName"] = file.Name;
        if (file.ContentType is { Length: > 0 } type)
        {
            values[$"evidence.{next}.contentType"] = type;
        }

        if (file.Size is { } size)
        {
            values[$"evidence.{next}.size"] = size.ToString(CultureInfo.InvariantCulture);
        }

        var draft = stored.Value.Draft with { Values = values };
        var saved = await drafts.SaveAsync(turn.Conversation.ConversationId, stored.Value with { Draft = draft, UpdatedAt = time.GetUtcNow() }, stored.ETag, turn.CancellationToken);
        Log.FileStored(logger, draft.Id, file.Size ?? -1);
        var sizeText = file.Size is { } bytes ? FileSizes.Describe(bytes, turn.Language) : Texts.WizardFileSizeUnknown.For(turn.Language);
        await turn.ReplyAsync(TurnContext.MessageText(Texts.WizardFileStored.Format(turn.Language, file.Name, sizeText, NameOf(draft))));
        if (saved.Value.Draft.CurrentStep == ReportSteps.Evidence && await LoadAsync(turn, draft.Year) is { } plan)
        {
            await turn.ReplyCardAsync(ReportWizardCards.Step(saved.Value, RenderContext(turn, plan, saved.Value, ValidationResult.Valid), NameOf(saved.Value.Draft)));
        }

        return null;
    }

    private async Task StartAsync(TurnContext turn, CardAction action)
    {
        // Teams delivers an activity again when its answer was slow (PROTOCOL.md §1.6). The draft records the activity
        // that started it, so a redelivery finds it and shows where it stands: a start writes no receipt of its own.
        var conversationId = turn.Conversation.ConversationId;
        var current = await drafts.GetAsync(conversationId, turn.CancellationToken);
        var startActivity = turn.Activity.Id is { Length: > 0 } activityId ? ActivityFingerprint.Of(activityId) : null;
        if (current is not null && startActivity is not null
            && string.Equals(current.Value.StartActivityId, startActivity, StringComparison.Ordinal))
        {
            await RespondWithCurrentAsync(turn, current.Value);
            return;
        }

        if (await LoadAsync(turn, withReports: true) is not { } plan)
        {
            return;
        }

        var unscheduled = string.Equals(action.GetString(WizardVerbs.UnscheduledKey), "true", StringComparison.OrdinalIgnoreCase);
        ReportPrefill? prefill = null;
        if (!unscheduled)
        {
            var spaceId = action.GetString(WizardVerbs.SpaceKey);
            var space = plan.Plan.Spaces.FirstOrDefault(s => string.Equals(s.Id, spaceId, StringComparison.Ordinal));
            if (space is null)
            {
                await ShowPickerAsync(turn, Texts.WizardUnknownSpace.Format(turn.Language, plan.Plan.Year));
                return;
            }

            if (!plan.MayReport(space))
            {
                Log.AreaRefused(logger, turn.User.AadObjectId ?? turn.User.Id, "space");
                await ShowPickerAsync(turn, Texts.WizardSpaceNotYours.For(turn.Language));
                return;
            }

            // The picker's list may be a few seconds old or name a claim that no longer holds: the report decides.
            if (plan.ReportOf(space.Id) is { } existing
                && await reports.GetAsync(plan.EntityId, existing.Year, existing.ReportId, turn.CancellationToken) is { } holder
                && string.Equals(holder.Value.SpaceId, space.Id, StringComparison.Ordinal))
            {
                await turn.RespondWithTextAsync(Texts.WizardAlreadyReported.Filled(ReportNumbers.For(existing.ReportId, existing.Year)));
                return;
            }

            prefill = SpacePrefill.From(space, plan.Activity(space));
        }

        var draft = ReportDraft.Start(await numbers.TakeAsync(plan.EntityId, plan.Plan.Year, turn.CancellationToken), plan.Plan.Year, s_form, prefill, plan.Validation.Catalogs);
        if (unscheduled)
        {
            draft = draft with { Values = new Dictionary<string, string>(StringComparer.Ordinal) { ["space.unscheduled"] = "true" } };
        }
        else if (plan.Validation.AllowedAreas.Count == 1 && draft.Value("area.leader") is null)
        {
            draft = draft with { Values = new Dictionary<string, string>(draft.Values, StringComparer.Ordinal) { ["area.leader"] = plan.Validation.AllowedAreas.First() } };
        }

        var now = time.GetUtcNow();
        var wizard = new ReportWizardDraft
        {
            Draft = draft,
            EntityId = plan.EntityId,
            UserId = turn.User.AadObjectId ?? turn.User.Id,
            StartedAt = now,
            UpdatedAt = now,
            StartActivityId = startActivity,
        };
        // A double click on «Reportar este» (two invokes at once) must not start two drafts: the card of the first would
        // belong to a discarded draft. A draft this same start made moments ago, still untouched, is shown instead.
        if (IsSameFreshStart(current, draft, now))
        {
            await RespondWithStepAsync(turn, plan, current!.Value, ValidationResult.Valid);
            return;
        }

        Versioned<ReportWizardDraft> saved;
        try
        {
            saved = await drafts.SaveAsync(conversationId, wizard, current?.ETag, turn.CancellationToken);
        }
        catch (ConcurrentUpdateException)
        {
            var winner = await drafts.GetAsync(conversationId, turn.CancellationToken);
            if (IsSameFreshStart(winner, draft, now))
            {
                await RespondWithStepAsync(turn, plan, winner!.Value, ValidationResult.Valid);
                return;
            }

            saved = await drafts.ReplaceAnyAsync(conversationId, wizard, turn.CancellationToken);
        }

        Log.DraftStarted(logger, draft.Id, unscheduled);
        await RespondWithStepAsync(turn, plan, saved.Value, ValidationResult.Valid);
    }

    /// <summary>The stored draft is what this start would create (same first step and values), started within seconds.</summary>
    private static bool IsSameFreshStart(Versioned<ReportWizardDraft>? stored, ReportDraft fresh, DateTimeOffset now) =>
        stored?.Value is { SubmittedReportId: null, ReturnToReview: false } wizard
        && now - wizard.StartedAt <= TimeSpan.FromSeconds(30)
        && wizard.Draft.CurrentStep == fresh.CurrentStep
        && wizard.Draft.Values.Count == fresh.Values.Count
        && fresh.Values.All(pair => wizard.Draft.Values.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private async Task StepActionAsync(TurnContext turn, ReportPlanContext plan, Versioned<ReportWizardDraft> stored, CardAction action)
    {
        var wizard = stored.Value;
        var stepId = action.GetString(WizardVerbs.StepKey) is { } s && IsStep(s) ? s : wizard.Draft.CurrentStep;
        var verb = action.Verb.ToLowerInvariant();

        if (verb == WizardVerbs.Edit)
        {
            var target = action.GetString(WizardVerbs.TargetKey);
            if (target is null || target == ReportSteps.Review || !IsStep(target))
            {
                target = s_form.Steps[0].Id;
            }

            var editing = wizard with { Draft = wizard.Draft.MoveTo(s_form, target), ReturnToReview = true, UpdatedAt = time.GetUtcNow() };
            var savedEdit = await drafts.SaveAsync(turn.Conversation.ConversationId, editing, stored.ETag, turn.CancellationToken);
            await RespondWithStepAsync(turn, plan, savedEdit.Value, ValidationResult.Valid);
            return;
        }

        if (!string.Equals(stepId, wizard.Draft.CurrentStep, StringComparison.Ordinal))
        {
            // A card of a step the delegate already left (a double click, an older message): show where they are, change nothing.
            await RespondWithStepAsync(turn, plan, wizard, ValidationResult.Valid);
            return;
        }

        if (stepId == ReportSteps.Review)
        {
            // Back from the review: the last editable step.
            var last = s_form.Previous(ReportSteps.Review)!.Id;
            var back = wizard with { Draft = wizard.Draft.MoveTo(s_form, last), ReturnToReview = false, UpdatedAt = time.GetUtcNow() };
            var savedBack = await drafts.SaveAsync(turn.Conversation.ConversationId, back, stored.ETag, turn.CancellationToken);
            await RespondWithStepAsync(turn, plan, savedBack.Value, ValidationResult.Valid);
            return;
        }

        var submitted = MergeLists(wizard.Draft, stepId, action.Inputs(WizardVerbs.Reserved, ReportDraft.MaxStoredKeys));
        SpaceCardInputs.DropSpaceWhenUnscheduled(submitted);
        if (verb == WizardVerbs.Remove && action.GetString(WizardVerbs.FieldKey) is { } fieldId
            && s_form.TryGetField(fieldId, out var listField) && listField.IsList && listField.StepId == stepId
            && int.TryParse(action.GetString(WizardVerbs.IndexKey), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            submitted = RemoveEntry(submitted, listField, index);
        }

        // Blank inputs are absent values (a blank new entry is not an entry). Removing while enumerating is allowed and keeps the order.
        foreach (var (key, value) in submitted)
        {
            if (string.IsNullOrWhiteSpace(value) && s_form.Match(key)?.Index is not null)
            {
                submitted.Remove(key);
            }
        }

        var validation = ReportValidator.ValidateStep(s_form, stepId, submitted, plan.Validation, wizard.Draft.Values);
        if (validation.Errors.Any(e => e.Key == "area.leader") && submitted.TryGetValue("area.leader", out var leader) && !string.IsNullOrWhiteSpace(leader))
        {
            // A leader area the user does not belong to: refused, and logged without what was typed.
            Log.AreaRefused(logger, turn.User.AadObjectId ?? turn.User.Id, "area.leader");
        }

        var draft = WithoutDroppedEntries(wizard.Draft.Apply(s_form, stepId, submitted), stepId, submitted);
        var returnToReview = wizard.ReturnToReview;
        var shown = validation;
        switch (verb)
        {
            case WizardVerbs.Next when validation.IsValid:
                var next = returnToReview ? ReportSteps.Review : s_form.Next(stepId)!.Id;
                draft = draft.MoveTo(s_form, next);
                returnToReview = false;
                shown = ValidationResult.Valid;
                break;
            case WizardVerbs.Back:
                draft = draft.MoveTo(s_form, s_form.Previous(stepId)?.Id ?? stepId);
                shown = ValidationResult.Valid;
                break;
            case WizardVerbs.Add or WizardVerbs.Remove:
                draft = draft.MoveTo(s_form, stepId);
                // Only the errors of what is on the card: a blank new entry is not an error yet.
                shown = validation;
                break;
            default:
                draft = draft.MoveTo(s_form, stepId);
                break;
        }

        var updated = wizard with { Draft = draft, ReturnToReview = returnToReview, UpdatedAt = time.GetUtcNow() };
        var saved = await drafts.SaveAsync(turn.Conversation.ConversationId, updated, stored.ETag, turn.CancellationToken);
        await RespondWithStepAsync(turn, plan, saved.Value, shown);
    }

    private async Task SubmitAsync(TurnContext turn, ReportPlanContext plan, Versioned<ReportWizardDraft> stored)
    {
        var wizard = stored.Value;
        var built = ReportBuilder.Build(s_form, wizard.Draft, plan.Validation);
        if (!built.Succeeded)
        {
            if (built.Validation.Errors.Any(e => e.Key == "area.leader"))
            {
                Log.AreaRefused(logger, turn.User.AadObjectId ?? turn.User.Id, "area.leader");
            }

            await turn.RespondWithCardAsync(ReportWizardCards.Review(wizard, RenderContext(turn, plan, wizard, built.Validation), NameOf(wizard.Draft)));
            return;
        }

        var role = plan.Roles.IsCoordinator && !plan.Roles.IsDelegateOf(built.Report!.LeaderArea) ? ReportActorRole.Coordinator : ReportActorRole.Delegate;
        var now = time.GetUtcNow();
        var transition = ReportWorkflow.Submit(built, role, plan.Validation, now);
        if (!transition.Succeeded)
        {
            var culture = turn.Language.ToCulture();
            await turn.RespondWithCardAsync(ReportWizardCards.Review(
                wizard, RenderContext(turn, plan, wizard, transition.Validation), NameOf(wizard.Draft), Texts.WizardSubmitRefused, transition.Refusal?.For(culture)));
            return;
        }

        // SubmittedBy is who the approval or return is told to (docs/report-review.md).
        var submitted = transition.Report! with { SubmittedBy = turn.User.AadObjectId ?? turn.User.Id };
        var report = ReportHistory.Record(s_form, null, submitted, wizard.UserId ?? turn.User.Id ?? "?", now);
        Versioned<ParticipationReport> created;
        bool isNew;
        try
        {
            (created, isNew) = await reports.CreateAsync(plan.EntityId, report, turn.CancellationToken);
        }
        catch (SpaceAlreadyReportedException taken)
        {
            // Another draft for the same space was submitted first: this one is kept as it is, with the way forward.
            Log.SpaceTaken(logger, wizard.Draft.Id, taken.Holder.ReportId);
            var context = RenderContext(turn, plan, wizard, ValidationResult.Valid);
            var spaceName = plan.Plan.Spaces.FirstOrDefault(s => s.Id == taken.SpaceId)?.Name ?? taken.SpaceId;
            var detail = Texts.WizardSpaceTaken.Format(
                turn.Language, spaceName, ReportNumbers.For(taken.Holder.ReportId, taken.Holder.Year), context.Text(s_form.Step(ReportSteps.Space).Title));
            await turn.RespondWithCardAsync(ReportWizardCards.Review(wizard, context, NameOf(wizard.Draft), Texts.WizardSubmitRefused, detail));
            return;
        }

        Log.ReportSubmitted(logger, created.Value.Id, isNew);
        try
        {
            await drafts.SaveAsync(turn.Conversation.ConversationId, wizard with { SubmittedReportId = created.Value.Id, UpdatedAt = now }, stored.ETag, turn.CancellationToken);
        }
        catch (ConcurrentUpdateException)
        {
            // A second click got here first and marked the draft: the report exists once either way.
            Log.DraftConflict(logger, wizard.Draft.Id);
        }

        await turn.RespondWithCardAsync(ReportWizardCards.Confirmation(turn.Language, ReportNumbers.For(created.Value.Id, created.Value.Year), created.Value.Name));
    }

    private static async Task RespondWithStepAsync(TurnContext turn, ReportPlanContext plan, ReportWizardDraft wizard, ValidationResult validation)
    {
        if (wizard.Draft.CurrentStep == ReportSteps.Review)
        {
            var all = ReportValidator.ValidateAll(s_form, wizard.Draft.Values, plan.Validation);
            await turn.RespondWithCardAsync(ReportWizardCards.Review(wizard, RenderContext(turn, plan, wizard, all), NameOf(wizard.Draft)));
            return;
        }

        await turn.RespondWithCardAsync(ReportWizardCards.Step(wizard, RenderContext(turn, plan, wizard, validation), NameOf(wizard.Draft)));
    }

    private static FieldRenderContext RenderContext(TurnContext turn, ReportPlanContext plan, ReportWizardDraft wizard, ValidationResult validation)
    {
        // The space list offers the user's own spaces (and the one chosen), not the whole schedule: the card stays small.
        var offered = plan.OfferedSpaces(wizard.Draft.Value("space.id"));
        var options = plan.Validation with { KnownSpaceIds = offered };
        return new FieldRenderContext(s_form, wizard.Draft.Values, validation, options, turn.Language, plan.SpaceLabels) { ActivityLabels = plan.ActivityLabels };
    }

    private async Task<ReportPlanContext?> LoadAsync(TurnContext turn, int? year = null, bool withReports = false)
    {
        var (plan, planYear) = await loader.LoadAsync(turn, year, withReports);
        if (plan is null)
        {
            await turn.RespondWithCardAsync(ReportWizardCards.Notice(turn.Language, Texts.WizardNoPlan.Format(turn.Language, planYear)));
            return null;
        }

        if (plan.Roles.IsNobody || plan.Validation.AllowedAreas.Count == 0 && !plan.Roles.IsCoordinator)
        {
            await turn.RespondWithTextAsync(Texts.WizardNoRole);
            return null;
        }

        return plan;
    }

    private static DraftSummary? Summary(ReportWizardDraft? wizard)
    {
        if (wizard is null || wizard.SubmittedReportId is not null)
        {
            return null;
        }

        var step = s_form.Step(wizard.Draft.CurrentStep);
        var steps = ReportWizardCards.EditableSteps(s_form);
        return new DraftSummary(NameOf(wizard.Draft), Math.Min(step.Number, steps), steps);
    }

    private static string NameOf(ReportDraft draft) => draft.Value(ReportFields.Name) is { } name
        ? ReportFieldCardRenderer.Shorten(name, 80)
        : "—";

    /// <summary>
    /// Saved list entries are shown as lines, not inputs, so the card does not send them back; they are added to what
    /// the card sent so that applying the step (which replaces a field's values) keeps them.
    /// </summary>
    private static Dictionary<string, string> MergeLists(ReportDraft draft, string stepId, Dictionary<string, string> submitted)
    {
        var merged = new Dictionary<string, string>(submitted, StringComparer.Ordinal);
        var sentIndices = new HashSet<int>();
        foreach (var field in s_form.FieldsOf(stepId))
        {
            if (!field.IsList)
            {
                continue;
            }

            sentIndices.Clear();
            foreach (var key in submitted.Keys)
            {
                if (s_form.Match(key) is { Index: { } sent } match && match.Field.Id == field.Id)
                {
                    sentIndices.Add(sent);
                }
            }

            foreach (var (key, value) in draft.Values)
            {
                if (s_form.Match(key) is { } match && match.Field.Id == field.Id && (match.Index is null ? !submitted.ContainsKey(key) : !sentIndices.Contains(match.Index.Value)))
                {
                    merged.TryAdd(key, value);
                }
            }
        }

        return merged;
    }

    /// <summary>List entries of the step that are no longer submitted (removed) leave the draft.</summary>
    private static ReportDraft WithoutDroppedEntries(ReportDraft draft, string stepId, Dictionary<string, string> submitted)
    {
        // Usually nothing was removed: the draft is then kept as it is rather than copied.
        var dropped = 0;
        foreach (var key in draft.Values.Keys)
        {
            if (IsDropped(key, stepId, submitted))
            {
                dropped++;
            }
        }

        if (dropped == 0)
        {
            return draft;
        }

        var kept = new Dictionary<string, string>(draft.Values.Count - dropped, StringComparer.Ordinal);
        foreach (var (key, value) in draft.Values)
        {
            if (!IsDropped(key, stepId, submitted))
            {
                kept[key] = value;
            }
        }

        return draft with { Values = kept };
    }

    private static bool IsDropped(string key, string stepId, Dictionary<string, string> submitted) =>
        s_form.Match(key) is { Index: not null } match && match.Field.StepId == stepId && !submitted.ContainsKey(key);

    private static bool IsStep(string id)
    {
        foreach (var step in s_form.Steps)
        {
            if (step.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes entry <paramref name="index"/> of a list (and of its companion list) and renumbers the rest.</summary>
    private static Dictionary<string, string> RemoveEntry(Dictionary<string, string> values, FormField field, int index)
    {
        var lists = ReportFieldCardRenderer.Companions.Where(c => c.Value == field.Id).Select(c => c.Key).Prepend(field.Id).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            var match = s_form.Match(key);
            if (match?.Index is not { } i || !lists.Contains(match.Field.Id))
            {
                result[key] = value;
                continue;
            }

            if (i == index)
            {
                continue;
            }

            var renumbered = i > index ? i - 1 : i;
            result[match.Part.Id.Length == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{match.Field.Id}.{renumbered}")
                : string.Create(CultureInfo.InvariantCulture, $"{match.Field.Id}.{renumbered}.{match.Part.Id}")] = value;
        }

        return result;
    }
}
