namespace ParticipaBot.Core.Vocabularies;

/// <summary>
/// The default controlled vocabularies (docs/report-form.md): Ley 1757 phases, the six sections of Menú Participa
/// (Res. MinTIC 1519 de 2020), participation levels, modalities, formats, value groups on two axes, and the
/// vocabularies of the report itself. Entities extend them through <see cref="Catalogs"/>.
/// </summary>
public static class DefaultVocabularies
{
    public static Vocabulary Phase { get; } = Build(VocabularyIds.Phase, "Fase del ciclo de la gestión", "Management-cycle phase", false,
        ("DIAGNOSTICO", "Diagnóstico", "Diagnosis"),
        ("FORMULACION", "Formulación", "Formulation"),
        ("IMPLEMENTACION", "Implementación", "Implementation"),
        ("SEGUIMIENTO_EVALUACION", "Seguimiento y evaluación", "Monitoring and evaluation"));

    public static Vocabulary SpaceKind { get; } = Build(VocabularyIds.SpaceKind, "Tipo de espacio (Menú Participa)", "Kind of space (Menú Participa)", false,
        ("DIAGNOSTICO_PROBLEMAS", "Diagnóstico e identificación de problemas", "Diagnosis and problem identification"),
        ("PLANEACION_PRESUPUESTO", "Planeación y presupuesto participativo", "Participatory planning and budgeting"),
        ("CONSULTA_CIUDADANA", "Consulta ciudadana", "Public consultation"),
        ("COLABORACION_INNOVACION", "Colaboración e innovación abierta", "Collaboration and open innovation"),
        ("RENDICION_CUENTAS", "Rendición de cuentas", "Accountability"),
        ("CONTROL_SOCIAL", "Control social", "Social oversight"));

    public static Vocabulary Level { get; } = Build(VocabularyIds.Level, "Nivel de participación", "Participation level", true,
        ("INFORMACION", "Información", "Information"),
        ("CONSULTA", "Consulta", "Consultation"),
        ("COLABORACION", "Involucramiento/colaboración", "Involvement/collaboration"),
        ("EMPODERAMIENTO", "Empoderamiento", "Empowerment"),
        ("CONTROL_SOCIAL", "Control social", "Social oversight"));

    public static Vocabulary Modality { get; } = Build(VocabularyIds.Modality, "Modalidad", "Modality", false,
        ("PRESENCIAL", "Presencial", "In person"),
        ("VIRTUAL", "Virtual", "Online"),
        ("MIXTA", "Mixta", "Hybrid"));

    public static Vocabulary Format { get; } = Build(VocabularyIds.Format, "Formato", "Format", false,
        ("AUDIENCIA_PUBLICA", "Audiencia pública", "Public hearing"),
        ("FORO", "Foro", "Forum"),
        ("MESA_TRABAJO", "Mesa de trabajo", "Working group"),
        ("TALLER", "Taller", "Workshop"),
        ("CONVERSATORIO", "Conversatorio", "Open discussion"),
        ("GRUPO_FOCAL", "Grupo focal", "Focus group"),
        ("ENCUENTRO_TERRITORIAL", "Encuentro territorial", "Regional meeting"),
        ("FERIA", "Feria", "Fair"),
        ("SESION_INSTANCIA", "Sesión de instancia", "Session of a participation body"),
        ("CONSULTA_VIRTUAL", "Consulta virtual", "Online consultation"),
        ("PROYECTO_NORMATIVO", "Proyecto normativo para comentarios", "Draft regulation for comments"),
        ("ENCUESTA", "Encuesta", "Survey"));

    public static Vocabulary ActorType { get; } = Build(VocabularyIds.ActorType, "Grupos de valor: tipo de actor", "Value groups: actor type", false,
        ("CIUDADANIA", "Ciudadanía", "Citizens"),
        ("ORGANIZACIONES_SOCIALES", "Organizaciones sociales y comunitarias", "Social and community organisations"),
        ("VEEDURIAS", "Veedurías", "Citizen oversight committees"),
        ("GREMIOS_EMPRESAS", "Gremios y empresas", "Business associations and companies"),
        ("SINDICATOS", "Sindicatos", "Trade unions"),
        ("ACADEMIA", "Academia", "Academia"),
        ("ENTIDADES_PUBLICAS", "Entidades públicas", "Public bodies"),
        ("ENTIDADES_TERRITORIALES", "Entidades territoriales", "Local and regional governments"),
        ("ORGANISMOS_CONTROL", "Organismos de control", "Oversight bodies"),
        ("INSTANCIAS_PARTICIPACION", "Instancias de participación", "Participation bodies"),
        ("MEDIOS", "Medios", "Media"),
        ("COOPERACION_ONG", "Cooperación/ONG", "International cooperation/NGOs"),
        ("SERVIDORES_PUBLICOS", "Servidores públicos", "Public servants"));

