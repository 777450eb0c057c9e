using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParticipaBot.Bot.Cards;

/// <summary>
/// A JSON object of a card (an element, an action, an action's data): its properties in order, written as JSON once,
/// when the card is built (<see cref="AdaptiveCardBuilder"/>). A node tree per element (a <see cref="JsonObject"/>, its
/// dictionary and a <see cref="JsonValue"/> per property) was a quarter of the bytes a turn allocated and a sixth of
/// its CPU; this is one object and one array. Setting a name again replaces its value in place, as a JSON object does.
/// An object handed to a card or an action is written when the card is built, so it is not changed after that.
/// </summary>
internal sealed class CardObject
{
    private Property[] _properties;
    private int _count;

    public CardObject()
        : this(4)
    {
    }

    public CardObject(int capacity) => _properties = new Property[Math.Max(capacity, 1)];

    public int Count => _count;

    /// <summary>Sets a property (object-initializer syntax: <c>new CardObject { ["type"] = "TextBlock" }</c>).</summary>
    public CardValue this[string name]
    {
        set => Set(name, value);
    }

    public void Set(string name, CardValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_properties[i].Name, name, StringComparison.Ordinal))
            {
                _properties[i] = new Property(name, value);
                return;
            }
        }

        if (_count == _properties.Length)
        {
            Array.Resize(ref _properties, _count * 2);
        }

        _properties[_count++] = new Property(name, value);
    }

    /// <summary>A copy with the same properties (the values are shared: none is changed after it is set).</summary>
    public CardObject Copy(int extraCapacity = 0)
    {
        var copy = new CardObject(_count + extraCapacity);
        Array.Copy(_properties, copy._properties, _count);
        copy._count = _count;
        return copy;
    }

    /// <summary>The property at <paramref name="index"/> (0 to <see cref="Count"/> − 1), in the order they were set.</summary>
    public (string Name, CardValue Value) PropertyAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        return (_properties[index].Name, _properties[index].Value);
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        for (var i = 0; i < _count; i++)
        {
            ref readonly var property = ref _properties[i];
            property.Value.WriteProperty(writer, property.Name);
        }

        writer.WriteEndObject();
    }

    /// <summary>The object as a node tree: for tests and the rare reader, never on the way out.</summary>
    public JsonObject ToJsonObject() => JsonNode.Parse(ToUtf8Json())!.AsObject();

    /// <summary>Compact UTF-8 JSON, written with the wire encoder.</summary>
    public byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Protocol.WireJson.Encoder }))
        {
            WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public override string ToString() => System.Text.Encoding.UTF8.GetString(ToUtf8Json());

    private readonly record struct Property(string Name, CardValue Value);
}

/// <summary>
/// A property value of a <see cref="CardObject"/>: a string, boolean, number, nested object, list of objects, a node
/// (data handed in as JSON) or JSON written once and shared (<see cref="RawJson"/>). Implicit conversions keep card code
/// as short as object initializers of JSON nodes. Sixteen bytes and nothing boxed: the kind of a boolean or number is a
/// marker object, any other kind is the type of the value itself.
/// </summary>
internal readonly struct CardValue
{
    private static readonly object s_true = new();
    private static readonly object s_false = new();
    private static readonly object s_integer = new();
    private static readonly object s_number = new();

    private readonly object? _value;
    private readonly double _number;

    private CardValue(object? value, double number = 0)
    {
        _value = value;
        _number = number;
    }

    /// <summary>JSON null (what a null reference of any other kind also writes).</summary>
    public static CardValue Null => default;

    public static implicit operator CardValue(string? value) => new(value);

    public static implicit operator CardValue(bool value) => new(value ? s_true : s_false);

    public static implicit operator CardValue(int value) => new(s_integer, value);

    public static implicit operator CardValue(double value) => new(s_number, value);

    public static implicit operator CardValue(CardObject? value) => new(value);

    public static implicit operator CardValue(CardObject[] value) => List(value);

    public static implicit operator CardValue(List<CardObject> value) => List(value);

    public static implicit operator CardValue(JsonNode? value) => new(value);

    public static implicit operator CardValue(RawJson value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    public static CardValue List(IReadOnlyList<CardObject> items) => new(items ?? throw new ArgumentNullException(nameof(items)));

    public void WriteProperty(Utf8JsonWriter writer, string name)
    {
        if (_value is string text)
        {
            writer.WriteString(name, text);
        }
        else if (ReferenceEquals(_value, s_true) || ReferenceEquals(_value, s_false))
        {
            writer.WriteBoolean(name, ReferenceEquals(_value, s_true));
        }
        else
        {
            writer.WritePropertyName(name);
            WriteValue(writer);
        }
    }

    public void WriteValue(Utf8JsonWriter writer)
    {
        switch (_value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case CardObject json:
                json.WriteTo(writer);
                break;
            case RawJson raw:
                raw.WriteTo(writer);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case IReadOnlyList<CardObject> items:
                writer.WriteStartArray();
                for (var i = 0; i < items.Count; i++)
                {
                    items[i].WriteTo(writer);
                }

                writer.WriteEndArray();
                break;
            default:
                if (ReferenceEquals(_value, s_integer))
                {
                    writer.WriteNumberValue((int)_number);
                }
                else if (ReferenceEquals(_value, s_number))
                {
                    writer.WriteNumberValue(_number);
                }
                else
                {
                    writer.WriteBooleanValue(ReferenceEquals(_value, s_true));
                }

                break;
        }
    }
}

/// <summary>JSON written once with the wire encoder and shared by every card that carries it (catalogue choice lists).</summary>
internal sealed class RawJson(byte[] utf8Json)
{
    public ReadOnlySpan<byte> Utf8Json => utf8Json;

    public void WriteTo(Utf8JsonWriter writer) => writer.WriteRawValue(utf8Json, skipInputValidation: true);
}
