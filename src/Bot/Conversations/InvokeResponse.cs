using System.Text.Json;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Protocol;

namespace ParticipaBot.Bot.Conversations;

/// <summary>
/// The answer to an invoke activity, written as the HTTP response: <see cref="Status"/> is the HTTP status and the body,
/// when there is one, is {statusCode, type, value} (PROTOCOL.md §3 "Invoke response mechanics"). A card goes out as the
/// bytes it was built as.
/// </summary>
internal sealed class InvokeResponse
{
    private readonly string? _type;
    private readonly string? _text;
    private readonly string? _errorCode;
    private readonly AdaptiveCard? _card;

    private InvokeResponse(int status, string? type = null, string? text = null, string? errorCode = null, AdaptiveCard? card = null)
    {
        Status = status;
        _type = type;
        _text = text;
        _errorCode = errorCode;
        _card = card;
    }

    public int Status { get; }

    public bool HasBody => _type is not null;

    /// <summary>Replaces the card for the user who acted (Universal Actions).</summary>
    public static InvokeResponse Card(AdaptiveCard card) =>
        new(StatusCodes.Status200OK, ContentTypes.AdaptiveCard, card: card ?? throw new ArgumentNullException(nameof(card)));

    /// <summary>Keeps the card and shows the text briefly.</summary>
    public static InvokeResponse Message(string text) => new(StatusCodes.Status200OK, ContentTypes.InvokeMessage, text);

    /// <summary>The typed error Teams shows on the card: HTTP status and statusCode agree (400 bad input, 500 failure).</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) => new(statusCode, ContentTypes.InvokeError, message, code);

    public static InvokeResponse Ok() => new(StatusCodes.Status200OK);

    /// <summary>An invoke name the bot does not handle.</summary>
    public static InvokeResponse NotImplemented() => new(StatusCodes.Status501NotImplemented);

    /// <summary>The body as compact JSON; nothing when <see cref="HasBody"/> is false.</summary>
    public void WriteBody(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_type is null)
        {
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("statusCode", Status);
        writer.WriteString("type", _type);
        writer.WritePropertyName("value");
        if (_card is not null)
        {
            _card.WriteTo(writer);
        }
        else if (_errorCode is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("code", _errorCode);
            writer.WriteString("message", _text);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStringValue(_text);
        }

        writer.WriteEndObject();
    }
}

/// <summary>Error codes of typed invoke errors.</summary>
internal static class InvokeErrorCodes
{
    public const string BadRequest = "BadRequest";
    public const string UnknownVerb = "UnknownVerb";
    public const string InternalError = "InternalError";
}
