using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ParticipaBot.Storage.Sqlite;

/// <summary>
/// The embedded adapter: one SQLite file in WAL mode, so several processes may open the same file and readers never
/// wait for the writer. With <see cref="SqliteDurability.Normal"/> (synchronous=NORMAL) a write that returned survives
/// kill -9; with <see cref="SqliteDurability.Full"/> (synchronous=FULL) power loss too. Writes go through one writer
/// that commits what has queued up together (SqliteDocumentStore.Writer.cs).
/// </summary>
internal sealed partial class SqliteDocumentStore : IDocumentStore, IUtf8DocumentStore, IAtomicDocumentStore, IDisposable
{
    // Enough for every concurrent turn of a busy instance: a connection opened and closed per read (files, locks,
    // shared memory mapped again) cost more than the read.
    private const int MaxIdleConnections = 32;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    /// <summary>One type of a partition, by id: served by the (partition_key, type, id) index (tests check the plan).</summary>
    internal const string TypedQuerySql =
        "SELECT partition_key, id, type, body, etag, last_modified, expires_at FROM documents WHERE partition_key = $pk AND type = $type AND (expires_at IS NULL OR expires_at > $now) ORDER BY id";

    private const string UpsertSql = """
        INSERT INTO documents (partition_key, id, type, body, etag, last_modified, expires_at)
        VALUES ($pk, $id, $type, CAST($body AS TEXT), $etag, $modified, $expires)
        ON CONFLICT (partition_key, id) DO UPDATE SET
            type = excluded.type, body = excluded.body, etag = excluded.etag,
            last_modified = excluded.last_modified, expires_at = excluded.expires_at
        """;

    /// <summary>An upsert that overwrites only an expired row not purged yet: such a row does not count as existing.</summary>
    private const string CreateSql = UpsertSql + """

        WHERE documents.expires_at IS NOT NULL AND documents.expires_at <= $now
        """;

    // Prepared statements per pooled connection (a connection is used by one caller at a time).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> s_statements = new();

    private readonly string _path;
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private readonly string _synchronous;
    private volatile bool _initialized;
    private bool _utf8;
    private long _nextPurgeTicks;
    private bool _disposed;

