using System.Text.Json.Serialization;

namespace ParticipaBot.Bot.Graph;

// The subset of Graph's event resource the bot writes and reads (PROTOCOL.md §6). Null members are left out of the
// JSON, so the same record serves a full create and a PATCH of only the changed fields.

internal sealed record GraphEventPayload
{
    public string? Subject { get; init; }

    public GraphItemBody? Body { get; init; }

    public GraphDateTimeTimeZone? Start { get; init; }

    public GraphDateTimeTimeZone? End { get; init; }

    public GraphLocation? Location { get; init; }

    public IReadOnlyList<GraphAttendee>? Attendees { get; init; }

    public bool? IsReminderOn { get; init; }

    public int? ReminderMinutesBeforeStart { get; init; }

    public bool? IsOnlineMeeting { get; init; }

    public string? OnlineMeetingProvider { get; init; }

    public bool? ResponseRequested { get; init; }

    public bool? AllowNewTimeProposals { get; init; }

    /// <summary>Set on create only: Graph refuses a change after it is set.</summary>
    public string? TransactionId { get; init; }
}

internal sealed record GraphItemBody(string ContentType, string Content)
{
    public const string Html = "HTML";
}

/// <param name="DateTime">Wall-clock time, "yyyy-MM-ddTHH:mm:ss", in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">An IANA or Windows zone name.</param>
internal sealed record GraphDateTimeTimeZone(string DateTime, string TimeZone);

internal sealed record GraphLocation(string DisplayName);

internal sealed record GraphAttendee(GraphEmailAddress EmailAddress, string Type)
{
    public const string Required = "required";
}

internal sealed record GraphEmailAddress(string Address, string? Name = null);

internal sealed record GraphCancelRequest(string? Comment);

/// <summary>What the bot keeps from Graph's answer to a create or update.</summary>
internal sealed record GraphEventResponse
{
    public string? Id { get; init; }

    [JsonPropertyName("iCalUId")]
    public string? ICalUId { get; init; }

    public string? TransactionId { get; init; }

    public string? WebLink { get; init; }

    public string? Subject { get; init; }

    public GraphDateTimeTimeZone? Start { get; init; }

    public GraphDateTimeTimeZone? End { get; init; }

    public bool? IsCancelled { get; init; }
}

internal sealed record GraphErrorResponse(GraphError? Error);

internal sealed record GraphError(string? Code, string? Message);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(GraphEventPayload))]
[JsonSerializable(typeof(GraphEventResponse))]
[JsonSerializable(typeof(GraphCancelRequest))]
[JsonSerializable(typeof(GraphErrorResponse))]
internal sealed partial class GraphJsonContext : JsonSerializerContext;
