using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParticipaBot.Bot.Protocol;

/// <summary>Validates the channel's bearer token for one inbound activity (PROTOCOL.md §1).</summary>
internal interface IInboundAuthenticator
{
    /// <param name="authorizationHeader">The raw Authorization header, or null when absent.</param>
    /// <param name="activity">The parsed activity: its channelId and serviceUrl are checked against the token.</param>
    Task<InboundAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

/// <summary>
/// The outcome of inbound authentication: 200 with an identity, 401 (bad or missing token) or 403 (endorsement
/// missing, tenant not allowed). <see cref="FailureReason"/> is for logs only, never for the HTTP response.
/// </summary>
internal sealed record InboundAuthenticationResult(int StatusCode, ClaimsIdentity? Identity, string? FailureReason, bool IsAnonymous = false)
{
    public bool Succeeded => StatusCode == StatusCodes.Status200OK;

    public static InboundAuthenticationResult Anonymous() => new(StatusCodes.Status200OK, new ClaimsIdentity(), null, IsAnonymous: true);

    public static InboundAuthenticationResult Success(ClaimsIdentity identity) => new(StatusCodes.Status200OK, identity, null);

    public static InboundAuthenticationResult Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, null, reason);

    public static InboundAuthenticationResult Forbidden(string reason) => new(StatusCodes.Status403Forbidden, null, reason);
}

/// <summary>Acquires app-only access tokens (Bot Connector, Microsoft Graph) through MSAL; cached and refreshed early.</summary>
internal interface IAccessTokenProvider
{
    /// <summary>A bearer token for the scope (e.g. "https://api.botframework.com/.default"), or null when the bot runs anonymously.</summary>
    Task<string?> GetTokenAsync(string scope, CancellationToken cancellationToken);
}

/// <summary>Where a conversation lives: enough to send into it later (proactive messages).</summary>
public sealed record ConversationReference(
    string ServiceUrl,
    string ConversationId,
    string? TenantId,
    string? BotId,
    string? BotName,
    string? ConversationType,
    string ChannelId = Channels.MsTeams);

/// <summary>The Bot Connector REST calls the bot makes (PROTOCOL.md §2.2).</summary>
internal interface IConnectorClient
{
    Task<ResourceResponse> SendToConversationAsync(ConversationReference conversation, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> ReplyToActivityAsync(ConversationReference conversation, string replyToId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateActivityAsync(ConversationReference conversation, string activityId, Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(ConversationReference conversation, string activityId, CancellationToken cancellationToken);

    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    Task<PagedMembersResult> GetPagedMembersAsync(ConversationReference conversation, int? pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>One member of the conversation (or team), with Teams' extra fields (userPrincipalName, email) in its extension data.</summary>
    Task<ChannelAccount> GetMemberAsync(ConversationReference conversation, string memberId, CancellationToken cancellationToken);
}

public sealed record ResourceResponse([property: JsonPropertyName("id")] string? Id);

public sealed record ConversationResourceResponse(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("activityId")] string? ActivityId,
    [property: JsonPropertyName("serviceUrl")] string? ServiceUrl);

public sealed class ConversationParameters
{
    [JsonPropertyName("isGroup")]
    public bool? IsGroup { get; set; }

    [JsonPropertyName("bot")]
    public ChannelAccount? Bot { get; set; }

    [JsonPropertyName("members")]
    public IList<ChannelAccount>? Members { get; set; }

    [JsonPropertyName("topicName")]
    public string? TopicName { get; set; }

    [JsonPropertyName("tenantId")]
    public string? TenantId { get; set; }

    [JsonPropertyName("activity")]
    public Activity? Activity { get; set; }

    [JsonPropertyName("channelData")]
    public JsonElement? ChannelData { get; set; }
}

public sealed record PagedMembersResult(
    [property: JsonPropertyName("members")] IReadOnlyList<ChannelAccount> Members,
    [property: JsonPropertyName("continuationToken")] string? ContinuationToken);
