using System.Globalization;

namespace ParticipaBot.LoadTest;

/// <summary>Which store the bot runs on.</summary>
public enum LoadStore
{
    Sqlite,
    Cosmos,
}

/// <summary>How activities reach the bot: signed Bot Framework tokens (production path) or Development without AppId.</summary>
public enum LoadAuth
{
    Jwt,
    Anonymous,
}

/// <summary>What one run does. Every option has a command-line form (see <see cref="LoadOptionsParser"/>).</summary>
public sealed record LoadOptions
{
    public int Delegates { get; init; } = 32;

    /// <summary>Measured time after the warm-up; ignored when <see cref="Flows"/> is set.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Stop after this many acknowledged reports (all delegates together), instead of after a duration.</summary>
    public int? Flows { get; init; }

    /// <summary>
    /// Turns in this first period are made but not counted. 20 s by default: under full load the tiering JIT compiles
    /// for about the first 20 s, and a shorter warm-up measures that ramp (docs/benchmarks.md, thirteenth round).
    /// </summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(20);

    public LoadStore Store { get; init; } = LoadStore.Sqlite;

    public LoadAuth Auth { get; init; } = LoadAuth.Jwt;

    public bool Json { get; init; }

    public bool KeepData { get; init; }

    /// <summary>Scheduled spaces per delegate (its own area): reported first, then unscheduled reports.</summary>
    public int SpacesPerDelegate { get; init; } = 2;

    /// <summary>Type "reportar" for every flow (a message turn) instead of tapping «Reportar otro» on the confirmation.</summary>
    public bool AlwaysType { get; init; }

    /// <summary>
    /// SIGKILL the bot this long after the start of the measured period (or, if no report was acknowledged yet or no
    /// delegate is inside a report then, as soon as both hold, within <see cref="LoadRunner.KillGrace"/>), restart it and
    /// check what survived.
    /// </summary>
    public TimeSpan? KillAfter { get; init; }

    /// <summary>Soak mode: per-window lines and a flatness verdict.</summary>
    public bool Soak { get; init; }

    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A pause before each turn (a person reading the card); zero runs closed-loop as fast as the bot answers.</summary>
    public TimeSpan Think { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Offered load: all delegates together send this many turns a second on a fixed schedule (<see cref="TurnPacer"/>),
    /// instead of each sending as soon as the last answer came. Null runs closed-loop, at the rate the bot allows.
    /// </summary>
    public double? Rate { get; init; }

    /// <summary>Longest wait for one answer (HTTP response or the reply at the connector).</summary>
    public TimeSpan TurnTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a progress line is written on long runs.</summary>
    public TimeSpan Progress { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The built bot (ParticipaBot.Bot.dll); found under src/Bot/bin when empty.</summary>
    public string? BotDll { get; init; }

    /// <summary>An already running Cosmos DB protocol server to use instead of starting one (tests share one).</summary>
    public string? CosmosEndpoint { get; init; }

    /// <summary>Logging:LogLevel:Default of the bot; empty keeps its appsettings (Information).</summary>
    public string? BotLogLevel { get; init; }

    /// <summary>Extra environment variables for the bot process (experiments: DOTNET_gcServer=0, Conversations__Workers=8).</summary>
    public IReadOnlyDictionary<string, string> BotEnvironment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Print the first cards that were not what a delegate expected (for diagnosis).</summary>
    public bool Verbose { get; init; }
}

/// <summary>A bad command line: the message names the option, in Spanish and English.</summary>
public sealed class LoadOptionsException(string message) : Exception(message);

/// <summary>Parses the command line of the load generator.</summary>
public static class LoadOptionsParser
{
    public const string Usage = """
        Uso / usage: dotnet run -c Release --project benchmarks/ParticipaBot.LoadTest -- [opciones / options]
          --delegates N          delegados virtuales / virtual delegates (32)
          --duration D           tiempo medido / measured time, e.g. 30s, 10m, 600 (30s)
          --flows N              parar tras N reportes confirmados / stop after N acknowledged reports
          --warmup D             calentamiento no medido / unmeasured warm-up (20s)
          --store sqlite|cosmos  almacenamiento del bot / the bot's store (sqlite)
          --cosmos-endpoint URL  servidor Cosmos DB local ya iniciado / an already running local Cosmos DB server
          --auth jwt|anonymous   tokens firmados (producción) o Development sin AppId (jwt)
          --spaces-per-delegate N  espacios programados por delegado / scheduled spaces per delegate (2)
          --always-type          escribir «reportar» en cada flujo / type "reportar" for every flow
          --kill-after D         kill -9 del bot tras D, reinicio y verificación / kill -9, restart and checks
          --soak                 ventanas y veredicto de estabilidad / windows and a flatness verdict
          --window D             ventana del soak / soak window (30s)
          --think D              pausa antes de cada turno / pause before each turn (0)
          --rate N               carga ofrecida: N turnos/s entre todos, a horario fijo / offered load: N turns/s in all, on a fixed schedule
          --timeout D            espera máxima por respuesta / longest wait for an answer (30s)
          --progress D           intervalo del progreso / progress interval (5s)
          --bot-log-level L      nivel de log del bot / the bot's log level (appsettings)
          --bot-env CLAVE=VALOR  variable de entorno extra del bot / extra bot environment (repeatable)
          --bot-dll RUTA         ParticipaBot.Bot.dll compilado / the built bot
          --json                 resultado en JSON / result as JSON
          --keep-data            conservar el directorio de datos / keep the data directory
          --verbose              mostrar tarjetas inesperadas / print unexpected cards
        """;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new LoadOptionsException($"Falta el valor de {name}. / {name} needs a value.");
                }

                return args[++i];
            }

