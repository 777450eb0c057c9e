using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Core.Planning;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Cli;

/// <summary>Shared plumbing of import-plan and import-schedule: options, the service container, output.</summary>
internal static class ImportCommandSupport
{
    // Envelopes are anonymous types (read-only properties); models go through ModelJson, which leaves out
    // computed members such as Plan.Activities.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly JsonSerializerOptions ModelJson = new(JsonSerializerDefaults.Web)
    {
        IgnoreReadOnlyProperties = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static JsonElement? Model<T>(T? value) => value is null ? null : JsonSerializer.SerializeToElement(value, ModelJson);

    internal sealed record Arguments(string? File, string? Entity, int? Year, Dictionary<string, string> Map, bool DryRun, bool AsJson, string? Error, IReadOnlyList<string> HostArgs);

    public static Arguments Parse(string[] args)
    {
        string? file = null, entity = null, error = null;
        int? year = null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        bool dryRun = false, json = false;
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (arg)
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--json":
                    json = true;
                    break;
                case "--entity":
                    entity = Next();
                    break;
                case "--year":
                    if (!int.TryParse(Next(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
                    {
                        error = "--year necesita un año (p. ej. 2024) / --year needs a year.";
                    }
                    else
                    {
                        year = y;
                    }

                    break;
                case "--map":
                    var pair = Next() ?? string.Empty;
                    var equals = pair.LastIndexOf('=');
                    if (equals <= 0)
                    {
                        error = $"--map espera \"Encabezado=campo\", no «{pair}» / --map expects Header=field.";
                    }
                    else
                    {
                        map[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
                    }

                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
                    {
                        // Host configuration, as for serve: --Storage:DataDirectory=./data
                        hostArgs.Add(arg);
                    }
                    else if (arg.StartsWith('-') || file is not null)
                    {
                        error = $"Opción desconocida «{arg}» / unknown option.";
                    }
                    else
                    {
                        file = arg;
                    }

                    break;
            }
        }

        if (file is null && error is null)
        {
            error = "Falta el archivo / missing FILE.";
        }

        return new Arguments(file, entity, year, map, dryRun, json, error, hostArgs);
    }

    /// <summary>
    /// A container with the host's configuration (appsettings beside the executable and in the current folder,
    /// environment, --Key=Value arguments), the store and planning, without starting the web host.
    /// </summary>
    public static ServiceProvider BuildServices(IReadOnlyList<string> hostArgs)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. hostArgs])
            .Build();
        var hostEnvironment = new CliEnvironment(environment);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(hostEnvironment);
        services.AddLogging();
        services.AddParticipaBotStorageCore();
        services.AddPlanning(configuration, hostEnvironment);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Runs a verb. A store that fails on the way (unreachable, refusing the credentials, failing mid-command) is one
    /// line on <paramref name="error"/> and exit code 1, never a stack trace.
    /// </summary>
    public static async Task<int> ReportingStoreFailuresAsync(TextWriter error, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (DocumentStoreException exception)
        {
            await error.WriteLineAsync(exception.Message);
            return 1;
        }
    }

    /// <summary>The repository, or null after writing why the store cannot be used.</summary>
    public static async Task<IPlanRepository?> RepositoryAsync(IServiceProvider services, TextWriter error)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            _ = services.GetRequiredService<IDocumentStore>();
            return services.GetRequiredService<IPlanRepository>();
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures)
            {
                await error.WriteLineAsync(failure);
            }
        }
        catch (DocumentStoreException exception)
        {
            await error.WriteLineAsync(exception.Message);
        }

        return null;
    }

    public static EntityOptions Entity(IServiceProvider services) => services.GetRequiredService<IOptions<EntityOptions>>().Value;

    public static void WriteIssues(TextWriter writer, string title, IReadOnlyList<ImportIssue> issues)
    {
        if (issues.Count == 0)
        {
            return;
        }

        writer.WriteLine(title);
        foreach (var issue in issues)
        {
            writer.WriteLine($"  - {issue}");
        }
    }

    public static object IssuesJson(IEnumerable<ImportIssue> issues) =>
        issues.Select(i => new { row = i.Location?.Row, column = i.Location?.Column, header = i.Location?.ColumnName, message = i.Message }).ToList();

    private sealed class CliEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "ParticipaBot";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
