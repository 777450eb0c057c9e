using ParticipaBot.Bot.Cards;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Review;

/// <summary>Every text of report review, answers, progress and schedule management (Spanish es-CO first, then English).</summary>
internal static class ReviewTexts
{
    // Commands.
    public static readonly LocalizedText MyReportsTitle = new("review.cmd.myReports.title", "Mis informes", "My reports");
    public static readonly LocalizedText MyReportsHelp = new("review.cmd.myReports.help", "Lista tus informes con su estado: ver, editar e historial.", "Lists your reports with their status: view, edit and history.");
    public static readonly LocalizedText ToApproveTitle = new("review.cmd.toApprove.title", "Por aprobar", "To approve");
    public static readonly LocalizedText ToApproveHelp = new("review.cmd.toApprove.help", "Coordinación: informes enviados para aprobar o devolver.", "Coordinators: sent reports to approve or return.");
    public static readonly LocalizedText AnswerProposalsTitle = new("review.cmd.answers.title", "Responder propuestas", "Answer proposals");
    public static readonly LocalizedText AnswerProposalsHelp = new("review.cmd.answers.help", "Responde las observaciones y propuestas pendientes de tus espacios.", "Answer the pending observations and proposals of your spaces.");
    public static readonly LocalizedText ProgressTitle = new("review.cmd.progress.title", "Avance", "Progress");
    public static readonly LocalizedText ProgressHelp = new("review.cmd.progress.help", "Registra el avance de las actividades del plan que lidera tu dependencia.", "Record the progress of the plan activities your area leads.");
    public static readonly LocalizedText ScheduleTitle = new("review.cmd.schedule.title", "Programar", "Schedule");
    public static readonly LocalizedText ScheduleHelp = new("review.cmd.schedule.help", "Coordinación: agrega, edita, reprograma o cancela espacios del cronograma.", "Coordinators: add, edit, reschedule or cancel spaces of the schedule.");

    // Lists and report card.
    public static readonly LocalizedText MyReportsHeading = new("review.myReports.heading", "Mis informes", "My reports");
    public static readonly LocalizedText MyReportsEmpty = new("review.myReports.empty", "No tienes informes enviados en {0}.", "You have no submitted reports in {0}.");
    public static readonly LocalizedText ToApproveHeading = new("review.toApprove.heading", "Informes por aprobar", "Reports to approve");
    public static readonly LocalizedText ToApproveEmpty = new("review.toApprove.empty", "No hay informes enviados esperando aprobación.", "No sent reports are waiting for approval.");
    public static readonly LocalizedText ListMore = new("review.list.more", "Se muestran {0} de {1}.", "Showing {0} of {1}.");
    public static readonly LocalizedText ReportLine = new("review.report.line", "{0} · {1} · {2}", "{0} · {1} · {2}");
    public static readonly LocalizedText View = new("review.action.view", "Ver", "View");
    public static readonly LocalizedText Edit = new("review.action.edit", "Editar", "Edit");
    public static readonly LocalizedText History = new("review.action.history", "Historial", "History");
    public static readonly LocalizedText Approve = new("review.action.approve", "Aprobar", "Approve");
    public static readonly LocalizedText Return = new("review.action.return", "Devolver", "Return");
    public static readonly LocalizedText Unlock = new("review.action.unlock", "Desbloquear", "Unlock");
    public static readonly LocalizedText Save = new("review.action.save", "Guardar", "Save");
    public static readonly LocalizedText Answer = new("review.action.answer", "Responder", "Answer");
    public static readonly LocalizedText FactStatus = new("review.fact.status", "Estado", "Status");
    public static readonly LocalizedText FactHeld = new("review.fact.held", "Realizado", "Held");
    public static readonly LocalizedText FactArea = new("review.fact.area", "Dependencia", "Area");
    public static readonly LocalizedText FactParticipants = new("review.fact.participants", "Participantes", "Participants");
    public static readonly LocalizedText FactVersions = new("review.fact.versions", "Versiones", "Versions");
    public static readonly LocalizedText FactPending = new("review.fact.pending", "Aportes sin responder", "Unanswered contributions");
    public static readonly LocalizedText FactLock = new("review.fact.lock", "Edición", "Editing");
    public static readonly LocalizedText Locked = new("review.lock.locked", "Bloqueado: el cuatrimestre cerró el {0}", "Locked: the four-month period closed on {0}");
    public static readonly LocalizedText UnlockedByCoordinator = new("review.lock.unlocked", "Desbloqueado por la coordinación", "Unlocked by the coordinators");
    public static readonly LocalizedText Open = new("review.lock.open", "Abierto hasta el {0}", "Open until {0}");
    public static readonly LocalizedText ReturnCommentLabel = new("review.returnComment", "Comentario de la coordinación: {0}", "Coordinators' comment: {0}");

