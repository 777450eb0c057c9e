using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ParticipaBot.TestSupport;

/// <summary>
/// The Cosmos DB protocol server (@vercel/cosmosdb-server, in memory, HTTPS with a self-signed certificate)
/// on a free loopback port. Start one per test run with <see cref="Shared"/>; use a unique container per test class.
/// </summary>
public sealed class CosmosDbServer : IAsyncDisposable
{
    /// <summary>The local server accepts any key; this is the emulator's well-known one.</summary>
    public const string Key = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static CosmosDbServer? _shared;

    private readonly Process _process;

    private CosmosDbServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"https://127.0.0.1:{Port}/";

    /// <summary>The server's package; tests fail (never skip) when scripts/setup.sh has not installed it.</summary>
    public static string PackagePath => Path.Combine(RepositoryPaths.Root, "tools", "node_modules", "@vercel", "cosmosdb-server");

    /// <summary>The launcher that starts it with connections kept alive (tools/cosmosdb-server.js).</summary>
    public static string LauncherPath => Path.Combine(RepositoryPaths.Root, "tools", "cosmosdb-server.js");

    /// <summary>One server for the whole test run, stopped when the test process exits.</summary>
    public static async Task<CosmosDbServer> GetSharedAsync()
    {
        await SharedLock.WaitAsync();
        try
        {
            if (_shared is null || _shared._process.HasExited)
            {
                _shared = await StartAsync();
                var server = _shared;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Kill();
            }

            return _shared;
        }
        finally
        {
            SharedLock.Release();
        }
    }

    public static async Task<CosmosDbServer> StartAsync()
    {
        if (!Directory.Exists(PackagePath))
        {
            throw new InvalidOperationException(
                $"The Cosmos DB protocol server is not installed at {PackagePath}. Run scripts/setup.sh (it installs the node tools) and run the tests again.");
        }

        var port = FreeLoopbackPort();
        // A small shell watchdog owns the server and stops it when this test process is gone, even if it was
        // killed without running its exit handlers: no server outlives its test run.
        const string Watchdog = """
            "$0" "$@" & server=$!
            trap 'kill $server 2>/dev/null; exit 0' TERM INT
            while kill -0 "$WATCH_PID" 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 1; done
            kill $server 2>/dev/null
            """;
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", Watchdog, "node", LauncherPath, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["WATCH_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("cosmosdb-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"cosmosdb-server exited with code {process.ExitCode} before listening on port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new CosmosDbServer(process, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"cosmosdb-server did not listen on port {port} within 30 s.");
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
