using ParticipaBot.Core.Planning;

namespace ParticipaBot.Core.Tests.Planning;

public sealed class PeriodParserTests
{
    private static PlannedPeriod Ok(string text, int year = 2023)
    {
        var result = PeriodParser.Parse(text, year);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(text, result.Period!.OriginalText);
        return result.Period;
    }

    [Fact]
    public void Parse_WeekdayCapitalisedMonthAndTime_ReturnsExactDateWithTime()
    {
        var period = Ok("Viernes 24 de Noviembre de 2023 - 09:00 AM");
        Assert.Equal(PeriodKind.ExactDate, period.Kind);
        Assert.Equal(new DateOnly(2023, 11, 24), period.Start);
        Assert.Equal(period.Start, period.End);
        Assert.Equal(new TimeOnly(9, 0), period.Time);
    }

    [Fact]
    public void Parse_DateWithoutYear_UsesPlanYear()
    {
        var period = Ok("24 de noviembre", 2025);
        Assert.Equal(new DateOnly(2025, 11, 24), period.Start);
        Assert.Null(period.Time);
    }

    [Fact]
    public void Parse_TwoDaysJoinedByY_ReturnsDateRangeInPlanYear()
    {
        var period = Ok("19 y 20 de abril", 2024);
        Assert.Equal(PeriodKind.DateRange, period.Kind);
        Assert.Equal(new DateOnly(2024, 4, 19), period.Start);
        Assert.Equal(new DateOnly(2024, 4, 20), period.End);
    }

    [Fact]
    public void Parse_DayRangeWithAl_ReturnsDateRange()
    {
        var period = Ok("22 al 28 de abril de 2017");
        Assert.Equal(PeriodKind.DateRange, period.Kind);
        Assert.Equal(new DateOnly(2017, 4, 22), period.Start);
        Assert.Equal(new DateOnly(2017, 4, 28), period.End);
    }

    [Fact]
    public void Parse_RangeAcrossMonths_ReturnsDateRange()
    {
        var period = Ok("30 de abril al 2 de mayo de 2023");
        Assert.Equal(new DateOnly(2023, 4, 30), period.Start);
        Assert.Equal(new DateOnly(2023, 5, 2), period.End);
    }

    [Theory]
    [InlineData("15 de marzo de 2023 5:00 p. m.", 17, 0)]
    [InlineData("15 de marzo de 2023, 12:00 m", 12, 0)]
    [InlineData("15 de marzo de 2023 a las 3 pm", 15, 0)]
    [InlineData("15/03/2023 15:30", 15, 30)]
    [InlineData("2023-03-15 08:15", 8, 15)]
    public void Parse_DateWithSpanishTime_ReadsTime(string text, int hour, int minute)
    {
        var period = Ok(text);
        Assert.Equal(new DateOnly(2023, 3, 15), period.Start);
        Assert.Equal(new TimeOnly(hour, minute), period.Time);
    }

    [Theory]
    [InlineData("5:00 p. m.", 17, 0)]
    [InlineData("12:00 m", 12, 0)]
    [InlineData("09:00 AM", 9, 0)]
    [InlineData("12:30 a. m.", 0, 30)]
    [InlineData("18:45", 18, 45)]
    public void TryParseTime_SpanishForms_ReturnsTime(string text, int hour, int minute)
    {
        Assert.True(PeriodParser.TryParseTime(text, out var time));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("Marzo de 2022", 2022, 3, 2022, 3)]
    [InlineData("Enero de 2022.", 2022, 1, 2022, 1)]
    [InlineData("junio", 2023, 6, 2023, 6)]
    public void Parse_Month_ReturnsWholeMonth(string text, int startYear, int startMonth, int endYear, int endMonth)
    {
        var period = Ok(text);
        Assert.Equal(PeriodKind.Month, period.Kind);
        Assert.Equal(new DateOnly(startYear, startMonth, 1), period.Start);
        Assert.Equal(PlannedPeriod.LastDayOfMonth(endYear, endMonth), period.End);
    }

    [Fact]
    public void Parse_MonthRange_ReturnsFirstToLastDay()
    {
        var period = Ok("marzo a noviembre de 2022");
        Assert.Equal(PeriodKind.MonthRange, period.Kind);
        Assert.Equal(new DateOnly(2022, 3, 1), period.Start);
        Assert.Equal(new DateOnly(2022, 11, 30), period.End);
    }

