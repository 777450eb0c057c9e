using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;

namespace ParticipaBot.Bot.Cards;

/// <summary>Adaptive Card 1.5 elements and inputs, with the defaults the bot's cards share (wrapping text, labels on inputs).</summary>
internal static class CardElements
{
    public static CardObject Heading(string text) => new(6)
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["style"] = "heading",
        ["size"] = "Large",
        ["weight"] = "Bolder",
        ["wrap"] = true,
    };

    public static CardObject TextBlock(string text, bool bold = false, bool subtle = false, bool separator = false, string? color = null)
    {
        var block = new CardObject(5) { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (color is not null)
        {
            block["color"] = color;
        }

        if (bold)
        {
            block["weight"] = "Bolder";
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (separator)
        {
            block["separator"] = true;
        }

        return block;
    }

    public static CardObject FactSet(IEnumerable<(string Title, string Value)> facts)
    {
        var array = new List<CardObject>();
        foreach (var (title, value) in facts)
        {
            array.Add(new CardObject(2) { ["title"] = title, ["value"] = value });
        }

        return new CardObject(2) { ["type"] = "FactSet", ["facts"] = array };
    }

    public static CardObject Container(IEnumerable<CardObject> items, string? style = null)
    {
        var container = new CardObject(3) { ["type"] = "Container", ["items"] = CardValue.List([.. items]) };
        if (style is not null)
        {
            container["style"] = style;
        }

        return container;
    }

    /// <summary>Actions inside the body: any number, unlike the card-level actions.</summary>
    public static CardObject ActionSet(IEnumerable<CardObject> actions) =>
        new(2) { ["type"] = "ActionSet", ["actions"] = CardValue.List([.. actions]) };

    public static CardObject InputText(
        string id,
        string label,
        bool isRequired = false,
        string? errorMessage = null,
        string? placeholder = null,
        bool isMultiline = false,
        int? maxLength = null,
        string? value = null)
    {
        var input = Input("Input.Text", id, label, isRequired, errorMessage);
        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        if (isMultiline)
        {
            input["isMultiline"] = true;
        }

        if (maxLength is not null)
        {
            input["maxLength"] = maxLength.Value;
        }

        if (value is not null)
        {
            input["value"] = value;
        }

        return input;
    }

    /// <summary>A choice set; a multi-select answer arrives as one comma-separated string (PROTOCOL.md §4).</summary>
    public static CardObject InputChoiceSet(
        string id,
        string label,
        IEnumerable<(string Title, string Value)> choices,
        bool isRequired = false,
        string? errorMessage = null,
        bool isMultiSelect = false,
        bool expanded = false,
        string? value = null)
    {
        var input = Input("Input.ChoiceSet", id, label, isRequired, errorMessage);
        input["choices"] = ChoiceLists.Create(choices);
        input["style"] = expanded ? "expanded" : "compact";
        if (isMultiSelect)
        {
            input["isMultiSelect"] = true;
        }

        if (value is not null)
        {
            input["value"] = value;
        }

        return input;
    }

    /// <summary>A date input; its value is "YYYY-MM-DD".</summary>
    public static CardObject InputDate(string id, string label, bool isRequired = false, string? errorMessage = null, string? value = null)
    {
        var input = Input("Input.Date", id, label, isRequired, errorMessage);
        if (value is not null)
        {
            input["value"] = value;
        }

        return input;
    }

    /// <summary>A number input: the one input Teams submits as a number rather than a string.</summary>
    public static CardObject InputNumber(string id, string label, bool isRequired = false, string? errorMessage = null, double? min = null, double? max = null, double? value = null)
    {
        var input = Input("Input.Number", id, label, isRequired, errorMessage);
        if (value is not null)
        {
            input["value"] = value.Value;
        }

        if (min is not null)
        {
            input["min"] = min.Value;
        }

        if (max is not null)
        {
            input["max"] = max.Value;
        }

        return input;
    }

    /// <summary>A toggle; its value is the string "true" or "false".</summary>
    public static CardObject InputToggle(string id, string title, string? label = null, bool value = false)
    {
        var input = new CardObject(7)
        {
            ["type"] = "Input.Toggle",
            ["id"] = id,
            ["title"] = title,
            ["valueOn"] = "true",
            ["valueOff"] = "false",
            ["value"] = value ? "true" : "false",
        };
        if (label is not null)
        {
            input["label"] = label;
        }

        return input;
    }

    private static CardObject Input(string type, string id, string label, bool isRequired, string? errorMessage)
    {
        var input = new CardObject(8) { ["type"] = type, ["id"] = id, ["label"] = label };
        if (isRequired)
        {
            input["isRequired"] = true;
            // Teams shows a generic message when none is given; ours says what to fix.
            input["errorMessage"] = errorMessage ?? label;
        }
        else if (errorMessage is not null)
        {
            input["errorMessage"] = errorMessage;
        }

        return input;
    }
}

/// <summary>
/// The "choices" arrays of choice sets. Catalogue lists (value groups, goals, areas) are the same on every card and were
/// a node tree of two values per choice on every turn: each distinct list is written once and every card writes those
/// bytes. Entries are matched by content.
/// </summary>
internal static class ChoiceLists
{
    private const int Capacity = 512;
    private static readonly ConcurrentDictionary<int, Entry> s_lists = new();

    public static RawJson Create(IEnumerable<(string Title, string Value)> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var list = choices as IReadOnlyList<(string Title, string Value)> ?? [.. choices];
        var hash = new HashCode();
        hash.Add(list.Count);
        foreach (var (title, value) in list)
        {
            hash.Add(title);
            hash.Add(value);
        }

        var key = hash.ToHashCode();
        if (!s_lists.TryGetValue(key, out var entry) || !entry.Matches(list))
        {
            entry = new Entry(list);
            if (s_lists.Count >= Capacity)
            {
                s_lists.Clear();
            }

            s_lists[key] = entry;
        }

        return entry.Json;
    }

    private sealed class Entry
    {
        private readonly (string Title, string Value)[] _choices;

        public Entry(IReadOnlyList<(string Title, string Value)> choices)
        {
            _choices = [.. choices];
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Protocol.WireJson.Encoder }))
            {
                writer.WriteStartArray();
                foreach (var (title, value) in _choices)
                {
                    writer.WriteStartObject();
                    writer.WriteString("title", title);
                    writer.WriteString("value", value);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            Json = new RawJson(buffer.WrittenSpan.ToArray());
        }

        public RawJson Json { get; }

        public bool Matches(IReadOnlyList<(string Title, string Value)> choices)
        {
            if (choices.Count != _choices.Length)
            {
                return false;
            }

            for (var i = 0; i < _choices.Length; i++)
            {
                if (!string.Equals(choices[i].Title, _choices[i].Title, StringComparison.Ordinal)
                    || !string.Equals(choices[i].Value, _choices[i].Value, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
