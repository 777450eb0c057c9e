using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Storage.Tests;

/// <summary>Real child processes on a real file: SIGKILL at random instants, and two writers on one file.</summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private const string CrashPartition = "crash|test";
    private readonly TempDirectory _directory = new();

    private string DatabasePath => Path.Combine(_directory.Path, "participabot.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task KillDashNine_AtRandomInstants_EveryAcknowledgedWriteSurvivesAndFileIsSound()
    {
        var random = new Random(20251121);
        var acknowledged = new List<string>();
        for (var round = 0; round < 5; round++)
        {
            // Odd rounds write from 8 concurrent writers, so that the kill also lands inside shared (group) commits.
            var writers = round % 2 == 0 ? "1" : "8";
            using var writer = StartWriter("write", DatabasePath, $"r{round}", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), writers);
            var acks = new List<string>();
            var firstAck = new TaskCompletionSource();
            var reading = Task.Run(async () =>
            {
                while (await writer.StandardOutput.ReadLineAsync() is { } line)
                {
                    // A line cut by the kill has no terminator and is not an acknowledgement.
                    if (line.StartsWith("ack ", StringComparison.Ordinal) && line.EndsWith(';'))
                    {
                        lock (acks)
                        {
                            acks.Add(line[4..^1]);
                        }

                        firstAck.TrySetResult();
                    }
                }
            });

            await firstAck.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(random.Next(50, 700));
            writer.Kill(); // SIGKILL on Unix: no flush, no finally, no dispose.
            await writer.WaitForExitAsync();
            await reading;
            lock (acks)
            {
                Assert.NotEmpty(acks);
                acknowledged.AddRange(acks);
            }

            await AssertAllPresentAndIntactAsync(acknowledged);
        }
    }

    [Fact]
    public async Task TwoProcesses_WritingSameFileConcurrently_NoCorruptionNoLostWrites()
    {
        const int PerProcess = 150;
        const int Increments = 40;
        using var first = StartWriter("write", DatabasePath, "p1", PerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var second = StartWriter("write", DatabasePath, "p2", PerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var counterA = StartWriter("increment", DatabasePath, "counter|test", "counter", Increments.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var counterB = StartWriter("increment", DatabasePath, "counter|test", "counter", Increments.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var outputs = await Task.WhenAll(new[] { first, second, counterA, counterB }.Select(async process =>
        {
            var text = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(process.ExitCode == 0, $"writer exited {process.ExitCode}: {errors}");
            return text;
        }));

        var acknowledged = outputs.Take(2)
            .SelectMany(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(line => line[4..^1])
            .ToList();
        Assert.Equal(2 * PerProcess, acknowledged.Count);
        await AssertAllPresentAndIntactAsync(acknowledged);

        using var store = (IDisposable)DocumentStoreFactory.OpenSqlite(DatabasePath);
        var counter = await ((IDocumentStore)store).ReadAsync("counter|test", "counter");
        Assert.Equal(2 * Increments, counter!.Body.GetProperty("value").GetInt32());
    }

    private async Task AssertAllPresentAndIntactAsync(List<string> acknowledged)
    {
        using var opened = (IDisposable)DocumentStoreFactory.OpenSqlite(DatabasePath);
        var store = (IDocumentStore)opened;
        Assert.Equal("ok", await DocumentStoreFactory.CheckSqliteIntegrityAsync(store)!);
        var stored = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        await foreach (var document in store.QueryAsync(CrashPartition))
        {
            stored[document.Id] = document;
        }

        foreach (var id in acknowledged)
        {
            Assert.True(stored.TryGetValue(id, out var document), $"acknowledged document {id} is missing after the kill");
            var payload = document.Body.GetProperty("payload").GetString()!;
            Assert.StartsWith(id, payload, StringComparison.Ordinal);
            Assert.Equal(document.Body.GetProperty("sha").GetString(), Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payload))));
        }
    }

    private static Process StartWriter(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WriterPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The crash writer did not start.");
    }

    private static string WriterPath
    {
        get
        {
            // Same configuration and framework folder as this test assembly (bin/<Configuration>/<tfm>/).
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(RepositoryPaths.Root, "tests", "StorageCrashWriter", "bin", testOutput.Parent!.Name, testOutput.Name, "ParticipaBot.StorageCrashWriter.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build tests/StorageCrashWriter first (it is referenced by this project).", path);
        }
    }
}
