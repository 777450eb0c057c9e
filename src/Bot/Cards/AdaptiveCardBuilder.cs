using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParticipaBot.Bot.Cards;

/// <summary>
/// Assembles one Adaptive Card 1.5 (the newest version Teams renders, PROTOCOL.md §4) as JSON.
/// Card classes (one per card) describe their content with <see cref="CardElements"/> and <see cref="CardActions"/>;
/// this class adds the envelope and refuses cards over <see cref="MaxSizeBytes"/>.
/// </summary>
internal sealed class AdaptiveCardBuilder
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    /// <summary>28 KB: the Incoming Webhook/Workflows limit, well under the 100 KB a bot message may carry, so a card fits both paths.</summary>
    public const int MaxSizeBytes = 28 * 1024;

    private readonly JsonArray _body = [];
    private readonly JsonArray _actions = [];
    private string? _fallbackText;
    private bool _fullWidth;
    private bool _built;

    // Measuring a card writes it once more; the buffer is reused per thread so the measure allocates nothing.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_measureBuffer;
    [ThreadStatic]
    private static Utf8JsonWriter? t_measureWriter;

    // The bytes a built card was measured as: the invoke response writes them rather than serialising the card again.
    private static readonly ConditionalWeakTable<JsonObject, WrittenCard> s_written = [];

    public AdaptiveCardBuilder Add(JsonObject element)
    {
        ThrowIfBuilt();
        _body.Add(element);
        return this;
    }

    public AdaptiveCardBuilder AddRange(IEnumerable<JsonObject> elements)
    {
        ThrowIfBuilt();
        foreach (var element in elements)
        {
            _body.Add(element);
        }

        return this;
    }

    /// <summary>A card-level action (bottom of the card). Teams shows at most six; prefer an ActionSet for more.</summary>
    public AdaptiveCardBuilder AddAction(JsonObject action)
    {
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

    /// <summary>
    /// The card JSON; throws <see cref="CardTooLargeException"/> when it exceeds <see cref="MaxSizeBytes"/>. The card takes
    /// the builder's elements (no copy on every turn), so a builder builds one card. A built card is not changed
    /// afterwards: it is sent as the bytes it was measured as (<see cref="TryGetWritten"/>).
    /// </summary>
    public JsonObject Build()
    {
        ThrowIfBuilt();
        _built = true;
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = SchemaUrl,
            ["version"] = Version,
            ["body"] = _body,
        };
        if (_actions.Count > 0)
        {
            card["actions"] = _actions;
        }

        if (_fallbackText is not null)
        {
            card["fallbackText"] = _fallbackText;
        }

        if (_fullWidth)
        {
            card["msteams"] = new JsonObject { ["width"] = "Full" };
        }

        var written = Write(card);
        if (written.Length >= MaxSizeBytes)
        {
            throw new CardTooLargeException(written.Length, MaxSizeBytes);
        }

        s_written.AddOrUpdate(card, new WrittenCard(written));
        return card;
    }

    /// <summary>
    /// The compact UTF-8 JSON of a card this class built, as measured; false for any other object, or when it was taken
    /// already. The caller owns it (one taker only) and disposes of it once written.
    /// </summary>
    public static bool TryTakeWritten(JsonObject card, [NotNullWhen(true)] out WrittenCard? written) =>
        s_written.TryGetValue(card, out written) && s_written.Remove(card);

    /// <summary>The card's size as sent: compact UTF-8 JSON.</summary>
    public static int SizeInBytes(JsonObject card) => Write(card).Length;

    /// <summary>The card written into the thread's buffer (valid until the next write on this thread).</summary>
    private static ReadOnlySpan<byte> Write(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var buffer = t_measureBuffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        var writer = t_measureWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Protocol.WireJson.Encoder });
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        card.WriteTo(writer);
        writer.Flush();
        if (buffer.Capacity > 4 * MaxSizeBytes)
        {
            // An oversized card (about to be refused) must not keep its buffer alive on the thread.
            t_measureBuffer = null;
            t_measureWriter = null;
        }

        return buffer.WrittenSpan;
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This card is already built; start a new AdaptiveCardBuilder for another card.");
        }
    }

    public static void EnsureWithinSizeLimit(JsonObject card)
    {
        var size = SizeInBytes(card);
        if (size >= MaxSizeBytes)
        {
            throw new CardTooLargeException(size, MaxSizeBytes);
        }
    }
}

/// <summary>A built card's UTF-8 JSON in a pooled buffer (cards not sent in an invoke response leave it to the GC).</summary>
internal sealed class WrittenCard : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    public WrittenCard(ReadOnlySpan<byte> utf8Json)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        utf8Json.CopyTo(_buffer);
        _length = utf8Json.Length;
    }

    public ReadOnlySpan<byte> Utf8Json => (_buffer ?? throw new ObjectDisposedException(nameof(WrittenCard))).AsSpan(0, _length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>A card over the size limit is a programming error (paginate or summarise instead), so it fails loudly.</summary>
internal sealed class CardTooLargeException(int sizeBytes, int limitBytes)
    : InvalidOperationException($"The Adaptive Card is {sizeBytes} bytes; the limit is {limitBytes} bytes.");
