namespace ParticipaBot.Bot.Reporting;

/// <summary>Log messages of the report wizard. What the user typed is never logged: ids, fields and counts only.</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Report draft {DraftId} started (unscheduled: {Unscheduled}).")]
    public static partial void DraftStarted(ILogger logger, string draftId, bool unscheduled);

    [LoggerMessage(5002, LogLevel.Information, "Report draft {DraftId} cancelled.")]
    public static partial void DraftCancelled(ILogger logger, string draftId);

    [LoggerMessage(5003, LogLevel.Information, "Report {ReportId} submitted (new: {Created}).")]
    public static partial void ReportSubmitted(ILogger logger, string reportId, bool created);

    [LoggerMessage(5004, LogLevel.Warning, "User {UserId} tried to report for an area that is not theirs ({FieldKey}); refused.")]
    public static partial void AreaRefused(ILogger logger, string? userId, string fieldKey);

    [LoggerMessage(5005, LogLevel.Information, "Report draft {DraftId} changed concurrently; the stored version is shown.")]
    public static partial void DraftConflict(ILogger logger, string draftId);

    [LoggerMessage(5006, LogLevel.Information, "File of {Size} bytes stored as evidence of draft {DraftId}.")]
    public static partial void FileStored(ILogger logger, string draftId, long size);

    [LoggerMessage(5007, LogLevel.Information, "Report number {Number} is taken by another report; another is drawn.")]
    public static partial void ReportNumberTaken(ILogger logger, string number);

    [LoggerMessage(5008, LogLevel.Information, "Report draft {DraftId} not submitted: its space is already covered by report {ReportId}.")]
    public static partial void SpaceTaken(ILogger logger, string draftId, string reportId);

    [LoggerMessage(5009, LogLevel.Warning, "Report numbers of {Year} for entity {EntityId} could not be reserved ahead; the next start reserves its own.")]
    public static partial void ReportNumbersNotReserved(ILogger logger, Exception exception, string entityId, int year);
}
