using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParticipaBot.Bot.Exports;
using ParticipaBot.Core.Compliance;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace ParticipaBot.Bot.Tests.Compliance;

public sealed class ComplianceExportTests
{
    [Fact]
    public void RenderXlsx_ReadBack_SheetsHeadersRowsAndIndicatorsEqualTheCalculator()
    {
        var snapshot = ComplianceTestData.Snapshot();
        var file = ExportRenderer.Render(snapshot, ExportFormat.Xlsx, english: false);

        using var document = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var part = document.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Espacios", "Reportes", "Aportes y respuestas", "Indicadores"], sheets.Select(s => s.Name!.Value));

        var spaces = Rows(part, sheets[0]);
        Assert.Equal("Id del espacio", spaces[0][0]);
        Assert.Equal(1 + 4, spaces.Count);
        var reports = Rows(part, sheets[1]);
        Assert.Equal("Id del reporte", reports[0][0]);
        Assert.Equal(1 + 2, reports.Count);
        Assert.Equal(1 + 2, Rows(part, sheets[2]).Count);

        // Indicators: entity, periods 1-3 (all started by 15 Sep) and the two areas, 14 indicators each.
        var indicators = Rows(part, sheets[3]);
        Assert.Equal(["Alcance", "Periodo", "Dependencia", "Corte", "Código", "Indicador", "Numerador", "Denominador", "Valor", "Semáforo"], indicators[0]);
        Assert.Equal(1 + ((1 + 3 + 2) * 14), indicators.Count);
        var entity = snapshot.Calculator.Summarize(snapshot.Facts, snapshot.AsOf, ComplianceScope.Entity);
        var i1 = indicators.First(r => r[0] == "Entidad" && r[4] == "I1");
        Assert.Equal(entity["I1"].Numerator, decimal.Parse(i1[6], CultureInfo.InvariantCulture));
        Assert.Equal(entity["I1"].Denominator, decimal.Parse(i1[7], CultureInfo.InvariantCulture));
        Assert.Equal(entity["I1"].Value, decimal.Parse(i1[8], CultureInfo.InvariantCulture));
        Assert.Equal(0.5m, entity["I1"].Value);
        var planeacion = snapshot.Calculator.Summarize(snapshot.Facts, snapshot.AsOf, new ComplianceScope(null, ComplianceTestData.Planeacion));
        var areaRow = indicators.First(r => r[2] == ComplianceTestData.Planeacion && r[4] == "I8");
        Assert.Equal(planeacion["I8"].Denominator, decimal.Parse(areaRow[7], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RenderDocx_ReadBack_IndicatorTableRecommendationsAndImprovementActions()
    {
        var snapshot = ComplianceTestData.Snapshot();
        var file = ExportRenderer.Render(snapshot, ExportFormat.Docx, english: false);

        using var document = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var headings = body.Elements<Word.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => p.InnerText)
            .ToList();
        Assert.Contains("1. Indicadores de cumplimiento", headings);
        Assert.Contains("3. Recomendaciones por espacio", headings);
        Assert.Contains("4. Acciones de mejora", headings);

        var table = body.Elements<Word.Table>().First();
        var rows = table.Elements<Word.TableRow>().Select(r => r.Elements<Word.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(1 + 14, rows.Count);
        var i1 = rows.Single(r => r[0] == "I1");
        Assert.Equal(["2", "4", "50 %", "Rojo"], i1[2..]);

        var text = body.InnerText;
        Assert.Contains("Ampliar horarios de atención", text, StringComparison.Ordinal);
        // I1 is red: its standard improvement action; the reports' difficulties and lessons follow.
        Assert.Contains("I1 Cumplimiento del cronograma (Rojo", text, StringComparison.Ordinal);
        Assert.Contains("Convocatoria tardía", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderCsv_ZipHoldsOneFilePerSheet()
    {
        var file = ExportRenderer.Render(ComplianceTestData.Snapshot(), ExportFormat.Csv, english: false);

        using var zip = new ZipArchive(new MemoryStream(file.Content), ZipArchiveMode.Read);
        Assert.Equal(["01-espacios.csv", "02-reportes.csv", "03-aportes-y-respuestas.csv", "04-indicadores.csv"], zip.Entries.Select(e => e.FullName));
        using var reader = new StreamReader(zip.GetEntry("01-espacios.csv")!.Open());
        var lines = reader.ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("Id del espacio;Nombre", lines[0], StringComparison.Ordinal);
    }

    private static List<List<string>> Rows(WorkbookPart part, Sheet sheet)
    {
        var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
        var result = new List<List<string>>();
        foreach (var row in worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty);
            }

            result.Add(cells);
        }

        return result;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
