namespace ParticipaBot.Bot.Protocol;

/// <summary>A Bot Connector call that failed for good: a non-retryable status, retries exhausted, or a refused serviceUrl.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(string message, int? statusCode, string? errorCode, string? correlationId, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        CorrelationId = correlationId;
    }

    /// <summary>The HTTP status, or null when no response came (refused serviceUrl, timeouts).</summary>
    public int? StatusCode { get; }

    /// <summary>error.code of the ErrorResponse body, e.g. "MessageWritesBlocked" or "ConversationBlockedByUser".</summary>
    public string? ErrorCode { get; }

    /// <summary>The X-Correlating-OperationId response header, to quote to Microsoft support.</summary>
    public string? CorrelationId { get; }
}
