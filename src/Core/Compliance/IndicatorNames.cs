namespace ParticipaBot.Core.Compliance;

/// <summary>The indicators' names as people read them, Spanish first and English.</summary>
public static class IndicatorNames
{
    private static readonly Dictionary<string, (string Es, string En)> Names = new(StringComparer.Ordinal)
    {
        [IndicatorCodes.ScheduleCompliance] = ("Cumplimiento del cronograma", "Schedule compliance"),
        [IndicatorCodes.OnTime] = ("Espacios realizados a tiempo", "Spaces held on time"),
        [IndicatorCodes.ActivitiesCompleted] = ("Actividades de la estrategia cumplidas", "Strategy activities completed"),
        [IndicatorCodes.SpacesHeld] = ("Espacios realizados", "Spaces held"),
        [IndicatorCodes.ValueGroupCoverage] = ("Cobertura de grupos de valor", "Value-group coverage"),
        [IndicatorCodes.CycleCoverage] = ("Cobertura del ciclo de la gestión", "Management-cycle coverage"),
        [IndicatorCodes.GoalsWithParticipation] = ("Metas institucionales con participación", "Institutional goals with participation"),
        [IndicatorCodes.AnswerRate] = ("Propuestas respondidas", "Proposals answered"),
        [IndicatorCodes.Uptake] = ("Propuestas acogidas", "Proposals taken up"),
        [IndicatorCodes.MedianDaysToAnswer] = ("Mediana de días hábiles para responder", "Median working days to answer"),
        [IndicatorCodes.CommitmentsMet] = ("Compromisos cumplidos", "Commitments met"),
        [IndicatorCodes.ReportTimeliness] = ("Informes entregados a tiempo", "Reports on time"),
        [IndicatorCodes.EvidenceCompleteness] = ("Evidencias y publicación completas", "Evidence and publication complete"),
        [IndicatorCodes.AttendanceAndSatisfaction] = ("Asistentes", "Participants"),
    };

    /// <summary>The indicator's name in Spanish, or in English when <paramref name="english"/> is true.</summary>
    public static string Get(string code, bool english = false) =>
        Names.TryGetValue(code, out var name) ? (english ? name.En : name.Es) : code;
}
