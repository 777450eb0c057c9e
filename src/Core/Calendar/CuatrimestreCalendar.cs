namespace ParticipaBot.Core.Calendar;

/// <summary>One period of the year (a cuatrimestre by default).</summary>
/// <param name="Year">The year (vigencia).</param>
/// <param name="Number">1-based: 1 = Jan–Apr, 2 = May–Aug, 3 = Sep–Dec by default.</param>
/// <param name="Start">Its first day.</param>
/// <param name="End">Its last day, which is also internal control's cut-off for the period.</param>
public sealed record Cuatrimestre(int Year, int Number, DateOnly Start, DateOnly End)
{
    /// <summary>Internal control's cut-off (corte) for the period: its last day.</summary>
    public DateOnly CutOff => End;

    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

/// <summary>
/// Splits a year into reporting periods by their last months. The default is the cuatrimestres of
/// internal control (cut-offs 30 Apr, 31 Aug, 31 Dec); an entity may configure other boundaries.
/// </summary>
public sealed class CuatrimestreCalendar
{
    private readonly int[] _endMonths;

    /// <param name="endMonths">The last month of each period, increasing, the last one 12 (default 4, 8, 12).</param>
    /// <exception cref="ArgumentException">The months are not increasing, not in 1–12, or do not end in December.</exception>
    public CuatrimestreCalendar(IEnumerable<int>? endMonths = null)
    {
        _endMonths = [.. endMonths ?? [4, 8, 12]];
        var valid = _endMonths.Length > 0
            && _endMonths[^1] == 12
            && _endMonths.All(month => month is >= 1 and <= 12)
            && _endMonths.Zip(_endMonths.Skip(1)).All(pair => pair.First < pair.Second);
        if (!valid)
        {
            throw new ArgumentException(
                $"Los meses de cierre de los periodos deben ser crecientes, entre 1 y 12 y terminar en 12; se recibió [{string.Join(", ", _endMonths)}]. "
                + "/ Period end months must increase within 1–12 and end with 12.",
                nameof(endMonths));
        }
    }

    public static CuatrimestreCalendar Default { get; } = new();

    /// <summary>How many periods a year has (3 by default).</summary>
    public int PeriodsPerYear => _endMonths.Length;

    /// <summary>The 1-based number of the period holding <paramref name="date"/>.</summary>
    public int NumberOf(DateOnly date) => Array.FindIndex(_endMonths, end => date.Month <= end) + 1;

    /// <summary>The period holding <paramref name="date"/>.</summary>
    public Cuatrimestre Of(DateOnly date) => Get(date.Year, NumberOf(date));

    /// <summary>Period <paramref name="number"/> (1-based) of <paramref name="year"/>.</summary>
    public Cuatrimestre Get(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, _endMonths.Length);
        var startMonth = number == 1 ? 1 : _endMonths[number - 2] + 1;
        var endMonth = _endMonths[number - 1];
        return new Cuatrimestre(
            year,
            number,
            new DateOnly(year, startMonth, 1),
            new DateOnly(year, endMonth, DateTime.DaysInMonth(year, endMonth)));
    }

    /// <summary>All periods of <paramref name="year"/>, in order.</summary>
    public IReadOnlyList<Cuatrimestre> All(int year) => [.. Enumerable.Range(1, _endMonths.Length).Select(number => Get(year, number))];

    /// <summary>Internal control's cut-off dates of <paramref name="year"/> (30 Apr, 31 Aug, 31 Dec by default).</summary>
    public IReadOnlyList<DateOnly> CutOffs(int year) => [.. All(year).Select(period => period.CutOff)];
}
