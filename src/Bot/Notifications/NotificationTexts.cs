using ParticipaBot.Bot.Cards;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Notifications;

/// <summary>The texts of notifications, channel binding and failed-notification listings (es-CO first, then English).</summary>
internal static class NotificationTexts
{
    // Commands.
    public static readonly LocalizedText StopNotifyingTitle = new("command.stopNotifying.title", "Dejar de notificar", "Stop notifying");

    public static readonly LocalizedText StopNotifyingHelp = new(
        "command.stopNotifying.help",
        "En un canal: dejar de publicar aquí los recordatorios.",
        "In a channel: stop posting reminders here.");

    public static readonly LocalizedText FailedTitle = new("command.failedNotifications.title", "Notificaciones fallidas", "Failed notifications");

    public static readonly LocalizedText FailedHelp = new(
        "command.failedNotifications.help",
        "Coordinadores: ver los avisos que no se pudieron entregar.",
        "Coordinators: list the notifications that could not be delivered.");

    // Binding.
    public static readonly LocalizedText OnlyInChannel = new(
        "notify.onlyInChannel",
        "Escribe este comando en el canal de un equipo donde esté instalado ParticipaBot.",
        "Type this command in a team channel where ParticipaBot is installed.");

    public static readonly LocalizedText OnlyCoordinators = new(
        "notify.onlyCoordinators",
        "Solo los coordinadores del plan pueden hacer esto.",
        "Only the plan's coordinators can do this.");

    public static readonly LocalizedText UnknownArea = new(
        "notify.unknownArea",
        "No conozco el área «{0}». Áreas: {1}.",
        "I don't know the area \"{0}\". Areas: {1}.");

    public static readonly LocalizedText BoundPlan = new(
        "notify.boundPlan",
        "Listo: en este canal publicaré los espacios de participación del plan antes de cada uno.",
        "Done: I'll post the plan's participation spaces in this channel before each one.");

    public static readonly LocalizedText BoundArea = new(
        "notify.boundArea",
        "Listo: en este canal publicaré los espacios de participación del área {0}.",
        "Done: I'll post the participation spaces of the area {0} in this channel.");

    public static readonly LocalizedText Unbound = new(
        "notify.unbound",
        "Listo: dejé de notificar en este canal ({0}).",
        "Done: I stopped notifying in this channel ({0}).");

    public static readonly LocalizedText NothingBound = new(
        "notify.nothingBound",
        "Este canal no recibe notificaciones.",
        "This channel receives no notifications.");

    public static readonly LocalizedText WholePlan = new("notify.wholePlan", "todo el plan", "the whole plan");

    // Space card.
    public static readonly LocalizedText PreviewHeading = new("notify.preview.heading", "Próximo espacio de participación", "Upcoming participation space");

    public static readonly LocalizedText UpdatedHeading = new("notify.preview.updated", "Espacio de participación (actualizado)", "Participation space (updated)");

    public static readonly LocalizedText CancelledHeading = new("notify.preview.cancelled", "CANCELADO: este espacio no se realizará", "CANCELLED: this space will not take place");

    public static readonly LocalizedText FactWhen = new("notify.fact.when", "Cuándo", "When");

    public static readonly LocalizedText FactWhere = new("notify.fact.where", "Dónde", "Where");

    public static readonly LocalizedText FactLink = new("notify.fact.link", "Enlace", "Link");

    public static readonly LocalizedText FactModality = new("notify.fact.modality", "Modalidad", "Modality");

    public static readonly LocalizedText FactArea = new("notify.fact.area", "Área responsable", "Responsible area");

    public static readonly LocalizedText FactObjective = new("notify.fact.objective", "Objetivo", "Objective");

    public static readonly LocalizedText FactGroups = new("notify.fact.groups", "Grupos de valor", "Value groups");

    public static readonly LocalizedText FactReason = new("notify.fact.reason", "Motivo", "Reason");

    public static readonly LocalizedText NotDefined = new("notify.notDefined", "Por definir", "To be defined");

    // Reminders.
    public static readonly LocalizedText ReportDueHeading = new("notify.reportDue.heading", "Hoy se realiza: reporta este espacio", "Held today: report this space");

    public static readonly LocalizedText ReportOverdueHeading = new("notify.reportOverdue.heading", "Reporte pendiente de este espacio", "This space's report is overdue");

    public static readonly LocalizedText ProposalsHeading = new(
        "notify.proposals.heading",
        "Hay {0} observaciones o propuestas sin respuesta; el cuatrimestre cierra pronto",
        "{0} observations or proposals are unanswered; the period closes soon");

    public static readonly LocalizedText ReportButton = new("notify.reportButton", "Reportar este espacio", "Report this space");

    public static readonly LocalizedText EscalationHeading = new(
        "notify.escalation.heading",
        "Reportes vencidos: {0} espacios sin reporte",
        "Overdue reports: {0} spaces without a report");

    public static readonly LocalizedText EscalationLine = new("notify.escalation.line", "{0} — {1} ({2})", "{0} — {1} ({2})");

    // Failed notifications.
    public static readonly LocalizedText FailedHeading = new("notify.failed.heading", "Notificaciones que no se pudieron entregar", "Notifications that could not be delivered");

    public static readonly LocalizedText FailedNone = new("notify.failed.none", "No hay notificaciones fallidas.", "There are no failed notifications.");

    public static readonly LocalizedText FailedLine = new(
        "notify.failed.line",
        "{0} · {1} intentos · {2}",
        "{0} · {1} attempts · {2}");

    public static readonly LocalizedText FailedRetryButton = new("notify.failed.retry", "Reintentar todas", "Retry all");

    public static readonly LocalizedText FailedRetried = new("notify.failed.retried", "Se reintentarán {0} notificaciones.", "{0} notifications will be retried.");
}