    public static Vocabulary PopulationFocus { get; } = Build(VocabularyIds.PopulationFocus, "Grupos de valor: enfoque poblacional", "Value groups: population focus", false,
        ("MUJERES", "Mujeres", "Women"),
        ("JOVENES", "Jóvenes", "Young people"),
        ("NINEZ", "Niñez", "Children"),
        ("PERSONAS_MAYORES", "Personas mayores", "Older people"),
        ("DISCAPACIDAD", "Personas con discapacidad", "People with disabilities"),
        ("LGBTIQ", "LGBTIQ+", "LGBTIQ+ people"),
        ("INDIGENAS", "Pueblos indígenas", "Indigenous peoples"),
        ("NARP", "Comunidades NARP", "Black, Afro-Colombian, Raizal and Palenquero communities (NARP)"),
        ("RROM", "Pueblo Rrom", "Rrom people"),
        ("VICTIMAS", "Víctimas", "Victims of the armed conflict"),
        ("CAMPESINADO", "Campesinado", "Peasant communities"),
        ("MIGRANTES", "Migrantes", "Migrants"));

    public static Vocabulary ItemKind { get; } = Build(VocabularyIds.ItemKind, "Tipo de aporte", "Kind of contribution", false,
        ("OBSERVACION", "Observación", "Observation"),
        ("PROPUESTA", "Propuesta", "Proposal"),
        ("RECOMENDACION", "Recomendación", "Recommendation"),
        ("PREGUNTA", "Pregunta", "Question"),
        ("QUEJA", "Queja", "Complaint"));

    public static Vocabulary AnswerDecision { get; } = Build(VocabularyIds.AnswerDecision, "Decisión de respuesta", "Answer decision", false,
        ("ACOGIDA", "Acogida", "Adopted"),
        ("ACOGIDA_PARCIAL", "Acogida parcialmente", "Partly adopted"),
        ("NO_ACOGIDA", "No acogida", "Not adopted"),
        ("EN_ESTUDIO", "En estudio", "Under study"),
        ("NO_APLICA", "No aplica", "Not applicable"));

    public static Vocabulary ResultCategory { get; } = Build(VocabularyIds.ResultCategory, "Categoría del resultado", "Result category", false,
        ("INFORMACION_ENTREGADA", "Información entregada", "Information delivered"),
        ("INSUMO_DIAGNOSTICO", "Insumo de diagnóstico", "Input to diagnosis"),
        ("AJUSTE_PLAN", "Ajuste a plan, proyecto o norma", "Change to a plan, project or regulation"),
        ("COMPROMISO_ADQUIRIDO", "Compromiso adquirido", "Commitment made"),
        ("DECISION_COMPARTIDA", "Decisión compartida", "Shared decision"));

    public static Vocabulary ReportStatus { get; } = Build(VocabularyIds.ReportStatus, "Estado del reporte", "Report status", false,
        ("BORRADOR", "Borrador", "Draft"),
        ("ENVIADO", "Enviado", "Submitted"),
        ("APROBADO", "Aprobado", "Approved"),
        ("DEVUELTO", "Devuelto", "Returned"));

    public static Vocabulary ProgressStatus { get; } = Build(VocabularyIds.ProgressStatus, "Estado de avance", "Progress status", true,
        ("NO_INICIADA", "No iniciada", "Not started"),
        ("EN_CURSO", "En curso", "In progress"),
        ("CUMPLIDA", "Cumplida", "Completed"));

    public static Vocabulary CommitmentStatus { get; } = Build(VocabularyIds.CommitmentStatus, "Estado del compromiso", "Commitment status", false,
        ("PENDIENTE", "Pendiente", "Pending"),
        ("EN_CURSO", "En curso", "In progress"),
        ("CUMPLIDO", "Cumplido", "Met"),
        ("INCUMPLIDO", "Incumplido", "Not met"));

    public static Vocabulary EvidenceKind { get; } = Build(VocabularyIds.EvidenceKind, "Tipo de evidencia", "Kind of evidence", false,
        ("ACTA", "Acta o ayuda de memoria", "Minutes"),
        ("LISTA_ASISTENCIA", "Lista de asistencia", "Attendance list"),
        ("FOTOGRAFIAS", "Fotografías", "Photos"),
        ("GRABACION", "Grabación", "Recording"),
        ("PRESENTACION", "Presentación", "Slides"),
        ("OTRO", "Otro", "Other"));

    public static Vocabulary Area { get; } = new(VocabularyIds.Area, new LocalizedText("Dependencias", "Areas"), []);

    /// <summary>Every default vocabulary, keyed by id.</summary>
    public static IReadOnlyList<Vocabulary> All { get; } =
    [
        Phase, SpaceKind, Level, Modality, Format, ActorType, PopulationFocus, ItemKind, AnswerDecision,
        ResultCategory, ReportStatus, ProgressStatus, CommitmentStatus, EvidenceKind, Area,
    ];

    /// <summary>Builds entries numbered 1..n in the order given.</summary>
    public static Vocabulary Build(string id, string nameEs, string nameEn, bool ordinal, params (string Code, string Es, string En)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return new Vocabulary(
            id,
            new LocalizedText(nameEs, nameEn),
            entries.Select((e, i) => new VocabularyEntry(e.Code, new LocalizedText(e.Es, e.En), i + 1)),
            ordinal);
    }
}
