using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ParticipaBot.Storage.Cosmos;

/// <summary>
/// The Cosmos DB adapter, on the SDK's stream APIs with System.Text.Json. Items are envelopes
/// { id, pk, type, body, lastModified, expiresAt?, ttl? } in a container partitioned on /pk.
/// Expiry is also enforced here (expiresAt) so that reads agree with SQLite to the millisecond,
/// whatever the server's TTL purge timing.
/// </summary>
internal sealed class CosmosDocumentStore : IDocumentStore, IDisposable
{
    public const string PartitionKeyPath = "/pk";

    private static readonly System.Buffers.SearchValues<char> EscapedIdCharacters = System.Buffers.SearchValues.Create("~%/\\?#");
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly CosmosClient _client;
    private readonly CosmosStorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private readonly ItemRequestOptions? _pointReadOptions;
    private Container? _container;

    public CosmosDocumentStore(CosmosStorageOptions options, TimeProvider? time = null, ILogger<CosmosDocumentStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _client = CreateClient(options);
        if (Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.IsLoopback)
        {
            // The local protocol server answers a point read of a missing item with 500 unless this header skips its
            // partition-key check (it then answers 404 as Cosmos DB does). Only ever sent to loopback endpoints.
            _pointReadOptions = new ItemRequestOptions
            {
                AddRequestHeaders = headers => headers.Add("x-ms-documentdb-query-enablecrosspartition", "true"),
            };
        }
    }

