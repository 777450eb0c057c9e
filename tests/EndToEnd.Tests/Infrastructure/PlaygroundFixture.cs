using System.Diagnostics;
using Microsoft.Playwright;
using ParticipaBot.TestSupport;

namespace ParticipaBot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Shared by every end-to-end test: the bot as a real process (serve, Development, no AppId, a temp
/// data directory), the Microsoft 365 Agents Playground pointed at its /api/messages with Spanish
/// locale, and Debian's Chromium driven by Playwright. Everything is stopped, process groups and all,
/// when the collection ends. A missing browser or node tool fails the tests: it never skips them.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("participabot-e2e-").FullName;
    private ChildProcess? _bot;
    private ChildProcess? _playground;
    private IPlaywright? _playwright;
    private ActivityLocaleProxy? _proxy;

    public int BotPort { get; private set; }

    public int PlaygroundPort { get; private set; }

    /// <summary>The bot's messaging endpoint; the Playground reaches it through the locale proxy.</summary>
    public Uri BotMessagesUrl { get; private set; } = null!;

    /// <summary>The locale of every activity the bot receives (real Teams sends the user's client locale).</summary>
    public string ActivityLocale { get; } = "es-CO";

    /// <summary>Every activity the Playground sent to the bot so far, oldest first.</summary>
    public IReadOnlyCollection<System.Text.Json.Nodes.JsonObject> Activities => _proxy?.Activities ?? [];

    /// <summary>What the bot answered to each activity ("message -> 200"), for failure messages.</summary>
    public IReadOnlyCollection<string> Exchanges => _proxy?.Exchanges ?? [];

    public Uri PlaygroundUrl => new($"http://127.0.0.1:{PlaygroundPort}/");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots and logs of failed tests go: artifacts/e2e/ in the checkout.</summary>
    public static string ArtifactsDirectory => Path.Combine(RepositoryPaths.Root, "artifacts", "e2e");

    public string BotOutput => _bot?.Output ?? string.Empty;

    public string PlaygroundOutput => _playground?.Output ?? string.Empty;

    /// <summary>The bot's data directory (SQLite): tests read what the bot stored through <see cref="BotDataStore"/>.</summary>
    public string DataDirectory => _dataDirectory;

    public async Task InitializeAsync()
    {
        var playgroundBin = Path.Combine(RepositoryPaths.NodeBin, "agentsplayground");
        var problems = new List<string>();
        if (!File.Exists(ChromiumPath))
        {
            problems.Add($"Chromium is missing at {ChromiumPath}: run scripts/setup.sh (apt-get install chromium).");
        }

        if (!File.Exists(playgroundBin))
        {
            problems.Add($"The Agents Playground is missing at {playgroundBin}: run scripts/setup.sh (npm ci in tools/).");
        }

        if (!CanRun("node", "--version"))
        {
            problems.Add("node is not on PATH: run scripts/setup.sh.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("End-to-end tests cannot run: " + string.Join(" ", problems));
        }

        try
        {
            // PARTICIPABOT_E2E_BOT_URL points the Playground at a bot you already run (say, under a debugger).
            var external = Environment.GetEnvironmentVariable("PARTICIPABOT_E2E_BOT_URL");
            if (string.IsNullOrEmpty(external))
            {
                await StartBotAsync();
            }
            else
            {
                BotMessagesUrl = new Uri(external);
            }

            _proxy = await ActivityLocaleProxy.StartAsync(BotMessagesUrl, ActivityLocale);
            await StartPlaygroundAsync(playgroundBin);
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartBotAsync()
    {
        var dll = Path.Combine(RepositoryPaths.Root, "src", "Bot", "bin", Configuration, "net10.0", "ParticipaBot.Bot.dll");
        if (!File.Exists(dll))
        {
            Build(Path.Combine(RepositoryPaths.Root, "src", "Bot", "ParticipaBot.Bot.csproj"));
        }

        BotPort = ChildProcess.FreePort();
        var url = $"http://127.0.0.1:{BotPort}";
        BotMessagesUrl = new Uri(url + "/api/messages");
        _bot = ChildProcess.Start(
            "bot",
            "dotnet",
            [dll, "serve", "--urls", url, $"--Storage:DataDirectory={_dataDirectory}"],
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["Bot__AppId"] = null,
                ["Bot__AppPassword"] = null,
            },
            Path.GetDirectoryName(dll)!);

        // Any answer from /healthz means Kestrel is up; its body (healthy or not) is the storage's business.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await _bot.WaitUntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri(url + "/healthz"));
                return true;
            },
            TimeSpan.FromSeconds(60),
            "answer on " + url + "/healthz");
    }

    private async Task StartPlaygroundAsync(string playgroundBin)
    {
        PlaygroundPort = ChildProcess.FreePort();
        _playground = ChildProcess.Start(
            "agentsplayground",
            playgroundBin,
            ["-e", _proxy!.Url.ToString(), "-c", "msteams", "--dt", "-p", PlaygroundPort.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new Dictionary<string, string?>
            {
                // The Playground's own locale (its UI and some activities); the proxy fixes the rest.
                ["LANG"] = "es_CO.UTF-8",
                ["LC_ALL"] = "es_CO.UTF-8",
                ["BROWSER"] = "none",
            },
            // It writes devTools/m365agentsplayground.log into its working directory: keep that out of the checkout.
            Directory.CreateDirectory(Path.Combine(_dataDirectory, "playground")).FullName);
        await _playground.WaitUntilAsync(() => ChildProcess.PortOpenAsync(PlaygroundPort), TimeSpan.FromSeconds(60), "listening port " + PlaygroundPort);
    }

    /// <summary>A fresh browser context on the Playground, in Spanish (Colombia).</summary>
    public async Task<PlaygroundPage> OpenAsync(string testName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "es-CO",
            TimezoneId = "America/Bogota",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(PlaygroundUrl.ToString());
        return new PlaygroundPage(this, context, page, testName);
    }

    /// <summary>
    /// Runs a test body on a fresh page; when it throws, saves a full-page screenshot and the bot's and
    /// Playground's output under artifacts/e2e/ and rethrows with their paths.
    /// </summary>
    public async Task RunAsync(string testName, Func<PlaygroundPage, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var page = await OpenAsync(testName);
        try
        {
            await body(page);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var saved = await page.SaveFailureArtifactsAsync();
            throw new InvalidOperationException($"{testName} failed; see {saved}: {exception.Message}", exception);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_playground is not null)
        {
            await _playground.DisposeAsync();
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool CanRun(string file, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, argument) { RedirectStandardOutput = true, UseShellExecute = false });
            process?.WaitForExit(10_000);
            return process?.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void Build(string project)
    {
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", Configuration, "-nologo", "-clp:ErrorsOnly"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("dotnet build could not start.");
        var output = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {project} failed:{Environment.NewLine}{output}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlaygroundTests : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "Agents Playground";
}
