namespace ParticipaBot.Bot.Conversations;

/// <summary>Log messages of the turn pipeline. What the user typed is never logged; ids and verbs are ours.</summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Debug, "Activity of type {ActivityType} ignored.")]
    public static partial void ActivityIgnored(ILogger logger, string? activityType);

    [LoggerMessage(2002, LogLevel.Information, "Redelivered {ActivityType} activity skipped.")]
    public static partial void DuplicateActivity(ILogger logger, string? activityType);

    [LoggerMessage(2003, LogLevel.Debug, "Command {CommandId} matched.")]
    public static partial void CommandMatched(ILogger logger, string commandId);

    [LoggerMessage(2004, LogLevel.Debug, "Card action {Verb} matched.")]
    public static partial void CardActionMatched(ILogger logger, string verb);

    [LoggerMessage(2005, LogLevel.Debug, "Message not understood.")]
    public static partial void NotUnderstood(ILogger logger);

    [LoggerMessage(2006, LogLevel.Information, "Card action with unknown verb {Verb}.")]
    public static partial void UnknownVerb(ILogger logger, string verb);

    [LoggerMessage(2007, LogLevel.Information, "Invoke {InvokeName} is not handled (501).")]
    public static partial void UnknownInvoke(ILogger logger, string? invokeName);

    [LoggerMessage(2008, LogLevel.Error, "Turn failed for {ActivityType} activity (invoke name {InvokeName}).")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? activityType, string? invokeName);

    [LoggerMessage(2009, LogLevel.Warning, "Could not send the apology after a failed turn.")]
    public static partial void ApologyFailed(ILogger logger, Exception exception);

    [LoggerMessage(2010, LogLevel.Error, "Turn worker caught a failure outside the turn boundary.")]
    public static partial void WorkerTurnFailed(ILogger logger, Exception exception);

    [LoggerMessage(2011, LogLevel.Warning, "Activity store unavailable for redelivery checks; using this instance's memory.")]
    public static partial void DeduplicationStoreUnavailable(ILogger logger, Exception exception);
}
