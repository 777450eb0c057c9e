using System.Globalization;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Compliance;
using ParticipaBot.Bot.Exports;
using ParticipaBot.Core.Compliance;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Cli;

/// <summary>
/// participabot export --format xlsx|csv|docx [--out PATH] [--year Y] [--as-of YYYY-MM-DD] [--english]: the same files
/// as "exportar" in Teams, for the whole entity. CSV writes one file per sheet into a directory.
/// </summary>
internal static class ExportVerb
{
    public const string Usage = "Uso / usage: participabot export --format xlsx|csv|docx [--out RUTA] [--year AÑO] [--as-of AAAA-MM-DD] [--english] [--Clave=Valor]";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        ImportCommandSupport.ReportingStoreFailuresAsync(error, () => RunCoreAsync(args, output, error));

    private static async Task<int> RunCoreAsync(string[] args, TextWriter output, TextWriter error)
    {
        var format = ExportFormat.Xlsx;
        string? outPath = null;
        int? year = null;
        DateOnly? asOf = null;
        var english = false;
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            string? problem = null;
            switch (arg)
            {
                case "--format" or "-f":
                    if (!ExportRenderer.TryParse(Next() ?? "?", out format))
                    {
                        problem = "--format debe ser xlsx, csv o docx / must be xlsx, csv or docx.";
                    }

                    break;
                case "--out" or "-o":
                    outPath = Next() ?? string.Empty;
                    problem = outPath.Length == 0 ? "Falta la ruta después de --out / missing path after --out." : null;
                    break;
                case "--year":
                    problem = int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100
                        ? null : "--year necesita un año (p. ej. 2026) / --year needs a year.";
                    year = y;
                    break;
                case "--as-of":
                    problem = DateOnly.TryParseExact(Next(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                        ? null : "--as-of necesita una fecha AAAA-MM-DD / --as-of needs a YYYY-MM-DD date.";
                    asOf = d;
                    break;
                case "--english":
                    english = true;
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
                    {
                        hostArgs.Add(arg);
                    }
                    else
                    {
                        problem = $"Opción desconocida «{arg}» / unknown option.";
                    }

                    break;
            }

            if (problem is not null)
            {
                await error.WriteLineAsync(problem);
                await error.WriteLineAsync(Usage);
                return 2;
            }
        }

        await using var services = ImportCommandSupport.BuildServices(hostArgs);
        if (await ImportCommandSupport.RepositoryAsync(services, error) is not { } plans)
        {
            return 1;
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var compliance = new ComplianceService(
            plans,
            services.GetRequiredService<IReportRepository>(),
            services.GetRequiredService<IOptions<Planning.EntityOptions>>(),
            Options.Create(configuration.GetSection(ComplianceOptions.SectionName).Get<ComplianceOptions>() ?? new ComplianceOptions()),
            services.GetRequiredService<EntityCatalog>(),
            TimeProvider.System);
        var planYear = year ?? asOf?.Year ?? compliance.Today.Year;
        var snapshot = await compliance.LoadAsync(planYear, asOf ?? (asOf is null && year is not null && year < compliance.Today.Year ? new DateOnly(planYear, 12, 31) : null));
        if (snapshot is null)
        {
            await error.WriteLineAsync($"No hay plan para {planYear} / there is no plan for {planYear}.");
            return 1;
        }

        if (format == ExportFormat.Csv)
        {
            var directory = outPath ?? $"participacion-{snapshot.Plan.EntityId}-{snapshot.Plan.Year}-csv";
            Directory.CreateDirectory(directory);
            foreach (var (name, sheet) in ExportRenderer.CsvFiles(ComplianceExport.Workbook(snapshot, english)))
            {
                await using var stream = File.Create(Path.Combine(directory, name));
                CsvWriter.Write(sheet, stream);
                await output.WriteLineAsync(Path.Combine(directory, name));
            }

            return 0;
        }

        var file = ExportRenderer.Render(snapshot, format, english);
        var path = outPath ?? file.Name;
        // Written beside and renamed, so a failed export never leaves a truncated file under the real name.
        await File.WriteAllBytesAsync(path + ".tmp", file.Content);
        File.Move(path + ".tmp", path, overwrite: true);
        var summary = snapshot.Calculator.Summarize(snapshot.Facts, snapshot.AsOf, ComplianceScope.Entity);
        await output.WriteLineAsync(path);
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{snapshot.Plan.Spaces.Count} espacios, {snapshot.Reports.Count} reportes, corte {summary.CutOff:yyyy-MM-dd} / spaces, reports, cut-off."));
        return 0;
    }
}
