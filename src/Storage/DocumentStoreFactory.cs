using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ParticipaBot.Storage.Cosmos;
using ParticipaBot.Storage.Sqlite;

namespace ParticipaBot.Storage;

/// <summary>Opens the adapter that options select, outside dependency injection (tools, tests, benchmarks).</summary>
public static class DocumentStoreFactory
{
    /// <summary>The returned store is <see cref="IDisposable"/>; dispose it when done.</summary>
    public static IDocumentStore Create(StorageOptions options, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggers ??= NullLoggerFactory.Instance;
        return options.Provider switch
        {
            StorageProvider.Cosmos => new CosmosDocumentStore(options.Cosmos, time, loggers.CreateLogger<CosmosDocumentStore>()),
            _ => new SqliteDocumentStore(options.SqlitePath, options.BusyTimeoutMilliseconds, time, loggers.CreateLogger<SqliteDocumentStore>(), options.SqliteDurability, options.SqliteLibrary),
        };
    }

    /// <summary>A SQLite store on the given file (created with its folder when missing).</summary>
    public static IDocumentStore OpenSqlite(string path, int busyTimeoutMilliseconds = 10_000)
        => new SqliteDocumentStore(path, busyTimeoutMilliseconds);

    /// <summary>PRAGMA integrity_check of a SQLite store ("ok" when sound); null for other stores.</summary>
    public static Task<string>? CheckSqliteIntegrityAsync(IDocumentStore store, CancellationToken cancellationToken = default)
        => (store as SqliteDocumentStore)?.CheckIntegrityAsync(cancellationToken);
}
