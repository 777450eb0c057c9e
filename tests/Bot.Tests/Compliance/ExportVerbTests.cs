using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Cli;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Tests.Compliance;

/// <summary>participabot export over a real SQLite data directory.</summary>
public sealed class ExportVerbTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("participabot-export-").FullName;

    private string DataArg => "--Storage:DataDirectory=" + Path.Combine(_directory, "data");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task Export_XlsxAndCsv_WritesFilesWithTheCalculatorsFigures()
    {
        await SeedAsync();
        var xlsx = Path.Combine(_directory, "plan.xlsx");
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await ExportVerb.RunAsync(["--format", "xlsx", "--out", xlsx, "--year", "2026", "--as-of", "2026-09-15", DataArg], output, error);

        Assert.Equal(0, code);
        using (var document = SpreadsheetDocument.Open(xlsx, false))
        {
            var part = document.WorkbookPart!;
            var sheet = part.Workbook.Sheets!.Elements<Sheet>().Last();
            var rows = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
            // Entity I1 is the first data row: 2 of 4 → 0.5.
            var i1 = rows[1].Elements<Cell>().Select(c => c.CellValue?.Text ?? c.InnerText).ToList();
            Assert.Contains("I1", i1);
            Assert.Equal(0.5m, decimal.Parse(i1[^2], CultureInfo.InvariantCulture));
        }

        var csv = Path.Combine(_directory, "csv");
        Assert.Equal(0, await ExportVerb.RunAsync(["--format", "csv", "--out", csv, "--year", "2026", "--as-of", "2026-09-15", DataArg], output, error));
        Assert.Equal(4, Directory.GetFiles(csv, "*.csv").Length);
    }

    [Fact]
    public async Task Export_BadFormatOrNoPlan_FailsWithMessage()
    {
        var error = new StringWriter();

        Assert.Equal(2, await ExportVerb.RunAsync(["--format", "pdf", DataArg], new StringWriter(), error));
        Assert.Contains("xlsx, csv o docx", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await ExportVerb.RunAsync(["--year", "2031", DataArg], new StringWriter(), error));
        Assert.Contains("No hay plan para 2031", error.ToString(), StringComparison.Ordinal);
    }

    private async Task SeedAsync()
    {
        await using var services = ImportCommandSupport.BuildServices([DataArg]);
        await services.GetRequiredService<IPlanRepository>().SaveAsync(ComplianceTestData.Plan());
        foreach (var report in ComplianceTestData.Reports())
        {
            await services.GetRequiredService<IReportRepository>().CreateAsync("mintrabajo", report);
        }
    }
}
