using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ParticipaBot.LoadTest;

public sealed partial class CardView
{
    /// <summary>
    /// One pass of a <see cref="Utf8JsonReader"/> over a card. The generator shares the machine's cores with the bot: a
    /// parsed document of every answer and a walk over its elements were about a third of the generator's CPU, and what
    /// it allocates becomes collections whose pauses land in the latencies it measures. Each JSON object is read into a
    /// frame reused at its depth; an element is kept when its object ends (its "type" may come after its children), and
    /// what was kept is put back in document order at the end. What the view keeps is copied out of the answer, so its
    /// buffer can be reused.
    /// </summary>
    private sealed class Reading
    {
        private static readonly string[] s_inputTypes = ["Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle", "Input.ChoiceSet"];

        [ThreadStatic]
        private static Reading? t_reading;

        private readonly List<Frame> _frames = [];
        private readonly List<Kept<CardButton>> _actions = [];
        private readonly List<Kept<CardInput>> _inputs = [];
        private readonly List<Kept<(string Text, bool Attention)>> _texts = [];
        private int _objects;

        private enum Key
        {
            Other,
            Type,
            Text,
            Color,
            Id,
            Value,
            Label,
            Verb,
            Data,
            Choices,
            Fallback,
            Min,
            Max,
            MaxLength,
            IsRequired,
            IsMultiSelect,
        }

        /// <summary>The card whose object starts where <paramref name="reader"/> stands, in <paramref name="json"/>.</summary>
        public static CardView Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
        {
            // One per thread, its frames and lists reused: a read runs start to end on one thread, with no await.
            var reading = t_reading ??= new Reading();
            reading._actions.Clear();
            reading._inputs.Clear();
            reading._texts.Clear();
            reading._objects = 0;
            reading.ReadObject(ref reader, json, 0, null);
            var texts = InDocumentOrder(reading._texts);
            return new CardView(
                InDocumentOrder(reading._actions),
                InDocumentOrder(reading._inputs),
                texts.Where(t => t.Attention).Select(t => t.Text).ToList(),
                texts.ConvertAll(t => t.Text));
        }

        private static List<T> InDocumentOrder<T>(List<Kept<T>> kept)
        {
            // Kept when their objects end, so one nested in another kept element comes first: put back in order.
            for (var i = 1; i < kept.Count; i++)
            {
                if (kept[i - 1].Order > kept[i].Order)
                {
                    kept.Sort((a, b) => a.Order.CompareTo(b.Order));
                    break;
                }
            }

            return kept.ConvertAll(k => k.Item);
        }