    // History.
    public static readonly LocalizedText HistoryHeading = new("review.history.heading", "Historial de «{0}»", "History of \"{0}\"");
    public static readonly LocalizedText HistoryLine = new("review.history.line", "Versión {0} · {1:yyyy-MM-dd HH:mm} · {2} · {3}", "Version {0} · {1:yyyy-MM-dd HH:mm} · {2} · {3}");
    public static readonly LocalizedText HistoryChanged = new("review.history.changed", "Cambió: {0}", "Changed: {0}");
    public static readonly LocalizedText HistoryNothing = new("review.history.nothing", "Sin cambios de contenido", "No content changes");
    public static readonly LocalizedText HistoryEmpty = new("review.history.empty", "Este informe aún no tiene versiones.", "This report has no versions yet.");

    // Edit.
    public static readonly LocalizedText EditHeading = new("review.edit.heading", "Editar «{0}»", "Edit \"{0}\"");
    public static readonly LocalizedText EditIntro = new("review.edit.intro", "Guardar crea una nueva versión y el informe vuelve a revisión.", "Saving creates a new version and the report goes back to review.");
    public static readonly LocalizedText EditSaved = new("review.edit.saved", "Guardé la versión {0} de «{1}».", "Saved version {0} of \"{1}\".");
    public static readonly LocalizedText EditNoChange = new("review.edit.noChange", "No cambiaste nada; el informe queda igual.", "You changed nothing; the report stays as it was.");

    // Approve, return, unlock.
    public static readonly LocalizedText ReturnHeading = new("review.return.heading", "Devolver «{0}»", "Return \"{0}\"");
    public static readonly LocalizedText ReturnCommentInput = new("review.return.comment", "Qué debe corregir la dependencia", "What the area must fix");
    public static readonly LocalizedText Approved = new("review.approved", "Aprobaste «{0}». Avisé a quien lo envió.", "You approved \"{0}\". I told whoever sent it.");
    public static readonly LocalizedText Returned = new("review.returned", "Devolviste «{0}» con tu comentario. Avisé a quien lo envió.", "You returned \"{0}\" with your comment. I told whoever sent it.");
    public static readonly LocalizedText NotifyFailed = new("review.notifyFailed", "No pude avisar a quien lo envió: aún no ha escrito al bot en un chat personal.", "I could not tell whoever sent it: they have not written to the bot in a personal chat yet.");
    public static readonly LocalizedText UnlockedDone = new("review.unlocked", "Desbloqueaste «{0}»: la dependencia puede editarlo de nuevo.", "You unlocked \"{0}\": the area can edit it again.");
    public static readonly LocalizedText NotLocked = new("review.notLocked", "«{0}» no está bloqueado.", "\"{0}\" is not locked.");
    public static readonly LocalizedText DelegateApprovedTitle = new("review.notify.approved", "Tu informe «{0}» fue aprobado", "Your report \"{0}\" was approved");
    public static readonly LocalizedText DelegateReturnedTitle = new("review.notify.returned", "Tu informe «{0}» fue devuelto", "Your report \"{0}\" was returned");
    public static readonly LocalizedText DelegateReturnedBody = new("review.notify.returnedBody", "Corrígelo y envíalo de nuevo. Comentario: {0}", "Fix it and submit it again. Comment: {0}");
    public static readonly LocalizedText DelegateApprovedBody = new("review.notify.approvedBody", "Aprobado por {0}.", "Approved by {0}.");

    // Answers.
    public static readonly LocalizedText AnswersHeading = new("review.answers.heading", "Responder aportes de «{0}»", "Answer the contributions of \"{0}\"");
    public static readonly LocalizedText AnswersListHeading = new("review.answers.list", "Informes con aportes sin responder", "Reports with unanswered contributions");
    public static readonly LocalizedText AnswersEmpty = new("review.answers.empty", "No tienes aportes pendientes de respuesta.", "You have no contributions waiting for an answer.");
    public static readonly LocalizedText AnswerItem = new("review.answers.item", "{0}. {1}: {2}", "{0}. {1}: {2}");
    public static readonly LocalizedText AnswerDecision = new("review.answers.decision", "Decisión", "Decision");
    public static readonly LocalizedText AnswerJustification = new("review.answers.justification", "Justificación", "Justification");
    public static readonly LocalizedText AnswerWho = new("review.answers.who", "Quién responde", "Answered by");
    public static readonly LocalizedText AnswerDate = new("review.answers.date", "Fecha de la respuesta", "Date of the answer");
    public static readonly LocalizedText AnswersSaved = new("review.answers.saved", "Guardé las respuestas de «{0}» (versión {1}).", "Saved the answers of \"{0}\" (version {1}).");

