using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportHistoryTests
{
    private static readonly ReportForm Form = ReportForm.Default;
    private static readonly DateTimeOffset Now = new(2026, 3, 21, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ChangedFields_SameReport_IsEmpty()
    {
        var report = ReportTestData.ValidReport();

        Assert.Empty(ReportHistory.ChangedFields(Form, report, report with { }));
    }

    [Fact]
    public void ChangedFields_NameAndAnAnswerChanged_ReturnsThoseIdsInFormOrder()
    {
        var before = ReportTestData.ValidReport();
        var items = before.Items.ToList();
        items[1] = items[1] with { Answer = new ItemAnswer(AnswerDecision.Acogida, null, "Despacho", new DateOnly(2026, 4, 2)) };
        var after = before with { Items = items, Name = "Mesa con sindicatos (ajustado)" };

        Assert.Equal(new[] { ReportFields.Name, ReportFields.Answers }, ReportHistory.ChangedFields(Form, before, after));
    }

    [Fact]
    public void ChangedFields_FromNothing_ListsEveryFilledField()
    {
        var changed = ReportHistory.ChangedFields(Form, null, ReportTestData.ValidReport());

        Assert.Contains(ReportFields.Space, changed);
        Assert.Contains(ReportFields.Status, changed);
        Assert.DoesNotContain(ReportFields.InternalEvaluation + "x", changed);
    }

    [Fact]
    public void ChangedFields_OnlyWhitespaceDiffers_IsEmpty()
    {
        var before = new Dictionary<string, string> { ["name"] = "Taller" };
        var after = new Dictionary<string, string> { ["name"] = " Taller ", ["format"] = "  " };

        Assert.Empty(ReportHistory.ChangedFields(Form, before, after));
    }

    [Fact]
    public void Record_TwoSaves_NumbersVersionsAndNamesTheChanges()
    {
        var first = ReportHistory.Record(Form, null, ReportTestData.ValidReport(), "delegada@entidad.gov.co", Now);
        var edited = first with { Goals = [.. first.Goals, "Nueva meta"] };

        var second = ReportHistory.Record(Form, first, edited, "delegada@entidad.gov.co", Now.AddDays(1));

        Assert.Equal(new[] { 1, 2 }, second.Versions.Select(v => v.Number));
        Assert.Equal(new[] { ReportFields.Goals }, second.Versions[1].ChangedFieldIds);
        Assert.Equal(Now.AddDays(1), second.Versions[1].When);
    }
}
