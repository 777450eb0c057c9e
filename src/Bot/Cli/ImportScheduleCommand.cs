using System.Text.Json;
using ParticipaBot.Bot.Import;
using ParticipaBot.Core.Planning;

namespace ParticipaBot.Bot.Cli;

/// <summary>
/// participabot import-schedule FILE [--entity ID] --year AAAA [--dry-run] [--json]: the schedule of participation
/// spaces (docs/templates/spaces-template.csv) for a stored plan. The file is the whole schedule; all or nothing.
/// </summary>
internal static class ImportScheduleCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        ImportCommandSupport.ReportingStoreFailuresAsync(error, () => RunCoreAsync(args, output, error));

    private static async Task<int> RunCoreAsync(string[] args, TextWriter output, TextWriter error)
    {
        var arguments = ImportCommandSupport.Parse(args);
        if (arguments.Error is null && arguments.Year is null)
        {
            arguments = arguments with { Error = "Falta --year: el cronograma se importa sobre el plan de ese año / --year is required." };
        }

        if (arguments.Error is not null)
        {
            await error.WriteLineAsync(arguments.Error);
            await error.WriteLineAsync("Uso / usage: participabot import-schedule ARCHIVO --year AAAA [--entity ID] [--dry-run] [--json]");
            return 2;
        }

        await using var provider = ImportCommandSupport.BuildServices(arguments.HostArgs);
        var entity = ImportCommandSupport.Entity(provider);
        var entityId = arguments.Entity ?? entity.Id;
        var repository = await ImportCommandSupport.RepositoryAsync(provider, error);
        if (repository is null)
        {
            return 1;
        }

        var plan = await repository.GetAsync(entityId, arguments.Year!.Value);
        if (plan is null)
        {
            await error.WriteLineAsync($"No hay plan {arguments.Year} para «{entityId}»: importe primero el plan (import-plan) / no plan stored.");
            return 1;
        }

        var read = TableFileReader.Read(arguments.File!);
        var result = read.Errors.Count > 0
            ? new ScheduleImportResult(null, read.Errors, [])
            : ScheduleTableImporter.Import(read.Rows, plan, entity.Catalog());
        var notices = read.Notices.Concat(result.Notices).ToList();
        IReadOnlyList<string> changes = [];
        if (result.Succeeded)
        {
            changes = PlanChanges.CompareSpaces(plan.Spaces, result.Spaces!);
            if (!arguments.DryRun && changes.Count > 0)
            {
                await repository.SaveAsync(plan with { Spaces = PlanChanges.CarryVersions(plan.Spaces, result.Spaces!) });
            }
        }

        if (arguments.AsJson)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                ok = result.Succeeded,
                dryRun = arguments.DryRun,
                spaces = ImportCommandSupport.Model(result.Spaces),
                changes,
                errors = ImportCommandSupport.IssuesJson(result.Errors),
                notices = ImportCommandSupport.IssuesJson(notices),
            }, ImportCommandSupport.Json));
            return result.Succeeded ? 0 : 1;
        }

        ImportCommandSupport.WriteIssues(output, "Avisos / notices:", notices);
        if (!result.Succeeded)
        {
            ImportCommandSupport.WriteIssues(error, $"No se importó nada: {result.Errors.Count} error(es) / nothing imported:", result.Errors);
            return 1;
        }

        await output.WriteLineAsync($"{result.Spaces!.Count} espacios en el cronograma de {plan.Id}.");
        foreach (var change in changes)
        {
            await output.WriteLineAsync($"  - {change}");
        }

        await output.WriteLineAsync(arguments.DryRun ? "Simulación (--dry-run): no se guardó nada / nothing stored."
            : changes.Count == 0 ? "Sin cambios / no changes." : "Guardado / stored.");
        return 0;
    }
}
