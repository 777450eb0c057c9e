namespace ParticipaBot.Bot.Review;

/// <summary>Log messages of review and schedule management. Ids and reasons only: never what a user typed.</summary>
internal static partial class Log
{
    [LoggerMessage(6001, LogLevel.Information, "Refused {Action}: {Reason}.")]
    public static partial void Refused(ILogger logger, string action, string reason);

    [LoggerMessage(6002, LogLevel.Information, "Report {ReportId}: {Action} by a {Role}, version {Version}.")]
    public static partial void ReportChanged(ILogger logger, string reportId, string action, string role, int version);

    [LoggerMessage(6003, LogLevel.Warning, "No personal conversation known for the submitter of report {ReportId}; not notified.")]
    public static partial void SubmitterUnreachable(ILogger logger, string reportId);

    [LoggerMessage(6004, LogLevel.Warning, "Notifying the submitter of report {ReportId} failed.")]
    public static partial void NotifyFailed(ILogger logger, Exception exception, string reportId);

    [LoggerMessage(6005, LogLevel.Information, "Space {SpaceId}: {Change}, version {Version}, plan revision {Revision}.")]
    public static partial void SpaceChanged(ILogger logger, string spaceId, string change, int version, int revision);

    [LoggerMessage(6006, LogLevel.Information, "Concurrent plan save; retrying ({Attempt}).")]
    public static partial void PlanSaveRetry(ILogger logger, int attempt);

    [LoggerMessage(6007, LogLevel.Warning, "Could not record the user in the roster.")]
    public static partial void RosterFailed(ILogger logger, Exception exception);

    [LoggerMessage(6008, LogLevel.Information, "Progress of activity {ActivityId} recorded for period {Period}.")]
    public static partial void ProgressRecorded(ILogger logger, string activityId, int period);

    [LoggerMessage(6009, LogLevel.Information, "Card input refused on {Action}: {Count} field error(s).")]
    public static partial void InputRefused(ILogger logger, string action, int count);

    [LoggerMessage(6010, LogLevel.Warning, "A user's UPN could not be found: roles configured by UPN do not apply to them for the next minutes.")]
    public static partial void UserPrincipalNameMissing(ILogger logger, Exception? exception);
}
