using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;

namespace ParticipaBot.Bot.Reporting;

/// <summary>"reportar" / "report": the first card of the wizard.</summary>
internal sealed class ReportCommandHandler(ReportWizard wizard) : ICommandHandler
{
    public CommandDescriptor Command => BotCommands.Report;

    public Task HandleAsync(TurnContext context) =>
        context.IsPersonal ? wizard.ShowPickerAsync(context) : context.RespondWithTextAsync(Texts.WizardPersonalOnly);
}

/// <summary>"continuar" / "continue": the step where the delegate stopped.</summary>
internal sealed class ContinueCommandHandler(ReportWizard wizard) : ICommandHandler
{
    public CommandDescriptor Command => BotCommands.Continue;

    public Task HandleAsync(TurnContext context) =>
        context.IsPersonal ? wizard.ContinueAsync(context) : context.RespondWithTextAsync(Texts.WizardPersonalOnly);
}

/// <summary>"mis pendientes" / "my pending": the draft in progress and the spaces due a report.</summary>
internal sealed class PendingCommandHandler(ReportWizard wizard) : ICommandHandler
{
    public CommandDescriptor Command => BotCommands.Pending;

    public Task HandleAsync(TurnContext context) =>
        context.IsPersonal ? wizard.ShowPendingAsync(context) : context.RespondWithTextAsync(Texts.WizardPersonalOnly);
}

/// <summary>The buttons of the wizard's cards, on both paths (Action.Execute and Action.Submit).</summary>
internal sealed class ReportWizardActionHandler(ReportWizard wizard) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } =
        [WizardVerbs.Start, WizardVerbs.Next, WizardVerbs.Back, WizardVerbs.Edit, WizardVerbs.Add, WizardVerbs.Remove, WizardVerbs.Submit, WizardVerbs.Cancel];

    /// <summary>
    /// A repeated «Guardar y seguir» or «Atrás» comes from a step the draft already left (shown, nothing changed); a repeated
    /// submit finds the draft submitted (the same confirmation); a repeated start finds the draft it started (the draft
    /// records that activity). Adding or removing an entry and cancelling would act twice, so they keep their receipts.
    /// </summary>
    public IReadOnlyCollection<string> RepeatSafeVerbs { get; } = [WizardVerbs.Start, WizardVerbs.Next, WizardVerbs.Back, WizardVerbs.Submit];

    public Task HandleAsync(TurnContext context, CardAction action) => wizard.HandleActionAsync(context, action);
}
