using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// The Bot Framework Activity as Teams uses it (PROTOCOL.md §3): the fields the bot reads and writes are
/// typed; everything else is kept in <see cref="ExtensionData"/> so that nothing the channel sends is lost.
/// </summary>
public sealed class Activity
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; set; }

    [JsonPropertyName("localTimestamp")]
    public DateTimeOffset? LocalTimestamp { get; set; }

    [JsonPropertyName("localTimezone")]
    public string? LocalTimezone { get; set; }

    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; set; }

    [JsonPropertyName("channelId")]
    public string? ChannelId { get; set; }

    [JsonPropertyName("from")]
    public ChannelAccount? From { get; set; }

    [JsonPropertyName("recipient")]
    public ChannelAccount? Recipient { get; set; }

    [JsonPropertyName("conversation")]
    public ConversationAccount? Conversation { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("textFormat")]
    public string? TextFormat { get; set; }

    [JsonPropertyName("locale")]
    public string? Locale { get; set; }

    [JsonPropertyName("attachments")]
    public IList<Attachment>? Attachments { get; set; }

    [JsonPropertyName("attachmentLayout")]
    public string? AttachmentLayout { get; set; }

    [JsonPropertyName("entities")]
    public IList<Entity>? Entities { get; set; }

    [JsonPropertyName("channelData")]
    public JsonElement? ChannelData { get; set; }

    [JsonPropertyName("replyToId")]
    public string? ReplyToId { get; set; }

    [JsonPropertyName("value")]
    public JsonElement? Value { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("action")]
    public string? Action { get; set; }

    [JsonPropertyName("membersAdded")]
    public IList<ChannelAccount>? MembersAdded { get; set; }

    [JsonPropertyName("membersRemoved")]
    public IList<ChannelAccount>? MembersRemoved { get; set; }

    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A user or bot: Teams user ids are "29:...", the bot's own id is "28:{appId}".</summary>
public sealed class ChannelAccount
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("aadObjectId")]
    public string? AadObjectId { get; set; }

    [JsonPropertyName("role")]
    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// The member's UPN as Teams' member calls give it (userPrincipalName, else email); activities never carry it.
    /// </summary>
    [JsonIgnore]
    public string? UserPrincipalName => Extension("userPrincipalName") ?? Extension("email");

    private string? Extension(string name) =>
        ExtensionData is { } data && data.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}

/// <summary>The conversation: personal ("a:..."), group chat ("19:...@thread.v2") or channel ("19:...@thread.tacv2").</summary>
public sealed class ConversationAccount
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("conversationType")]
    public string? ConversationType { get; set; }

    [JsonPropertyName("isGroup")]
    public bool? IsGroup { get; set; }

    [JsonPropertyName("tenantId")]
    public string? TenantId { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed class Attachment
{
    [JsonPropertyName("contentType")]
    public string? ContentType { get; set; }

    [JsonPropertyName("content")]
    public JsonElement? Content { get; set; }

    [JsonPropertyName("contentUrl")]
    public string? ContentUrl { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An entity: "mention" (with <see cref="Mentioned"/> and <see cref="Text"/>), "clientInfo", or any other kind, kept as sent.</summary>
public sealed class Entity
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("mentioned")]
    public ChannelAccount? Mentioned { get; set; }

    [JsonPropertyName("locale")]
    public string? Locale { get; set; }

    [JsonPropertyName("timezone")]
    public string? Timezone { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
