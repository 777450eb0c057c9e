namespace ParticipaBot.Bot.Exports;

/// <summary>Tabular export content, independent of the file format: sheets of typed cells.</summary>
internal sealed record ExportWorkbook(IReadOnlyList<ExportSheet> Sheets);

/// <summary>One sheet: a name (at most 31 characters, as Excel requires), headers and rows.</summary>
internal sealed record ExportSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public const int MaxNameLength = 31;
}
