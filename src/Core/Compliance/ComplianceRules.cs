namespace ParticipaBot.Core.Compliance;

/// <summary>
/// The configurable rules of the evaluation. Defaults follow DOMAIN.md: cuatrimestres, 60/80 % traffic
/// lights, reports due 5 working days after the space, half weight for partially taken proposals.
/// </summary>
public sealed record ComplianceRules
{
    /// <summary>Below this ratio the light is red.</summary>
    public decimal RedBelow { get; init; } = 0.60m;

    /// <summary>From this ratio the light is green; between the two it is yellow.</summary>
    public decimal GreenFrom { get; init; } = 0.80m;

    /// <summary>I12: a report is timely when sent at most this many working days after the space was held.</summary>
    public int ReportDueWorkingDays { get; init; } = 5;

    /// <summary>I9: weight of a proposal "acogida parcialmente" in the uptake ratio.</summary>
    public decimal PartialUptakeWeight { get; init; } = 0.5m;

    /// <summary>I6: the phases of the management cycle (Ley 1757 art. 2).</summary>
    public IReadOnlyList<string> Phases { get; init; } = ["DIAGNOSTICO", "FORMULACION", "IMPLEMENTACION", "SEGUIMIENTO_EVALUACION"];

    /// <summary>The evaluation periods of a year; cuatrimestres by default (Jan-Apr, May-Aug, Sep-Dec).</summary>
    public IReadOnlyList<EvaluationPeriod> Periods { get; init; } =
    [
        new(1, 1, 4),
        new(2, 5, 8),
        new(3, 9, 12),
    ];

    /// <summary>The light for a ratio; <see cref="TrafficLight.None"/> when there is nothing to measure.</summary>
    public TrafficLight LightFor(decimal? ratio) => ratio switch
    {
        null => TrafficLight.None,
        var r when r < RedBelow => TrafficLight.Red,
        var r when r < GreenFrom => TrafficLight.Yellow,
        _ => TrafficLight.Green,
    };

    /// <summary>The period a date falls in, or 0 when the periods do not cover its month.</summary>
    public int PeriodOf(DateOnly date)
    {
        foreach (var period in Periods)
        {
            if (date.Month >= period.StartMonth && date.Month <= period.EndMonth)
            {
                return period.Number;
            }
        }

        return 0;
    }

    public EvaluationPeriod GetPeriod(int number) =>
        Periods.FirstOrDefault(p => p.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), number, "No such evaluation period.");
}

/// <summary>One evaluation period of the year, by months (inclusive). Its cut-off is its last day.</summary>
public sealed record EvaluationPeriod(int Number, int StartMonth, int EndMonth)
{
    public DateOnly Start(int year) => new(year, StartMonth, 1);

    public DateOnly End(int year) => new(year, EndMonth, DateTime.DaysInMonth(year, EndMonth));
}

/// <summary>Traffic light of a ratio indicator.</summary>
public enum TrafficLight
{
    /// <summary>Nothing to measure yet (denominator zero).</summary>
    None,
    Red,
    Yellow,
    Green,
}
