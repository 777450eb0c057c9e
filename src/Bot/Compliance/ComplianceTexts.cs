using ParticipaBot.Bot.Cards;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Compliance;

/// <summary>The texts of summaries and exports (Spanish es-CO first, English), in the pattern of <see cref="Texts"/>.</summary>
internal static class ComplianceTexts
{
    public static readonly LocalizedText StatusTitle = new("status.title", "Estado del plan {0}", "Plan status {0}");
    public static readonly LocalizedText ScopeEntity = new("status.scope.entity", "Toda la entidad", "Whole entity");
    public static readonly LocalizedText ScopePeriod = new("status.scope.period", "Cuatrimestre {0}", "Four-month period {0}");
    public static readonly LocalizedText ScopeYear = new("status.scope.year", "Año completo", "Whole year");
    public static readonly LocalizedText CutOff = new("status.cutOff", "Corte: {0:yyyy-MM-dd}", "Cut-off: {0:yyyy-MM-dd}");
    public static readonly LocalizedText Provisional = new("status.provisional", "(provisional: el periodo sigue abierto)", "(provisional: the period is still open)");
    public static readonly LocalizedText NoData = new("status.noData", "sin datos", "no data");
    public static readonly LocalizedText Participants = new("status.participants", "{0:N0} asistentes; satisfacción media {1}", "{0:N0} participants; mean satisfaction {1}");
    public static readonly LocalizedText DaysValue = new("status.days", "{0:0.#} días hábiles", "{0:0.#} working days");
    public static readonly LocalizedText ByAreaHeading = new("status.byArea", "Por dependencia", "By area");
    public static readonly LocalizedText AreaLine = new("status.areaLine", "{0} cronograma · {1} espacios · {2} vencidos", "{0} schedule · {1} spaces · {2} overdue");
    public static readonly LocalizedText OverdueHeading = new("status.overdue", "Vencidos: {0}", "Overdue: {0}");
    public static readonly LocalizedText OverdueLine = new("status.overdueLine", "{0} ({1}, {2:yyyy-MM-dd})", "{0} ({1}, {2:yyyy-MM-dd})");
    public static readonly LocalizedText EntityOnlyNote = new(
        "status.entityOnly",
        "En esta conversación solo se muestran cifras de toda la entidad. Para ver el detalle de tu dependencia, escríbeme en un chat personal.",
        "Only whole-entity figures are shown in this conversation. To see your area's detail, message me in a personal chat.");
    public static readonly LocalizedText ButtonArea = new("status.button.area", "Ver {0}", "See {0}");
    public static readonly LocalizedText ButtonPeriod = new("status.button.period", "C{0}", "P{0}");
    public static readonly LocalizedText ButtonOverdue = new("status.button.overdue", "Vencidos", "Overdue");
    public static readonly LocalizedText ButtonProposals = new("status.button.proposals", "Propuestas sin respuesta", "Unanswered proposals");
    public static readonly LocalizedText ButtonHeld = new("status.button.held", "Evaluación de espacios", "Spaces' evaluation");
    public static readonly LocalizedText ButtonEntity = new("status.button.entity", "Toda la entidad", "Whole entity");
    public static readonly LocalizedText NoPlan = new(
        "status.noPlan",
        "Aún no hay un plan de participación cargado para {0}.",
        "There is no participation plan loaded for {0} yet.");
    public static readonly LocalizedText UnknownArea = new(
        "status.unknownArea",
        "No encontré la dependencia «{0}». Escribe, por ejemplo, «estado Oficina Asesora de Planeación» o «estado segundo cuatrimestre».",
        "I couldn't find the area \"{0}\". Type, for example, \"status Oficina Asesora de Planeación\" or \"status second term\".");
    public static readonly LocalizedText AmbiguousArea = new(
        "status.ambiguousArea",
        "«{0}» puede ser varias dependencias: {1}. Escribe el nombre completo.",
        "\"{0}\" could be several areas: {1}. Type the full name.");
    public static readonly LocalizedText AreaNotAllowed = new(
        "status.areaNotAllowed",
        "No puedes ver las cifras de esa dependencia aquí.",
        "You can't see that area's figures here.");
    public static readonly LocalizedText ListNotAllowed = new(
        "status.listNotAllowed",
        "Aquí solo se muestran cifras de toda la entidad; el detalle por espacio se ve en un chat personal.",
        "Only whole-entity figures are shown here; the detail by space is in a personal chat.");
    public static readonly LocalizedText OverdueTitle = new("status.overdueTitle", "Espacios vencidos sin reporte", "Overdue spaces without a report");
    public static readonly LocalizedText ProposalsTitle = new("status.proposalsTitle", "Aportes sin respuesta", "Unanswered contributions");
    public static readonly LocalizedText HeldTitle = new("status.heldTitle", "Evaluación y recomendaciones de los espacios realizados", "Evaluation and recommendations of the spaces held");
    public static readonly LocalizedText NothingToList = new("status.nothing", "No hay nada que mostrar.", "Nothing to show.");
    public static readonly LocalizedText MoreNotShown = new("status.more", "… y {0} más (exporta para ver todo).", "… and {0} more (export to see everything).");
    public static readonly LocalizedText HeldLine = new("status.heldLine", "Satisfacción: {0}. Logros: {1}. Dificultades: {2}. Lecciones: {3}", "Satisfaction: {0}. Achievements: {1}. Difficulties: {2}. Lessons: {3}");
    public static readonly LocalizedText Recommendation = new("status.recommendation", "Recomendación: {0} → {1}", "Recommendation: {0} → {1}");
    public static readonly LocalizedText Pending = new("status.pending", "sin respuesta", "unanswered");

    // Exports.
    public static readonly LocalizedText ExportPreparing = new("export.preparing", "Preparando el archivo {0}…", "Preparing the {0} file…");
    public static readonly LocalizedText ExportUnknownFormat = new(
        "export.unknownFormat",
        "No conozco el formato «{0}». Escribe «exportar xlsx», «exportar csv» o «exportar docx».",
        "I don't know the format \"{0}\". Type \"export xlsx\", \"export csv\" or \"export docx\".");
    public static readonly LocalizedText ExportConsentDescription = new("export.consent", "Exportación del plan de participación {0}", "Participation plan export {0}");
    public static readonly LocalizedText ExportLinkTitle = new("export.linkTitle", "Tu archivo está listo", "Your file is ready");
    public static readonly LocalizedText ExportLinkBody = new(
        "export.linkBody",
        "El enlace de descarga vence en {0} minutos.",
        "The download link expires in {0} minutes.");
    public static readonly LocalizedText ExportDownload = new("export.download", "Descargar {0}", "Download {0}");
    public static readonly LocalizedText ExportDeclined = new("export.declined", "Listo, no guardé el archivo.", "OK, I didn't save the file.");
    public static readonly LocalizedText ExportExpired = new(
        "export.expired",
        "Ese archivo ya no está disponible; escribe «exportar» para generarlo de nuevo.",
        "That file is no longer available; type \"export\" to make it again.");
    public static readonly LocalizedText ExportUploadFailed = new(
        "export.uploadFailed",
        "No pude subir el archivo a tu OneDrive. Intenta de nuevo con «exportar».",
        "I couldn't upload the file to your OneDrive. Try again with \"export\".");
}
