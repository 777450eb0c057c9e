namespace ParticipaBot.Bot.Protocol;

/// <summary>Protocol log events. Never log tokens, secrets or message text here.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "MODO ANÓNIMO: Bot:AppId no está configurado; el bot acepta solicitudes SIN autenticar y no envía tokens. Solo para desarrollo. / ANONYMOUS MODE: Bot:AppId is not set; requests are NOT authenticated.")]
    public static partial void AnonymousMode(ILogger logger);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Inbound token rejected ({StatusCode}): {Reason}; iss={Issuer}")]
    public static partial void TokenRejected(ILogger logger, int statusCode, string reason, string? issuer);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Inbound token accepted; iss={Issuer}")]
    public static partial void TokenAccepted(ILogger logger, string issuer);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Anonymous mode: the Authorization header was not validated")]
    public static partial void AnonymousHeaderIgnored(ILogger logger);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Signing keys refreshed from {MetadataUrl}: {KeyCount} keys (forced: {Forced})")]
    public static partial void KeysRefreshed(ILogger logger, string metadataUrl, int keyCount, bool forced);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Signing key refresh from {MetadataUrl} failed; keeping {KeyCount} last good keys")]
    public static partial void KeyRefreshFailed(ILogger logger, Exception exception, string metadataUrl, int keyCount);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "Bot Connector {Method} {Path} answered {StatusCode}; attempt {Attempt}, retrying in {Delay}; X-Correlating-OperationId={CorrelationId}")]
    public static partial void ConnectorRetry(ILogger logger, string method, string path, int statusCode, int attempt, TimeSpan delay, string? correlationId);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Error, Message = "Bot Connector {Method} {Path} failed with {StatusCode} ({ErrorCode}); X-Correlating-OperationId={CorrelationId}")]
    public static partial void ConnectorFailed(ILogger logger, string method, string path, int statusCode, string? errorCode, string? correlationId);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning, Message = "Bot Connector {Method} {Path} timed out on attempt {Attempt}; retrying in {Delay}")]
    public static partial void ConnectorTimeout(ILogger logger, string method, string path, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Error, Message = "Refused to call serviceUrl host {Host}: not in Bot:AllowedServiceUrlHosts")]
    public static partial void ServiceUrlRefused(ILogger logger, string host);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Debug, Message = "Outbound token acquired for {Scope} from {Source}")]
    public static partial void TokenAcquired(ILogger logger, string scope, Microsoft.Identity.Client.TokenSource source);
}
