using ParticipaBot.Core.Vocabularies;
using F = ParticipaBot.Core.Reporting.Form.ReportFields;
using S = ParticipaBot.Core.Reporting.Form.ReportSteps;
using V = ParticipaBot.Core.Vocabularies.VocabularyIds;

namespace ParticipaBot.Core.Reporting.Form;

/// <summary>The 25 fields of the internal report, grouped in the wizard's eight steps.</summary>
internal static class ReportFormDefinition
{
    private static LocalizedText L(string es, string en) => new(es, en);

    private static readonly NotInFutureRule s_notInFuture = new();
    private static readonly WithinPlanYearRule s_inPlanYear = new();
    private static readonly NumberRangeRule s_count = new(0, FormLimits.MaxParticipants, IntegerOnly: true);

    public static ReportForm Build()
    {
        FormStep[] steps =
        [
            new(S.Space, 1, L("Espacio", "Space"), L("¿Qué espacio de participación va a reportar?", "Which participation space are you reporting?")),
            new(S.Details, 2, L("Datos del espacio", "Space details"), L("Confirme o corrija los datos programados.", "Confirm or correct the scheduled details.")),
            new(S.WhatHappened, 3, L("Qué se hizo", "What was done"), L("Actividades realizadas, temas y metas, y resultado.", "Activities carried out, topics and goals, and result.")),
            new(S.Participants, 4, L("Participantes", "Participants"), L("Grupos de valor y número de asistentes.", "Value groups and number of attendees.")),
            new(S.Contributions, 5, L("Observaciones y propuestas", "Observations and proposals"), L("Lo que plantearon los grupos de valor y la respuesta de la entidad.", "What the value groups raised and the entity's answer.")),
            new(S.Follow, 6, L("Compromisos y evaluación", "Commitments and evaluation"), L("Compromisos adquiridos y evaluación del espacio.", "Commitments made and evaluation of the space.")),
            new(S.Evidence, 7, L("Evidencias y publicación", "Evidence and publication"), L("Actas, listas de asistencia, fotografías y publicación de resultados.", "Minutes, attendance lists, photos and publication of results.")),
            new(S.Review, 8, L("Revisión y envío", "Review and submit"), L("Revise el reporte y envíelo para aprobación.", "Review the report and submit it for approval.")),
        ];

        FormField[] fields =
        [
            new()
            {
                Id = F.Space, Number = 1, StepId = S.Space, ExportColumn = "espacio", Kind = FieldKind.Composite, Required = true,
                Label = L("Espacio programado", "Scheduled space"),
                Help = L("Elija el espacio del cronograma, o marque «No programado» y explique por qué.", "Pick the space from the schedule, or tick \"Not scheduled\" and explain why."),
                Prefill = PrefillSource.SpaceId,
                Parts =
                [
                    new("id", PartKind.Choice, L("Espacio del cronograma", "Space in the schedule"), Rules: [new KnownSpaceRule()]),
                    new("unscheduled", PartKind.Toggle, L("No programado", "Not scheduled")),
                    new("reason", PartKind.Text, L("Por qué no estaba programado", "Why it was not scheduled"), Rules: [new MaxLengthRule(500)]),
                ],
            },
            new()
            {
                Id = F.Activity, Number = 2, StepId = S.Space, ExportColumn = "actividad_plan", Kind = FieldKind.Text,
                Label = L("Actividad del plan", "Plan activity"),
                Help = L("La actividad de la estrategia a la que pertenece el espacio.", "The strategy activity the space belongs to."),
                Prefill = PrefillSource.ActivityId,
                Parts = [new(string.Empty, PartKind.Text, L("Actividad del plan", "Plan activity"), Rules: [new MaxLengthRule(100)])],
            },
            new()
            {
                Id = F.Name, Number = 3, StepId = S.Space, ExportColumn = "nombre_espacio", Kind = FieldKind.Text, Required = true,
                Label = L("Nombre del espacio", "Name of the space"),
                Prefill = PrefillSource.Name,
                Parts = [new(string.Empty, PartKind.Text, L("Nombre del espacio", "Name of the space"), Required: true, Rules: [new MaxLengthRule(FormLimits.Text)],
                    Placeholder: L("Ej.: Mesa de trabajo con sindicatos del sector", "E.g. Working group with the sector's unions"))],
            },
            new()
            {
                Id = F.HeldOn, Number = 4, StepId = S.Details, ExportColumn = "fecha_realizacion", Kind = FieldKind.DateRange, Required = true,
                Label = L("Fecha de realización", "Date held"),
                Help = L("Día en que se realizó (y último día, si duró varios). No puede ser futura.", "Day it was held (and last day, if it lasted several). Cannot be in the future."),
                Prefill = PrefillSource.PlannedDate,
                Parts =
                [
                    new("from", PartKind.Date, L("Fecha de realización", "Date held"), Required: true, Rules: [s_notInFuture, s_inPlanYear]),
                    new("to", PartKind.Date, L("Último día (si duró varios)", "Last day (if several)"), Rules: [s_notInFuture, s_inPlanYear]),
                ],
            },
            new()
            {
                Id = F.Area, Number = 5, StepId = S.Details, ExportColumn = "dependencias", Kind = FieldKind.Composite, Required = true,
                Label = L("Dependencia líder y de apoyo", "Leader and support areas"),
                Prefill = PrefillSource.LeaderArea,
                Parts =
                [
                    new("leader", PartKind.Choice, L("Dependencia líder", "Leader area"), Required: true, VocabularyId: V.Area, Rules: [new AllowedAreaRule()]),
                    new("support", PartKind.MultiChoice, L("Dependencias de apoyo", "Support areas"), VocabularyId: V.Area),
                ],
            },
            new()
            {
                Id = F.Modality, Number = 6, StepId = S.Details, ExportColumn = "modalidad", Kind = FieldKind.Composite, Required = true,
                Label = L("Modalidad", "Modality"),
                Prefill = PrefillSource.Modality,
                Parts =
                [
                    new("mode", PartKind.Choice, L("Modalidad", "Modality"), Required: true, VocabularyId: V.Modality),
                    new("channel", PartKind.Text, L("Canal o herramienta", "Channel or tool"), Rules: [new MaxLengthRule(FormLimits.Text)],
                        Placeholder: L("Ej.: Microsoft Teams, Facebook Live", "E.g. Microsoft Teams, Facebook Live")),
                ],
            },
            new()
            {
                Id = F.Place, Number = 7, StepId = S.Details, ExportColumn = "lugar", Kind = FieldKind.Composite, Required = true,
                Label = L("Lugar, municipio o enlace", "Place, municipality or link"),
                Help = L("Indique al menos el lugar o el enlace.", "Give at least the place or the link."),
                Prefill = PrefillSource.Place,
                Parts =
                [
                    new("venue", PartKind.Text, L("Lugar", "Place"), Rules: [new MaxLengthRule(FormLimits.Text)]),
                    new("municipality", PartKind.Text, L("Municipio", "Municipality"), Rules: [new MaxLengthRule(100)]),
                    new("link", PartKind.Url, L("Enlace", "Link"), Rules: [new UrlRule()]),
                ],
            },
            Choice(F.Format, 8, S.Details, "formato", L("Formato", "Format"), V.Format, PrefillSource.Format),
            Choice(F.SpaceKind, 9, S.Details, "tipo_espacio", L("Tipo de espacio (Menú Participa)", "Kind of space (Menú Participa)"), V.SpaceKind, PrefillSource.Kind),
            Choice(F.Phase, 10, S.Details, "fase_ciclo", L("Fase del ciclo de la gestión", "Management-cycle phase"), V.Phase, PrefillSource.Phase),
            Choice(F.Level, 11, S.Details, "nivel_participacion", L("Nivel de participación", "Participation level"), V.Level, PrefillSource.Level),
            new()
            {
                Id = F.ActivitiesDone, Number = 12, StepId = S.WhatHappened, ExportColumn = "actividades_realizadas", Kind = FieldKind.LongText,
                Required = true, MinimumContent = true,
                Label = L("Actividades realizadas", "Activities carried out"),
                Help = L("Qué se hizo en el espacio: agenda, metodología, temas tratados.", "What was done: agenda, method, topics discussed."),
                Parts = [new(string.Empty, PartKind.LongText, L("Actividades realizadas", "Activities carried out"), Required: true, Rules: [new MaxLengthRule(FormLimits.LongText)])],
            },
            new()
            {
                Id = F.ValueGroups, Number = 13, StepId = S.Participants, ExportColumn = "grupos_valor", Kind = FieldKind.Composite,
                Required = true, MinimumContent = true,
                Label = L("Grupos de valor involucrados", "Value groups involved"),
                Help = L("Elija al menos un grupo de valor (tipo de actor o enfoque poblacional).", "Pick at least one value group (actor type or population focus)."),
                Prefill = PrefillSource.TargetValueGroups,
                Rules = [new MinSelectionsRule(1)],
                Parts =
                [
                    new("actorTypes", PartKind.MultiChoice, L("Tipo de actor", "Actor type"), VocabularyId: V.ActorType),
                    new("populationFocus", PartKind.MultiChoice, L("Enfoque poblacional", "Population focus"), VocabularyId: V.PopulationFocus),
                ],
            },
            new()
            {
                Id = F.Participants, Number = 14, StepId = S.Participants, ExportColumn = "participantes", Kind = FieldKind.Composite, Required = true,
                Label = L("Participantes", "Participants"),
                Help = L("Total de asistentes; el desglose es opcional.", "Total attendees; the breakdown is optional."),
                Parts =
                [
                    new("total", PartKind.Number, L("Total de participantes", "Total participants"), Required: true, Rules: [s_count]),
                    new("women", PartKind.Number, L("Mujeres", "Women"), Rules: [s_count]),
                    new("men", PartKind.Number, L("Hombres", "Men"), Rules: [s_count]),
                    new("otherSex", PartKind.Number, L("Otro o no informa", "Other or not stated"), Rules: [s_count]),
                    new("group", PartKind.Number, L("Participantes por grupo de valor", "Participants per value group"), Rules: [s_count], CodeKeyed: true),
                ],
            },
            new()
            {
                Id = F.Goals, Number = 15, StepId = S.WhatHappened, ExportColumn = "temas_metas", Kind = FieldKind.TextList,
                Required = true, MinimumContent = true,
                Label = L("Temas y metas institucionales", "Institutional topics and goals"),
                Help = L("Al menos un tema o meta institucional asociada al espacio.", "At least one institutional topic or goal the space relates to."),
                Prefill = PrefillSource.Goals,
                Rules = [new MaxEntriesRule(20)],
                EntryParts = [new(string.Empty, PartKind.Text, L("Tema o meta", "Topic or goal"), Required: true, Rules: [new MaxLengthRule(500)])],
            },
            new()
            {
                Id = F.Items, Number = 16, StepId = S.Contributions, ExportColumn = "observaciones_propuestas", Kind = FieldKind.ItemList,
                Required = true, MinimumContent = true,
                Label = L("Observaciones, propuestas y recomendaciones", "Observations, proposals and recommendations"),
                Help = L("Registre cada aporte de los grupos de valor, o marque que no se recibieron.", "Record each contribution of the value groups, or tick that none were received."),
                Rules = [new MaxEntriesRule(50)],
                Parts = [new("none", PartKind.Toggle, L("No se recibieron aportes", "No contributions received"))],
                EntryParts =
                [
                    new("kind", PartKind.Choice, L("Tipo", "Kind"), Required: true, VocabularyId: V.ItemKind),
                    new("text", PartKind.LongText, L("Aporte", "Contribution"), Required: true, Rules: [new MaxLengthRule(FormLimits.LongText)]),
                    new("group", PartKind.Choice, L("Grupo de valor que lo planteó", "Value group that raised it"), VocabularyId: V.ActorType),
                ],
            },
            new()
            {
                Id = F.Answers, Number = 17, StepId = S.Contributions, ExportColumn = "respuestas", Kind = FieldKind.ItemList,
                Label = L("Respuesta a cada aporte", "Answer to each contribution"),
                Help = L("Puede responderse después, antes del cierre del cuatrimestre. La entrada n responde al aporte n.", "May be answered later, before the four-month period closes. Entry n answers contribution n."),
                Rules = [new MaxEntriesRule(50)],
                EntryParts =
                [
                    new("decision", PartKind.Choice, L("Decisión", "Decision"), Required: true, VocabularyId: V.AnswerDecision),
                    new("justification", PartKind.LongText, L("Justificación", "Justification"), Rules: [new MaxLengthRule(FormLimits.LongText)]),
                    new("who", PartKind.Text, L("Quién responde", "Answered by"), Rules: [new MaxLengthRule(FormLimits.Text)]),
                    new("date", PartKind.Date, L("Fecha de respuesta", "Answer date"), Rules: [s_notInFuture]),
                ],
            },
            new()
            {
                Id = F.Result, Number = 18, StepId = S.WhatHappened, ExportColumn = "resultado", Kind = FieldKind.Composite,
                Required = true, MinimumContent = true,
                Label = L("Resultado de la participación", "Result of the participation"),
                Parts =
                [
                    new("text", PartKind.LongText, L("Resultado", "Result"), Required: true, Rules: [new MaxLengthRule(FormLimits.LongText)]),
                    new("category", PartKind.Choice, L("Categoría del resultado", "Result category"), Required: true, VocabularyId: V.ResultCategory),
                ],
            },
            new()
            {
                Id = F.Commitments, Number = 19, StepId = S.Follow, ExportColumn = "compromisos", Kind = FieldKind.CommitmentList,
                Label = L("Compromisos", "Commitments"),
                Rules = [new MaxEntriesRule(30)],
                EntryParts =
                [
                    new("what", PartKind.Text, L("Compromiso", "Commitment"), Required: true, Rules: [new MaxLengthRule(500)]),
                    new("who", PartKind.Text, L("Responsable", "Responsible"), Required: true, Rules: [new MaxLengthRule(FormLimits.Text)]),
                    new("due", PartKind.Date, L("Fecha límite", "Due date"), Required: true, Rules: [new WithinPlanYearRule(YearsAfter: 1)]),
                    new("status", PartKind.Choice, L("Estado", "Status"), Required: true, VocabularyId: V.CommitmentStatus),
                ],
            },
            new()
            {
                Id = F.ParticipantEvaluation, Number = 20, StepId = S.Follow, ExportColumn = "evaluacion_participantes", Kind = FieldKind.Composite,
                Label = L("Evaluación de los participantes", "Participants' evaluation"),
                Parts =
                [
                    new("surveys", PartKind.Number, L("Encuestas respondidas", "Surveys answered"), Rules: [s_count]),
                    new("satisfaction", PartKind.Number, L("Satisfacción (%)", "Satisfaction (%)"), Rules: [new NumberRangeRule(0, 100, IntegerOnly: false)]),
                    new("notes", PartKind.LongText, L("Comentarios", "Comments"), Rules: [new MaxLengthRule(FormLimits.LongText)]),
                ],
            },
            new()
            {
                Id = F.InternalEvaluation, Number = 21, StepId = S.Follow, ExportColumn = "evaluacion_interna", Kind = FieldKind.Composite,
                Label = L("Evaluación interna", "Internal evaluation"),
                Parts =
                [
                    new("achievements", PartKind.LongText, L("Logros", "Achievements"), Rules: [new MaxLengthRule(FormLimits.LongText)]),
                    new("difficulties", PartKind.LongText, L("Dificultades", "Difficulties"), Rules: [new MaxLengthRule(FormLimits.LongText)]),
                    new("lessons", PartKind.LongText, L("Lecciones aprendidas", "Lessons learned"), Rules: [new MaxLengthRule(FormLimits.LongText)]),
                ],
            },
            new()
            {
                Id = F.Evidence, Number = 22, StepId = S.Evidence, ExportColumn = "evidencias", Kind = FieldKind.UrlList,
                Label = L("Evidencias", "Evidence"),
                Help = L("Acta, lista de asistencia, fotografías o grabación: un enlace https o un archivo adjunto.", "Minutes, attendance list, photos or recording: an https link or an attached file."),
                Rules = [new MaxEntriesRule(20)],
                EntryParts =
                [
                    new("kind", PartKind.Choice, L("Tipo de evidencia", "Kind of evidence"), Required: true, VocabularyId: V.EvidenceKind),
                    new("url", PartKind.Url, L("Enlace", "Link"), Rules: [new UrlRule()]),
                    new("fileName", PartKind.Text, L("Nombre del archivo", "File name"), Rules: [new MaxLengthRule(255)]),
                    new("contentType", PartKind.Text, L("Tipo de archivo", "Content type"), Rules: [new MaxLengthRule(100)]),
                    new("size", PartKind.Number, L("Tamaño (bytes)", "Size (bytes)"), Rules: [new NumberRangeRule(0, 250_000_000, IntegerOnly: true)]),
                ],
            },
            new()
            {
                Id = F.Publication, Number = 23, StepId = S.Evidence, ExportColumn = "publicacion_resultados", Kind = FieldKind.Composite,
                Label = L("Publicación de resultados", "Publication of results"),
                Help = L("Fecha y enlace donde se publicaron los resultados del espacio.", "Date and link where the results were published."),
                Parts =
                [
                    new("date", PartKind.Date, L("Fecha de publicación", "Publication date"), Rules: [s_notInFuture]),
                    new("url", PartKind.Url, L("Enlace de publicación", "Publication link"), Rules: [new UrlRule()]),
                ],
            },
            new()
            {
                Id = F.DifferentialFocus, Number = 24, StepId = S.Evidence, ExportColumn = "enfoque_diferencial", Kind = FieldKind.Composite,
                Label = L("Enfoque diferencial aplicado", "Differential focus applied"),
                Parts =
                [
                    new("applied", PartKind.Toggle, L("Se aplicó enfoque diferencial", "A differential focus was applied")),
                    new("description", PartKind.LongText, L("Cómo se aplicó", "How it was applied"), Rules: [new MaxLengthRule(2000)]),
                ],
            },
            new()
            {
                Id = F.Status, Number = 25, StepId = S.Review, ExportColumn = "estado_reporte", Kind = FieldKind.Choice, SystemManaged = true,
                Label = L("Estado del reporte", "Report status"),
                Parts = [new(string.Empty, PartKind.Choice, L("Estado del reporte", "Report status"), VocabularyId: V.ReportStatus)],
            },
        ];

        return new ReportForm(steps, fields);
    }

    private static FormField Choice(string id, int number, string step, string column, LocalizedText label, string vocabulary, PrefillSource prefill) => new()
    {
        Id = id,
        Number = number,
        StepId = step,
        ExportColumn = column,
        Kind = FieldKind.Choice,
        Required = true,
        Label = label,
        Prefill = prefill,
        Parts = [new(string.Empty, PartKind.Choice, label, Required: true, VocabularyId: vocabulary)],
    };
}
