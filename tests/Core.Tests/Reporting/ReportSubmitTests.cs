using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportSubmitTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Submit_IncompleteReport_RefusedWithTheFieldErrors()
    {
        var report = ReportTestData.ValidReport() with { Goals = [] };

        var result = ReportWorkflow.Submit(report, ReportActorRole.Delegate, ReportTestData.Context(new DateOnly(2026, 4, 20)), Now);

        Assert.False(result.Succeeded);
        Assert.Contains("incompleto", result.Refusal!.Es, StringComparison.Ordinal);
        Assert.NotEmpty(result.Validation.For(ReportFields.Goals));
    }

    [Fact]
    public void Submit_CompleteReport_Sent()
    {
        var result = ReportWorkflow.Submit(ReportTestData.ValidReport(), ReportActorRole.Delegate, ReportTestData.Context(new DateOnly(2026, 4, 20)), Now);

        Assert.True(result.Succeeded, result.Refusal?.Es);
        Assert.Equal(ReportStatus.Enviado, result.Report!.Status);
    }
}
