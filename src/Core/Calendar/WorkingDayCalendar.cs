namespace ParticipaBot.Core.Calendar;

/// <summary>
/// Working days (días hábiles): Monday to Friday, except Colombian public holidays and any extra
/// non-working days the entity declares (e.g. a "día cívico" or the Christmas closure).
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _extraNonWorkingDays;

    public WorkingDayCalendar(IEnumerable<DateOnly>? extraNonWorkingDays = null)
    {
        _extraNonWorkingDays = [.. extraNonWorkingDays ?? []];
    }

    /// <summary>The calendar with public holidays only.</summary>
    public static WorkingDayCalendar Default { get; } = new();

    /// <summary>The extra non-working days this calendar was given.</summary>
    public IReadOnlyCollection<DateOnly> ExtraNonWorkingDays => _extraNonWorkingDays;

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !_extraNonWorkingDays.Contains(date)
        && !ColombianHolidays.IsHoliday(date);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after (or, when negative, before) <paramref name="date"/>;
    /// the start date itself is not counted. With 0, the date itself when it is a working day, otherwise the next one.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        if (workingDays == 0)
        {
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }

            return date;
        }

        var step = workingDays > 0 ? 1 : -1;
        var remaining = Math.Abs(workingDays);
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// The working days in (from, to] when <paramref name="to"/> is later, or minus those in (to, from] when it is
    /// earlier, so that <c>AddWorkingDays(from, WorkingDaysBetween(from, to)) == to</c> for any working day <c>to</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return 0;
        }

        var sign = to > from ? 1 : -1;
        var (low, high) = sign > 0 ? (from, to) : (to, from);
        var count = 0;
        for (var day = low.AddDays(1); day <= high; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return sign * count;
    }
}
