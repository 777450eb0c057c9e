using System.Text;
using ParticipaBot.Bot.Import;
using ParticipaBot.Core.Planning;

namespace ParticipaBot.Bot.Tests.Import;

public sealed class BadFileTests
{
    private const string Header = "Componentes\tActividades\tMeta / Producto\tLíder\tApoyo\tFecha Inicio\tFecha Finalización";

    private static PlanImportResult ImportText(string text, int? year = 2024, Dictionary<string, string>? map = null, Encoding? encoding = null)
    {
        var read = TableFileReader.ReadText((encoding ?? Encoding.UTF8).GetBytes(text), csv: false);
        Assert.Empty(read.Errors);
        return PlanTableImporter.Import(read.Rows, new PlanImportOptions("prueba", year, map));
    }

    [Fact]
    public void Import_EmptyFile_ClearErrorNoPlan()
    {
        var result = ImportText("\n\n  \n");
        Assert.Null(result.Plan);
        Assert.Contains("vacío", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownHeader_ErrorNamesHeaderRowAndColumn()
    {
        var result = ImportText("Componente\tActividad\tResponsable del seguimiento\tFecha\nC1\tHacer algo\tSecretaría General\tmarzo\n");
        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Location!.Row);
        Assert.Equal(3, error.Location.Column);
        Assert.Contains("Encabezado desconocido «Responsable del seguimiento»", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnknownHeaderMapped_Imports()
    {
        var result = ImportText(
            "Componente\tActividad\tResponsable del seguimiento\tFecha\nC1\tHacer algo\tSecretaría General\tmarzo\n",
            map: new Dictionary<string, string> { ["Responsable del seguimiento"] = "leader" });
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("Secretaría General", result.Plan!.Activities.Single().LeaderArea);
        Assert.Equal(new DateOnly(2024, 3, 1), result.Plan.Activities.Single().Period.Start);
    }

    [Fact]
    public void Import_UnparseablePeriod_EveryErrorWithRowAndColumnAndNoPlan()
    {
        var text = $"{Header}\nLínea 1. Uno\tActividad uno\tDoc\tSecretaría General\tOficina Asesora de Planeación\tcuando se pueda\tNoviembre de 2024\n"
            + "\tActividad dos\tDoc\tSecretaría General\t\tMarzo de 2024\t31 de febrero de 2024\n"
            + "\tActividad tres\tDoc\tSecretaría General\t\tMarzo de 2024\tAbril de 2024\n";
        var result = ImportText(text);
        Assert.Null(result.Plan);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal((2, 6), (result.Errors[0].Location!.Row, result.Errors[0].Location!.Column!.Value));
        Assert.Contains("«cuando se pueda»", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("Fecha Inicio", result.Errors[0].Location!.ColumnName);
        Assert.Equal(3, result.Errors[1].Location!.Row);
        Assert.Contains("no existe", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("fila 2, columna 6 (Fecha Inicio)", result.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_UnsplittableArea_ReportedNotGuessed()
    {
        var text = $"{Header}\nLínea 1. Uno\tActividad uno\tDoc\tSecretaría General Dirección Inventada\t\tMarzo de 2024\tAbril de 2024\n";
        var result = ImportText(text);
        Assert.Null(result.Plan);
        Assert.Contains("«Dirección Inventada»", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NoYearAnywhere_AsksForYear()
    {
        var result = ImportText($"{Header}\nL1\tA\tDoc\tSecretaría General\t\tMarzo\tAbril\n", year: null);
        Assert.Null(result.Plan);
        Assert.Contains("--year", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_Latin1_DecodedAsWindows1252WithNotice()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin1 = Encoding.GetEncoding(1252);
        var bytes = latin1.GetBytes($"{Header}\nLínea 1. Promoción\tDiseñar la guía\tGuía\tSecretaría General\t\tMarzo de 2024\tAbril de 2024\n");
        var read = TableFileReader.ReadText(bytes, csv: false);
        Assert.Contains("Windows-1252", Assert.Single(read.Notices).Message, StringComparison.Ordinal);
        var result = PlanTableImporter.Import(read.Rows, new PlanImportOptions("prueba", 2024));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("Promoción", result.Plan!.Components[0].Name);
        Assert.Equal("Diseñar la guía", result.Plan.Activities.Single().Description);
    }

    [Fact]
    public void ReadText_BinaryFile_Refused()
    {
        var read = TableFileReader.ReadText([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41], csv: false);
        Assert.Contains("no es de texto", Assert.Single(read.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_QuotedCellsWithNewlinesAndSemicolons_ReadsRows()
    {
        var csv = "Componente;Actividad;Meta / Producto;Dependencia responsable;Periodo\n\"Línea 1. Uno\";\"Actividad\nen dos líneas\";\"Doc; final\";Secretaría General;segundo semestre\n";
        var read = TableFileReader.ReadText(Encoding.UTF8.GetBytes(csv), csv: true);
        var result = PlanTableImporter.Import(read.Rows, new PlanImportOptions("prueba", 2024));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var activity = result.Plan!.Activities.Single();
        Assert.Equal("Actividad en dos líneas", activity.Description);
        Assert.Equal("Doc; final", activity.Product);
        Assert.Equal(PeriodKind.Semester, activity.Period.Kind);
    }
}
