using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ParticipaBot.Bot.Exports;

/// <summary>A simple document: headings, paragraphs and tables, in order.</summary>
internal sealed record ExportDocument(string Title, IReadOnlyList<DocumentBlock> Blocks);

internal abstract record DocumentBlock;

internal sealed record HeadingBlock(string Text, int Level = 1) : DocumentBlock;

internal sealed record ParagraphBlock(string Text, bool Bold = false) : DocumentBlock;

internal sealed record BulletBlock(string Text) : DocumentBlock;

internal sealed record TableBlock(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

/// <summary>
/// Writes an <see cref="ExportDocument"/> as .docx with the Open XML SDK, using Word's built-in heading
/// styles (so the navigation pane and a table of contents work) and bordered tables with a header row.
/// </summary>
internal static class DocxWriter
{
    public static void Write(ExportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var mainPart = word.AddMainDocumentPart();
        AddStyles(mainPart);
        var body = new Body();
        body.Append(Paragraph(document.Title, "Title"));
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    body.Append(Paragraph(heading.Text, $"Heading{Math.Clamp(heading.Level, 1, 3)}"));
                    break;
                case ParagraphBlock paragraph:
                    body.Append(Paragraph(paragraph.Text, null, paragraph.Bold));
                    break;
                case BulletBlock bullet:
                    body.Append(Paragraph("• " + bullet.Text, "ListParagraph"));
                    break;
                case TableBlock table:
                    body.Append(Table(table));
                    body.Append(new Paragraph());
                    break;
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 12240, Height = 15840 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 708, Footer = 708, Gutter = 0 }));
        mainPart.Document = new Document(body);
        mainPart.Document.Save();
    }

    private static Paragraph Paragraph(string text, string? style, bool bold = false)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.RunProperties = new RunProperties(new Bold());
        }

        var paragraph = new Paragraph(run);
        if (style is not null)
        {
            paragraph.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = style });
        }

        return paragraph;
    }

    private static Table Table(TableBlock block)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(Row(block.Headers, header: true));
        foreach (var row in block.Rows)
        {
            table.Append(Row(row, header: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var tableCell = new TableCell(Paragraph(cell, null, header));
            if (header)
            {
                tableCell.Append(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "D9E2F3" }));
            }

            row.Append(tableCell);
        }

        return row;
    }

    private static void AddStyles(MainDocumentPart mainPart)
    {
        var stylesPart = mainPart.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" },
                new FontSize { Val = "22" },
                new Languages { Val = "es-CO" }))),
            Style("Normal", "Normal", null, null),
            Style("Title", "Title", "36", "1F3864"),
            Style("Heading1", "heading 1", "30", "2F5496", outline: 0),
            Style("Heading2", "heading 2", "26", "2F5496", outline: 1),
            Style("Heading3", "heading 3", "24", "1F3763", outline: 2),
            Style("ListParagraph", "List Paragraph", null, null));
        stylesPart.Styles = styles;
        stylesPart.Styles.Save();
    }

    private static Style Style(string id, string name, string? size, string? color, int? outline = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (id != "Normal")
        {
            style.Append(new BasedOn { Val = "Normal" });
        }

        if (outline is not null)
        {
            style.Append(new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = outline }));
        }

        var run = new StyleRunProperties();
        if (size is not null)
        {
            run.Append(new Bold(), new FontSize { Val = size });
        }

        if (color is not null)
        {
            run.Append(new Color { Val = color });
        }

        style.Append(run);
        return style;
    }
}
