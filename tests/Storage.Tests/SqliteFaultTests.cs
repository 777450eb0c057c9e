using Microsoft.Data.Sqlite;
using ParticipaBot.Storage.Sqlite;

namespace ParticipaBot.Storage.Tests;

/// <summary>Files that cannot be used give one clear, operator-readable reason, never a crash.</summary>
public sealed class SqliteFaultTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CheckHealth_CorruptedFile_IsUnhealthyNamingTheFile()
    {
        var path = Path.Combine(_directory.Path, "participabot.db");
        await File.WriteAllTextAsync(path, new string('x', 8192));
        using var store = new SqliteDocumentStore(path);

        var health = await store.CheckHealthAsync();

        Assert.False(health.IsHealthy);
        Assert.Contains(path, health.Description, StringComparison.Ordinal);
        Assert.Contains("corrupted", health.Description, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.ReadAsync("pk", "id"));
    }

    [Fact]
    public async Task CheckHealth_FileLockedByAnotherWriter_IsUnhealthySayingLocked()
    {
        var path = Path.Combine(_directory.Path, "participabot.db");
        using (var setup = new SqliteDocumentStore(path))
        {
            await setup.UpsertAsync(new DocumentWrite("a", "pk", "plan", System.Text.Json.JsonSerializer.SerializeToElement(new { })));
        }

        using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        holder.Open();
        using (var command = holder.CreateCommand())
        {
            command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;";
            command.ExecuteNonQuery();
        }

        using var store = new SqliteDocumentStore(path, busyTimeoutMilliseconds: 200);
        var health = await store.CheckHealthAsync();

        Assert.False(health.IsHealthy);
        Assert.Contains("locked", health.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_DataDirectoryIsAFile_IsUnhealthyNamingTheFolder()
    {
        var blocker = Path.Combine(_directory.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        using var store = new SqliteDocumentStore(Path.Combine(blocker, "participabot.db"));

        var health = await store.CheckHealthAsync();

        Assert.False(health.IsHealthy);
        Assert.Contains(blocker, health.Description, StringComparison.Ordinal);
    }
}
