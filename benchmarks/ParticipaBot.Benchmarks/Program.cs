using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParticipaBot.Storage;
using ParticipaBot.TestSupport;

// Usage: dotnet run -c Release --project benchmarks/ParticipaBot.Benchmarks -- [--seconds N] [--sqlite-only]
// Measures point writes (upsert), point reads and conditional replaces per second, one caller and 8 concurrent
// callers, for SQLite (a temp file, WAL, synchronous=FULL) and Cosmos DB (the local protocol server).
// Mode "compliance" ([--runs N]): the compliance overview over 25k/50k/100k reports (docs/benchmarks.md).
if (args.Length > 0 && args[0] == "compliance")
{
    var runs = args.Length > 2 && args[1] == "--runs" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
    return ParticipaBot.Benchmarks.ComplianceBenchmark.Run(runs);
}

var seconds = 5;
var sqliteOnly = false;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--seconds" && i + 1 < args.Length)
    {
        seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--sqlite-only")
    {
        sqliteOnly = true;
    }
}

var duration = TimeSpan.FromSeconds(seconds);
var body = JsonSerializer.SerializeToElement(new
{
    nombre = "Espacio de participación: audiencia pública de rendición de cuentas",
    fecha = "2025-06-15",
    responsables = (string[])["Oficina de Planeación", "Secretaría General"],
    avance = 0.45,
});

Console.WriteLine($"| store | operation | callers | ops/s | mean latency (ms) |");
Console.WriteLine("|---|---|---|---|---|");

var directory = Path.Combine(Path.GetTempPath(), "participabot-bench-" + Guid.NewGuid().ToString("N"));
var sqlite = DocumentStoreFactory.OpenSqlite(Path.Combine(directory, "bench.db"));
await RunAllAsync("SQLite", sqlite);
((IDisposable)sqlite).Dispose();
Directory.Delete(directory, recursive: true);

if (!sqliteOnly)
{
    await using var server = await CosmosDbServer.StartAsync();
    var cosmos = DocumentStoreFactory.Create(new StorageOptions
    {
        Provider = StorageProvider.Cosmos,
        Cosmos = { Endpoint = server.Endpoint, Key = CosmosDbServer.Key, Container = "bench", AcceptLocalServerCertificate = true },
    });
    await RunAllAsync("Cosmos DB (local protocol server)", cosmos);
    ((IDisposable)cosmos).Dispose();
}

return 0;

async Task RunAllAsync(string name, IDocumentStore store)
{
    const string Partition = "plan|bench|2025";
    for (var i = 0; i < 1000; i++)
    {
        await store.UpsertAsync(new DocumentWrite($"doc-{i}", Partition, "space", body));
    }

    foreach (var callers in (int[])[1, 8])
    {
        await MeasureAsync(name, "upsert", callers, (caller, n) => store.UpsertAsync(new DocumentWrite($"doc-{(caller * 7919 + n) % 1000}", Partition, "space", body)));
        await MeasureAsync(name, "read", callers, (caller, n) => store.ReadAsync(Partition, $"doc-{(caller * 7919 + n) % 1000}"));
        await MeasureAsync(name, "read+replace (ETag)", callers, async (caller, n) =>
        {
            // Each caller has its own document so the measure is the cost, not the contention.
            var id = $"doc-{caller}";
            var current = await store.ReadAsync(Partition, id);
            await store.ReplaceAsync(new DocumentWrite(id, Partition, "space", body), current!.ETag);
        });
    }
}

async Task MeasureAsync(string name, string operation, int callers, Func<int, int, Task> run)
{
    // Warm-up: one second unmeasured (JIT, connection pools, page cache).
    await RunForAsync(TimeSpan.FromSeconds(1), callers, run);
    var stopwatch = Stopwatch.StartNew();
    var count = await RunForAsync(duration, callers, run);
    stopwatch.Stop();
    var opsPerSecond = count / stopwatch.Elapsed.TotalSeconds;
    var meanMs = stopwatch.Elapsed.TotalMilliseconds * callers / count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {operation} | {callers} | {opsPerSecond:0} | {meanMs:0.00} |"));
}

static async Task<long> RunForAsync(TimeSpan length, int callers, Func<int, int, Task> run)
{
    long total = 0;
    var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
    await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
    {
        var n = 0;
        while (Stopwatch.GetTimestamp() < until)
        {
            await run(caller, n++);
            Interlocked.Increment(ref total);
        }
    })));
    return total;
}
