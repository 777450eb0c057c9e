using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParticipaBot.Core.Planning;

namespace ParticipaBot.Bot.Import;

/// <summary>The rows a file reader produced, or why it could not read the file.</summary>
internal sealed record TableReadResult(IReadOnlyList<TableRow> Rows, IReadOnlyList<ImportIssue> Errors, IReadOnlyList<ImportIssue> Notices);

/// <summary>
/// Reads tab-separated text (tables copied out of Word or PDF), CSV (comma or semicolon) and XLSX into rows of
/// cells. Text that is not valid UTF-8 is decoded as Windows-1252 (Latin-1, what Excel on Windows writes), with a notice.
/// </summary>
internal static class TableFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TableReadResult Read(string path)
    {
        if (!File.Exists(path))
        {
            return Fail($"No existe el archivo «{path}» / file not found.");
        }

        var extension = Path.GetExtension(path).ToUpperInvariant();
        try
        {
            return extension switch
            {
                ".XLSX" or ".XLSM" => ReadXlsx(path),
                ".XLS" => Fail("Los archivos .xls (Excel 97-2003) no se leen: guárdelo como .xlsx o .csv / save as .xlsx or .csv."),
                ".CSV" => ReadText(File.ReadAllBytes(path), csv: true),
                _ => ReadText(File.ReadAllBytes(path), csv: false),
            };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or OpenXmlPackageException or FileFormatException)
        {
            return Fail($"No se pudo leer «{Path.GetFileName(path)}»: {exception.Message} / could not read the file.");
        }
    }

    public static TableReadResult ReadText(byte[] bytes, bool csv)
    {
        var notices = new List<ImportIssue>();
        var text = Decode(bytes, notices);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Fail("El archivo no es de texto (¿un .docx o .pdf?): expórtelo como texto separado por tabulaciones, CSV o XLSX / not a text file.");
        }

        var rows = csv ? ParseCsv(text) : ParseTsv(text);
        return new TableReadResult(rows, [], notices);
    }

    private static string Decode(byte[] bytes, List<ImportIssue> notices)
    {
        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
        {
            return new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        }

        try
        {
            return StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            notices.Add(new ImportIssue(null, "El archivo no está en UTF-8: se leyó como Windows-1252 (Latin-1). Revise tildes y eñes en el resultado / not UTF-8: decoded as Windows-1252."));
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    private static List<TableRow> ParseTsv(string text)
    {
        var rows = new List<TableRow>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            rows.Add(new TableRow(i + 1, lines[i].TrimEnd('\r').Split('\t')));
        }

        return rows;
    }

    private static List<TableRow> ParseCsv(string text)
    {
        var firstLine = text.AsSpan(0, text.IndexOf('\n') is var n and >= 0 ? n : text.Length);
        var delimiter = firstLine.Count(';') > firstLine.Count(',') ? ';' : ',';
        var rows = new List<TableRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var rowStart = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    inQuotes = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    rows.Add(new TableRow(rowStart, [.. cells]));
                    cells.Clear();
                    line++;
                    rowStart = line;
                    break;
                default:
                    if (c == delimiter)
                    {
                        cells.Add(cell.ToString());
                        cell.Clear();
                    }
                    else
                    {
                        cell.Append(c);
                    }

                    break;
            }
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add(new TableRow(rowStart, [.. cells]));
        }

        return rows;
    }

    private static TableReadResult ReadXlsx(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("sin libro / no workbook");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("sin hojas / no sheets");
        var worksheet = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var dateStyles = DateStyleIndexes(workbook);
        var rows = new List<TableRow>();
        foreach (var row in worksheet.Worksheet.Descendants<Row>())
        {
            var number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1));
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(CellText(cell, shared, dateStyles));
            }

            rows.Add(new TableRow(number, cells));
        }

        return new TableReadResult(rows, [], []);
    }

    private static string CellText(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? cell.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
        {
            return index < shared.Length ? shared[index] : string.Empty;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        // Dates are numbers with a date format; give the period parser an unambiguous ISO date.
        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            var date = DateTime.FromOADate(serial);
            return date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        return raw;
    }

    private static HashSet<uint> DateStyleIndexes(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var formats = workbook.WorkbookStylesPart?.Stylesheet?.CellFormats?.Elements<CellFormat>().ToList();
        if (formats is null)
        {
            return result;
        }

        var custom = workbook.WorkbookStylesPart!.Stylesheet!.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? string.Empty) ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            var isDate = id is >= 14 and <= 22 or >= 45 and <= 47
                || custom.TryGetValue(id, out var code) && code.Replace("\\", string.Empty, StringComparison.Ordinal).ToUpperInvariant() is var c && (c.Contains('D', StringComparison.Ordinal) || c.Contains("YY", StringComparison.Ordinal)) && !c.Contains('#', StringComparison.Ordinal);
            if (isDate)
            {
                result.Add((uint)i);
            }
        }

        return result;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    private static TableReadResult Fail(string message) => new([], [new ImportIssue(null, message)], []);
}
