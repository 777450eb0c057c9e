using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Cards;

/// <summary>Texts of the report wizard (docs/report-wizard.md).</summary>
internal static partial class Texts
{
    // Report wizard.
    public static readonly LocalizedText WizardPickerTitle = new("wizard.picker.title", "Reportar un espacio de participación", "Report a participation space");

    public static readonly LocalizedText WizardPickerDue = new("wizard.picker.due", "Espacios por reportar (realizados o con fecha vencida):", "Spaces due a report (held or past their date):");

    public static readonly LocalizedText WizardPickerNoneDue = new("wizard.picker.noneDue", "No tienes espacios pendientes de reporte.", "You have no spaces due a report.");

    public static readonly LocalizedText WizardPickerUpcoming = new("wizard.picker.upcoming", "Próximos espacios (se reportan después de realizarse):", "Upcoming spaces (reported once held):");

    public static readonly LocalizedText WizardPickerUnscheduledHelp = new("wizard.picker.unscheduledHelp", "¿Realizaste un espacio que no estaba en el cronograma? Repórtalo como «no programado» y explica por qué.", "Held a space that was not in the schedule? Report it as \"not scheduled\" and say why.");

    public static readonly LocalizedText WizardPickerDraft = new("wizard.picker.draft", "Tienes un reporte en curso: «{0}» (paso {1} de {2}). Empezar otro lo reemplaza.", "You have a report in progress: \"{0}\" (step {1} of {2}). Starting another replaces it.");

    public static readonly LocalizedText WizardSpaceLocked = new("wizard.spaceLocked", "Su cuatrimestre ya cerró: pide a la coordinación que desbloquee el reporte.", "Its four-month period has closed: ask the coordinators to unlock the report.");

    public static readonly LocalizedText WizardReportThis = new("wizard.reportThis", "Reportar este", "Report this one");

    public static readonly LocalizedText WizardUnscheduledButton = new("wizard.unscheduledButton", "Reportar un espacio no programado", "Report an unscheduled space");

    public static readonly LocalizedText WizardContinueButton = new("wizard.continueButton", "Continuar el reporte", "Continue the report");

    public static readonly LocalizedText WizardSpaceLine = new("wizard.spaceLine", "{0} · {1}", "{0} · {1}");

    public static readonly LocalizedText WizardNoDate = new("wizard.noDate", "sin fecha", "no date");

    public static readonly LocalizedText WizardProgress = new("wizard.progress", "Paso {0} de {1}", "Step {0} of {1}");

    public static readonly LocalizedText WizardReviewProgress = new("wizard.reviewProgress", "Revisión final", "Final review");

    public static readonly LocalizedText WizardTitle = new("wizard.title", "Reporte: {0}", "Report: {0}");

    public static readonly LocalizedText WizardUnscheduledName = new("wizard.unscheduledName", "espacio no programado", "unscheduled space");

    public static readonly LocalizedText WizardFixErrors = new("wizard.fixErrors", "Revisa {0} campo(s) señalado(s) abajo; lo que escribiste se guardó.", "Check the {0} field(s) marked below; what you typed was saved.");

    public static readonly LocalizedText WizardNext = new("wizard.next", "Guardar y seguir", "Save and continue");

    public static readonly LocalizedText WizardSaveAndReview = new("wizard.saveAndReview", "Guardar y volver a la revisión", "Save and back to review");

    public static readonly LocalizedText WizardBack = new("wizard.back", "Atrás", "Back");

    public static readonly LocalizedText WizardCancel = new("wizard.cancel", "Cancelar reporte", "Cancel report");

    public static readonly LocalizedText WizardEdit = new("wizard.edit", "Editar", "Edit");

    public static readonly LocalizedText WizardSubmit = new("wizard.submit", "Enviar reporte", "Submit report");

    public static readonly LocalizedText WizardAddEntry = new("wizard.addEntry", "Agregar", "Add");

    public static readonly LocalizedText WizardRemoveEntry = new("wizard.removeEntry", "Quitar {0}", "Remove {0}");

