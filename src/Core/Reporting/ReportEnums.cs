namespace ParticipaBot.Core.Reporting;

/// <summary>Lifecycle of a report: borrador → enviado → aprobado | devuelto (→ enviado again).</summary>
public enum ReportStatus
{
    Borrador,
    Enviado,
    Aprobado,
    Devuelto,
}

/// <summary>Kind of a contribution raised by the value groups in a space.</summary>
public enum ItemKind
{
    Observacion,
    Propuesta,
    Recomendacion,
    Pregunta,
    Queja,
}

/// <summary>What the entity decided about a contribution.</summary>
public enum AnswerDecision
{
    Acogida,
    AcogidaParcial,
    NoAcogida,
    EnEstudio,
    NoAplica,
}

/// <summary>Status of a commitment made in a space.</summary>
public enum CommitmentStatus
{
    Pendiente,
    EnCurso,
    Cumplido,
    Incumplido,
}

/// <summary>Status of a plan activity in a period.</summary>
public enum ProgressStatus
{
    NoIniciada,
    EnCurso,
    Cumplida,
}

/// <summary>
/// The stable codes of the fixed-meaning vocabularies (the ones rules depend on), the same codes
/// <see cref="Vocabularies.DefaultVocabularies"/> lists, so what is stored and exported never depends on enum names.
/// </summary>
public static class ReportCodes
{
    private static readonly Dictionary<ReportStatus, string> s_status = new()
    {
        [ReportStatus.Borrador] = "BORRADOR",
        [ReportStatus.Enviado] = "ENVIADO",
        [ReportStatus.Aprobado] = "APROBADO",
        [ReportStatus.Devuelto] = "DEVUELTO",
    };

    private static readonly Dictionary<ItemKind, string> s_itemKind = new()
    {
        [ItemKind.Observacion] = "OBSERVACION",
        [ItemKind.Propuesta] = "PROPUESTA",
        [ItemKind.Recomendacion] = "RECOMENDACION",
        [ItemKind.Pregunta] = "PREGUNTA",
        [ItemKind.Queja] = "QUEJA",
    };

    private static readonly Dictionary<AnswerDecision, string> s_decision = new()
    {
        [AnswerDecision.Acogida] = "ACOGIDA",
        [AnswerDecision.AcogidaParcial] = "ACOGIDA_PARCIAL",
        [AnswerDecision.NoAcogida] = "NO_ACOGIDA",
        [AnswerDecision.EnEstudio] = "EN_ESTUDIO",
        [AnswerDecision.NoAplica] = "NO_APLICA",
    };

    private static readonly Dictionary<CommitmentStatus, string> s_commitment = new()
    {
        [CommitmentStatus.Pendiente] = "PENDIENTE",
        [CommitmentStatus.EnCurso] = "EN_CURSO",
        [CommitmentStatus.Cumplido] = "CUMPLIDO",
        [CommitmentStatus.Incumplido] = "INCUMPLIDO",
    };

    private static readonly Dictionary<ProgressStatus, string> s_progress = new()
    {
        [ProgressStatus.NoIniciada] = "NO_INICIADA",
        [ProgressStatus.EnCurso] = "EN_CURSO",
        [ProgressStatus.Cumplida] = "CUMPLIDA",
    };

    public static string ToCode(this ReportStatus value) => s_status[value];

    public static string ToCode(this ItemKind value) => s_itemKind[value];

    public static string ToCode(this AnswerDecision value) => s_decision[value];

    public static string ToCode(this CommitmentStatus value) => s_commitment[value];

    public static string ToCode(this ProgressStatus value) => s_progress[value];

    public static bool TryParse(string? code, out ReportStatus value) => TryFind(s_status, code, out value);

    public static bool TryParse(string? code, out ItemKind value) => TryFind(s_itemKind, code, out value);

    public static bool TryParse(string? code, out AnswerDecision value) => TryFind(s_decision, code, out value);

    public static bool TryParse(string? code, out CommitmentStatus value) => TryFind(s_commitment, code, out value);

    public static bool TryParse(string? code, out ProgressStatus value) => TryFind(s_progress, code, out value);

    private static bool TryFind<T>(Dictionary<T, string> table, string? code, out T value)
        where T : struct, Enum
    {
        foreach (var (key, text) in table)
        {
            if (string.Equals(text, code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
