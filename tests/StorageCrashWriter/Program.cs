using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ParticipaBot.Storage;

// Usage:
//   write <db> <prefix> [count] [writers]
//                                 creates <prefix>-<w>-<n> documents from <writers> concurrent writers (default 1), so
//                                 that writes share commits; after each committed write prints "ack <id>;"
//   increment <db> <pk> <id> <n>  n read-modify-write increments with ETag retries; prints "done;"
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: write <db> <prefix> [count] | increment <db> <pk> <id> <n>");
    return 2;
}

using var store = (IDisposable)DocumentStoreFactory.OpenSqlite(args[1], busyTimeoutMilliseconds: 30_000);
var documents = (IDocumentStore)store;
var output = Console.Out;

switch (args[0])
{
    case "write":
    {
        var prefix = args[2];
        var count = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
        var writers = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var acknowledging = new SemaphoreSlim(1, 1);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; n < count; n++)
            {
                var id = writers == 1 ? $"{prefix}-{n:D6}" : $"{prefix}-{w}-{n:D6}";
                var write = CrashDocument.Create(id, n);
                if (n % 3 == 0)
                {
                    await documents.UpsertAsync(write);
                }
                else
                {
                    await documents.CreateAsync(write);
                }

                // Only after the write returned (committed) is it acknowledged.
                await acknowledging.WaitAsync();
                try
                {
                    await output.WriteLineAsync($"ack {id};");
                    await output.FlushAsync();
                }
                finally
                {
                    acknowledging.Release();
                }
            }
        })));

        return 0;
    }

    case "increment":
    {
        var pk = args[2];
        var id = args[3];
        var times = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < times; i++)
        {
            await documents.UpdateWithRetryAsync(pk, id, current =>
            {
                var value = current is null ? 0 : current.Body.GetProperty("value").GetInt32();
                return new DocumentWrite(id, pk, "progress", JsonSerializer.SerializeToElement(new { value = value + 1 }));
            });
        }

        await output.WriteLineAsync("done;");
        await output.FlushAsync();
        return 0;
    }

    default:
        Console.Error.WriteLine($"unknown mode {args[0]}");
        return 2;
}

/// <summary>A document whose body carries its own checksum, so a torn write is detectable.</summary>
internal static class CrashDocument
{
    public const string Partition = "crash|test";

    public static DocumentWrite Create(string id, int n)
    {
        var payload = string.Concat(Enumerable.Repeat($"{id} ñandú ", 20 + (n % 50)));
        var body = JsonSerializer.SerializeToElement(new { n, payload, sha = Hash(payload) });
        return new DocumentWrite(id, Partition, "crash", body);
    }

    public static string Hash(string payload) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
}
