namespace ParticipaBot.Core.Calendar;

/// <summary>
/// A calendar call that did not succeed. <see cref="IsTransient"/> tells the caller whether to try again later
/// (throttling, an outage, a timeout) or to give up and tell an operator (bad request, missing permission).
/// </summary>
public sealed class CalendarGatewayException : Exception
{
    public CalendarGatewayException()
    {
    }

    public CalendarGatewayException(string message)
        : base(message)
    {
    }

    public CalendarGatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CalendarGatewayException(string message, bool isTransient, int? statusCode, string? errorCode, TimeSpan? retryAfter, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
    }

    /// <summary>True when the same call may succeed later.</summary>
    public bool IsTransient { get; }

    /// <summary>The HTTP status of the last attempt, or null when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The service's error code (e.g. "ErrorAccessDenied"), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>How long the service asked to wait, when it asked.</summary>
    public TimeSpan? RetryAfter { get; }
}
