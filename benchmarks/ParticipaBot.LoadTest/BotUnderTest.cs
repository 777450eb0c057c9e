using System.Globalization;
using System.Text;
using ParticipaBot.TestSupport;
using ParticipaBot.TestSupport.Fakes;

namespace ParticipaBot.LoadTest;

/// <summary>One virtual delegate's identity: its own user, personal conversation and area.</summary>
public sealed record DelegateIdentity(int Index, string UserId, string AadObjectId, string Name, string ConversationId, string Area);

/// <summary>
/// The bot as a separate process (the built ParticipaBot.Bot.dll, `serve`) with its own data directory and store, the
/// loopback fakes it talks to (connector sink, Bot Framework OpenID keys, Entra token endpoint) and the plan and schedule
/// imported through its own CLI before it starts. It can be killed with SIGKILL and started again on the same data.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    public const string AppId = "5c2d1e0f-7a3b-4c9d-8e6f-0a1b2c3d4e5f";
    public const string TenantId = "8c1a1f4e-2f6b-4d2e-9a7e-5b0c6d7e8f90";
    public const string EntityId = "mintrabajo";

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly LoadOptions _options;
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _storage = new(StringComparer.Ordinal);
    private CosmosDbServer? _ownCosmos;
    private FakeOpenIdServer? _openId;
    private FakeEntraTokenServer? _entra;
    private TestSigningKey? _key;
    private ChildProcess? _bot;
    private string _dll = string.Empty;

    private BotUnderTest(LoadOptions options, string root)
    {
        _options = options;
        Root = root;
        Year = Today.Year;
    }

    /// <summary>The run's temp folder: data/, the generated plan and schedule, the trusted certificate.</summary>
    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    /// <summary>Today in Bogotá (UTC-5, no daylight saving), as the bot computes it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-5));

    public int Year { get; }

    public ConnectorSink Sink { get; private set; } = null!;

    public Uri MessagesUrl { get; private set; } = null!;

    public IReadOnlyList<DelegateIdentity> Delegates { get; private set; } = [];

    /// <summary>The "Storage:*" settings of the bot, for <see cref="BotDataStore"/>.</summary>
    public IReadOnlyDictionary<string, string?> StorageSettings => _storage;

    public int? ProcessId => _bot?.Id;

    public string Output => _bot?.Output ?? string.Empty;

    /// <summary>Spaces scheduled per delegate: the ids, so the checks know which ones a delegate may report.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> SpacesOf { get; private set; } = new Dictionary<int, IReadOnlyList<string>>();

    public static async Task<BotUnderTest> StartAsync(LoadOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var bot = new BotUnderTest(options, Directory.CreateTempSubdirectory("participabot-load-").FullName);
        try
        {
            await bot.PrepareAsync(log);
            await bot.StartProcessAsync();
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    private async Task PrepareAsync(TextWriter log)
    {
        _dll = _options.BotDll ?? Path.Combine(RepositoryPaths.Root, "src", "Bot", "bin", Configuration, "net10.0", "ParticipaBot.Bot.dll");
        if (!File.Exists(_dll))
        {
            throw new InvalidOperationException(
                $"No se encontró el bot compilado en {_dll}: ejecute `dotnet build src/Bot -c {Configuration}` o indique --bot-dll. / The built bot is missing at {_dll}: build src/Bot -c {Configuration} or pass --bot-dll.");
        }

        Directory.CreateDirectory(DataDirectory);
        Sink = await ConnectorSink.StartAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        Delegates = [.. Enumerable.Range(1, _options.Delegates).Select(i => new DelegateIdentity(
            i,
            $"29:load-user-{i:000}",
            $"00000000-0000-4000-8000-{i:000000000000}",
            $"Delegada de carga {i:000}",
            $"a:load-{run}-{i:000}",
            $"Grupo de Carga {i:000}"))];

        _storage["Storage:DataDirectory"] = DataDirectory;
        if (_options.Store == LoadStore.Cosmos)
        {
            var endpoint = _options.CosmosEndpoint;
            if (endpoint is null)
            {
                _ownCosmos = await CosmosDbServer.StartAsync();
                endpoint = _ownCosmos.Endpoint;
            }

            _storage["Storage:Provider"] = "Cosmos";
            _storage["Storage:Cosmos:Endpoint"] = endpoint;
            _storage["Storage:Cosmos:Key"] = CosmosDbServer.Key;
            _storage["Storage:Cosmos:Database"] = "load" + run;
            _storage["Storage:Cosmos:Container"] = "documents";
            _storage["Storage:Cosmos:AcceptLocalServerCertificate"] = "true";
        }
        else
        {
            _storage["Storage:Provider"] = "Sqlite";
        }

        foreach (var (key, value) in _storage)
        {
            _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var identity in Delegates)
        {
            _environment[$"Roles__Delegates__{identity.Area}__0"] = identity.AadObjectId;
        }

        // The generator's own socket setting (Program.cs) is not the bot's: the bot runs as it would in production,
        // with the runtime settings every deployment sets (scripts/runtime.env); --bot-env overrides them.
        _environment[Program.InlineCompletionsVariable] = null;
        foreach (var (key, value) in RuntimeEnvironment())
        {
            _environment[key] = value;
        }

        if (_options.BotLogLevel is { Length: > 0 } level)
        {
            _environment["Logging__LogLevel__Default"] = level;
        }

        if (_options.Auth == LoadAuth.Jwt)
        {
            _openId = await FakeOpenIdServer.StartAsync();
            _key = _openId.AddBotFrameworkKey(["msteams"]);
            _entra = await FakeEntraTokenServer.StartAsync();
            // The bot trusts the fake Entra endpoint's self-signed certificate through OpenSSL's SSL_CERT_FILE.
            var bundle = Path.Combine(Root, "trusted.pem");
            var pem = new StringBuilder(_entra.Certificate.ExportCertificatePem()).AppendLine();
            if (File.Exists("/etc/ssl/certs/ca-certificates.crt"))
            {
                pem.Append(await File.ReadAllTextAsync("/etc/ssl/certs/ca-certificates.crt"));
            }

            await File.WriteAllTextAsync(bundle, pem.ToString());
            _environment["SSL_CERT_FILE"] = bundle;
            _environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            _environment["DOTNET_ENVIRONMENT"] = "Production";
            _environment["Bot__AppId"] = AppId;
            _environment["Bot__TenantId"] = TenantId;
            _environment["Bot__ClientSecret"] = "load-test-secret";
            _environment["Bot__OpenIdMetadataUrl"] = _openId.BotFrameworkMetadataUrl;
            _environment["Bot__EntraMetadataUrlTemplate"] = _openId.EntraMetadataUrlTemplate;
            _environment["Bot__AuthorityHost"] = _entra.AuthorityHost;
            _environment["Bot__AllowedServiceUrlHosts__0"] = "127.0.0.1";
        }
        else
        {
            _environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            _environment["DOTNET_ENVIRONMENT"] = "Development";
            _environment["Bot__AppId"] = null;
            _environment["Bot__ClientSecret"] = null;
        }

        // Last, so that an experiment can override anything above (e.g. DOTNET_gcServer=0, Conversations__Workers=8).
        foreach (var (key, value) in _options.BotEnvironment)
        {
            _environment[key] = value;
        }

        await ImportPlanAsync(log);
    }

    /// <summary>A plan with one activity per delegate's area, and a schedule giving each delegate its own spaces, due today.</summary>
    private async Task ImportPlanAsync(TextWriter log)
    {
        var plan = new StringBuilder();
        plan.AppendLine(CultureInfo.InvariantCulture, $"PLAN DE PARTICIPACIÓN CIUDADANA (PRUEBA DE CARGA) {Year}");
        plan.AppendLine("Componente\tActividad\tMeta/Producto\tDependencia líder\tPeriodo");
        foreach (var identity in Delegates)
        {
            plan.AppendLine(CultureInfo.InvariantCulture, $"Participación en la gestión\tMesas de trabajo con grupos de valor {identity.Index:000}\tMesas realizadas\t{identity.Area}\tenero a diciembre de {Year}");
        }

        var planFile = Path.Combine(Root, "plan.tsv");
        await File.WriteAllTextAsync(planFile, plan.ToString());
        await RunCliAsync(log, "import-plan", planFile, "--year", Year.ToString(CultureInfo.InvariantCulture));

        var spaces = new Dictionary<int, IReadOnlyList<string>>();
        if (_options.SpacesPerDelegate > 0)
        {
            var schedule = new StringBuilder();
            schedule.AppendLine("Id;Actividad;Nombre;Tipo de espacio;Fase;Nivel;Modalidad;Formato;Grupos de valor;Enfoque poblacional;Metas/Temas;Dependencia líder;Responsables;Fecha;Hora;Lugar;Enlace;Canal;Estado");
            var date = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var identity in Delegates)
            {
                var ids = new List<string>();
                for (var s = 1; s <= _options.SpacesPerDelegate; s++)
                {
                    var id = $"LT-{identity.Index:000}-{s:00}";
                    ids.Add(id);
                    schedule.AppendLine(CultureInfo.InvariantCulture,
                        $"{id};1.{identity.Index};Mesa de carga {identity.Index:000}-{s:00};consulta ciudadana;Diagnóstico;consulta;presencial;mesa de trabajo;ciudadanía;;Participación en la gestión;{identity.Area};;{date};;Bogotá, sede principal;;;programado");
                }

                spaces[identity.Index] = ids;
            }

            var scheduleFile = Path.Combine(Root, "schedule.csv");
            await File.WriteAllTextAsync(scheduleFile, schedule.ToString());
            await RunCliAsync(log, "import-schedule", scheduleFile, "--year", Year.ToString(CultureInfo.InvariantCulture));
        }

        SpacesOf = spaces;
    }

    private async Task RunCliAsync(TextWriter log, params string[] arguments)
    {
        await using var cli = ChildProcess.Start("participabot " + arguments[0], "dotnet", [_dll, .. arguments], _environment, Path.GetDirectoryName(_dll)!);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!cli.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var code = cli.HasExited ? cli.ExitCode : -1;
        if (code != 0)
        {
            throw new InvalidOperationException($"participabot {string.Join(' ', arguments)} falló / failed (exit {code}):{Environment.NewLine}{cli.Output}");
        }

        await log.WriteLineAsync($"participabot {arguments[0]}: ok");
    }

    private async Task StartProcessAsync()
    {
        var port = MessagesUrl is null ? ChildProcess.FreePort() : MessagesUrl.Port;
        var url = $"http://127.0.0.1:{port}";
        MessagesUrl = new Uri(url + "/api/messages");
        _bot = ChildProcess.Start("bot", "dotnet", [_dll, "serve", "--urls", url], _environment, Path.GetDirectoryName(_dll)!);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await _bot.WaitUntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri(url + "/healthz"));
                return response.IsSuccessStatusCode;
            },
            TimeSpan.FromSeconds(90),
            "200 on " + url + "/healthz");
    }

    /// <summary>SIGKILL, no grace: whatever the bot had not made durable is lost, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (_bot is not null)
        {
            await _bot.KillAsync();
            await _bot.DisposeAsync();
            _bot = null;
        }
    }

    /// <summary>Starts the bot again on the same data directory, store and port.</summary>
    public Task RestartAsync() => StartProcessAsync();

    /// <summary>Stops the bot (SIGTERM, then SIGKILL after 5 s).</summary>
    public async Task StopAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
            RuntimeSummary = LastRuntimeSummary(_bot.Output) ?? RuntimeSummary;
            _bot = null;
        }
    }

    /// <summary>scripts/runtime.env: KEY=VALUE lines, # comments.</summary>
    private static IEnumerable<KeyValuePair<string, string>> RuntimeEnvironment()
    {
        foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "scripts", "runtime.env")))
        {
            var text = line.Trim();
            if (text.Length > 0 && text[0] != '#' && text.IndexOf('=', StringComparison.Ordinal) is > 0 and var at)
            {
                yield return new(text[..at], text[(at + 1)..]);
            }
        }
    }

    /// <summary>The bot's own line at its last clean stop (allocations per turn, collections, peak working set).</summary>
    public string? RuntimeSummary { get; private set; }

    private static string? LastRuntimeSummary(string output)
    {
        const string Marker = "Runtime summary: ";
        var at = output.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var end = output.IndexOf('\n', at);
        return output[(at + Marker.Length)..(end < 0 ? output.Length : end)].Trim();
    }

    /// <summary>A signed Bot Framework token for activities of this serviceUrl (valid one hour), or null in anonymous mode.</summary>
    public string? NewToken()
    {
        if (_key is null)
        {
            return null;
        }

        var now = DateTimeOffset.UtcNow;
        return TestJwt.Create(_key, new Dictionary<string, object?>
        {
            ["iss"] = FakeOpenIdServer.BotFrameworkIssuer,
            ["aud"] = AppId,
            ["nbf"] = TestJwt.UnixTime(now.AddMinutes(-1)),
            ["exp"] = TestJwt.UnixTime(now.AddHours(1)),
            ["serviceurl"] = Sink.ServiceUrl,
        });
    }

    /// <summary>VmHWM (peak) and VmRSS (current) of the bot process in bytes, from /proc; null when unknown.</summary>
    public (long? Peak, long? Current) Memory() => _bot is { HasExited: false } bot ? ReadMemory(bot.Id) : (null, null);

    /// <summary>User plus system CPU time the bot process has used so far (from /proc/&lt;pid&gt;/stat), or null.</summary>
    public TimeSpan? CpuTime() => _bot is { HasExited: false } bot ? ReadCpuTime(bot.Id) : null;

    public static TimeSpan? ReadCpuTime(int pid)
    {
        try
        {
            // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are 12th and 13th.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static (long? Peak, long? Current) ReadMemory(int pid)
    {
        try
        {
            long? peak = null, current = null;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line);
                }
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    current = Kilobytes(line);
                }
            }

            return (peak, current);
        }
        catch (IOException)
        {
            return (null, null);
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Sink is not null)
        {
            await Sink.DisposeAsync();
        }

        if (_openId is not null)
        {
            await _openId.DisposeAsync();
        }

        if (_entra is not null)
        {
            await _entra.DisposeAsync();
        }

        _key?.Dispose();
        if (_ownCosmos is not null)
        {
            await _ownCosmos.DisposeAsync();
        }

        if (!_options.KeepData)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
