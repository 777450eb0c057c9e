using ParticipaBot.Core.Calendar;

namespace ParticipaBot.Core.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Default;

    [Fact]
    public void AddWorkingDays_FridayBeforeHolidayMonday_SkipsToTuesday()
    {
        // Monday 18 Aug 2025 is Asunción de la Virgen.
        Assert.Equal(new DateOnly(2025, 8, 19), Calendar.AddWorkingDays(new DateOnly(2025, 8, 15), 1));
    }

    [Fact]
    public void AddWorkingDays_AcrossHolyWeek_SkipsThursdayFridayAndWeekend()
    {
        // Jueves and Viernes Santo 2025 are 17 and 18 Apr.
        Assert.Equal(new DateOnly(2025, 4, 21), Calendar.AddWorkingDays(new DateOnly(2025, 4, 16), 1));
        Assert.Equal(new DateOnly(2025, 4, 22), Calendar.AddWorkingDays(new DateOnly(2025, 4, 16), 2));
    }

    [Fact]
    public void AddWorkingDays_Negative_GoesBackOverHolidayWeekend()
    {
        Assert.Equal(new DateOnly(2025, 4, 16), Calendar.AddWorkingDays(new DateOnly(2025, 4, 21), -1));
        Assert.Equal(new DateOnly(2025, 8, 15), Calendar.AddWorkingDays(new DateOnly(2025, 8, 19), -1));
    }

    [Theory]
    [InlineData("2025-08-16", "2025-08-19")] // Saturday before the holiday Monday
    [InlineData("2025-08-18", "2025-08-19")] // the holiday itself
    [InlineData("2025-08-19", "2025-08-19")] // already a working day
    public void AddWorkingDays_Zero_ReturnsSameOrNextWorkingDay(string date, string expected)
    {
        Assert.Equal(Parse(expected), Calendar.AddWorkingDays(Parse(date), 0));
    }

    [Fact]
    public void WorkingDaysBetween_HolyWeek_CountsOnlyWorkingDays()
    {
        // (Wed 16 Apr, Wed 23 Apr]: Mon 21, Tue 22, Wed 23.
        Assert.Equal(3, Calendar.WorkingDaysBetween(new DateOnly(2025, 4, 16), new DateOnly(2025, 4, 23)));
        Assert.Equal(-3, Calendar.WorkingDaysBetween(new DateOnly(2025, 4, 23), new DateOnly(2025, 4, 16)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2025, 4, 16), new DateOnly(2025, 4, 16)));
    }

    [Fact]
    public void WorkingDaysBetween_IsInverseOfAddWorkingDays()
    {
        var start = new DateOnly(2025, 12, 1);
        for (var n = -40; n <= 40; n++)
        {
            var target = Calendar.AddWorkingDays(start, n);
            Assert.Equal(n, Calendar.WorkingDaysBetween(start, target));
        }
    }

    [Fact]
    public void IsWorkingDay_ExtraNonWorkingDay_IsSkipped()
    {
        var calendar = new WorkingDayCalendar([new DateOnly(2025, 12, 24)]);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 12, 24)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2025, 12, 24)));
        Assert.Equal(new DateOnly(2025, 12, 26), calendar.AddWorkingDays(new DateOnly(2025, 12, 23), 1));
    }

    [Fact]
    public void IsWorkingDay_WeekendAndHoliday_False()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 1, 11)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 1, 12)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 1, 13)));
    }

    private static DateOnly Parse(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