    // Progress.
    public static readonly LocalizedText ProgressHeading = new("review.progress.heading", "Avance de actividades del plan {0}", "Progress of the {0} plan activities");
    public static readonly LocalizedText ProgressEmpty = new("review.progress.empty", "Tu dependencia no lidera actividades del plan {0}.", "Your area leads no activities of the {0} plan.");
    public static readonly LocalizedText ProgressActivityLine = new("review.progress.line", "{0} {1}", "{0} {1}");
    public static readonly LocalizedText ProgressMilestones = new("review.progress.milestones", "Hitos: {0}", "Milestones: {0}");
    public static readonly LocalizedText ProgressCurrent = new("review.progress.current", "Avance C{0}: {1} ({2} %)", "Progress P{0}: {1} ({2} %)");
    public static readonly LocalizedText ProgressNone = new("review.progress.none", "Sin avance registrado", "No progress recorded");
    public static readonly LocalizedText ProgressActivity = new("review.progress.activity", "Actividad", "Activity");
    public static readonly LocalizedText ProgressPeriod = new("review.progress.period", "Cuatrimestre", "Four-month period");
    public static readonly LocalizedText ProgressStatus = new("review.progress.status", "Estado", "Status");
    public static readonly LocalizedText ProgressPercentage = new("review.progress.percentage", "Porcentaje de avance (0 a 100)", "Percentage (0 to 100)");
    public static readonly LocalizedText ProgressEvidence = new("review.progress.evidence", "Evidencia (enlace https)", "Evidence (https link)");
    public static readonly LocalizedText ProgressNote = new("review.progress.note", "Nota", "Note");
    public static readonly LocalizedText ProgressSaved = new("review.progress.saved", "Registré el avance de {0} en el cuatrimestre {1}: {2} %.", "Recorded the progress of {0} in period {1}: {2} %.");

