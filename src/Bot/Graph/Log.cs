namespace ParticipaBot.Bot.Graph;

/// <summary>Graph calendar log messages. Never logs tokens, bodies or attendees' addresses.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Graph {Operation} answered {StatusCode} on attempt {Attempt}; retrying in {DelayMs} ms")]
    public static partial void GraphRetrying(ILogger logger, string operation, int statusCode, int attempt, long delayMs);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Graph {Operation} got no answer on attempt {Attempt} ({Reason}); retrying in {DelayMs} ms")]
    public static partial void GraphAttemptFailed(ILogger logger, string operation, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Graph {Operation} failed with {StatusCode} ({ErrorCode})")]
    public static partial void GraphFailed(ILogger logger, string operation, int statusCode, string? errorCode);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Calendar event {EventId} created for space {SpaceId} version {Version}")]
    public static partial void EventCreated(ILogger logger, string eventId, string spaceId, int version);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Calendar event {EventId} unchanged; no PATCH sent")]
    public static partial void EventUnchanged(ILogger logger, string eventId);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "No Graph token available (anonymous mode); the call is sent without Authorization")]
    public static partial void NoToken(ILogger logger);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Calendar event {EventId} was already gone when its cancel was retried")]
    public static partial void CancelAlreadyDone(ILogger logger, string eventId);
}
