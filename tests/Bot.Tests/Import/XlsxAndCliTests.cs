using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParticipaBot.Bot.Cli;
using ParticipaBot.Bot.Import;
using ParticipaBot.Core.Planning;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Import;

public sealed class XlsxAndCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("participabot-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteXlsx(params object[][] rows)
    {
        var path = Path.Combine(_directory, "plan.xlsx");
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = $"{(char)('A' + c)}{r + 1}";
                row.Append(rows[r][c] switch
                {
                    DateTime date => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(date.ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                    _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(rows[r][c].ToString()!)) },
                });
            }

            data.Append(row);
        }

        sheetPart.Worksheet = new Worksheet(data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Plan" }));
        return path;
    }

    [Fact]
    public void Read_Xlsx_DateCellsBecomeDatesAndPlanImports()
    {
        var path = WriteXlsx(
            ["Plan de acción de participación 2024"],
            ["Línea estratégica", "Actividad", "Producto", "Dependencia responsable", "Fecha Inicio", "Fecha Finalización"],
            ["Línea 1. Rendición de cuentas", "Audiencia pública", "Informe", "Secretaría General Apoya Oficina Asesora de Planeación", new DateTime(2024, 3, 4), new DateTime(2024, 3, 8)]);
        var read = TableFileReader.Read(path);
        Assert.Empty(read.Errors);
        var result = PlanTableImporter.Import(read.Rows, new PlanImportOptions("prueba"));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var activity = result.Plan!.Activities.Single();
        Assert.Equal(2024, result.Plan.Year);
        Assert.Equal("Rendición de cuentas", result.Plan.Components[0].Name);
        Assert.Equal(PeriodKind.DateRange, activity.Period.Kind);
        Assert.Equal((new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 8)), (activity.Period.Start!.Value, activity.Period.End!.Value));
        Assert.Equal(("Secretaría General", "Oficina Asesora de Planeación"), (activity.LeaderArea, activity.SupportAreas.Single()));
    }

    [Fact]
    public void Read_CorruptXlsx_ClearError()
    {
        var path = Path.Combine(_directory, "roto.xlsx");
        File.WriteAllText(path, "esto no es un libro");
        Assert.Contains("No se pudo leer «roto.xlsx»", Assert.Single(TableFileReader.Read(path).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPlan_DryRunJson_PrintsStructureAndCounts()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var seed = Path.Combine(RepositoryPaths.Shared, "seeds", "mintrabajo-estrategia-participacion.txt");
        var code = await ImportPlanCommand.RunAsync([seed, "--year", "2023", "--entity", "mintrabajo", "--dry-run", "--json"], output, error);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.False(root.GetProperty("stored").GetBoolean());
        Assert.Equal(3, root.GetProperty("counts").GetProperty("components").GetInt32());
        Assert.Equal(9, root.GetProperty("counts").GetProperty("activities").GetInt32());
        var firstActivity = root.GetProperty("plan").GetProperty("components")[0].GetProperty("activities")[0];
        Assert.Equal("Cuatrimestres", firstActivity.GetProperty("period").GetProperty("kind").GetString());
        Assert.Equal("Grupo de Atención Ciudadana", firstActivity.GetProperty("leaderArea").GetString());
    }

    [Fact]
    public async Task ImportPlan_BadPeriodText_ExitOneListsErrorsWithRowAndColumn()
    {
        var path = Path.Combine(_directory, "plan.txt");
        await File.WriteAllTextAsync(path, "Componente\tActividad\tLíder\tFecha Inicio\tFecha Finalización\nC1\tA1\tSecretaría General\tpronto\tMarzo\n");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ImportPlanCommand.RunAsync([path, "--year", "2024", "--dry-run"], output, error);
        Assert.Equal(1, code);
        Assert.Contains("fila 2, columna 4 (Fecha Inicio)", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("«pronto»", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPlan_MissingFileArgument_UsageExitTwo()
    {
        var error = new StringWriter();
        Assert.Equal(2, await ImportPlanCommand.RunAsync(["--dry-run"], new StringWriter(), error));
        Assert.Contains("Falta el archivo", error.ToString(), StringComparison.Ordinal);
    }
}
