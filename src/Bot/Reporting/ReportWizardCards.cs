using System.Globalization;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Reporting;

/// <summary>Verbs of the wizard's buttons (Action.Execute with an Action.Submit fallback; both carry the same data).</summary>
internal static class WizardVerbs
{
    public const string Start = "report.start";
    public const string Next = "report.next";
    public const string Back = "report.back";
    public const string Edit = "report.edit";
    public const string Add = "report.add";
    public const string Remove = "report.remove";
    public const string Submit = "report.submit";
    public const string Cancel = "report.cancel";

    /// <summary>Keys of the action data that are not card inputs.</summary>
    public const string DraftKey = "draftId";
    public const string StepKey = "step";
    public const string TargetKey = "target";
    public const string FieldKey = "field";
    public const string IndexKey = "index";
    public const string SpaceKey = "spaceId";
    public const string UnscheduledKey = "unscheduled";

    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        DraftKey, StepKey, TargetKey, FieldKey, IndexKey, SpaceKey, UnscheduledKey,
    };
}

/// <summary>A space as the picker lists it.</summary>
/// <param name="Locked">Its cuatrimestre closed: it cannot be reported without a coordinator's unlock.</param>
internal sealed record SpaceOption(string Id, string Name, DateOnly? Date, string? Area, bool Locked = false);

/// <summary>The draft in progress as a one-line reminder.</summary>
internal sealed record DraftSummary(string Name, int Step, int Steps);

/// <summary>The cards of the report wizard (docs/report-wizard.md).</summary>
internal static class ReportWizardCards
{
    private const int MaxListedSpaces = 12;

    /// <summary>The steps the delegate fills in (the review is not counted: "Paso 3 de 7").</summary>
    public static int EditableSteps(ReportForm form) => form.Steps.Count - 1;

    /// <summary>First card: the spaces due a report, the upcoming ones, "not scheduled", and the draft in progress.</summary>
    public static AdaptiveCard Picker(UserLanguage language, IReadOnlyList<SpaceOption> due, IReadOnlyList<SpaceOption> upcoming, DraftSummary? draft, string? notice = null)
    {
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.Heading(Texts.WizardPickerTitle.For(language)));
        if (notice is not null)
        {
            builder.Add(CardElements.TextBlock(notice, color: "attention"));
        }

        if (draft is not null)
        {
            builder.Add(CardElements.Container(
            [
                CardElements.TextBlock(Texts.WizardPickerDraft.Format(language, draft.Name, draft.Step, draft.Steps)),
                CardElements.ActionSet([CardActions.Execute(Texts.WizardContinueButton.For(language), BotCommands.Continue.Id)]),
            ], style: "emphasis"));
        }

        builder.Add(CardElements.TextBlock(due.Count == 0 ? Texts.WizardPickerNoneDue.For(language) : Texts.WizardPickerDue.For(language), bold: true, separator: true));
        foreach (var space in due.Take(MaxListedSpaces))
        {
            builder.Add(CardElements.Container(
            [
                CardElements.TextBlock(space.Name, bold: true),
                CardElements.TextBlock(SpaceLine(space, language), subtle: true),
                space.Locked
                    ? CardElements.TextBlock(Texts.WizardSpaceLocked.For(language), color: "warning")
                    : CardElements.ActionSet([CardActions.Execute(Texts.WizardReportThis.For(language), WizardVerbs.Start, new CardObject { [WizardVerbs.SpaceKey] = space.Id })]),
            ]));
        }

        if (upcoming.Count > 0)
        {
            builder.Add(CardElements.TextBlock(Texts.WizardPickerUpcoming.For(language), bold: true, separator: true));
            builder.Add(CardElements.FactSet(upcoming.Take(5).Select(s => (Date(s.Date, language), s.Name))));
        }

