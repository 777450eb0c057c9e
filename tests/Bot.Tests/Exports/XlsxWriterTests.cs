using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParticipaBot.Bot.Exports;

namespace ParticipaBot.Bot.Tests.Exports;

public sealed class XlsxWriterTests
{
    private static readonly ExportWorkbook Workbook = new(
    [
        new ExportSheet("Espacios", ["Nombre", "Fecha", "Asistentes", "Cumplimiento"],
        [
            ["Foro de empleo", new DateOnly(2026, 3, 5), 42, new Percent(0.75m)],
            ["=HYPERLINK(\"x\")", null, 0, null],
        ]),
        new ExportSheet("Una hoja con un nombre demasiado largo para Excel", ["A"], []),
    ]);

    [Fact]
    public void Write_Workbook_ReadsBackSheetsHeadersAndTypedValues()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(Workbook, stream);
        stream.Position = 0;

        using var document = SpreadsheetDocument.Open(stream, false);
        var workbookPart = document.WorkbookPart!;
        var sheets = workbookPart.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Espacios", "Una hoja con un nombre demasiad"], sheets.Select(s => s.Name!.Value));

        var rows = ReadRows(workbookPart, sheets[0]);
        Assert.Equal(["Nombre", "Fecha", "Asistentes", "Cumplimiento"], rows[0]);
        Assert.Equal("Foro de empleo", rows[1][0]);
        Assert.Equal(new DateOnly(2026, 3, 5), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(rows[1][1], CultureInfo.InvariantCulture))));
        Assert.Equal("42", rows[1][2]);
        Assert.Equal("0.75", rows[1][3]);
        // A formula-looking text is neutralised, never evaluated.
        Assert.Equal("'=HYPERLINK(\"x\")", rows[2][0]);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void WriteCsv_Sheet_UsesSemicolonsDecimalCommaAndQuotes()
    {
        using var stream = new MemoryStream();
        CsvWriter.Write(new ExportSheet("s", ["Nombre", "Valor", "Fecha"], [["Foro; \"norte\"", new Percent(0.755m), new DateOnly(2026, 1, 2)]]), stream);

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("\uFEFF", text, StringComparison.Ordinal);
        Assert.Equal("\uFEFFNombre;Valor;Fecha\r\n\"Foro; \"\"norte\"\"\";75,5 %;2026-01-02\r\n", text);
    }

    internal static List<List<string>> ReadRows(WorkbookPart workbookPart, Sheet sheet)
    {
        var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
        return worksheet.Descendants<Row>()
            .Select(row => row.Elements<Cell>().Select(cell => cell.DataType?.Value == CellValues.InlineString
                ? cell.InlineString!.InnerText
                : cell.CellValue?.Text ?? string.Empty).ToList())
            .ToList();
    }
}
