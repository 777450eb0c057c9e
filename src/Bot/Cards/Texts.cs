using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Cards;

/// <summary>
/// Every text the conversation layer shows, in one place (Spanish es-CO first, then English).
/// Handlers and card builders read from here; no user-facing literal lives anywhere else.
/// Later features add their own entries here, grouped under a comment with the feature's name.
/// </summary>
internal static partial class Texts
{
    // Welcome (personal chat) and help.
    public static readonly LocalizedText WelcomeTitle = new(
        "welcome.title",
        "¡Hola! Soy ParticipaBot",
        "Hi! I'm ParticipaBot");

    public static readonly LocalizedText WelcomeIntro = new(
        "welcome.intro",
        "Te acompaño con la estrategia anual de participación ciudadana de tu entidad (MIPG, Ley 1757 de 2015): "
            + "te recuerdo los espacios de participación a tu cargo, te ayudo a reportarlos desde este chat "
            + "y te muestro el avance del plan.",
        "I help you run your entity's yearly citizen-participation strategy (MIPG, Law 1757 of 2015): "
            + "I remind you of the participation spaces you lead, help you report them from this chat "
            + "and show how the plan is going.");

    public static readonly LocalizedText WelcomeDevelopmentRoles = new(
        "welcome.developmentRoles",
        "Modo de desarrollo: aquí puedes actuar como delegado de cualquier dependencia y como coordinador, "
            + "y ya hay un plan de ejemplo cargado para que pruebes todo.",
        "Development mode: here you may act as delegate of any area and as coordinator, "
            + "and a sample plan is already loaded so you can try everything.");

    public static readonly LocalizedText WelcomeCommandsHeading = new(
        "welcome.commandsHeading",
        "Escribe un comando o toca un botón:",
        "Type a command or tap a button:");

    public static readonly LocalizedText HelpTitle = new(
        "help.title",
        "Lo que puedo hacer",
        "What I can do");

    public static readonly LocalizedText HelpIntro = new(
        "help.intro",
        "Escribe uno de estos comandos (sin importar tildes ni mayúsculas) o toca un botón.",
        "Type one of these commands (accents and capitals don't matter) or tap a button.");

    public static readonly LocalizedText HelpButton = new(
        "help.button",
        "Ver comandos",
        "See commands");

    // Team (channel) installation.
    public static readonly LocalizedText ChannelNoteTitle = new(
        "channel.title",
        "¡Hola, equipo! Soy ParticipaBot",
        "Hi, team! I'm ParticipaBot");

    public static readonly LocalizedText ChannelNoteBody = new(
        "channel.body",
        "Puedo publicar en un canal los recordatorios de los espacios de participación y el avance del plan. "
            + "Para recibirlos en este canal, mencióname y escribe «notificar aquí». "
            + "Para reportar y consultar tus pendientes, escríbeme en un chat personal.",
        "I can post participation-space reminders and plan progress in a channel. "
            + "To get them in this channel, mention me and type \"notify here\". "
            + "To report and check your pending items, message me in a personal chat.");

    // Commands: button title and one line of help each.
    public static readonly LocalizedText CommandReportTitle = new("command.report.title", "Reportar", "Report");

    public static readonly LocalizedText CommandReportHelp = new(
        "command.report.help",
        "Reportar un espacio de participación realizado.",
        "Report a participation space that took place.");

    public static readonly LocalizedText CommandContinueTitle = new("command.continue.title", "Continuar", "Continue");

    public static readonly LocalizedText CommandContinueHelp = new(
        "command.continue.help",
        "Continuar el reporte que dejaste a medias.",
        "Continue the report you left unfinished.");

    public static readonly LocalizedText CommandPendingTitle = new("command.pending.title", "Mis pendientes", "My pending items");

    public static readonly LocalizedText CommandPendingHelp = new(
        "command.pending.help",
        "Ver los espacios y reportes que tienes pendientes.",
        "See the spaces and reports you have pending.");

    public static readonly LocalizedText CommandStatusTitle = new("command.status.title", "Estado", "Status");

    public static readonly LocalizedText CommandStatusHelp = new(
        "command.status.help",
        "Ver el estado del plan y sus indicadores de cumplimiento.",
        "See the plan's status and its compliance indicators.");

    public static readonly LocalizedText CommandExportTitle = new("command.export.title", "Exportar", "Export");

    public static readonly LocalizedText CommandExportHelp = new(
        "command.export.help",
        "Descargar el plan y los reportes en Excel.",
        "Download the plan and the reports as Excel.");

    public static readonly LocalizedText CommandNotifyHereTitle = new("command.notifyHere.title", "Notificar aquí", "Notify here");

    public static readonly LocalizedText CommandNotifyHereHelp = new(
        "command.notifyHere.help",
        "En un canal: publicar aquí los recordatorios y el avance del plan.",
        "In a channel: post reminders and plan progress here.");

    public static readonly LocalizedText CommandHelpTitle = new("command.help.title", "Ayuda", "Help");

    public static readonly LocalizedText CommandHelpHelp = new(
        "command.help.help",
        "Ver esta lista de comandos.",
        "Show this list of commands.");

    // Turn outcomes.
    public static readonly LocalizedText NotUnderstood = new(
        "turn.notUnderstood",
        "No entendí tu mensaje. Escribe «ayuda» o toca el botón para ver lo que puedo hacer.",
        "I didn't understand your message. Type \"help\" or tap the button to see what I can do.");

    public static readonly LocalizedText UnknownAction = new(
        "turn.unknownAction",
        "Esa acción ya no está disponible. Escribe «ayuda» para ver las opciones.",
        "That action is no longer available. Type \"help\" to see the options.");

    public static readonly LocalizedText NotAvailableYet = new(
        "turn.notAvailableYet",
        "«{0}» todavía no está disponible en esta versión de ParticipaBot.",
        "\"{0}\" is not available yet in this version of ParticipaBot.");

    public static readonly LocalizedText ActionDone = new(
        "turn.actionDone",
        "Listo.",
        "Done.");

    public static readonly LocalizedText StillWorking = new(
        "turn.stillWorking",
        "Sigo trabajando en esto; te aviso en el chat cuando termine.",
        "Still working on this; I'll let you know in the chat when it's done.");

    public static readonly LocalizedText ActionAlreadyReceived = new(
        "turn.actionAlreadyReceived",
        "Ya habíamos recibido esta acción.",
        "This action had already been received.");

    public static readonly LocalizedText Apology = new(
        "turn.apology",
        "Algo salió mal al procesar tu mensaje. Tus datos están a salvo; intenta de nuevo en un momento.",
        "Something went wrong while processing your message. Your data is safe; please try again in a moment.");
}
