using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParticipaBot.Bot.Exports;

/// <summary>
/// Writes an <see cref="ExportWorkbook"/> as an .xlsx file with the Open XML SDK: numbers as numbers,
/// dates as real dates (yyyy-mm-dd), text as inline strings, a bold frozen header row and filters, so the
/// file opens ready to work in Excel and LibreOffice.
/// </summary>
internal static class XlsxWriter
{
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint PercentStyle = 3;

    public static void Write(ExportWorkbook workbook, Stream output)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        AddStyles(workbookPart);
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());

        uint sheetId = 1;
        foreach (var sheet in workbook.Sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = BuildWorksheet(sheet);
            sheets.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart),
                SheetId = sheetId++,
                Name = sheet.Name.Length > ExportSheet.MaxNameLength ? sheet.Name[..ExportSheet.MaxNameLength] : sheet.Name,
            });
        }

        workbookPart.Workbook.Save();
    }

    private static Worksheet BuildWorksheet(ExportSheet sheet)
    {
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var column = 0; column < sheet.Headers.Count; column++)
        {
            header.Append(TextCell(column, 1, sheet.Headers[column], HeaderStyle));
        }

        data.Append(header);
        uint rowIndex = 2;
        foreach (var values in sheet.Rows)
        {
            var row = new Row { RowIndex = rowIndex };
            for (var column = 0; column < values.Count; column++)
            {
                if (values[column] is { } value)
                {
                    row.Append(ValueCell(column, rowIndex, value));
                }
            }

            data.Append(row);
            rowIndex++;
        }

        var worksheet = new Worksheet();
        worksheet.Append(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0 }));
        worksheet.Append(new Columns(Enumerable.Range(1, Math.Max(1, sheet.Headers.Count))
            .Select(i => new Column { Min = (uint)i, Max = (uint)i, Width = 22, CustomWidth = true })));
        worksheet.Append(data);
        if (sheet.Headers.Count > 0)
        {
            worksheet.Append(new AutoFilter { Reference = $"A1:{Reference(sheet.Headers.Count - 1, (uint)Math.Max(1, sheet.Rows.Count + 1))}" });
        }

        return worksheet;
    }

    private static Cell ValueCell(int column, uint row, object value) => value switch
    {
        string text => TextCell(column, row, text, 0),
        int or long or decimal or double or float => new Cell
        {
            CellReference = Reference(column, row),
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0"),
        },
        Percent percent => new Cell
        {
            CellReference = Reference(column, row),
            DataType = CellValues.Number,
            StyleIndex = PercentStyle,
            CellValue = new CellValue(percent.Ratio.ToString(CultureInfo.InvariantCulture)),
        },
        DateOnly date => DateCell(column, row, date.ToDateTime(TimeOnly.MinValue)),
        DateTime dateTime => DateCell(column, row, dateTime),
        DateTimeOffset dateTimeOffset => DateCell(column, row, dateTimeOffset.DateTime),
        bool flag => TextCell(column, row, flag ? "Sí" : "No", 0),
        _ => TextCell(column, row, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, 0),
    };

    private static Cell DateCell(int column, uint row, DateTime value) => new()
    {
        CellReference = Reference(column, row),
        StyleIndex = DateStyle,
        CellValue = new CellValue(value.ToOADate().ToString(CultureInfo.InvariantCulture)),
    };

    private static Cell TextCell(int column, uint row, string text, uint style) => new(new InlineString(new Text(Sanitize(text)) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = Reference(column, row),
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    // A cell that starts with = + - @ would be read as a formula by spreadsheet programs (CSV/formula injection).
    internal static string Sanitize(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;

    private static string Reference(int column, uint row)
    {
        var name = string.Empty;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true })
            { Count = 4 });
        stylesPart.Stylesheet.Save();
    }
}

/// <summary>A ratio (0..1) shown as a percentage in spreadsheets.</summary>
internal readonly record struct Percent(decimal Ratio);