    // Schedule.
    public static readonly LocalizedText ScheduleHeading = new("review.schedule.heading", "Cronograma {0}", "Schedule {0}");
    public static readonly LocalizedText ScheduleEmpty = new("review.schedule.empty", "No hay un plan {0} cargado; impórtalo primero.", "No {0} plan is loaded; import it first.");
    public static readonly LocalizedText ScheduleLine = new("review.schedule.line", "{0} · {1} · {2} · {3}", "{0} · {1} · {2} · {3}");
    public static readonly LocalizedText ScheduleAdd = new("review.schedule.add", "Agregar espacio", "Add space");
    public static readonly LocalizedText ScheduleReschedule = new("review.schedule.reschedule", "Reprogramar", "Reschedule");
    public static readonly LocalizedText ScheduleCancel = new("review.schedule.cancel", "Cancelar espacio", "Cancel space");
    public static readonly LocalizedText SpaceAddHeading = new("review.space.addHeading", "Nuevo espacio de participación", "New participation space");
    public static readonly LocalizedText SpaceEditHeading = new("review.space.editHeading", "Editar «{0}»", "Edit \"{0}\"");
    public static readonly LocalizedText SpaceRescheduleHeading = new("review.space.rescheduleHeading", "Reprogramar «{0}»", "Reschedule \"{0}\"");
    public static readonly LocalizedText SpaceCancelHeading = new("review.space.cancelHeading", "Cancelar «{0}»", "Cancel \"{0}\"");
    public static readonly LocalizedText SpaceName = new("review.space.name", "Nombre", "Name");
    public static readonly LocalizedText SpaceArea = new("review.space.area", "Dependencia líder", "Leading area");
    public static readonly LocalizedText SpaceActivity = new("review.space.activity", "Actividad del plan (número, opcional)", "Plan activity (number, optional)");
    public static readonly LocalizedText SpaceDate = new("review.space.date", "Fecha", "Date");
    public static readonly LocalizedText SpacePeriod = new("review.space.period", "O un periodo («marzo», «2° cuatrimestre»)", "Or a period (\"marzo\", \"2° cuatrimestre\")");
    public static readonly LocalizedText SpaceTime = new("review.space.time", "Hora (HH:MM, opcional)", "Time (HH:MM, optional)");
    public static readonly LocalizedText SpaceModality = new("review.space.modality", "Modalidad", "Modality");
    public static readonly LocalizedText SpaceFormat = new("review.space.format", "Formato", "Format");
    public static readonly LocalizedText SpaceKind = new("review.space.kind", "Tipo (Menú Participa)", "Kind (Menú Participa)");
    public static readonly LocalizedText SpacePhase = new("review.space.phase", "Fase", "Phase");
    public static readonly LocalizedText SpaceLevel = new("review.space.level", "Nivel", "Level");
    public static readonly LocalizedText SpacePlace = new("review.space.place", "Lugar", "Place");
    public static readonly LocalizedText SpaceLink = new("review.space.link", "Enlace (https)", "Link (https)");
    public static readonly LocalizedText SpaceReason = new("review.space.reason", "Motivo", "Reason");
    public static readonly LocalizedText SpaceBaseline = new("review.space.baseline", "Fecha original (línea base): {0}", "Original date (baseline): {0}");
    public static readonly LocalizedText SpaceSaved = new("review.space.saved", "Guardé «{0}» (versión {1}).", "Saved \"{0}\" (version {1}).");
    public static readonly LocalizedText SpaceChangedMeanwhile = new("review.space.changed", "Otra persona cambió «{0}» mientras lo editabas; revisa la versión actual y vuelve a intentarlo.", "Someone else changed \"{0}\" while you were editing it; check the current version and try again.");
    public static readonly LocalizedText SpaceNotFound = new("review.space.notFound", "Ese espacio ya no está en el cronograma.", "That space is no longer in the schedule.");
    public static readonly LocalizedText SpaceStatusScheduled = new("review.space.status.scheduled", "programado", "scheduled");
    public static readonly LocalizedText SpaceStatusInvited = new("review.space.status.invited", "convocado", "invited");
    public static readonly LocalizedText SpaceStatusHeld = new("review.space.status.held", "realizado", "held");
    public static readonly LocalizedText SpaceStatusRescheduled = new("review.space.status.rescheduled", "reprogramado", "rescheduled");
    public static readonly LocalizedText SpaceStatusCancelled = new("review.space.status.cancelled", "cancelado", "cancelled");
    public static readonly LocalizedText NoChoice = new("review.choice.none", "(sin definir)", "(not set)");

    // Refusals and errors.
    public static readonly LocalizedText FixErrors = new("review.fixErrors", "Revisa los campos señalados.", "Check the fields marked.");
    public static readonly LocalizedText NotFound = new("review.notFound", "No encontré ese informe.", "I could not find that report.");
    public static readonly LocalizedText NoRole = new("review.refused.noRole", "No tienes un rol en ParticipaBot; pide a la coordinación que te registre.", "You have no role in ParticipaBot; ask the coordinators to register you.");
    public static readonly LocalizedText CoordinatorsOnly = new("review.refused.coordinators", "Solo la coordinación puede hacer esto.", "Only the coordinators can do this.");
    public static readonly LocalizedText ReadOnly = new("review.refused.readOnly", "Control interno puede consultar, pero no aprobar ni editar.", "Internal control can view, but not approve or edit.");
    public static readonly LocalizedText NotYourArea = new("review.refused.notYourArea", "Este informe es de otra dependencia; solo su delegado o la coordinación pueden cambiarlo.", "This report belongs to another area; only its delegate or the coordinators can change it.");
    public static readonly LocalizedText NotYourActivity = new("review.refused.notYourActivity", "Solo puedes registrar avance de actividades que lidera tu dependencia.", "You can only record progress for activities your area leads.");
    public static readonly LocalizedText ChangedMeanwhile = new("review.changed", "El informe cambió mientras lo revisabas; ábrelo de nuevo.", "The report changed while you were reviewing it; open it again.");
    public static readonly LocalizedText SpaceTaken = new("review.spaceTaken", "No guardé el cambio: el espacio «{0}» ya está cubierto por el informe {1}, y cada espacio tiene un solo informe. «{2}» sigue como estaba.", "Change not saved: the space \"{0}\" is already covered by report {1}, and each space has one report. \"{2}\" stays as it was.");
    public static readonly LocalizedText MissingReport = new("review.missingReport", "Falta el informe en la acción.", "The action does not say which report.");
}