    [Fact]
    public void ParseRange_StartAndEndMonthColumns_ReturnsMonthRange()
    {
        var result = PeriodParser.ParseRange("Enero de 2022.", "Marzo de 2022.", 2022);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(PeriodKind.MonthRange, result.Period!.Kind);
        Assert.Equal(new DateOnly(2022, 1, 1), result.Period.Start);
        Assert.Equal(new DateOnly(2022, 3, 31), result.Period.End);
        Assert.Equal("Enero de 2022. a Marzo de 2022.", result.Period.OriginalText);
    }

    [Fact]
    public void ParseRange_EndBeforeStart_Refuses()
    {
        var result = PeriodParser.ParseRange("Noviembre de 2022", "Marzo de 2022", 2022);
        Assert.False(result.Succeeded);
        Assert.Contains("anterior", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("segundo cuatrimestre", new[] { 2 })]
    [InlineData("Cuatrimestres 2 y 3", new[] { 2, 3 })]
    [InlineData("I cuatrimestre 2023", new[] { 1 })]
    public void Parse_Cuatrimestres_OneMilestonePerCuatrimestre(string text, int[] expected)
    {
        var period = Ok(text);
        Assert.Equal(PeriodKind.Cuatrimestres, period.Kind);
        Assert.Equal(expected, period.Cuatrimestres);
        var milestones = period.ExpectedMilestones();
        Assert.Equal(expected.Length, milestones.Count);
        Assert.Equal(PlannedPeriod.CuatrimestreEnd(2023, expected[^1]), milestones[^1].Due);
    }

    [Fact]
    public void ForCuatrimestres_SecondAndThird_SpansMayToDecember()
    {
        var period = PlannedPeriod.ForCuatrimestres(2023, [3, 2], "X X");
        Assert.Equal(new DateOnly(2023, 5, 1), period.Start);
        Assert.Equal(new DateOnly(2023, 12, 31), period.End);
        Assert.Equal([new DateOnly(2023, 8, 31), new DateOnly(2023, 12, 31)], period.ExpectedMilestones().Select(m => m.Due));
    }

    [Theory]
    [InlineData("primer trimestre", PeriodKind.Quarter, 1, 3)]
    [InlineData("Trimestre 4", PeriodKind.Quarter, 10, 12)]
    [InlineData("segundo semestre", PeriodKind.Semester, 7, 12)]
    [InlineData("Vigencia 2023", PeriodKind.Year, 1, 12)]
    [InlineData("todo el año", PeriodKind.Year, 1, 12)]
    [InlineData("2023", PeriodKind.Year, 1, 12)]
    [InlineData("Mensual", PeriodKind.Recurring, 1, 12)]
    public void Parse_DivisionsOfTheYear_ReturnsKindAndMonths(string text, PeriodKind kind, int firstMonth, int lastMonth)
    {
        var period = Ok(text);
        Assert.Equal(kind, period.Kind);
        Assert.Equal(new DateOnly(2023, firstMonth, 1), period.Start);
        Assert.Equal(PlannedPeriod.LastDayOfMonth(2023, lastMonth), period.End);
    }

    [Theory]
    [InlineData("por definir")]
    [InlineData("Pte por definir")]
    [InlineData("Fecha por confirmar")]
    public void Parse_ToBeDefined_HasNoDates(string text)
    {
        var period = Ok(text);
        Assert.Equal(PeriodKind.ToBeDefined, period.Kind);
        Assert.Null(period.Start);
        Assert.Empty(period.ExpectedMilestones());
    }

    [Theory]
    [InlineData("cuando se pueda", "No se entiende la fecha o periodo «cuando se pueda»")]
    [InlineData("31 de febrero de 2023", "no existe")]
    [InlineData("quinto cuatrimestre", "no es un cuatrimestre válido")]
    [InlineData("9:00 AM", "una hora pero no una fecha")]
    [InlineData("", "vacío")]
    [InlineData("24 de Noviembre de 2023 - 25:00", "No se entiende")]
    public void Parse_Unreadable_RefusesNamingTheText(string text, string expected)
    {
        var result = PeriodParser.Parse(text, 2023);
        Assert.False(result.Succeeded);
        Assert.Null(result.Period);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
