using Microsoft.Extensions.Logging;

namespace ParticipaBot.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Cosmos DB {Operation} on partition {PartitionKey} cost {RequestCharge} RU (status {StatusCode}).")]
    public static partial void CosmosRequestCharge(ILogger logger, string operation, string partitionKey, double requestCharge, int statusCode);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Almacenamiento listo / storage ready: {Description}.")]
    public static partial void StoreReady(ILogger logger, string description);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Critical, Message = "El almacenamiento no está disponible; el bot se detiene / storage unavailable, stopping: {Description}")]
    public static partial void StoreUnavailableAtStartup(ILogger logger, string description);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "SQLite purged {Count} expired documents.")]
    public static partial void SqlitePurgedExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "SQLite purge of expired documents failed: {Reason}")]
    public static partial void SqlitePurgeFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Cosmos DB database '{Database}' and container '{Container}' ready at {Endpoint}.")]
    public static partial void CosmosContainerReady(ILogger logger, string database, string container, string endpoint);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "SQLite checkpoint failed (code {Code}), retried after the next write: {Reason}")]
    public static partial void SqliteCheckpointFailed(ILogger logger, int code, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Cosmos DB {Operation} on partition {PartitionKey} took {ElapsedMilliseconds} ms (status {StatusCode}); diagnostics: {Diagnostics}")]
    public static partial void CosmosSlowRequest(ILogger logger, string operation, string partitionKey, long elapsedMilliseconds, int statusCode, string diagnostics);
}