    public SqliteDocumentStore(
        string path,
        int busyTimeoutMilliseconds = 10_000,
        TimeProvider? time = null,
        ILogger<SqliteDocumentStore>? logger = null,
        SqliteDurability durability = SqliteDurability.Normal,
        SqliteLibrary library = SqliteLibrary.Auto)
    {
        SqliteNativeLibrary.Initialize(library);
        _synchronous = durability == SqliteDurability.Full ? "FULL" : "NORMAL";
        _path = Path.GetFullPath(path);
        _busyTimeoutMilliseconds = busyTimeoutMilliseconds;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        }.ToString();
    }

    public string FilePath => _path;

    public async Task<StoredDocument> CreateAsync(DocumentWrite document, CancellationToken cancellationToken = default) =>
        ToStored(await CreateCoreAsync(Prepare(document), cancellationToken), document.Body);

    public async Task<StoredDocument?> ReadAsync(string partitionKey, string id, CancellationToken cancellationToken = default) =>
        await ReadUtf8Async(partitionKey, id, cancellationToken) is { } stored ? ToStored(stored) : null;

    public async Task<StoredDocument> ReplaceAsync(DocumentWrite document, string ifMatchETag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatchETag);
        return ToStored(await ReplaceCoreAsync(Prepare(document), ifMatchETag, cancellationToken), document.Body);
    }

    public async Task<StoredDocument> UpsertAsync(DocumentWrite document, CancellationToken cancellationToken = default) =>
        ToStored(await UpsertCoreAsync(Prepare(document), cancellationToken), document.Body);

    public Task<Utf8Document?> ReadUtf8Async(string partitionKey, string id, CancellationToken cancellationToken) =>
        ReadUtf8Async(partitionKey, id, knownETag: null, cancellationToken);

    public Task<Utf8Document?> ReadUtf8Async(string partitionKey, string id, string? knownETag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return ExecuteAsync(connection => ReadLive(connection, partitionKey, id, knownETag), cancellationToken);
    }

    public Task<Utf8Document> CreateUtf8Async(Utf8DocumentWrite document, CancellationToken cancellationToken) =>
        CreateCoreAsync(Prepare(document), cancellationToken);

    public Task<Utf8Document> ReplaceUtf8Async(Utf8DocumentWrite document, string ifMatchETag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatchETag);
        return ReplaceCoreAsync(Prepare(document), ifMatchETag, cancellationToken);
    }

    public Task<Utf8Document> UpsertUtf8Async(Utf8DocumentWrite document, CancellationToken cancellationToken) =>
        UpsertCoreAsync(Prepare(document), cancellationToken);

    public async Task<IReadOnlyList<Utf8Document>> CreateAllAsync(IReadOnlyList<Utf8DocumentWrite> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return [];
        }

        if (documents.Any(d => !string.Equals(d?.PartitionKey, documents[0]?.PartitionKey, StringComparison.Ordinal)))
        {
            throw new ArgumentException("Los documentos creados juntos deben compartir partición / documents created together must share a partition.", nameof(documents));
        }

        var prepared = documents.Select(Prepare).ToArray();
        await ExecuteWriteAsync(connection =>
        {
            foreach (var document in prepared)
            {
                var command = Statement(connection, CreateSql);
                Bind(command, document);
                if (command.ExecuteNonQuery() != 1)
                {
                    // Thrown inside the write's savepoint: the documents created before this one are rolled back with it.
                    throw new DocumentConflictException(document.PartitionKey, document.Id);
                }
            }

            return prepared.Length;
        }, cancellationToken);
        await PurgeIfDueAsync(cancellationToken);
        return prepared;
    }

    public Task<bool> DeleteAsync(string partitionKey, string id, string? ifMatchETag = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return ExecuteWriteAsync(connection =>
        {
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            using var command = connection.CreateCommand();
            command.CommandText = ifMatchETag is null
                ? "DELETE FROM documents WHERE partition_key = $pk AND id = $id AND (expires_at IS NULL OR expires_at > $now)"
                : "DELETE FROM documents WHERE partition_key = $pk AND id = $id AND etag = $ifMatch AND (expires_at IS NULL OR expires_at > $now)";
            command.Parameters.AddWithValue("$pk", partitionKey);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$now", now);
            if (ifMatchETag is not null)
            {
                command.Parameters.AddWithValue("$ifMatch", ifMatchETag);
            }

            if (command.ExecuteNonQuery() == 1)
            {
                return true;
            }

            return ifMatchETag is not null && ReadLive(connection, partitionKey, id) is not null
                ? throw new DocumentPreconditionFailedException(partitionKey, id)
                : false;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<StoredDocument> QueryAsync(string partitionKey, string? type = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        // Partitions are small (one plan's documents); reading them whole keeps the connection held briefly.
        var documents = await ExecuteAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = type is null
                ? "SELECT partition_key, id, type, body, etag, last_modified, expires_at FROM documents WHERE partition_key = $pk AND (expires_at IS NULL OR expires_at > $now) ORDER BY id"
                : TypedQuerySql;
            command.Parameters.AddWithValue("$pk", partitionKey);
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            if (type is not null)
            {
                command.Parameters.AddWithValue("$type", type);
            }

            return ReadAll(command, partitionKey);
        }, cancellationToken);
        foreach (var document in documents)
        {
            yield return ToStored(document);
        }
    }

    public async IAsyncEnumerable<StoredDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Paged by primary key so an export of a large file never holds a read transaction for long.
        string? lastPartition = null;
        string? lastId = null;
        while (true)
        {
            var page = await ExecuteAsync(connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = lastPartition is null
                    ? "SELECT partition_key, id, type, body, etag, last_modified, expires_at FROM documents WHERE (expires_at IS NULL OR expires_at > $now) ORDER BY partition_key, id LIMIT 500"
                    : "SELECT partition_key, id, type, body, etag, last_modified, expires_at FROM documents WHERE (partition_key, id) > ($lastPk, $lastId) AND (expires_at IS NULL OR expires_at > $now) ORDER BY partition_key, id LIMIT 500";
                command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
                if (lastPartition is not null)
                {
                    command.Parameters.AddWithValue("$lastPk", lastPartition);
                    command.Parameters.AddWithValue("$lastId", lastId);
                }

                return ReadAll(command);
            }, cancellationToken);
            foreach (var document in page)
            {
                yield return ToStored(document);
            }

            if (page.Count < 500)
            {
                yield break;
            }

            lastPartition = page[^1].PartitionKey;
            lastId = page[^1].Id;
        }
    }

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await ExecuteAsync(connection =>
            {
                // Taking the write lock and releasing it proves the file is readable, writable and not held by another process.
                using var command = connection.CreateCommand();
                command.CommandText = "BEGIN IMMEDIATE; SELECT count(*) FROM documents WHERE rowid IS NULL; ROLLBACK;";
                command.ExecuteNonQuery();
                return true;
            }, cancellationToken);
            return new StoreHealth(true, $"SQLite {_path} ({SqliteNativeLibrary.Description})");
        }
        catch (DocumentStoreException exception)
        {
            return new StoreHealth(false, exception.Message);
        }
    }

    /// <summary>Deletes every expired row now; also done lazily, at most once a minute, after writes.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default) => ExecuteWriteAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM documents WHERE expires_at IS NOT NULL AND expires_at <= $now";
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery();
    }, cancellationToken);

    /// <summary>PRAGMA integrity_check: "ok" when the file is sound.</summary>
    public Task<string> CheckIntegrityAsync(CancellationToken cancellationToken = default) => ExecuteAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }, cancellationToken);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        StopWriter();
        StopCheckpointer();
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }

        _initializeLock.Dispose();
    }

    private async Task<Utf8Document> CreateCoreAsync(Utf8Document prepared, CancellationToken cancellationToken)
    {
        var created = await ExecuteWriteAsync(connection =>
        {
            var command = Statement(connection, CreateSql);
            Bind(command, prepared);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);
        await PurgeIfDueAsync(cancellationToken);
        return created ? prepared : throw new DocumentConflictException(prepared.PartitionKey, prepared.Id);
    }

    private async Task<Utf8Document> ReplaceCoreAsync(Utf8Document prepared, string ifMatchETag, CancellationToken cancellationToken)
    {
        var (replaced, exists) = await ExecuteWriteAsync(connection =>
        {
            var command = Statement(connection, """
                UPDATE documents SET type = $type, body = CAST($body AS TEXT), etag = $etag, last_modified = $modified, expires_at = $expires
                WHERE partition_key = $pk AND id = $id AND etag = $ifMatch AND (expires_at IS NULL OR expires_at > $now)
                """);
            Bind(command, prepared);
            command.Parameters.AddWithValue("$ifMatch", ifMatchETag);
            if (command.ExecuteNonQuery() == 1)
            {
                return (true, true);
            }

            return (false, ReadLive(connection, prepared.PartitionKey, prepared.Id) is not null);
        }, cancellationToken);
        await PurgeIfDueAsync(cancellationToken);
        return replaced ? prepared : exists
            ? throw new DocumentPreconditionFailedException(prepared.PartitionKey, prepared.Id)
            : throw new DocumentNotFoundException(prepared.PartitionKey, prepared.Id);
    }

    private async Task<Utf8Document> UpsertCoreAsync(Utf8Document prepared, CancellationToken cancellationToken)
    {
        await ExecuteWriteAsync(connection =>
        {
            var command = Statement(connection, UpsertSql);
            Bind(command, prepared);
            return command.ExecuteNonQuery();
        }, cancellationToken);
        await PurgeIfDueAsync(cancellationToken);
        return prepared;
    }

    /// <summary>The write as it will be stored: compact UTF-8 body, new ETag, times.</summary>
    private Utf8Document Prepare(DocumentWrite document)
    {
        DocumentLimits.EnsureValid(document);
        var body = DocumentLimits.SerializeBody(document.Body);
        DocumentLimits.EnsureWithinLimit(document, body.Length);
        return Prepare(document.Id, document.PartitionKey, document.Type, body, document.TimeToLiveSeconds);
    }

    private Utf8Document Prepare(Utf8DocumentWrite document)
    {
        DocumentLimits.EnsureValid(document);
        return Prepare(document.Id, document.PartitionKey, document.Type, document.Body, document.TimeToLiveSeconds);
    }

    private Utf8Document Prepare(string id, string partitionKey, string type, byte[] body, int? timeToLiveSeconds)
    {
        var now = _time.GetUtcNow();
        var modified = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        DateTimeOffset? expires = timeToLiveSeconds is { } ttl ? modified.AddSeconds(ttl) : null;
        return new Utf8Document(id, partitionKey, type, body, NewETag(), modified, expires);
    }

    /// <summary>What a write returns: the caller's own element (a copy only when it belongs to a disposable document).</summary>
    private static StoredDocument ToStored(Utf8Document written, JsonElement body) =>
        new(written.Id, written.PartitionKey, written.Type, body.Clone(), written.ETag, written.LastModified) { ExpiresAt = written.ExpiresAt };

    /// <summary>
    /// A row read, its body parsed straight from the column's UTF-8 bytes: no UTF-16 string in between, and an element
    /// of a document that owns its memory (nothing pooled to copy out of before it is returned).
    /// </summary>
    private static StoredDocument ToStored(Utf8Document read) =>
        new(read.Id, read.PartitionKey, read.Type, JsonElement.Parse(read.Body), read.ETag, read.LastModified) { ExpiresAt = read.ExpiresAt };

    private static string NewETag() => $"\"{Guid.NewGuid():D}\"";

    private void Bind(SqliteCommand command, Utf8Document prepared)
    {
        command.Parameters.AddWithValue("$pk", prepared.PartitionKey);
        command.Parameters.AddWithValue("$id", prepared.Id);
        command.Parameters.AddWithValue("$type", prepared.Type);
        // Bound as bytes (CAST to TEXT in the statement, so the column keeps storing text): SQLite takes them as they are.
        command.Parameters.AddWithValue("$body", _utf8 ? prepared.Body : (object)Encoding.UTF8.GetString(prepared.Body));
        command.Parameters.AddWithValue("$etag", prepared.ETag);
        command.Parameters.AddWithValue("$modified", prepared.LastModified.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires", prepared.ExpiresAt is { } expires ? expires.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private Utf8Document? ReadLive(SqliteConnection connection, string partitionKey, string id, string? knownETag = null)
    {
        var command = Statement(connection, "SELECT partition_key, id, type, body, etag, last_modified, expires_at FROM documents WHERE partition_key = $pk AND id = $id AND (expires_at IS NULL OR expires_at > $now)");
        command.Parameters.AddWithValue("$pk", partitionKey);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
        var rows = ReadAll(command, partitionKey, id, knownETag);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// The connection's prepared command for a statement, its parameters cleared. Every turn runs the same few
    /// statements; compiling each again was a few percent of a turn. Not to be disposed: the connection's own
    /// disposal finalises them.
    /// </summary>
    private static SqliteCommand Statement(SqliteConnection connection, string sql)
    {
        var statements = s_statements.GetValue(connection, static _ => new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        if (!statements.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            statements[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// The rows read; a point read passes the partition key and id it looked up, which the rows then share, and the ETag
    /// of the version its caller already holds, whose body is then left unread (empty).
    /// </summary>
    private List<Utf8Document> ReadAll(SqliteCommand command, string? partitionKey = null, string? id = null, string? knownETag = null)
    {
        var result = new List<Utf8Document>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var etag = reader.GetString(4);
            result.Add(new Utf8Document(
                id ?? reader.GetString(1),
                partitionKey ?? reader.GetString(0),
                reader.GetString(2),
                // The version the caller holds is not copied out. Otherwise a TEXT value's bytes are its UTF-8 in a
                // UTF-8 file, and a UTF-16 file's text is read as a string.
                string.Equals(etag, knownETag, StringComparison.Ordinal) ? []
                    : _utf8 ? reader.GetFieldValue<byte[]>(3) : Encoding.UTF8.GetBytes(reader.GetString(3)),
                etag,
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }

        return result;
    }

    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextPurgeTicks, now + PurgeInterval.Ticks, due) != due)
        {
            return;
        }

        try
        {
            var purged = await PurgeExpiredAsync(cancellationToken);
            if (purged > 0)
            {
                Log.SqlitePurgedExpired(_logger, purged);
            }
        }
        catch (DocumentStoreException exception)
        {
            Log.SqlitePurgeFailed(_logger, exception.Message);
        }
    }

    private async Task<T> ExecuteAsync<T>(Func<SqliteConnection, T> operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureInitializedAsync(cancellationToken);
        // Several processes may share the file: SQLITE_BUSY beyond busy_timeout is retried a few times with back-off.
        for (var attempt = 1; ; attempt++)
        {
            SqliteConnection? connection = null;
            try
            {
                connection = Rent();
                var result = operation(connection);
                Return(connection);
                connection = null;
                return result;
            }
            catch (DocumentStoreException) when (connection is not null)
            {
                Return(connection);
                connection = null;
                throw;
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode is SqliteBusy or SqliteLocked && attempt < 3)
            {
                await Task.Delay(50 * attempt, cancellationToken);
            }
            catch (SqliteException exception)
            {
                throw Translate(exception);
            }
            finally
            {
                connection?.Dispose();
            }
        }
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initializeLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            try
            {
                var directory = Path.GetDirectoryName(_path)!;
                Directory.CreateDirectory(directory);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new StoreUnavailableException(
                    $"No se puede crear la carpeta de datos '{Path.GetDirectoryName(_path)}' / cannot create the data directory: {exception.Message}", exception);
            }

            try
            {
                var connection = Rent();
                try
                {
                    using var command = connection.CreateCommand();
                    // WAL persists in the file: every later connection, of any process, opens in WAL.
                    // A typed query is ordered by id: an index on (partition_key, type) alone lost to the primary key,
                    // which gives that order for free, and every read of a plan's spaces walked the whole partition
                    // (its reports too); the soak's p99 grew with the reports until this index (docs/benchmarks.md).
                    command.CommandText = """
                        PRAGMA journal_mode = WAL;
                        CREATE TABLE IF NOT EXISTS documents (
                            partition_key TEXT NOT NULL,
                            id TEXT NOT NULL,
                            type TEXT NOT NULL,
                            body TEXT NOT NULL,
                            etag TEXT NOT NULL,
                            last_modified INTEGER NOT NULL,
                            expires_at INTEGER,
                            PRIMARY KEY (partition_key, id)
                        );
                        CREATE INDEX IF NOT EXISTS documents_expires_at ON documents (expires_at) WHERE expires_at IS NOT NULL;
                        CREATE INDEX IF NOT EXISTS documents_type_id ON documents (partition_key, type, id);
                        DROP INDEX IF EXISTS documents_type;
                        """;
                    command.ExecuteNonQuery();
                    // Bodies travel as UTF-8 bytes, which is what a TEXT value is in a UTF-8 file (every file this adapter
                    // creates); a file created elsewhere with UTF-16 text keeps being read and written as strings.
                    command.CommandText = "PRAGMA encoding";
                    _utf8 = string.Equals(command.ExecuteScalar() as string, "UTF-8", StringComparison.OrdinalIgnoreCase);
                    Return(connection);
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }
            }
            catch (SqliteException exception)
            {
                throw Translate(exception);
            }

            _initialized = true;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    private SqliteConnection Rent()
    {
        if (_idle.TryTake(out var idle))
        {
            return idle;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.DefaultTimeout = Math.Max(1, _busyTimeoutMilliseconds / 1000);
            connection.Open();
            using var command = connection.CreateCommand();
            // WAL is the file's own setting (set once, at initialisation); these are each connection's. A page cache of
            // 1 MB each (SQLite's default is 2 MB) keeps 32 pooled connections from holding 64 MB of copies of what the
            // operating system caches anyway. No automatic checkpoint inside commits: the checkpointer thread does it
            // (SqliteDocumentStore.Checkpoint.cs).
            command.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = {_synchronous}; PRAGMA cache_size = -1024; PRAGMA wal_autocheckpoint = 0;";
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read() || reader.NextResult())
                {
                }
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Return(SqliteConnection connection)
    {
        if (_disposed || _idle.Count >= MaxIdleConnections)
        {
            connection.Dispose();
            return;
        }

        _idle.Add(connection);
    }

    private StoreUnavailableException Translate(SqliteException exception) => exception.SqliteErrorCode switch
    {
        SqliteBusy or SqliteLocked => new StoreUnavailableException(
            $"El archivo de datos '{_path}' está bloqueado por otro proceso / the data file is locked by another process: {exception.Message}", exception),
        SqliteCorrupt or SqliteNotADatabase => new StoreUnavailableException(
            $"El archivo de datos '{_path}' está dañado o no es una base SQLite / the data file is corrupted or not a SQLite database: {exception.Message}", exception),
        _ => new StoreUnavailableException(
            $"No se puede usar el archivo de datos '{_path}' / cannot use the data file: {exception.Message}", exception),
    };

}
