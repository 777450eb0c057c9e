using System.Text.Json;
using Microsoft.Data.Sqlite;
using ParticipaBot.Storage.Sqlite;

namespace ParticipaBot.Storage.Tests;

/// <summary>WAL checkpoints run beside the writer, not inside its commits, and the log stays bounded either way.</summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private static readonly JsonElement Body = JsonSerializer.SerializeToElement(new { text = new string('x', 3_000) });
    private readonly TempDirectory _directory = new();

    private string DatabasePath => Path.Combine(_directory.Path, "participabot.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Writes_UnderConcurrentLoad_AreCheckpointedBesideTheWriterAndTheLogStaysBounded()
    {
        using var store = new SqliteDocumentStore(DatabasePath) { FallbackFrames = 1_000 };

        // Like the bot's turns: the same documents (drafts) written again and again, by concurrent writers.
        await WriteAsync(store, writers: 8, each: 1_200, distinctPerWriter: 8);
        await WaitForBackgroundCheckpointAsync(store);

        // No connection of the process checkpoints inside a commit; the checkpointer thread does the copying. 9,600
        // writes of 3 KB (about 40 MB of log frames) went through the log, which the writer restarted each time it
        // passed the fallback (1,000 frames, 4 MB): it never held much more than that.
        Assert.Equal(0, await AutoCheckpointPagesAsync(store));
        var (background, writer) = store.CheckpointCounts;
        Assert.True(background > 0, "the checkpointer thread ran no checkpoint");
        Assert.InRange(writer, 1, 100);
        var log = new FileInfo(DatabasePath + "-wal").Length;
        Assert.True(log < 3 * store.FallbackFrames * 4_096, $"log of {log} bytes, checkpoints {background} + {writer}");
        Assert.Equal(64, await CountAsync());
    }

    [Fact]
    public async Task Log_PastTheFallbackWhileAReaderHoldsAnOldSnapshot_IsCheckpointedByTheWriterOnceTheReaderIsDone()
    {
        using var store = new SqliteDocumentStore(DatabasePath) { FallbackFrames = 64 };
        await WriteAsync(store, writers: 1, each: 10);

        // A reader in the middle of a long read keeps every frame after its snapshot in the log: no checkpoint can
        // finish, the log grows past the fallback and the writer starts checkpointing itself.
        await using (var reader = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await reader.OpenAsync();
            using var transaction = reader.BeginTransaction(deferred: true);
            await using (var read = reader.CreateCommand())
            {
                read.CommandText = "SELECT count(*) FROM documents";
                Assert.Equal(10L, await read.ExecuteScalarAsync());
            }

            await WriteAsync(store, writers: 4, each: 100, prefix: "while-reading");
            await WaitForBackgroundCheckpointAsync(store);
            await WriteAsync(store, writers: 1, each: 20, prefix: "past-fallback");
            Assert.True(store.CheckpointCounts.Writer > 0, "the writer never checkpointed a log past the fallback");
        }

        // The reader is gone: the writer's next checkpoint finishes and the log restarts. Five more rounds of 20 new
        // documents (at least 100 frames, 400 KB, were they appended) leave the file about as long as it was: each is
        // written over the top of the restarted log. A round may still land before a restart (a checkpoint that found
        // the checkpointer busy), hence the allowance of one round.
        await WriteAsync(store, writers: 1, each: 20, prefix: "after-reader");
        await WaitForBackgroundCheckpointAsync(store);
        var logAfterRestart = new FileInfo(DatabasePath + "-wal").Length;
        for (var round = 0; round < 5; round++)
        {
            await WriteAsync(store, writers: 1, each: 20, prefix: $"restarted-{round}");
            await WaitForBackgroundCheckpointAsync(store);
        }

        var grown = new FileInfo(DatabasePath + "-wal").Length - logAfterRestart;
        Assert.True(grown < 40 * 4_120, $"the log grew by {grown} bytes after the reader was gone");
        Assert.Equal(10 + 400 + 20 + 20 + (5 * 20), await CountAsync());
    }

    private static async Task WriteAsync(SqliteDocumentStore store, int writers, int each, string prefix = "doc", int? distinctPerWriter = null)
    {
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var id = distinctPerWriter is { } distinct ? i % distinct : i;
                await store.UpsertAsync(new DocumentWrite($"{prefix}-{w}-{id}", $"partition-{w}", "load", Body));
            }
        })));
    }

    private static async Task WaitForBackgroundCheckpointAsync(SqliteDocumentStore store)
    {
        var before = store.CheckpointCounts.Background;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (store.CheckpointCounts.Background == before && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(SqliteDocumentStore.CheckpointInterval);
        }
    }

    // The store's own connections: the same settings every writer and reader of this process gets.
    private static Task<long> AutoCheckpointPagesAsync(SqliteDocumentStore store) => store.ReadPragmaAsync("wal_autocheckpoint");

    private async Task<long> CountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM documents";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