    public static readonly LocalizedText WizardNewEntry = new("wizard.newEntry", "Nueva entrada (opcional)", "New entry (optional)");

    public static readonly LocalizedText WizardAnswerHeading = new("wizard.answerHeading", "Respuesta de la entidad (opcional; puede darse después)", "The entity's answer (optional; may be given later)");

    public static readonly LocalizedText WizardGroupCountsHint = new("wizard.groupCountsHint", "Participantes por grupo de valor (opcional):", "Participants per value group (optional):");

    public static readonly LocalizedText WizardFileEntry = new("wizard.fileEntry", "Archivo «{0}» ({1})", "File \"{0}\" ({1})");

    public static readonly LocalizedText WizardFileHint = new("wizard.fileHint", "También puedes enviarme archivos (acta, lista de asistencia, fotos) en este chat: los guardo como evidencia.", "You can also send me files (minutes, attendance list, photos) in this chat: I keep them as evidence.");

    public static readonly LocalizedText WizardRequiredMark = new("wizard.requiredMark", "{0} (obligatorio)", "{0} (required)");

    public static readonly LocalizedText WizardRequiredInput = new("wizard.requiredInput", "Complete «{0}».", "Fill in \"{0}\".");

    public static readonly LocalizedText WizardReviewIntro = new("wizard.reviewIntro", "Revisa el reporte completo. Puedes editar cualquier paso antes de enviarlo.", "Review the whole report. You can edit any step before submitting it.");

    public static readonly LocalizedText WizardReviewEmpty = new("wizard.reviewEmpty", "(sin diligenciar)", "(not filled in)");

    public static readonly LocalizedText WizardReviewInvalid = new("wizard.reviewInvalid", "Falta corregir {0} campo(s) antes de enviar; usa «Editar» en el paso señalado.", "{0} field(s) must be fixed before submitting; use \"Edit\" on the step marked.");

    public static readonly LocalizedText WizardConfirmedTitle = new("wizard.confirmedTitle", "Reporte {0} enviado", "Report {0} submitted");

    public static readonly LocalizedText WizardConfirmedBody = new("wizard.confirmedBody", "Recibí el reporte de «{0}». Guarda el número {1} para cualquier consulta.", "I received the report of \"{0}\". Keep the number {1} for any query.");

    public static readonly LocalizedText WizardConfirmedNext = new("wizard.confirmedNext", "Qué sigue: la coordinación de participación lo revisará y lo aprobará o te lo devolverá con comentarios; te avisaré aquí. Las respuestas a las propuestas pueden completarse hasta el cierre del cuatrimestre.", "What happens next: the participation coordinators will review it and approve it or return it with comments; I'll tell you here. Answers to proposals can be completed until the four-month period closes.");

    public static readonly LocalizedText WizardReportAnother = new("wizard.reportAnother", "Reportar otro espacio", "Report another space");

    public static readonly LocalizedText WizardCancelled = new("wizard.cancelled", "Cancelé el reporte en curso; no se envió nada. Escribe «reportar» para empezar de nuevo.", "I cancelled the report in progress; nothing was submitted. Type \"report\" to start again.");

    public static readonly LocalizedText WizardNoDraft = new("wizard.noDraft", "No tienes un reporte en curso. Escribe «reportar» o toca el botón para empezar uno.", "You have no report in progress. Type \"report\" or tap the button to start one.");

    public static readonly LocalizedText WizardOutdatedCard = new("wizard.outdatedCard", "Esa tarjeta ya no corresponde al reporte en curso. Te muestro dónde vas.", "That card no longer matches the report in progress. Here is where you are.");

    public static readonly LocalizedText WizardConcurrent = new("wizard.concurrent", "El reporte cambió en otra ventana mientras lo editabas; te muestro la versión guardada.", "The report changed in another window while you were editing; here is the saved version.");

    public static readonly LocalizedText WizardNoPlan = new("wizard.noPlan", "Todavía no hay un plan de participación cargado para la vigencia {0}. Pide a la coordinación que lo importe.", "No participation plan is loaded for {0} yet. Ask the coordinators to import it.");

