using ParticipaBot.Core.Calendar;

namespace ParticipaBot.Core.Tests.Calendar;

public sealed class ColombianHolidaysTests
{
    // The official lists, written out by hand (decreto-published calendars for each year).
    public static TheoryData<int, string[]> OfficialLists => new()
    {
        {
            2024,
            [
                "2024-01-01", "2024-01-08", "2024-03-25", "2024-03-28", "2024-03-29", "2024-05-01", "2024-05-13", "2024-06-03",
                "2024-06-10", "2024-07-01", "2024-07-20", "2024-08-07", "2024-08-19", "2024-10-14", "2024-11-04", "2024-11-11",
                "2024-12-08", "2024-12-25",
            ]
        },
        {
            // 30 Jun 2025 holds two holidays: Sagrado Corazón and San Pedro y San Pablo (29 Jun was a Sunday).
            2025,
            [
                "2025-01-01", "2025-01-06", "2025-03-24", "2025-04-17", "2025-04-18", "2025-05-01", "2025-06-02", "2025-06-23",
                "2025-06-30", "2025-06-30", "2025-07-20", "2025-08-07", "2025-08-18", "2025-10-13", "2025-11-03", "2025-11-17",
                "2025-12-08", "2025-12-25",
            ]
        },
        {
            2026,
            [
                "2026-01-01", "2026-01-12", "2026-03-23", "2026-04-02", "2026-04-03", "2026-05-01", "2026-05-18", "2026-06-08",
                "2026-06-15", "2026-06-29", "2026-07-20", "2026-08-07", "2026-08-17", "2026-10-12", "2026-11-02", "2026-11-16",
                "2026-12-08", "2026-12-25",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(OfficialLists))]
    public void For_OfficialYear_MatchesPublishedList(int year, string[] expected)
    {
        var actual = ColombianHolidays.For(year).Select(holiday => holiday.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(1985, "1985-04-07")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2100, "2100-03-28")]
    public void EasterSunday_KnownYears_MatchesTables(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ColombianHolidays.EasterSunday(year));
    }

    [Fact]
    public void On_SharedMonday2025_ReturnsBothSpanishNames()
    {
        var names = ColombianHolidays.On(new DateOnly(2025, 6, 30)).Select(holiday => holiday.Name);

        Assert.Equal(["Sagrado Corazón de Jesús", "San Pedro y San Pablo"], names);
    }

    [Fact]
    public void For_2026_NamesEachHolidayInSpanish()
    {
        var byDate = ColombianHolidays.For(2026).ToDictionary(holiday => holiday.Date, holiday => holiday.Name);

        Assert.Equal("Día de los Reyes Magos", byDate[new DateOnly(2026, 1, 12)]);
        Assert.Equal("Jueves Santo", byDate[new DateOnly(2026, 4, 2)]);
        Assert.Equal("Viernes Santo", byDate[new DateOnly(2026, 4, 3)]);
        Assert.Equal("Ascensión del Señor", byDate[new DateOnly(2026, 5, 18)]);
        Assert.Equal("Corpus Christi", byDate[new DateOnly(2026, 6, 8)]);
        Assert.Equal("Batalla de Boyacá", byDate[new DateOnly(2026, 8, 7)]);
        Assert.Equal("Independencia de Cartagena", byDate[new DateOnly(2026, 11, 16)]);
    }

    [Fact]
    public void For_EveryYearInRange_MovedHolidaysFallOnMondayAndEighteenPerYear()
    {
        for (var year = ColombianHolidays.FirstYear; year <= ColombianHolidays.LastYear; year++)
        {
            var holidays = ColombianHolidays.For(year);
            Assert.Equal(18, holidays.Count);
            Assert.All(holidays.Where(holiday => holiday.IsMovedToMonday), holiday => Assert.Equal(DayOfWeek.Monday, holiday.Date.DayOfWeek));
            Assert.All(holidays, holiday => Assert.Equal(year, holiday.Date.Year));
        }
    }

    [Theory]
    [InlineData(1983)]
    [InlineData(2101)]
    public void For_YearOutsideLaw_Throws(int year)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ColombianHolidays.For(year));
        Assert.Contains("1984", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsHoliday_WorkingTuesdayAndHolidayMonday_Distinguishes()
    {
        Assert.True(ColombianHolidays.IsHoliday(new DateOnly(2025, 11, 17)));
        Assert.False(ColombianHolidays.IsHoliday(new DateOnly(2025, 11, 11)));
    }
}
