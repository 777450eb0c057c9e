using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ParticipaBot.Bot.Protocol;

/// <summary>Source-generated System.Text.Json metadata for the wire types of the Bot Framework protocol; nulls are not written.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(ChannelAccount))]
[JsonSerializable(typeof(ChannelAccount[]))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;

/// <summary>The Bot Connector's error body: {"error":{"code","message"}}.</summary>
public sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorDetail? Error);

public sealed record ErrorDetail(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message);
