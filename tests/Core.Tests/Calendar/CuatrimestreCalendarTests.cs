using ParticipaBot.Core.Calendar;

namespace ParticipaBot.Core.Tests.Calendar;

public sealed class CuatrimestreCalendarTests
{
    [Theory]
    [InlineData("2026-01-01", 1)]
    [InlineData("2026-04-30", 1)]
    [InlineData("2026-05-01", 2)]
    [InlineData("2026-08-31", 2)]
    [InlineData("2026-09-01", 3)]
    [InlineData("2026-12-31", 3)]
    public void NumberOf_Boundaries_ReturnsCuatrimestre(string date, int expected)
    {
        Assert.Equal(expected, CuatrimestreCalendar.Default.NumberOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Of_MidYear_ReturnsStartEndAndCutOff()
    {
        var period = CuatrimestreCalendar.Default.Of(new DateOnly(2026, 6, 15));

        Assert.Equal(new Cuatrimestre(2026, 2, new DateOnly(2026, 5, 1), new DateOnly(2026, 8, 31)), period);
        Assert.Equal(new DateOnly(2026, 8, 31), period.CutOff);
    }

    [Fact]
    public void CutOffs_Default_AreInternalControlDates()
    {
        Assert.Equal(
            [new DateOnly(2025, 4, 30), new DateOnly(2025, 8, 31), new DateOnly(2025, 12, 31)],
            CuatrimestreCalendar.Default.CutOffs(2025));
    }

    [Fact]
    public void Get_ConfiguredSemesters_UsesGivenBoundaries()
    {
        var semesters = new CuatrimestreCalendar([6, 12]);

        Assert.Equal(2, semesters.PeriodsPerYear);
        Assert.Equal(new DateOnly(2024, 7, 1), semesters.Get(2024, 2).Start);
        Assert.Equal(new DateOnly(2024, 6, 30), semesters.Get(2024, 1).End);
    }

    [Fact]
    public void Get_LeapYearFebruaryEnd_UsesDaysInMonth()
    {
        var calendar = new CuatrimestreCalendar([2, 12]);

        Assert.Equal(new DateOnly(2028, 2, 29), calendar.Get(2028, 1).End);
    }

    [Theory]
    [InlineData(new[] { 4, 8 })]
    [InlineData(new[] { 8, 4, 12 })]
    [InlineData(new[] { 0, 12 })]
    public void Constructor_BadBoundaries_ThrowsWithSpanishMessage(int[] endMonths)
    {
        var exception = Assert.Throws<ArgumentException>(() => new CuatrimestreCalendar(endMonths));
        Assert.Contains("meses de cierre", exception.Message, StringComparison.Ordinal);
    }
}