            options = name switch
            {
                "--delegates" => options with { Delegates = Int(name, Value(), 1, 1000) },
                "--duration" => options with { Duration = Span(name, Value(), allowZero: false) },
                "--flows" => options with { Flows = Int(name, Value(), 1, int.MaxValue) },
                "--warmup" => options with { Warmup = Span(name, Value(), allowZero: true) },
                "--store" => options with { Store = Value().ToLowerInvariant() switch
                {
                    "sqlite" => LoadStore.Sqlite,
                    "cosmos" => LoadStore.Cosmos,
                    var other => throw new LoadOptionsException($"--store «{other}» no es válido: use sqlite o cosmos. / --store must be sqlite or cosmos."),
                } },
                "--auth" => options with { Auth = Value().ToLowerInvariant() switch
                {
                    "jwt" => LoadAuth.Jwt,
                    "anonymous" => LoadAuth.Anonymous,
                    var other => throw new LoadOptionsException($"--auth «{other}» no es válido: use jwt o anonymous. / --auth must be jwt or anonymous."),
                } },
                "--cosmos-endpoint" => options with { CosmosEndpoint = LoopbackUrl(name, Value()) },
                "--spaces-per-delegate" => options with { SpacesPerDelegate = Int(name, Value(), 0, 50) },
                "--always-type" => options with { AlwaysType = true },
                "--kill-after" => options with { KillAfter = Span(name, Value(), allowZero: true) },
                "--soak" => options with { Soak = true },
                "--window" => options with { Window = Span(name, Value(), allowZero: false) },
                "--think" => options with { Think = Span(name, Value(), allowZero: true) },
                "--rate" => options with { Rate = Int(name, Value(), 1, 1_000_000) },
                "--timeout" => options with { TurnTimeout = Span(name, Value(), allowZero: false) },
                "--progress" => options with { Progress = Span(name, Value(), allowZero: false) },
                "--bot-log-level" => options with { BotLogLevel = Value() },
                "--bot-dll" => options with { BotDll = Value() },
                "--bot-env" => options with { BotEnvironment = WithVariable(options.BotEnvironment, name, Value()) },
                "--json" => options with { Json = true },
                "--keep-data" => options with { KeepData = true },
                "--verbose" => options with { Verbose = true },
                _ => throw new LoadOptionsException($"Opción desconocida «{name}». / Unknown option '{name}'."),
            };
        }

        if (options.Auth == LoadAuth.Anonymous && options.SpacesPerDelegate > 0)
        {
            // In Development every user is a delegate of every area: scheduled spaces would be shared, so only unscheduled reports.
            options = options with { SpacesPerDelegate = 0 };
        }

        if (options.CosmosEndpoint is not null && options.Store != LoadStore.Cosmos)
        {
            throw new LoadOptionsException("--cosmos-endpoint va con --store cosmos. / --cosmos-endpoint needs --store cosmos.");
        }

        if (options.Rate is not null && options.Think > TimeSpan.Zero)
        {
            throw new LoadOptionsException("--rate y --think no se combinan: el horario ya fija las pausas. / --rate and --think do not combine: the schedule sets the pauses.");
        }

        if (options.Soak && options.Duration < options.Window * 2)
        {
            throw new LoadOptionsException("--soak necesita --duration de al menos dos ventanas (--window). / --soak needs --duration of at least two windows.");
        }

        if (options.KillAfter is { } kill && options.Flows is null && kill >= options.Duration)
        {
            throw new LoadOptionsException("--kill-after debe ser menor que --duration. / --kill-after must be shorter than --duration.");
        }

        return options;
    }

    /// <summary>
    /// A server on this machine: the bot is given the local server's well-known key and accepts its self-signed
    /// certificate, which it does only for loopback.
    /// </summary>
    private static string LoopbackUrl(string name, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.IsLoopback
            ? url.ToString()
            : throw new LoadOptionsException($"{name} «{text}» no es una URL de este equipo (p. ej. https://127.0.0.1:8081). / {name} '{text}' is not a URL on this machine (e.g. https://127.0.0.1:8081).");

    /// <summary>"30s", "10m", "1h", "500ms" or plain seconds ("600").</summary>
    public static TimeSpan Span(string name, string text, bool allowZero)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || (!allowZero && value == 0) || value * unit > 86_400)
        {
            throw new LoadOptionsException($"{name} «{text}» no es una duración válida (p. ej. 30s, 10m, 600). / {name} '{text}' is not a valid duration (e.g. 30s, 10m, 600).");
        }

        return TimeSpan.FromSeconds(value * unit);
    }

    private static Dictionary<string, string> WithVariable(IReadOnlyDictionary<string, string> current, string name, string text)
    {
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new LoadOptionsException($"{name} «{text}» debe tener la forma CLAVE=VALOR. / {name} must be KEY=VALUE.");
        }

        return new Dictionary<string, string>(current, StringComparer.Ordinal) { [text[..separator]] = text[(separator + 1)..] };
    }

    private static int Int(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new LoadOptionsException($"{name} «{text}» debe ser un número entero entre {min} y {max}. / {name} must be a whole number from {min} to {max}.");
}