    public async Task<StoredDocument> CreateAsync(DocumentWrite document, CancellationToken cancellationToken = default)
    {
        var container = await GetContainerAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var (payload, stored) = Prepare(document);
            using var stream = new MemoryStream(payload, writable: false);
            using var response = await Call(() => container.CreateItemStreamAsync(stream, new PartitionKey(document.PartitionKey), NoContent, cancellationToken));
            Observe("create", document.PartitionKey, response);
            if (response.StatusCode == HttpStatusCode.Conflict && attempt == 0)
            {
                // An expired item the server has not purged yet does not count as existing (as in SQLite).
                var existing = await ReadRawAsync(container, document.PartitionKey, document.Id, cancellationToken);
                if (existing is not null && IsExpired(existing))
                {
                    await DeleteRawAsync(container, document.PartitionKey, document.Id, existing.ETag, cancellationToken);
                    continue;
                }
            }

            return response.StatusCode switch
            {
                HttpStatusCode.Created or HttpStatusCode.OK => stored with { ETag = ETagOf(response) },
                HttpStatusCode.Conflict => throw new DocumentConflictException(document.PartitionKey, document.Id),
                _ => throw Failure(response, "create", document.PartitionKey, document.Id),
            };
        }
    }

    public async Task<StoredDocument?> ReadAsync(string partitionKey, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentException.ThrowIfNullOrEmpty(id);
        var container = await GetContainerAsync(cancellationToken);
        var stored = await ReadRawAsync(container, partitionKey, id, cancellationToken);
        return stored is null || IsExpired(stored) ? null : stored;
    }

    public async Task<StoredDocument> ReplaceAsync(DocumentWrite document, string ifMatchETag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatchETag);
        var container = await GetContainerAsync(cancellationToken);
        var (payload, stored) = Prepare(document);
        using var stream = new MemoryStream(payload, writable: false);
        var options = new ItemRequestOptions { IfMatchEtag = ifMatchETag, EnableContentResponseOnWrite = false };
        using var response = await Call(() => container.ReplaceItemStreamAsync(stream, EncodeId(document.Id), new PartitionKey(document.PartitionKey), options, cancellationToken));
        Observe("replace", document.PartitionKey, response);
        return response.StatusCode switch
        {
            HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.Created => stored with { ETag = ETagOf(response) },
            HttpStatusCode.NotFound => throw new DocumentNotFoundException(document.PartitionKey, document.Id),
            HttpStatusCode.PreconditionFailed => await ReadAsync(document.PartitionKey, document.Id, cancellationToken) is null
                ? throw new DocumentNotFoundException(document.PartitionKey, document.Id)
                : throw new DocumentPreconditionFailedException(document.PartitionKey, document.Id),
            _ => throw Failure(response, "replace", document.PartitionKey, document.Id),
        };
    }

    public async Task<StoredDocument> UpsertAsync(DocumentWrite document, CancellationToken cancellationToken = default)
    {
        var container = await GetContainerAsync(cancellationToken);
        var (payload, stored) = Prepare(document);
        using var stream = new MemoryStream(payload, writable: false);
        using var response = await Call(() => container.UpsertItemStreamAsync(stream, new PartitionKey(document.PartitionKey), NoContent, cancellationToken));
        Observe("upsert", document.PartitionKey, response);
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent
            ? stored with { ETag = ETagOf(response) }
            : throw Failure(response, "upsert", document.PartitionKey, document.Id);
    }

    public async Task<bool> DeleteAsync(string partitionKey, string id, string? ifMatchETag = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentException.ThrowIfNullOrEmpty(id);
        var container = await GetContainerAsync(cancellationToken);
        var status = await DeleteRawAsync(container, partitionKey, id, ifMatchETag, cancellationToken);
        return status switch
        {
            HttpStatusCode.NoContent or HttpStatusCode.OK => true,
            HttpStatusCode.NotFound => false,
            HttpStatusCode.PreconditionFailed => await ReadAsync(partitionKey, id, cancellationToken) is null
                ? false
                : throw new DocumentPreconditionFailedException(partitionKey, id),
            _ => throw new StoreUnavailableException($"Cosmos DB delete of '{id}' in partition '{partitionKey}' failed with status {(int)status}."),
        };
    }

    public async IAsyncEnumerable<StoredDocument> QueryAsync(string partitionKey, string? type = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        var container = await GetContainerAsync(cancellationToken);
        // The partition filter in the text is redundant with the PartitionKey option on real Cosmos DB, and required by local servers.
        var query = type is null
            ? new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk").WithParameter("@pk", partitionKey)
            : new QueryDefinition("SELECT * FROM c WHERE c.pk = @pk AND c.type = @type").WithParameter("@pk", partitionKey).WithParameter("@type", type);
        var options = new QueryRequestOptions
        {
            PartitionKey = new PartitionKey(partitionKey),
            // Off: with it the SDK failed on the pages after the first of a large partition (docs/data-model.md).
            EnableOptimisticDirectExecution = false,
        };
        var results = new List<StoredDocument>();
        using (var iterator = container.GetItemQueryStreamIterator(query, continuationToken: null, options))
        {
            await ReadPagesAsync(iterator, "query", partitionKey, results, cancellationToken);
        }

        // Sorted here rather than with ORDER BY: ids are stored escaped, and the order must match SQLite's.
        results.Sort((left, right) => DocumentIdComparer.Instance.Compare(left.Id, right.Id));
        foreach (var document in results)
        {
            yield return document;
        }
    }

    public async IAsyncEnumerable<StoredDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var container = await GetContainerAsync(cancellationToken);
        // A read feed (no query text) needs no query plan, so it works on every partition of real Cosmos DB
        // and on local servers that cannot plan cross-partition queries.
        using var iterator = container.GetItemQueryStreamIterator(queryText: null, continuationToken: null, new QueryRequestOptions { MaxItemCount = 500 });
        while (iterator.HasMoreResults)
        {
            var page = new List<StoredDocument>();
            await ReadPageAsync(iterator, "readFeed", "*", page, cancellationToken);
            foreach (var document in page)
            {
                yield return document;
            }
        }
    }

    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var container = await GetContainerAsync(cancellationToken);
            using var response = await Call(() => container.ReadContainerStreamAsync(cancellationToken: cancellationToken));
            return response.IsSuccessStatusCode
                ? new StoreHealth(true, $"Cosmos DB {_client.Endpoint} {_options.Database}/{_options.Container}")
                : new StoreHealth(false, $"Cosmos DB {_client.Endpoint}: el contenedor no responde / the container does not answer (status {(int)response.StatusCode}).");
        }
        catch (DocumentStoreException exception)
        {
            return new StoreHealth(false, exception.Message);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _initializeLock.Dispose();
    }

    internal static string EncodeId(string id)
    {
        // Cosmos DB ids may not contain / \ ? #, and '%' does not survive every gateway's URL handling;
        // they become ~XX, and '~' itself is escaped so that the encoding is reversible.
        if (id.AsSpan().IndexOfAny(EscapedIdCharacters) < 0)
        {
            return id;
        }

        var builder = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            _ = c switch
            {
                '~' => builder.Append("~7E"),
                '%' => builder.Append("~25"),
                '/' => builder.Append("~2F"),
                '\\' => builder.Append("~5C"),
                '?' => builder.Append("~3F"),
                '#' => builder.Append("~23"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    internal static string DecodeId(string id)
    {
        if (!id.Contains('~', StringComparison.Ordinal))
        {
            return id;
        }

        var builder = new StringBuilder(id.Length);
        for (var i = 0; i < id.Length; i++)
        {
            if (id[i] == '~' && i + 2 < id.Length && int.TryParse(id.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(id[i]);
            }
        }

        return builder.ToString();
    }

    private static ItemRequestOptions NoContent => new() { EnableContentResponseOnWrite = false };

    private static CosmosClient CreateClient(CosmosStorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Endpoint) || !Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint))
        {
            throw new StoreUnavailableException("Falta Storage:Cosmos:Endpoint o no es una URL válida / Storage:Cosmos:Endpoint is missing or invalid.");
        }

        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "ParticipaBot",
            ConnectionMode = ConnectionMode.Gateway,
            RequestTimeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
            MaxRetryAttemptsOnRateLimitedRequests = options.MaxRetryAttemptsOnThrottling,
            MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.FromSeconds(30),
            EnableContentResponseOnWrite = false,
        };
        if (endpoint.IsLoopback)
        {
            // A local server has one endpoint; do not follow the regional endpoints it advertises.
            clientOptions.LimitToEndpoint = true;
            if (options.AcceptLocalServerCertificate)
            {
                // Only ever for loopback (validated at start-up): the local test server's certificate is self-signed.
                clientOptions.ServerCertificateCustomValidationCallback = (_, _, _) => true;
            }
        }

        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return new CosmosClient(endpoint.ToString(), options.Key, clientOptions);
        }

        TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        return new CosmosClient(endpoint.ToString(), credential, clientOptions);
    }

    private async Task<Container> GetContainerAsync(CancellationToken cancellationToken)
    {
        if (_container is { } ready)
        {
            return ready;
        }

        await _initializeLock.WaitAsync(cancellationToken);
        try
        {
            if (_container is { } raced)
            {
                return raced;
            }

            Container container;
            if (_options.CreateIfMissing)
            {
                var database = (await Call(() => _client.CreateDatabaseIfNotExistsAsync(_options.Database, cancellationToken: cancellationToken))).Database;
                var properties = new ContainerProperties(_options.Container, PartitionKeyPath) { DefaultTimeToLive = -1 };
                int? throughput = _options.Throughput == 0 ? null : _options.Throughput;
                container = (await Call(() => database.CreateContainerIfNotExistsAsync(properties, throughput, cancellationToken: cancellationToken))).Container;
            }
            else
            {
                container = _client.GetContainer(_options.Database, _options.Container);
                using var response = await Call(() => container.ReadContainerStreamAsync(cancellationToken: cancellationToken));
                if (!response.IsSuccessStatusCode)
                {
                    throw new StoreUnavailableException(
                        $"El contenedor Cosmos DB '{_options.Database}/{_options.Container}' no existe o no es accesible / the container does not exist or is not accessible (status {(int)response.StatusCode}).");
                }
            }

            Log.CosmosContainerReady(_logger, _options.Database, _options.Container, _options.Endpoint ?? string.Empty);
            _container = container;
            return container;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    private async Task<T> Call<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (CosmosException exception) when (exception.StatusCode is HttpStatusCode.TooManyRequests)
        {
            throw new StoreUnavailableException($"Cosmos DB está saturado (429) tras los reintentos / Cosmos DB is throttling after retries: {_client.Endpoint}", exception);
        }
        catch (CosmosException exception) when (exception.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new StoreUnavailableException($"Cosmos DB rechazó las credenciales / Cosmos DB refused the credentials ({(int)exception.StatusCode}) at {_client.Endpoint}.", exception);
        }
        catch (CosmosException exception)
        {
            throw new StoreUnavailableException($"Cosmos DB en {_client.Endpoint} no responde / does not answer: {(int)exception.StatusCode} {exception.StatusCode}.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new StoreUnavailableException($"No se puede conectar con Cosmos DB en {_client.Endpoint} / cannot reach Cosmos DB: {exception.Message}", exception);
        }
        catch (AuthenticationFailedException exception)
        {
            throw new StoreUnavailableException($"No se obtuvo una credencial de Microsoft Entra para Cosmos DB / no Microsoft Entra credential for Cosmos DB: {exception.Message}", exception);
        }
        catch (OperationCanceledException exception) when (exception is not TaskCanceledException { CancellationToken.IsCancellationRequested: true })
        {
            throw new StoreUnavailableException($"Cosmos DB en {_client.Endpoint} no respondió a tiempo / timed out.", exception);
        }
    }

    private (byte[] Payload, StoredDocument Stored) Prepare(DocumentWrite document)
    {
        DocumentLimits.EnsureValid(document);
        var body = DocumentLimits.SerializeBody(document.Body);
        DocumentLimits.EnsureWithinLimit(document, body.Length);
        var modified = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
        DateTimeOffset? expires = document.TimeToLiveSeconds is { } ttl ? modified.AddSeconds(ttl) : null;

        using var stream = new MemoryStream(body.Length + 256);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", EncodeId(document.Id));
            writer.WriteString("pk", document.PartitionKey);
            writer.WriteString("type", document.Type);
            writer.WriteNumber("lastModified", modified.ToUnixTimeMilliseconds());
            if (expires is { } expiresAt)
            {
                writer.WriteNumber("expiresAt", expiresAt.ToUnixTimeMilliseconds());
                // Real Cosmos DB purges on its own; a little later than expiresAt so reads never see a gap.
                writer.WriteNumber("ttl", document.TimeToLiveSeconds!.Value + 1);
            }

            writer.WritePropertyName("body");
            writer.WriteRawValue(body, skipInputValidation: true);
            writer.WriteEndObject();
        }

        var stored = new StoredDocument(document.Id, document.PartitionKey, document.Type, document.Body.Clone(), string.Empty, modified)
        {
            ExpiresAt = expires,
        };
        return (stream.ToArray(), stored);
    }

    private bool IsExpired(StoredDocument document) => document.ExpiresAt is { } expires && expires <= _time.GetUtcNow();

    private async Task<StoredDocument?> ReadRawAsync(Container container, string partitionKey, string id, CancellationToken cancellationToken)
    {
        using var response = await Call(() => container.ReadItemStreamAsync(EncodeId(id), new PartitionKey(partitionKey), _pointReadOptions, cancellationToken));
        Observe("read", partitionKey, response);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response, "read", partitionKey, id);
        }

        using var json = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
        return Parse(json.RootElement, response.Headers.ETag);
    }

    private async Task<HttpStatusCode> DeleteRawAsync(Container container, string partitionKey, string id, string? ifMatchETag, CancellationToken cancellationToken)
    {
        var options = new ItemRequestOptions { IfMatchEtag = ifMatchETag };
        using var response = await Call(() => container.DeleteItemStreamAsync(EncodeId(id), new PartitionKey(partitionKey), options, cancellationToken));
        Observe("delete", partitionKey, response);
        return response.StatusCode;
    }

    private async Task ReadPagesAsync(FeedIterator iterator, string operation, string partitionKey, List<StoredDocument> results, CancellationToken cancellationToken)
    {
        while (iterator.HasMoreResults)
        {
            await ReadPageAsync(iterator, operation, partitionKey, results, cancellationToken);
        }
    }

    private async Task ReadPageAsync(FeedIterator iterator, string operation, string partitionKey, List<StoredDocument> results, CancellationToken cancellationToken)
    {
        using var response = await Call(() => iterator.ReadNextAsync(cancellationToken));
        Observe(operation, partitionKey, response);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response, operation, partitionKey, id: null);
        }

        using var json = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken);
        if (!json.RootElement.TryGetProperty("Documents", out var documents))
        {
            return;
        }

        foreach (var item in documents.EnumerateArray())
        {
            var stored = Parse(item, etagHeader: null);
            if (stored is not null && !IsExpired(stored))
            {
                results.Add(stored);
            }
        }
    }

    private static StoredDocument? Parse(JsonElement item, string? etagHeader)
    {
        // Items not written by this adapter (no envelope) are skipped rather than failing an export.
        if (!item.TryGetProperty("id", out var id) || !item.TryGetProperty("pk", out var pk) || !item.TryGetProperty("type", out var type) || !item.TryGetProperty("body", out var body))
        {
            return null;
        }

        var etag = etagHeader ?? (item.TryGetProperty("_etag", out var e) ? e.GetString() : null) ?? string.Empty;
        var modified = item.TryGetProperty("lastModified", out var m) && m.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds(m.GetInt64())
            : item.TryGetProperty("_ts", out var ts) && ts.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeSeconds(ts.GetInt64()) : DateTimeOffset.UnixEpoch;
        DateTimeOffset? expires = item.TryGetProperty("expiresAt", out var x) && x.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds(x.GetInt64())
            : null;
        return new StoredDocument(DecodeId(id.GetString()!), pk.GetString()!, type.GetString()!, body.Clone(), etag, modified) { ExpiresAt = expires };
    }

    private static string ETagOf(ResponseMessage response) => response.Headers.ETag ?? string.Empty;

    /// <summary>Every response: its request charge at Debug, and the SDK's diagnostics when it was slow.</summary>
    private void Observe(string operation, string partitionKey, ResponseMessage response)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.CosmosRequestCharge(_logger, operation, partitionKey, response.Headers.RequestCharge, (int)response.StatusCode);
        }

        if (_options.SlowRequestMilliseconds > 0 && response.Diagnostics?.GetClientElapsedTime() is { } elapsed
            && elapsed.TotalMilliseconds >= _options.SlowRequestMilliseconds && _logger.IsEnabled(LogLevel.Warning))
        {
            Log.CosmosSlowRequest(_logger, operation, partitionKey, (long)elapsed.TotalMilliseconds, (int)response.StatusCode, response.Diagnostics.ToString());
        }
    }

    private DocumentStoreException Failure(ResponseMessage response, string operation, string partitionKey, string? id) => response.StatusCode switch
    {
        HttpStatusCode.RequestEntityTooLarge => new DocumentTooLargeException(id ?? "?", -1, DocumentLimits.MaxDocumentBytes),
        _ => new StoreUnavailableException(
            $"Cosmos DB {operation} de '{id}' en la partición '{partitionKey}' falló / failed: {(int)response.StatusCode} {response.StatusCode} at {_client.Endpoint}."),
    };
}
