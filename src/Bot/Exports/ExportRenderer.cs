using System.IO.Compression;
using ParticipaBot.Bot.Compliance;
using ParticipaBot.Core.Compliance;

namespace ParticipaBot.Bot.Exports;

/// <summary>The formats of "exportar" and "participabot export".</summary>
internal enum ExportFormat
{
    Xlsx,
    Csv,
    Docx,
}

/// <summary>A finished export: file name, content type and bytes.</summary>
internal sealed record ExportFile(string Name, string ContentType, byte[] Content);

/// <summary>Turns a snapshot into the file of one format. CSV is one file per sheet: a zip here, a directory on the command line.</summary>
internal static class ExportRenderer
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string ZipType = "application/zip";

    public static bool TryParse(string? text, out ExportFormat format)
    {
        format = ExportFormat.Xlsx;
        var value = text?.Trim().TrimStart('.').ToLowerInvariant();
        switch (value)
        {
            case null or "" or "xlsx" or "excel":
                return true;
            case "csv" or "zip":
                format = ExportFormat.Csv;
                return true;
            case "docx" or "word" or "informe" or "report" or "evaluacion" or "evaluación" or "evaluation":
                format = ExportFormat.Docx;
                return true;
            default:
                return false;
        }
    }

    public static ExportFile Render(ComplianceSnapshot snapshot, ExportFormat format, bool english, ComplianceAccess? access = null)
    {
        var baseName = $"participacion-{snapshot.Plan.EntityId}-{snapshot.Plan.Year}-{snapshot.AsOf:yyyyMMdd}";
        using var buffer = new MemoryStream();
        switch (format)
        {
            case ExportFormat.Docx:
                DocxWriter.Write(ComplianceExport.Evaluation(snapshot, english, access), buffer);
                return new ExportFile($"evaluacion-{baseName}.docx", DocxType, buffer.ToArray());
            case ExportFormat.Csv:
                using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
                {
                    foreach (var (name, sheet) in CsvFiles(ComplianceExport.Workbook(snapshot, english, access)))
                    {
                        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                        CsvWriter.Write(sheet, entry);
                    }
                }

                return new ExportFile(baseName + "-csv.zip", ZipType, buffer.ToArray());
            default:
                XlsxWriter.Write(ComplianceExport.Workbook(snapshot, english, access), buffer);
                return new ExportFile(baseName + ".xlsx", XlsxType, buffer.ToArray());
        }
    }

    /// <summary>One CSV file name per sheet: "01-espacios.csv", ...</summary>
    public static IEnumerable<(string Name, ExportSheet Sheet)> CsvFiles(ExportWorkbook workbook) =>
        workbook.Sheets.Select((sheet, i) => ($"{i + 1:00}-{Slug(sheet.Name)}.csv", sheet));

    private static string Slug(string name) =>
        string.Join('-', Core.Text.TextFolding.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            .Aggregate(string.Empty, (s, c) => s + c);
}
