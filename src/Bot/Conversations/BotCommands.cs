using ParticipaBot.Bot.Cards;

namespace ParticipaBot.Bot.Conversations;

/// <summary>
/// The commands of ParticipaBot. Until the feature that owns one registers its handler, a placeholder answers
/// "not available yet", so the welcome and help cards already show the whole set.
/// </summary>
internal static class BotCommands
{
    public static readonly CommandDescriptor Report = new(
        "report", ["reportar", "reportar espacio"], ["report"], Texts.CommandReportTitle, Texts.CommandReportHelp, 10, RepeatSafe: true);

    public static readonly CommandDescriptor Continue = new(
        "continue", ["continuar", "seguir"], ["continue", "resume"], Texts.CommandContinueTitle, Texts.CommandContinueHelp, 20, RepeatSafe: true);

    public static readonly CommandDescriptor Pending = new(
        "pending", ["mis pendientes", "pendientes"], ["my pending items", "my pending", "pending"], Texts.CommandPendingTitle, Texts.CommandPendingHelp, 30, RepeatSafe: true);

    public static readonly CommandDescriptor Status = new(
        "status", ["estado", "resumen"], ["status", "summary"], Texts.CommandStatusTitle, Texts.CommandStatusHelp, 40);

    public static readonly CommandDescriptor Export = new(
        "export", ["exportar"], ["export"], Texts.CommandExportTitle, Texts.CommandExportHelp, 50);

    public static readonly CommandDescriptor NotifyHere = new(
        "notifyHere", ["notificar aquí", "notificar aca"], ["notify here"], Texts.CommandNotifyHereTitle, Texts.CommandNotifyHereHelp, 60, ShowButton: false);

    public static readonly CommandDescriptor Help = new(
        "help", ["ayuda", "?", "menú", "comandos"], ["help", "commands"], Texts.CommandHelpTitle, Texts.CommandHelpHelp, 100, RepeatSafe: true);

    /// <summary>The commands that later features implement; each starts as a placeholder.</summary>
    public static IReadOnlyList<CommandDescriptor> Planned { get; } = [Report, Continue, Pending, Status, Export, NotifyHere];
}
