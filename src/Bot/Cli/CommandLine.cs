using ParticipaBot.Bot.Hosting;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Cli;

/// <summary>
/// The one place where the command-line verbs live. Each verb is a name, a one-line help text in
/// Spanish and English, and a handler that returns the process exit code.
/// </summary>
internal static class CommandLine
{
    private sealed record Verb(string Name, string HelpEs, string HelpEn, Func<string[], Task<int>> Run);

    private static readonly Verb[] Verbs =
    [
        new("serve", "Inicia el bot (predeterminado).", "Starts the bot (default).", ServeAsync),
        new("import-plan", "Importa el plan (TSV, CSV, XLSX); --dry-run, --json, --year, --map.", "Imports the plan table.", args => ImportPlanCommand.RunAsync(args, Console.Out, Console.Error)),
        new("import-schedule", "Importa el cronograma de espacios (CSV, XLSX).", "Imports the schedule of spaces.", args => ImportScheduleCommand.RunAsync(args, Console.Out, Console.Error)),
        new("package", "Crea el paquete de la app de Teams [--out ARCHIVO].", "Writes the Teams app package [--out FILE].", PackageVerb.RunAsync),
        new("export", "Exporta espacios, reportes e indicadores (xlsx, csv) o la evaluación anual (docx).", "Exports spaces, reports and indicators, or the yearly evaluation.", ExportVerb.RunAsync),
        new("export-data", "Exporta todos los documentos como líneas JSON [--out ARCHIVO].", "Exports every document as JSON lines [--out FILE].", DataVerbs.ExportAsync),
        new("import-data", "Carga un archivo de líneas JSON en el almacenamiento configurado.", "Loads a JSON-lines file into the configured store.", DataVerbs.ImportAsync),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        // No verb, or only host options such as --urls or --environment: serve.
        if (args.Length == 0 || args[0].StartsWith('-') && !IsHelp(args[0]))
        {
            return await ServeAsync(args);
        }

        if (IsHelp(args[0]))
        {
            WriteUsage(Console.Out);
            return 0;
        }

        var verb = Array.Find(Verbs, v => string.Equals(v.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (verb is null)
        {
            await Console.Error.WriteLineAsync($"Comando desconocido / unknown command: '{args[0]}'.");
            WriteUsage(Console.Error);
            return 2;
        }

        return await verb.Run(args[1..]);
    }

    private static bool IsHelp(string arg) => arg is "-h" or "--help" or "help" or "ayuda";

    private static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("Uso / usage: participabot <comando> [opciones]");
        foreach (var verb in Verbs)
        {
            writer.WriteLine($"  {verb.Name,-16} {verb.HelpEs} / {verb.HelpEn}");
        }
    }

    private static async Task<int> ServeAsync(string[] args)
    {
        await using var app = BotHost.Build(args);

        // Configuration and store are checked before the web server starts: one clear logged line and exit code 1, no stack trace.
        if (!ConfigurationStartup.Verify(app.Services))
        {
            return 1;
        }

        var storage = await StorageStartup.VerifyAsync(app.Services);
        if (!storage.IsHealthy)
        {
            return 1;
        }

        await app.RunAsync();
        return 0;
    }
}