        private void ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int depth, Frame? choicesOf)
        {
            if (_frames.Count == depth)
            {
                _frames.Add(new Frame());
            }

            var frame = _frames[depth];
            frame.Reset(_objects++);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = KeyOf(ref reader);
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && key == Key.Fallback)
                {
                    reader.Skip();
                }
                else if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadObject(ref reader, json, depth + 1, null);
                    frame.SetStructure(key, json[start..(int)reader.BytesConsumed]);
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadArray(ref reader, json, depth + 1, key == Key.Choices ? frame : null);
                    frame.SetStructure(key, json[start..(int)reader.BytesConsumed]);
                }
                else
                {
                    frame.SetScalar(key, ref reader);
                }
            }

            Keep(frame, choicesOf);
        }

        private void ReadArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int depth, Frame? choicesOf)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadObject(ref reader, json, depth, choicesOf);
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    ReadArray(ref reader, json, depth, null);
                }
            }
        }

        private void Keep(Frame frame, Frame? choicesOf)
        {
            if (choicesOf is not null && frame.ValueIsString)
            {
                choicesOf.Choices.Add(frame.Value!);
            }

            switch (frame.Type)
            {
                case "Action.Execute":
                    _actions.Add(new(frame.Order, new CardButton(frame.Verb ?? string.Empty, frame.Data ?? [])));
                    break;
                case "TextBlock":
                    _texts.Add(new(frame.Order, (frame.Text ?? string.Empty, frame.Attention)));
                    break;
                case { } type when type.StartsWith("Input.", StringComparison.Ordinal) && frame.Id is { } id:
                    _inputs.Add(new(frame.Order, new CardInput(
                        id,
                        type,
                        string.IsNullOrEmpty(frame.Value) ? null : frame.Value,
                        frame.Required,
                        frame.MultiSelect,
                        [.. frame.Choices],
                        frame.Min,
                        frame.Max,
                        frame.MaxLength is { } maxLength ? (int)maxLength : null,
                        frame.Label ?? id)));
                    break;
            }
        }

        private static Key KeyOf(ref Utf8JsonReader reader)
        {
            ReadOnlySpan<byte> name = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
            return name.Length switch
            {
                2 when name.SequenceEqual("id"u8) => Key.Id,
                3 when name.SequenceEqual("min"u8) => Key.Min,
                3 when name.SequenceEqual("max"u8) => Key.Max,
                4 when name.SequenceEqual("type"u8) => Key.Type,
                4 when name.SequenceEqual("text"u8) => Key.Text,
                4 when name.SequenceEqual("verb"u8) => Key.Verb,
                4 when name.SequenceEqual("data"u8) => Key.Data,
                5 when name.SequenceEqual("color"u8) => Key.Color,
                5 when name.SequenceEqual("value"u8) => Key.Value,
                5 when name.SequenceEqual("label"u8) => Key.Label,
                7 when name.SequenceEqual("choices"u8) => Key.Choices,
                8 when name.SequenceEqual("fallback"u8) => Key.Fallback,
                9 when name.SequenceEqual("maxLength"u8) => Key.MaxLength,
                10 when name.SequenceEqual("isRequired"u8) => Key.IsRequired,
                13 when name.SequenceEqual("isMultiSelect"u8) => Key.IsMultiSelect,
                _ => Key.Other,
            };
        }

        /// <summary>An element's type, the known ones without a new string; null when it is none the view keeps.</summary>
        private static string? TypeOf(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("Action.Execute"u8))
            {
                return "Action.Execute";
            }

            if (reader.ValueTextEquals("TextBlock"u8))
            {
                return "TextBlock";
            }

            foreach (var known in s_inputTypes)
            {
                if (reader.ValueTextEquals(known))
                {
                    return known;
                }
            }

            var type = reader.GetString()!;
            return type.StartsWith("Input.", StringComparison.Ordinal) ? type : null;
        }

        private readonly record struct Kept<T>(int Order, T Item);

        /// <summary>What the view may keep of one JSON object, read property by property.</summary>
        private sealed class Frame
        {
            public int Order { get; private set; }

            public string? Type { get; private set; }

            public string? Text { get; private set; }

            public bool Attention { get; private set; }

            public string? Id { get; private set; }

            /// <summary>"value" as a client reads it: strings as they are, numbers invariant, anything else as its JSON.</summary>
            public string? Value { get; private set; }

            public bool ValueIsString { get; private set; }

            public string? Label { get; private set; }

            public string? Verb { get; private set; }

            public byte[]? Data { get; private set; }

            public bool Required { get; private set; }

            public bool MultiSelect { get; private set; }

            public double? Min { get; private set; }

            public double? Max { get; private set; }

            public double? MaxLength { get; private set; }

            public List<string> Choices { get; } = [];

            public void Reset(int order)
            {
                Order = order;
                (Type, Text, Id, Value, Label, Verb, Data) = (null, null, null, null, null, null, null);
                (Attention, ValueIsString, Required, MultiSelect) = (false, false, false, false);
                (Min, Max, MaxLength) = (null, null, null);
                Choices.Clear();
            }

            /// <summary>An object or array value: the button's data kept as its bytes, an input's value as its JSON.</summary>
            public void SetStructure(Key key, ReadOnlySpan<byte> json)
            {
                if (key == Key.Data)
                {
                    Data = json[0] == (byte)'{' ? json.ToArray() : null;
                }
                else if (key == Key.Value)
                {
                    (Value, ValueIsString) = (Encoding.UTF8.GetString(json), false);
                }
            }

            public void SetScalar(Key key, ref Utf8JsonReader reader)
            {
                var token = reader.TokenType;
                var isString = token == JsonTokenType.String;
                double? number = token == JsonTokenType.Number ? reader.GetDouble() : null;
                switch (key)
                {
                    case Key.Type:
                        Type = isString ? TypeOf(ref reader) : null;
                        break;
                    case Key.Text:
                        Text = isString ? reader.GetString() : null;
                        break;
                    case Key.Color:
                        Attention = isString && reader.ValueTextEquals("attention"u8);
                        break;
                    case Key.Id:
                        Id = isString ? reader.GetString() : null;
                        break;
                    case Key.Label:
                        Label = isString ? reader.GetString() : null;
                        break;
                    case Key.Verb:
                        Verb = isString ? reader.GetString() : null;
                        break;
                    case Key.Value:
                        ValueIsString = isString;
                        Value = token switch
                        {
                            JsonTokenType.String => reader.GetString(),
                            JsonTokenType.Number => number!.Value.ToString(CultureInfo.InvariantCulture),
                            JsonTokenType.True => "true",
                            JsonTokenType.False => "false",
                            _ => null,
                        };
                        break;
                    case Key.Data:
                        Data = null;
                        break;
                    case Key.IsRequired:
                        Required = token == JsonTokenType.True;
                        break;
                    case Key.IsMultiSelect:
                        MultiSelect = token == JsonTokenType.True;
                        break;
                    case Key.Min:
                        Min = number;
                        break;
                    case Key.Max:
                        Max = number;
                        break;
                    case Key.MaxLength:
                        MaxLength = number;
                        break;
                }
            }
        }
    }
}
