using ParticipaBot.Bot.Teams;

namespace ParticipaBot.Bot.Cli;

/// <summary>
/// participabot package [--out FILE]: writes the Teams app package zip from the same configuration the
/// bot reads (appsettings.json, appsettings.{Environment}.json, user secrets in Development, environment
/// variables, --Key=Value arguments).
/// </summary>
internal static class PackageVerb
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (args.Any(a => a is "-h" or "--help" or "ayuda"))
        {
            await output.WriteLineAsync("Uso / usage: participabot package [--out ARCHIVO.zip] [--Clave=Valor ...]");
            await output.WriteLineAsync("  Crea el paquete de la app de Teams con Bot:AppId y la sección TeamsApp de la configuración (docs/teams-app.md).");
            await output.WriteLineAsync("  Writes the Teams app package from Bot:AppId and the TeamsApp configuration section (docs/teams-app.md).");
            return 0;
        }

        string? outPath = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--out" or "-o")
            {
                if (i + 1 >= args.Length)
                {
                    await error.WriteLineAsync("Falta el archivo después de --out / --out needs a file name.");
                    return 2;
                }

                outPath = args[++i];
            }
            else if (args[i].StartsWith("--out=", StringComparison.Ordinal))
            {
                outPath = args[i]["--out=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. rest], DisableDefaults = false });
        var configuration = builder.Configuration;
        var options = new TeamsAppOptions();
        configuration.GetSection(TeamsAppOptions.SectionName).Bind(options);
        var botId = configuration["Bot:AppId"];

        IReadOnlyList<AppPackageFile> files;
        try
        {
            files = AppPackageBuilder.Build(options, botId);
        }
        catch (AppPackageException exception)
        {
            await error.WriteLineAsync("No se creó el paquete de la app de Teams / the Teams app package was not written:");
            foreach (var problem in exception.Problems)
            {
                await error.WriteLineAsync("  - " + problem);
            }

            return 1;
        }

        outPath = Path.GetFullPath(outPath ?? $"participabot-teams-{options.Version}.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);

        // Write beside the target and move, so a failed run never leaves half a zip under the real name.
        var temporary = outPath + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            AppPackageBuilder.WriteZip(files, stream);
        }

        File.Move(temporary, outPath, overwrite: true);
        await output.WriteLineAsync($"Paquete de la app de Teams / Teams app package: {outPath}");
        await output.WriteLineAsync($"  botId {Guid.Parse(botId!):D}, id {Guid.Parse(options.AppId!):D}, versión / version {options.Version}");
        return 0;
    }
}
