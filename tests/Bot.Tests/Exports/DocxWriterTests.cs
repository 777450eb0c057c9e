using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParticipaBot.Bot.Exports;

namespace ParticipaBot.Bot.Tests.Exports;

public sealed class DocxWriterTests
{
    [Fact]
    public void Write_Document_ReadsBackHeadingsParagraphsAndTables()
    {
        var document = new ExportDocument("Evaluación de la estrategia 2026",
        [
            new HeadingBlock("1. Indicadores"),
            new ParagraphBlock("Corte: 31 de agosto de 2026"),
            new TableBlock(["Código", "Indicador", "Valor"], [["I1", "Cumplimiento del cronograma", "75 %"], ["I2", "A tiempo", "67 %"]]),
            new BulletBlock("Mejorar la publicación de resultados"),
        ]);
        using var stream = new MemoryStream();

        DocxWriter.Write(document, stream);
        stream.Position = 0;

        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        Assert.Equal("Evaluación de la estrategia 2026", paragraphs[0].InnerText);
        Assert.Equal("Title", paragraphs[0].ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Equal("Heading1", paragraphs[1].ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        var table = Assert.Single(body.Elements<Table>());
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Código", "Indicador", "Valor"], rows[0]);
        Assert.Equal("75 %", rows[1][2]);
        Assert.Contains(paragraphs, p => p.InnerText == "• Mejorar la publicación de resultados");
    }
}
