using System.Globalization;
using System.Text.Json;
using ParticipaBot.Bot.Import;
using ParticipaBot.Core.Planning;

namespace ParticipaBot.Bot.Cli;

/// <summary>
/// participabot import-plan FILE [--entity ID] [--year AAAA] [--map "Encabezado=campo"]... [--dry-run] [--json].
/// All or nothing: with any error nothing is stored and every error is listed with its row and column.
/// </summary>
internal static class ImportPlanCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        ImportCommandSupport.ReportingStoreFailuresAsync(error, () => RunCoreAsync(args, output, error));

    private static async Task<int> RunCoreAsync(string[] args, TextWriter output, TextWriter error)
    {
        var arguments = ImportCommandSupport.Parse(args);
        if (arguments.Error is not null)
        {
            await error.WriteLineAsync(arguments.Error);
            await error.WriteLineAsync("Uso / usage: participabot import-plan ARCHIVO [--entity ID] [--year AAAA] [--map \"Encabezado=campo\"] [--dry-run] [--json]");
            return 2;
        }

        await using var provider = ImportCommandSupport.BuildServices(arguments.HostArgs);
        var entity = ImportCommandSupport.Entity(provider);
        var read = TableFileReader.Read(arguments.File!);
        var notices = read.Notices.ToList();
        PlanImportResult result = read.Errors.Count > 0
            ? new PlanImportResult(null, read.Errors, [])
            : PlanTableImporter.Import(read.Rows, new PlanImportOptions(arguments.Entity ?? entity.Id, arguments.Year, arguments.Map, entity.Catalog(), Path.GetFileName(arguments.File)));
        notices.AddRange(result.Notices);

        IReadOnlyList<string> changes = [];
        var stored = false;
        if (result.Succeeded && !arguments.DryRun)
        {
            var repository = await ImportCommandSupport.RepositoryAsync(provider, error);
            if (repository is null)
            {
                return 1;
            }

            var plan = result.Plan!;
            var before = await repository.GetAsync(plan.EntityId, plan.Year);

            // The plan file does not carry the schedule: keep the stored spaces.
            plan = plan with { Spaces = before?.Spaces ?? [] };
            changes = PlanChanges.Compare(before, plan);
            if (changes.Count > 0)
            {
                await repository.SaveAsync(plan);
                stored = true;
            }

            result = result with { Plan = plan };
        }

        if (arguments.AsJson)
        {
            var json = new
            {
                ok = result.Succeeded,
                dryRun = arguments.DryRun,
                stored,
                plan = ImportCommandSupport.Model(result.Plan),
                counts = result.Plan is { } p ? new { components = p.Components.Count, activities = p.Activities.Count(), spaces = p.Spaces.Count } : null,
                changes,
                errors = ImportCommandSupport.IssuesJson(result.Errors),
                notices = ImportCommandSupport.IssuesJson(notices),
            };
            await output.WriteLineAsync(JsonSerializer.Serialize(json, ImportCommandSupport.Json));
            return result.Succeeded ? 0 : 1;
        }

        ImportCommandSupport.WriteIssues(output, "Avisos / notices:", notices);
        if (!result.Succeeded)
        {
            ImportCommandSupport.WriteIssues(error, $"No se importó nada: {result.Errors.Count} error(es) / nothing imported:", result.Errors);
            return 1;
        }

        WritePlan(output, result.Plan!);
        if (arguments.DryRun)
        {
            await output.WriteLineAsync("Simulación (--dry-run): no se guardó nada / nothing stored.");
        }
        else if (changes.Count == 0)
        {
            await output.WriteLineAsync("Sin cambios: el plan guardado ya es igual / no changes.");
        }
        else
        {
            await output.WriteLineAsync("Guardado / stored. Cambios / changes:");
            foreach (var change in changes)
            {
                await output.WriteLineAsync($"  - {change}");
            }
        }

        return 0;
    }

    internal static void WritePlan(TextWriter output, Plan plan)
    {
        output.WriteLine($"Plan «{plan.Title}» — {plan.EntityId} {plan.Year.ToString(CultureInfo.InvariantCulture)} ({plan.Id})");
        output.WriteLine($"{plan.Components.Count} componentes, {plan.Activities.Count()} actividades, {plan.Spaces.Count} espacios");
        foreach (var component in plan.Components)
        {
            output.WriteLine($"{component.Number}. {component.Name} ({component.Activities.Count} {(component.Activities.Count == 1 ? "actividad" : "actividades")})");
            if (component.Objective is not null)
            {
                output.WriteLine($"   Objetivo: {component.Objective}");
            }

            foreach (var activity in component.Activities)
            {
                var support = activity.SupportAreas.Count > 0 ? $" | Apoyo: {string.Join(", ", activity.SupportAreas)}" : string.Empty;
                var period = activity.Period.Kind == PeriodKind.Cuatrimestres
                    ? "Cuatrimestre " + string.Join(", ", activity.Period.Cuatrimestres!)
                    : $"{activity.Period.OriginalText} ({activity.Period.Start:yyyy-MM-dd} a {activity.Period.End:yyyy-MM-dd})";
                output.WriteLine($"   {activity.Number} {Shorten(activity.Description)} | {period} | Líder: {activity.LeaderArea ?? "—"}{support}");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
