using System.Globalization;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportDescribeTests
{
    [Fact]
    public void Describe_DraftValues_RendersLabelsForTheReviewCard()
    {
        var form = ReportForm.Default;
        var values = new Dictionary<string, string> { ["items.0.kind"] = "QUEJA", ["items.0.text"] = "Demoras", ["items.1.kind"] = "PREGUNTA", ["items.1.text"] = "¿Cuándo?" };

        var text = ReportExport.Describe(form.Field(ReportFields.Items), values, ReportTestData.MintrabajoCatalogs, new CultureInfo("en"));

        Assert.Equal("Complaint / Demoras | Question / ¿Cuándo?", text);
        Assert.Equal(string.Empty, ReportExport.Describe(form.Field(ReportFields.Publication), values, ReportTestData.MintrabajoCatalogs));
    }
}
