using System.Text;
using ParticipaBot.Bot.Import;
using ParticipaBot.Core.Planning;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Import;

public sealed class ScheduleImportTests
{
    private static readonly Plan Plan = SampleData.SampleData.Build("mintrabajo", 2026) with { Spaces = [] };

    [Fact]
    public void Import_Template_ReadsEverySpace()
    {
        var read = TableFileReader.Read(Path.Combine(RepositoryPaths.Root, "docs", "templates", "spaces-template.csv"));
        var result = ScheduleTableImporter.Import(read.Rows, Plan);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var spaces = result.Spaces!;
        Assert.Equal(3, spaces.Count);

        var first = spaces[0];
        Assert.Equal(Plan.FindActivity("1.1")!.Id, first.ActivityId);
        Assert.Equal("DIAGNOSTICO", first.Phase);
        Assert.Equal(["sindicatos", "gremios y empresas"], first.ActorGroups);
        Assert.Equal(new DateOnly(2026, 2, 20), first.Period.Start);
        Assert.Equal(new TimeOnly(9, 0), first.Period.Time);
        Assert.Equal("Grupo de Atención Ciudadana", first.LeaderArea);

        Assert.Equal(new TimeOnly(10, 0), spaces[1].Period.Time);
        Assert.Equal(["jóvenes"], spaces[1].PopulationGroups);
        Assert.Equal("Pte por definir", spaces[1].Place);
        Assert.Equal("SEGUIMIENTO_EVALUACION", spaces[2].Phase);
        Assert.Equal(PeriodKind.DateRange, spaces[2].Period.Kind);
        Assert.Equal(new TimeOnly(17, 0), spaces[2].Period.Time);
    }

    [Fact]
    public void Import_SameScheduleTwice_SameIdsNoChanges()
    {
        var read = TableFileReader.Read(Path.Combine(RepositoryPaths.Root, "docs", "templates", "spaces-template.csv"));
        var first = ScheduleTableImporter.Import(read.Rows, Plan).Spaces!;
        var second = ScheduleTableImporter.Import(read.Rows, Plan with { Spaces = first }).Spaces!;
        Assert.Empty(PlanChanges.CompareSpaces(first, second));
    }

    [Fact]
    public void Import_BadValues_AllErrorsWithRowAndColumnNothingReturned()
    {
        var csv = "Actividad;Nombre;Fase;Grupos de valor;Fecha;Hora\n9.9;Foro;Diagnóstico;ciudadanía;12 de mayo;10:00\n1.1;Taller;Fase inventada;marcianos;cuando se pueda;25:00\n";
        var read = TableFileReader.ReadText(Encoding.UTF8.GetBytes(csv), csv: true);
        var result = ScheduleTableImporter.Import(read.Rows, Plan);
        Assert.Null(result.Spaces);
        Assert.Equal([(2, 1), (3, 3), (3, 4), (3, 5)], result.Errors.Select(e => (e.Location!.Row, e.Location.Column!.Value)).Order());
        Assert.Contains(result.Errors, e => e.Message.Contains("«9.9» no existe", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains("«cuando se pueda»", StringComparison.Ordinal));
    }
}