        builder.Add(CardElements.TextBlock(Texts.WizardPickerUnscheduledHelp.For(language), subtle: true, separator: true));
        builder.Add(CardElements.ActionSet(
        [
            CardActions.Execute(Texts.WizardUnscheduledButton.For(language), WizardVerbs.Start, new CardObject { [WizardVerbs.UnscheduledKey] = "true" }),
        ]));
        return builder.WithFallbackText(Texts.WizardPickerTitle.For(language)).Build();
    }

    /// <summary>"Mis pendientes": the draft in progress and the spaces due a report.</summary>
    public static AdaptiveCard Pending(UserLanguage language, IReadOnlyList<SpaceOption> due, DraftSummary? draft)
    {
        var builder = new AdaptiveCardBuilder().Add(CardElements.Heading(Texts.WizardPendingTitle.For(language)));
        if (draft is null && due.Count == 0)
        {
            builder.Add(CardElements.TextBlock(Texts.WizardPendingNothing.For(language)));
        }

        if (draft is not null)
        {
            builder.Add(CardElements.TextBlock(Texts.WizardPendingDraft.Format(language, draft.Name, draft.Step, draft.Steps)));
            builder.Add(CardElements.ActionSet([CardActions.Execute(Texts.WizardContinueButton.For(language), BotCommands.Continue.Id)]));
        }

        if (due.Count > 0)
        {
            builder.Add(CardElements.TextBlock(Texts.WizardPickerDue.For(language), bold: true, separator: true));
            foreach (var space in due.Take(MaxListedSpaces))
            {
                builder.Add(CardElements.TextBlock($"{space.Name} — {SpaceLine(space, language)}"));
            }

            builder.Add(CardElements.ActionSet([CardActions.Execute(BotCommands.Report.Title.For(language), BotCommands.Report.Id)]));
        }

        return builder.WithFallbackText(Texts.WizardPendingTitle.For(language)).Build();
    }

    /// <summary>One step of the report, with its progress line, errors next to the fields and the navigation buttons.</summary>
    public static AdaptiveCard Step(ReportWizardDraft wizard, FieldRenderContext context, string reportName)
    {
        ArgumentNullException.ThrowIfNull(wizard);
        ArgumentNullException.ThrowIfNull(context);
        var language = context.Language;
        var form = context.Form;
        var step = form.Step(wizard.Draft.CurrentStep);
        var data = new CardObject { [WizardVerbs.DraftKey] = wizard.Draft.Id, [WizardVerbs.StepKey] = step.Id };
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.TextBlock(Texts.WizardProgress.Format(language, step.Number, EditableSteps(form)), subtle: true))
            .Add(CardElements.Heading(context.Text(step.Title)))
            .Add(CardElements.TextBlock(Texts.WizardTitle.Format(language, reportName), subtle: true))
            .Add(CardElements.TextBlock(context.Text(step.Help)));
        var errors = context.Validation.Errors.Count(e => form.TryGetField(e.FieldId, out var f) && f.StepId == step.Id);
        if (errors > 0)
        {
            builder.Add(CardElements.TextBlock(Texts.WizardFixErrors.Format(language, errors), color: "attention", bold: true));
        }

        if (step.Id == ReportSteps.Evidence)
        {
            builder.Add(CardElements.TextBlock(Texts.WizardFileHint.For(language), subtle: true));
        }

        var withEntryActions = context with
        {
            EntryAction = (field, index, title) => CardActions.Execute(title, WizardVerbs.Remove, With(data, (WizardVerbs.FieldKey, field.Id), (WizardVerbs.IndexKey, index.ToString(CultureInfo.InvariantCulture)))),
        };
        builder.AddRange(ReportFieldCardRenderer.RenderStep(step.Id, withEntryActions));

        var lists = form.FieldsOf(step.Id).Where(f => f.IsList && !ReportFieldCardRenderer.Companions.ContainsKey(f.Id)).ToList();
        if (lists.Count > 0)
        {
            builder.Add(CardElements.ActionSet([.. lists.Select(f => CardActions.Execute(
                $"{Texts.WizardAddEntry.For(language)}: {context.Text(f.Label)}", WizardVerbs.Add, With(data, (WizardVerbs.FieldKey, f.Id))))]));
        }

        builder.AddAction(CardActions.Execute((wizard.ReturnToReview ? Texts.WizardSaveAndReview : Texts.WizardNext).For(language), WizardVerbs.Next, data));
        if (form.Previous(step.Id) is not null)
        {
            builder.AddAction(CardActions.Execute(Texts.WizardBack.For(language), WizardVerbs.Back, data));
        }

        builder.AddAction(CardActions.Execute(Texts.WizardCancel.For(language), WizardVerbs.Cancel, data));
        return builder.WithFallbackText(Texts.WizardProgress.Format(language, step.Number, EditableSteps(form))).Build();
    }

    /// <summary>The review: every step summarised (as the export writes it) with its errors and an "Edit" button.</summary>
    public static AdaptiveCard Review(ReportWizardDraft wizard, FieldRenderContext context, string reportName, LocalizedText? refusal = null, string? refusalDetail = null)
    {
        ArgumentNullException.ThrowIfNull(wizard);
        ArgumentNullException.ThrowIfNull(context);
        var language = context.Language;
        var form = context.Form;
        var data = new CardObject { [WizardVerbs.DraftKey] = wizard.Draft.Id, [WizardVerbs.StepKey] = ReportSteps.Review };
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.TextBlock(Texts.WizardReviewProgress.For(language), subtle: true))
            .Add(CardElements.Heading(context.Text(form.Step(ReportSteps.Review).Title)))
            .Add(CardElements.TextBlock(Texts.WizardTitle.Format(language, reportName), subtle: true))
            .Add(CardElements.TextBlock(Texts.WizardReviewIntro.For(language)));
        if (refusal is not null)
        {
            builder.Add(CardElements.TextBlock(refusal.Format(language, refusalDetail), color: "attention", bold: true));
        }

        if (!context.Validation.IsValid)
        {
            builder.Add(CardElements.TextBlock(Texts.WizardReviewInvalid.Format(language, context.Validation.Errors.Count), color: "attention", bold: true));
        }

        foreach (var step in form.Steps.Where(s => s.Id != ReportSteps.Review))
        {
            var items = new List<CardObject>
            {
                CardElements.TextBlock($"{step.Number}. {context.Text(step.Title)}", bold: true, separator: true),
                CardElements.FactSet(ReportFieldCardRenderer.Summary(step.Id, context)),
            };
            items.AddRange(ReportFieldCardRenderer.Errors(context.Validation.Errors.Where(e => form.TryGetField(e.FieldId, out var f) && f.StepId == step.Id), context));
            items.Add(CardElements.ActionSet([CardActions.Execute(
                $"{Texts.WizardEdit.For(language)}: {context.Text(step.Title)}", WizardVerbs.Edit, With(data, (WizardVerbs.TargetKey, step.Id)))]));
            builder.Add(CardElements.Container(items));
        }

        builder.AddAction(CardActions.Execute(Texts.WizardSubmit.For(language), WizardVerbs.Submit, data));
        builder.AddAction(CardActions.Execute(Texts.WizardBack.For(language), WizardVerbs.Back, data));
        builder.AddAction(CardActions.Execute(Texts.WizardCancel.For(language), WizardVerbs.Cancel, data));
        return builder.WithFallbackText(Texts.WizardReviewIntro.For(language)).Build();
    }

    /// <summary>After submitting: the report's number and what happens next.</summary>
    public static AdaptiveCard Confirmation(UserLanguage language, string number, string reportName) =>
        new AdaptiveCardBuilder()
            .Add(CardElements.Heading(Texts.WizardConfirmedTitle.Format(language, number)))
            .Add(CardElements.TextBlock(Texts.WizardConfirmedBody.Format(language, reportName, number)))
            .Add(CardElements.TextBlock(Texts.WizardConfirmedNext.For(language), subtle: true))
            .Add(CardElements.ActionSet(
            [
                CardActions.Execute(Texts.WizardReportAnother.For(language), BotCommands.Report.Id),
                CardActions.Execute(BotCommands.Pending.Title.For(language), BotCommands.Pending.Id),
            ]))
            .WithFallbackText(Texts.WizardConfirmedTitle.Format(language, number))
            .Build();

    /// <summary>A short notice (cancelled, no draft, no plan) with the button to start a report.</summary>
    public static AdaptiveCard Notice(UserLanguage language, string text) =>
        new AdaptiveCardBuilder()
            .Add(CardElements.TextBlock(text))
            .Add(CardElements.ActionSet([CardActions.Execute(BotCommands.Report.Title.For(language), BotCommands.Report.Id)]))
            .WithFallbackText(text)
            .Build();

    public static SpaceOption Option(ScheduledSpace space, bool locked = false) => new(space.Id, space.Name, space.Period.Start, space.LeaderArea, locked);

    private static string SpaceLine(SpaceOption space, UserLanguage language) =>
        Texts.WizardSpaceLine.Format(language, Date(space.Date, language), space.Area ?? "—");

    private static string Date(DateOnly? date, UserLanguage language) =>
        date is { } d ? d.ToString("d MMM yyyy", language.ToCulture()) : Texts.WizardNoDate.For(language);

    private static CardObject With(CardObject data, params (string Key, string Value)[] extra)
    {
        var copy = data.Copy(extra.Length);
        foreach (var (key, value) in extra)
        {
            copy[key] = value;
        }

        return copy;
    }
}
