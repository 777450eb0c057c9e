using System.Collections.Concurrent;

namespace ParticipaBot.Core.Calendar;

/// <summary>One public holiday (festivo) of Colombia.</summary>
/// <param name="Date">The day it is observed (after the move to Monday, when the law moves it).</param>
/// <param name="Name">Its name in Spanish, as the official lists write it.</param>
/// <param name="EnglishName">Its name in English.</param>
/// <param name="IsMovedToMonday">True when Ley 51 de 1983 moves it to the following Monday.</param>
public sealed record Holiday(DateOnly Date, string Name, string EnglishName, bool IsMovedToMonday);

/// <summary>
/// Colombia's public holidays under Ley 51 de 1983 ("Ley Emiliani"), in force since 1984: six fixed
/// dates, seven dates moved to the next Monday, and five Easter-based days (three of them moved to Monday).
/// </summary>
public static class ColombianHolidays
{
    public const int FirstYear = 1984;
    public const int LastYear = 2100;

    private static readonly ConcurrentDictionary<int, IReadOnlyList<Holiday>> ByYear = new();
    private static readonly ConcurrentDictionary<int, HashSet<DateOnly>> DatesByYear = new();

    /// <summary>The holidays of <paramref name="year"/>, ordered by date. Two may share a date (e.g. 30 Jun 2025).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1984–2100.</exception>
    public static IReadOnlyList<Holiday> For(int year)
    {
        EnsureSupported(year);
        return ByYear.GetOrAdd(year, Compute);
    }

    /// <summary>True when <paramref name="date"/> is a public holiday.</summary>
    public static bool IsHoliday(DateOnly date)
    {
        EnsureSupported(date.Year);
        return DatesByYear.GetOrAdd(date.Year, year => [.. For(year).Select(holiday => holiday.Date)]).Contains(date);
    }

    /// <summary>The holidays observed on <paramref name="date"/>: none, one, or two when two fall on the same Monday.</summary>
    public static IReadOnlyList<Holiday> On(DateOnly date) => [.. For(date.Year).Where(holiday => holiday.Date == date)];

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous algorithm: Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The date itself when it is a Monday, otherwise the next Monday.</summary>
    public static DateOnly NextMonday(DateOnly date)
    {
        var daysAhead = ((int)DayOfWeek.Monday - (int)date.DayOfWeek + 7) % 7;
        return date.AddDays(daysAhead);
    }

    private static void EnsureSupported(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year),
                year,
                $"Solo se conocen los festivos de {FirstYear} a {LastYear} (Ley 51 de 1983). / Holidays are known for {FirstYear}–{LastYear} only.");
        }
    }

    private static IReadOnlyList<Holiday> Compute(int year)
    {
        var easter = EasterSunday(year);
        var holidays = new List<Holiday>(18)
        {
            Fixed(year, 1, 1, "Año Nuevo", "New Year's Day"),
            Moved(new DateOnly(year, 1, 6), "Día de los Reyes Magos", "Epiphany"),
            Moved(new DateOnly(year, 3, 19), "Día de San José", "Saint Joseph's Day"),
            new(easter.AddDays(-3), "Jueves Santo", "Maundy Thursday", false),
            new(easter.AddDays(-2), "Viernes Santo", "Good Friday", false),
            Fixed(year, 5, 1, "Día del Trabajo", "Labour Day"),
            Moved(easter.AddDays(39), "Ascensión del Señor", "Ascension Day"),
            Moved(easter.AddDays(60), "Corpus Christi", "Corpus Christi"),
            Moved(easter.AddDays(68), "Sagrado Corazón de Jesús", "Sacred Heart"),
            Moved(new DateOnly(year, 6, 29), "San Pedro y San Pablo", "Saints Peter and Paul"),
            Fixed(year, 7, 20, "Día de la Independencia", "Independence Day"),
            Fixed(year, 8, 7, "Batalla de Boyacá", "Battle of Boyacá"),
            Moved(new DateOnly(year, 8, 15), "Asunción de la Virgen", "Assumption of Mary"),
            Moved(new DateOnly(year, 10, 12), "Día de la Raza", "Columbus Day"),
            Moved(new DateOnly(year, 11, 1), "Día de Todos los Santos", "All Saints' Day"),
            Moved(new DateOnly(year, 11, 11), "Independencia de Cartagena", "Independence of Cartagena"),
            Fixed(year, 12, 8, "Día de la Inmaculada Concepción", "Immaculate Conception"),
            Fixed(year, 12, 25, "Navidad", "Christmas Day"),
        };

        // Stable order by date keeps the law's order for holidays that share a Monday.
        return [.. holidays.OrderBy(holiday => holiday.Date)];
    }

    private static Holiday Fixed(int year, int month, int day, string name, string englishName) =>
        new(new DateOnly(year, month, day), name, englishName, false);

    private static Holiday Moved(DateOnly nominal, string name, string englishName) =>
        new(NextMonday(nominal), name, englishName, true);
}
