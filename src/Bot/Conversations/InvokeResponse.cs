using System.Text.Json.Nodes;
using ParticipaBot.Bot.Protocol;

namespace ParticipaBot.Bot.Conversations;

/// <summary>
/// The answer to an invoke activity, written as the HTTP response: <see cref="Status"/> is the HTTP status and
/// <see cref="Body"/> the JSON body (PROTOCOL.md §3 "Invoke response mechanics").
/// </summary>
internal sealed record InvokeResponse(int Status, JsonNode? Body)
{
    /// <summary>Replaces the card for the user who acted (Universal Actions).</summary>
    public static InvokeResponse Card(JsonObject card) => new(
        StatusCodes.Status200OK,
        new JsonObject { ["statusCode"] = 200, ["type"] = ContentTypes.AdaptiveCard, ["value"] = card });

    /// <summary>Keeps the card and shows the text briefly.</summary>
    public static InvokeResponse Message(string text) => new(
        StatusCodes.Status200OK,
        new JsonObject { ["statusCode"] = 200, ["type"] = ContentTypes.InvokeMessage, ["value"] = text });

    /// <summary>The typed error Teams shows on the card: HTTP status and statusCode agree (400 bad input, 500 failure).</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) => new(
        statusCode,
        new JsonObject
        {
            ["statusCode"] = statusCode,
            ["type"] = ContentTypes.InvokeError,
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        });

    public static InvokeResponse Ok() => new(StatusCodes.Status200OK, null);

    /// <summary>An invoke name the bot does not handle.</summary>
    public static InvokeResponse NotImplemented() => new(StatusCodes.Status501NotImplemented, null);
}

/// <summary>Error codes of typed invoke errors.</summary>
internal static class InvokeErrorCodes
{
    public const string BadRequest = "BadRequest";
    public const string UnknownVerb = "UnknownVerb";
    public const string InternalError = "InternalError";
}
