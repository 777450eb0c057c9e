using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParticipaBot.Bot.Cards;

/// <summary>
/// Assembles one Adaptive Card 1.5 (the newest version Teams renders, PROTOCOL.md §4) as JSON.
/// Card classes (one per card) describe their content with <see cref="CardElements"/> and <see cref="CardActions"/>;
/// this class adds the envelope, writes the card once and refuses cards over <see cref="MaxSizeBytes"/>.
/// </summary>
internal sealed class AdaptiveCardBuilder
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    /// <summary>28 KB: the Incoming Webhook/Workflows limit, well under the 100 KB a bot message may carry, so a card fits both paths.</summary>
    public const int MaxSizeBytes = 28 * 1024;

    private readonly List<CardObject> _body = [];
    private readonly List<CardObject> _actions = [];
    private string? _fallbackText;
    private bool _fullWidth;
    private bool _built;

    // A card is written into a buffer reused per thread, then copied once to its own array of the exact size.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public AdaptiveCardBuilder Add(CardObject element)
    {
        ArgumentNullException.ThrowIfNull(element);
        ThrowIfBuilt();
        _body.Add(element);
        return this;
    }

    public AdaptiveCardBuilder AddRange(IEnumerable<CardObject> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ThrowIfBuilt();
        foreach (var element in elements)
        {
            Add(element);
        }

        return this;
    }

    /// <summary>A card-level action (bottom of the card). Teams shows at most six; prefer an ActionSet for more.</summary>
    public AdaptiveCardBuilder AddAction(CardObject action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ThrowIfBuilt();
        _actions.Add(action);
        return this;
    }

    /// <summary>What clients that cannot render the card show instead (also used in notifications).</summary>
    public AdaptiveCardBuilder WithFallbackText(string text)
    {
        ThrowIfBuilt();
        _fallbackText = text;
        return this;
    }

    /// <summary>Teams extension: the card uses the full width of the chat (root "msteams" key).</summary>
    public AdaptiveCardBuilder FullWidth()
    {
        ThrowIfBuilt();
        _fullWidth = true;
        return this;
    }

    /// <summary>The card as compact UTF-8 JSON; throws <see cref="CardTooLargeException"/> when it exceeds <see cref="MaxSizeBytes"/>.</summary>
    public AdaptiveCard Build()
    {
        ThrowIfBuilt();
        _built = true;
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Protocol.WireJson.Encoder });
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            writer.WriteStartObject();
            writer.WriteString("type", "AdaptiveCard");
            writer.WriteString("$schema", SchemaUrl);
            writer.WriteString("version", Version);
            WriteArray(writer, "body", _body);
            if (_actions.Count > 0)
            {
                WriteArray(writer, "actions", _actions);
            }

            if (_fallbackText is not null)
            {
                writer.WriteString("fallbackText", _fallbackText);
            }

            if (_fullWidth)
            {
                writer.WriteStartObject("msteams");
                writer.WriteString("width", "Full");
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.Flush();
            if (buffer.WrittenCount >= MaxSizeBytes)
            {
                throw new CardTooLargeException(buffer.WrittenCount, MaxSizeBytes);
            }

            return new AdaptiveCard(buffer.WrittenSpan.ToArray());
        }
        finally
        {
            if (buffer.Capacity > 4 * MaxSizeBytes)
            {
                // An oversized card (refused) must not keep its buffer alive on the thread.
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, List<CardObject> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            item.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This card is already built; start a new AdaptiveCardBuilder for another card.");
        }
    }
}

/// <summary>
/// A built card: its compact UTF-8 JSON, written once by <see cref="AdaptiveCardBuilder"/> and sent as those bytes. It is
/// read as a node tree only where something reads a card (tests, logs), never on the way out.
/// </summary>
internal sealed class AdaptiveCard
{
    private readonly byte[] _utf8Json;

    internal AdaptiveCard(byte[] utf8Json) => _utf8Json = utf8Json;

    public ReadOnlySpan<byte> Utf8Json => _utf8Json;

    /// <summary>The card's size as sent.</summary>
    public int SizeInBytes => _utf8Json.Length;

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(_utf8Json, skipInputValidation: true);
    }

    public JsonElement ToJsonElement()
    {
        var reader = new Utf8JsonReader(_utf8Json);
        return JsonElement.ParseValue(ref reader);
    }

    public JsonObject ToJsonObject() => JsonNode.Parse(_utf8Json)!.AsObject();

    public override string ToString() => System.Text.Encoding.UTF8.GetString(_utf8Json);
}

/// <summary>A card over the size limit is a programming error (paginate or summarise instead), so it fails loudly.</summary>
internal sealed class CardTooLargeException(int sizeBytes, int limitBytes)
    : InvalidOperationException($"The Adaptive Card is {sizeBytes} bytes; the limit is {limitBytes} bytes.");
