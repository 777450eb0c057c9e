using System.ComponentModel.DataAnnotations;

namespace ParticipaBot.Storage;

/// <summary>Which adapter backs <see cref="IDocumentStore"/>.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file under <see cref="StorageOptions.DataDirectory"/> (default, one machine).</summary>
    Sqlite,

    /// <summary>Azure Cosmos DB (SQL API), for deployments.</summary>
    Cosmos,
}

/// <summary>When a SQLite write is on disk (PRAGMA synchronous, in WAL mode).</summary>
public enum SqliteDurability
{
    /// <summary>
    /// A returned write survives the process being killed (kill -9, a crash): it is in the operating system's hands.
    /// A power cut or kernel crash may lose the last writes, never the file. Thousands of writes per second.
    /// </summary>
    Normal,

    /// <summary>Every write is flushed to the disk before it returns: it also survives a power cut. About a hundred writes per second.</summary>
    Full,
}

/// <summary>The "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder of the SQLite file; relative paths are resolved against the current directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The SQLite file's name inside <see cref="DataDirectory"/>.</summary>
    public string FileName { get; set; } = "participabot.db";

    /// <summary>How long a SQLite writer waits for another process's lock before failing.</summary>
    [Range(100, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>SQLite only: see <see cref="SqliteDurability"/> (docs/operations.md, "Choosing the store").</summary>
    public SqliteDurability SqliteDurability { get; set; } = SqliteDurability.Normal;

    /// <summary>SQLite only: the engine, see <see cref="Sqlite.SqliteLibrary"/> (docs/operations.md, "Choosing the store").</summary>
    public Sqlite.SqliteLibrary SqliteLibrary { get; set; } = Sqlite.SqliteLibrary.Auto;

    public CosmosStorageOptions Cosmos { get; set; } = new();

    /// <summary>The SQLite file's absolute path.</summary>
    public string SqlitePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}

/// <summary>The "Storage:Cosmos" configuration section.</summary>
public sealed class CosmosStorageOptions
{
    /// <summary>Account endpoint, e.g. https://myaccount.documents.azure.com:443/.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Account key; when empty, a Microsoft Entra credential (DefaultAzureCredential) is used.</summary>
    public string? Key { get; set; }

    /// <summary>Client id of a user-assigned managed identity, when Entra authentication uses one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string Database { get; set; } = "participabot";

    public string Container { get; set; } = "documents";

    /// <summary>Provisioned throughput (RU/s) for a container created at start-up; 0 means serverless (none set).</summary>
    [Range(0, 1_000_000)]
    public int Throughput { get; set; } = 400;

    /// <summary>Whether the database and container are created when missing.</summary>
    public bool CreateIfMissing { get; set; } = true;

    [Range(1, 600)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>How many times the SDK retries a throttled (429) request.</summary>
    [Range(0, 100)]
    public int MaxRetryAttemptsOnThrottling { get; set; } = 9;

    /// <summary>
    /// A request whose client-side time reaches this many milliseconds is logged as a warning with the SDK's
    /// diagnostics (retries, connection, server time), what an operator needs to tell a slow account from a slow
    /// network or a throttled container; 0 turns it off.
    /// </summary>
    [Range(0, 600_000)]
    public int SlowRequestMilliseconds { get; set; } = 1000;

    /// <summary>Accept the self-signed certificate of a local Cosmos DB server. Allowed only for loopback endpoints.</summary>
    public bool AcceptLocalServerCertificate { get; set; }
}
