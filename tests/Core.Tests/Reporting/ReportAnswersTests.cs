using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportAnswersTests
{
    [Fact]
    public void Apply_ValidAnswers_SetsThemPerItem()
    {
        var report = ReportTestData.ValidReport();

        var (answered, validation) = ReportAnswers.Apply(report, new Dictionary<string, string>
        {
            ["answers.0.decision"] = "ACOGIDA",
            ["answers.0.date"] = "2026-03-20",
            ["answers.1.decision"] = "EN_ESTUDIO",
        }, ReportTestData.Context());

        Assert.True(validation.IsValid, string.Join("; ", validation.Errors.Select(e => e.Message.Es)));
        Assert.Equal(AnswerDecision.Acogida, answered!.Items[0].Answer!.Decision);
        Assert.Equal(AnswerDecision.EnEstudio, answered.Items[1].Answer!.Decision);
        Assert.True(ReportAnswers.HasPending(answered));
    }

    [Theory]
    [InlineData("answers.0.decision", "INVENTADA", "answers.0.decision")]
    [InlineData("answers.0.justification", "sin decisión", "answers.0.decision")]
    [InlineData("answers.9.decision", "ACOGIDA", "answers.9.decision")]
    [InlineData("items.0.text", "cambiado", "items.0.text")]
    public void Apply_ForgedOrIncomplete_IsRefused(string key, string value, string errorKey)
    {
        var report = ReportTestData.ValidReport();

        var (answered, validation) = ReportAnswers.Apply(report, new Dictionary<string, string> { [key] = value }, ReportTestData.Context());

        Assert.Null(answered);
        Assert.Contains(validation.Errors, e => e.Key == errorKey);
    }

    [Fact]
    public void Apply_NotAdoptedWithoutJustificationOrBeforeTheSpace_IsRefused()
    {
        var report = ReportTestData.ValidReport();

        var (answered, validation) = ReportAnswers.Apply(report, new Dictionary<string, string>
        {
            ["answers.0.decision"] = "NO_ACOGIDA",
            ["answers.0.date"] = "2026-03-01",
        }, ReportTestData.Context());

        Assert.Null(answered);
        Assert.Contains(validation.Errors, e => e.Key == "answers.0.justification");
        Assert.Contains(validation.Errors, e => e.Key == "answers.0.date");
    }
}
