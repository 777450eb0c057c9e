using System.Globalization;
using System.Text;

namespace ParticipaBot.Bot.Exports;

/// <summary>
/// Writes one sheet as CSV the way Excel in a Spanish locale opens it without a wizard: UTF-8 with BOM,
/// semicolon separators, decimal comma, ISO dates, RFC 4180 quoting.
/// </summary>
internal static class CsvWriter
{
    private static readonly CultureInfo Colombia = CultureInfo.GetCultureInfo("es-CO");

    public static void Write(ExportSheet sheet, Stream output)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.Write(string.Join(';', sheet.Headers.Select(Quote)));
        writer.Write("\r\n");
        foreach (var row in sheet.Rows)
        {
            writer.Write(string.Join(';', row.Select(Format).Select(Quote)));
            writer.Write("\r\n");
        }
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => XlsxWriter.Sanitize(text),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset dateTimeOffset => dateTimeOffset.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        Percent percent => (percent.Ratio * 100).ToString("0.#", Colombia) + " %",
        bool flag => flag ? "Sí" : "No",
        IFormattable formattable => formattable.ToString(null, Colombia),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
