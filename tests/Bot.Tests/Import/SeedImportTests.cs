using System.Text;
using ParticipaBot.Bot.Import;
using ParticipaBot.Core.Planning;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Import;

public sealed class SeedImportTests
{
    private static string Seed(string name) => Path.Combine(RepositoryPaths.Shared, "seeds", name);

    private static PlanImportResult Import(string file, string entity, int? year)
    {
        var read = TableFileReader.Read(Seed(file));
        Assert.Empty(read.Errors);
        return PlanTableImporter.Import(read.Rows, new PlanImportOptions(entity, year, SourceName: file));
    }

    [Fact]
    public void Import_MintrabajoSeed_ThreeComponentsNineActivitiesWithCuatrimestresAndAreas()
    {
        var result = Import("mintrabajo-estrategia-participacion.txt", "mintrabajo", 2023);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var plan = result.Plan!;
        Assert.Equal("plan-mintrabajo-2023", plan.Id);
        Assert.Equal("ESTRATEGIA GENERAL DE PARTICIPACIÓN CIUDADANA", plan.Title);
        Assert.Equal(
            ["Condiciones institucionales idóneas para la promoción de la participación ciudadana", "Promoción efectiva de la participación ciudadana", "Seguimiento y evaluación"],
            plan.Components.Select(c => c.Name));
        Assert.Equal([3, 4, 2], plan.Components.Select(c => c.Activities.Count));

        var first = plan.Components[0].Activities[0];
        Assert.Equal("1.1", first.Number);
        Assert.StartsWith("Caracterizar los grupos de valor", first.Description, StringComparison.Ordinal);
        Assert.StartsWith("Elaborar la guía para caracterizar", first.Product, StringComparison.Ordinal);
        Assert.DoesNotContain("<u>", first.Product, StringComparison.Ordinal);
        Assert.Equal([3], first.Period.Cuatrimestres);
        Assert.Equal("Grupo de Atención Ciudadana", first.LeaderArea);
        Assert.Equal(["Oficina Asesora de Planeación", "Viceministerios"], first.SupportAreas);

        // "Grupo de Atención Ciudadana Oficina Asesora de Planeación Viceministerios": no separators.
        var third = plan.Components[0].Activities[2];
        Assert.Equal([2], third.Period.Cuatrimestres);
        Assert.Equal("Grupo de Atención Ciudadana", third.LeaderArea);
        Assert.Equal(["Oficina Asesora de Planeación", "Viceministerios"], third.SupportAreas);

        var evaluation = plan.Components[2].Activities[0];
        Assert.Equal([2, 3], evaluation.Period.Cuatrimestres);
        Assert.Equal(["Cuatrimestre 2", "Cuatrimestre 3"], evaluation.Milestones.Select(m => m.Label));
        Assert.Equal([new DateOnly(2023, 8, 31), new DateOnly(2023, 12, 31)], evaluation.Milestones.Select(m => m.Due));
        Assert.Empty(evaluation.SupportAreas);

        var control = plan.Components[2].Activities[1];
        Assert.Equal("Control Interno", control.LeaderArea);
        Assert.Equal(plan.Activities.Select(a => a.Id).Distinct().Count(), plan.Activities.Count());
    }

    [Fact]
    public void Import_MincitSeed_FiveLinesWithObjectivesAndSevenActivitiesWithMonths()
    {
        var result = Import("mincit-plan-accion-participacion-2022.txt", "mincit", year: null);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var plan = result.Plan!;
        Assert.Equal(2022, plan.Year);
        Assert.StartsWith("Motivar un contacto permanente", plan.GeneralObjective, StringComparison.Ordinal);
        Assert.Equal(5, plan.Components.Count);
        Assert.Equal([2, 1, 2, 1, 1], plan.Components.Select(c => c.Activities.Count));
        Assert.Equal("Apropiación de la Política de Participación Ciudadana en el Ministerio, componentes y mecanismos de seguimiento a la información", plan.Components[0].Name);
        Assert.Equal("Promoción del control social y veedurías ciudadanas", plan.Components[3].Name);
        Assert.StartsWith("Mediante el desarrollo de campañas de sensibilización", plan.Components[0].Objective, StringComparison.Ordinal);
        Assert.StartsWith("Fortalecer el control social", plan.Components[3].Objective, StringComparison.Ordinal);

        var inventory = plan.Components[2].Activities[0];
        Assert.StartsWith("Consolidar y socializar el inventario", inventory.Description, StringComparison.Ordinal);
        Assert.Equal(PeriodKind.MonthRange, inventory.Period.Kind);
        Assert.Equal(new DateOnly(2022, 1, 1), inventory.Period.Start);
        Assert.Equal(new DateOnly(2022, 3, 31), inventory.Period.End);
        Assert.Equal("Documento institucional", inventory.Product);

        var second = plan.Components[0].Activities[1];
        Assert.Equal("1.2", second.Number);
        Assert.StartsWith("Elaborar y divulgar el procedimiento", second.Description, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2022, 3, 1), second.Period.Start);
        Assert.Equal(new DateOnly(2022, 11, 30), second.Period.End);
        Assert.Equal("Secretaría General", second.LeaderArea);
        Assert.Equal(["Grupo de Relación con el Ciudadano"], second.SupportAreas);

        var balance = plan.Components[4].Activities[0];
        Assert.Equal(new DateOnly(2022, 7, 1), balance.Period.Start);
        Assert.Equal(new DateOnly(2022, 12, 31), balance.Period.End);
        Assert.Equal("Áreas Misionales", balance.LeaderArea);
        Assert.Equal(["Grupo de Relación con el Ciudadano", "Secretaría General"], balance.SupportAreas);
    }

    [Fact]
    public void Import_SameFileTwice_NoChanges()
    {
        var first = Import("mincit-plan-accion-participacion-2022.txt", "mincit", null).Plan!;
        var second = Import("mincit-plan-accion-participacion-2022.txt", "mincit", null).Plan!;
        Assert.Empty(PlanChanges.Compare(first, second));
    }

    [Fact]
    public void Import_NewVersion_SaysWhatChanged()
    {
        var original = File.ReadAllText(Seed("mincit-plan-accion-participacion-2022.txt"));
        var edited = original.Replace("Julio de 2022\tDiciembre de 2022", "Agosto de 2022\tDiciembre de 2022", StringComparison.Ordinal);
        var before = Import("mincit-plan-accion-participacion-2022.txt", "mincit", null).Plan!;
        var read = TableFileReader.ReadText(Encoding.UTF8.GetBytes(edited), csv: false);
        var after = PlanTableImporter.Import(read.Rows, new PlanImportOptions("mincit")).Plan!;
        var change = Assert.Single(PlanChanges.Compare(before, after));
        Assert.Contains("Actividad 5.1: periodo", change, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleData_Build_MintrabajoPlanWithSpacesOverTheYear()
    {
        var plan = SampleData.SampleData.Build("mintrabajo", 2026);
        Assert.Equal(9, plan.Activities.Count());
        Assert.True(plan.Spaces.Count >= 6);
        Assert.All(plan.Spaces, s => Assert.Equal(2026, s.Period.Start!.Value.Year));
        Assert.All(plan.Spaces, s => Assert.NotNull(plan.FindActivity(s.ActivityId!)));
        Assert.Equal(4, plan.Spaces.Select(s => s.Phase).Distinct().Count());
    }
}
