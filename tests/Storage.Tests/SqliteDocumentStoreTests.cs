using ParticipaBot.Storage.Sqlite;

namespace ParticipaBot.Storage.Tests;

/// <summary>The contract against a real SQLite file in a fresh temporary folder per test.</summary>
public sealed class SqliteDocumentStoreTests : DocumentStoreContractTests
{
    private readonly TempDirectory _directory = new();
    private SqliteDocumentStore? _sqlite;

    protected override Task<IDocumentStore> OpenStoreAsync()
    {
        _sqlite = new SqliteDocumentStore(Path.Combine(_directory.Path, "participabot.db"));
        return Task.FromResult<IDocumentStore>(_sqlite);
    }

    public override Task DisposeAsync()
    {
        _sqlite?.Dispose();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PurgeExpired_AfterTtl_RemovesRowsFromFile()
    {
        var pk = NewPartition();
        await Store.CreateAsync(new DocumentWrite("gone", pk, "draft", Body(new { }), TimeToLiveSeconds: 1));
        await Store.CreateAsync(new DocumentWrite("kept", pk, "draft", Body(new { })));
        await Task.Delay(1200);

        var purged = await _sqlite!.PurgeExpiredAsync();

        Assert.Equal(1, purged);
        Assert.Equal("ok", await _sqlite.CheckIntegrityAsync());
    }

    [Fact]
    public async Task Open_FileIsWalWithSynchronousFull()
    {
        await Store.CreateAsync(new DocumentWrite("x", NewPartition(), "plan", Body(new { })));

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_sqlite!.FilePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }
}