    public static readonly LocalizedText WizardNoRole = new("wizard.noRole", "No figuras como enlace de ninguna dependencia, así que no puedes reportar espacios. Pide a la coordinación que te registre.", "You are not listed as delegate of any area, so you cannot report spaces. Ask the coordinators to register you.");

    public static readonly LocalizedText WizardPersonalOnly = new("wizard.personalOnly", "Los reportes se diligencian en el chat personal conmigo, para no llenar el canal. Escríbeme «reportar» en privado.", "Reports are filled in in your personal chat with me, to keep the channel clear. Send me \"report\" privately.");

    public static readonly LocalizedText WizardUnknownSpace = new("wizard.unknownSpace", "Ese espacio no está en el cronograma de la vigencia {0}. Elige uno de la lista.", "That space is not in the {0} schedule. Pick one from the list.");

    public static readonly LocalizedText WizardSpaceNotYours = new("wizard.spaceNotYours", "Ese espacio lo lidera otra dependencia; solo puedes reportar los de tus dependencias.", "That space is led by another area; you can only report your areas' spaces.");

    public static readonly LocalizedText WizardAlreadyReported = new("wizard.alreadyReported", "Ese espacio ya fue reportado ({0}).", "That space was already reported ({0}).");

    public static readonly LocalizedText WizardSpaceTaken = new("wizard.spaceTaken",
        "el espacio «{0}» ya está cubierto por el reporte {1}, enviado antes que el tuyo. Tu borrador se conservó: con «Editar: {2}» elige otro espacio o marca «No programado», o cancela el reporte.",
        "the space \"{0}\" is already covered by report {1}, submitted before yours. Your draft was kept: use \"Edit: {2}\" to choose another space or tick \"Not scheduled\", or cancel the report.");

    public static readonly LocalizedText WizardSubmitRefused = new("wizard.submitRefused", "No se pudo enviar: {0}", "Could not submit: {0}");

    public static readonly LocalizedText WizardPendingTitle = new("wizard.pendingTitle", "Mis pendientes", "My pending items");

    public static readonly LocalizedText WizardPendingNothing = new("wizard.pendingNothing", "No tienes reportes pendientes. ¡Al día!", "You have no pending reports. All caught up!");

    public static readonly LocalizedText WizardPendingDraft = new("wizard.pendingDraft", "Reporte en curso: «{0}», paso {1} de {2}.", "Report in progress: \"{0}\", step {1} of {2}.");

    public static readonly LocalizedText WizardFileStored = new("wizard.fileStored", "Guardé «{0}» ({1}) como evidencia del reporte «{2}».", "I kept \"{0}\" ({1}) as evidence of the report \"{2}\".");

    public static readonly LocalizedText WizardFileRefusedType = new("wizard.fileRefusedType", "No acepto «{0}»: los archivos ejecutables o de script ({1}) no se admiten como evidencia.", "I can't accept \"{0}\": executable or script files ({1}) are not allowed as evidence.");

    public static readonly LocalizedText WizardFileRefusedSize = new("wizard.fileRefusedSize", "No acepto «{0}»: pesa {1} y el máximo es {2}. Súbelo a SharePoint o OneDrive y pega el enlace.", "I can't accept \"{0}\": it is {1} and the maximum is {2}. Upload it to SharePoint or OneDrive and paste the link.");

    public static readonly LocalizedText WizardFileRefusedFull = new("wizard.fileRefusedFull", "No acepto «{0}»: el reporte ya tiene el máximo de {1} evidencias.", "I can't accept \"{0}\": the report already has the maximum of {1} pieces of evidence.");

    public static readonly LocalizedText WizardFileNoDraft = new("wizard.fileNoDraft", "Para guardar archivos como evidencia, primero empieza un reporte con «reportar».", "To keep files as evidence, first start a report with \"report\".");

    public static readonly LocalizedText WizardFileSizeUnknown = new("wizard.fileSizeUnknown", "tamaño no informado", "size not given");
}
