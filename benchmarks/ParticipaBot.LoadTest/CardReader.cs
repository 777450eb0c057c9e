using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParticipaBot.LoadTest;

/// <summary>What a card is, as a delegate recognises it by its buttons.</summary>
public enum CardKind
{
    Unknown,
    Picker,
    Step,
    Review,
    Confirmation,
    Notice,
}

/// <summary>One input of a card, as a client renders it.</summary>
public sealed record CardInput(
    string Id,
    string Type,
    string? Value,
    bool Required,
    bool MultiSelect,
    IReadOnlyList<string> Choices,
    double? Min,
    double? Max,
    int? MaxLength,
    string Label);

/// <summary>
/// A card as a Teams client sees it, read in one pass: its kind (recognised by its buttons), its Action.Execute buttons,
/// its inputs, its first line and the lines shown in the attention colour. Fallbacks are skipped: a client that renders
/// Action.Execute never sees them.
/// </summary>
public sealed partial class CardView
{
    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private CardView(List<CardButton> actions, List<CardInput> inputs, List<string> attention, List<string> texts)
    {
        Actions = actions;
        Inputs = inputs;
        Attention = attention;
        _texts = texts;
        FirstText = texts.Count > 0 ? texts[0] : string.Empty;
        ReportNumber = ReportNumberPattern().Match(FirstText) is { Success: true } match ? match.Value : null;
        Kind = Classify();
    }

    private readonly List<string> _texts;

    public CardKind Kind { get; }

    public IReadOnlyList<CardButton> Actions { get; }

    public IReadOnlyList<CardInput> Inputs { get; }

    /// <summary>Texts shown in the attention colour: validation errors and refusals.</summary>
    public IReadOnlyList<string> Attention { get; }

    /// <summary>The first TextBlock: the progress line of a step ("Paso 3 de 7"), the heading of a confirmation.</summary>
    public string FirstText { get; }

    /// <summary>The report number in a confirmation's heading (R-2026-7KQ3M), or null.</summary>
    public string? ReportNumber { get; }

    [GeneratedRegex(@"R-\d{4}-[0-9A-HJKMNP-TV-Z]{5}", RegexOptions.CultureInvariant)]
    private static partial Regex ReportNumberPattern();

    /// <summary>The card an answer carries, or null when that element is not a JSON object.</summary>
    public static CardView? Of(JsonElement? card) =>
        card is { ValueKind: JsonValueKind.Object } json ? Read(JsonMarshal.GetRawUtf8Value(json)) : null;

    /// <summary>
    /// The card of an invoke answer (<c>{"type":"application/vnd.microsoft.card.adaptive","value":{…}}</c>), read straight
    /// from its bytes; false when the answer is not a card answer or not JSON. The card is null when "value" is not an
    /// object.
    /// </summary>
    public static bool TryReadInvokeAnswer(ReadOnlySpan<byte> answer, out CardView? card)
    {
        card = null;
        try
        {
            var reader = new Utf8JsonReader(answer);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            bool typed = false, carriesValue = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                var isValue = !isType && reader.ValueTextEquals("value"u8);
                reader.Read();
                if (isType)
                {
                    typed = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(AdaptiveCardContentType);
                }
                else if (isValue && reader.TokenType == JsonTokenType.StartObject)
                {
                    carriesValue = true;
                    card = Reading.Read(ref reader, answer);
                }
                else
                {
                    carriesValue |= isValue;
                    reader.Skip();
                }
            }

            if (!typed || !carriesValue)
            {
                card = null;
                return false;
            }

            return true;
        }
        catch (JsonException)
        {
            card = null;
            return false;
        }
    }

    /// <summary>A card from its own JSON object; anything else is refused.</summary>
    public static CardView Read(ReadOnlySpan<byte> cardJson)
    {
        var reader = new Utf8JsonReader(cardJson);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ArgumentException("A card is a JSON object.", nameof(cardJson));
        }

        return Reading.Read(ref reader, cardJson);
    }

    public CardButton? FindAction(string verb, Func<CardButton, bool>? where = null)
    {
        foreach (var action in Actions)
        {
            if (action.Verb == verb && (where is null || where(action)))
            {
                return action;
            }
        }

        return null;
    }

    /// <summary>Every text of the card, for messages about a card that was not the one expected.</summary>
    public string AllText() => string.Join(" | ", _texts);

    private CardKind Classify()
    {
        bool Has(string verb) => FindAction(verb) is not null;
        return Has("report.submit") ? CardKind.Review
            : Has("report.next") ? CardKind.Step
            : Has("report.start") ? CardKind.Picker
            : ReportNumber is not null && Has("report") ? CardKind.Confirmation
            : Has("report") ? CardKind.Notice
            : CardKind.Unknown;
    }
}

/// <summary>
/// An Action.Execute button as a card view keeps it: its verb, and its data as the raw JSON object copied out of the
/// answer (a few hundred bytes, where a copy of the button as a document was three arrays and a document).
/// </summary>
public sealed class CardButton
{
    private readonly byte[] _data;

    internal CardButton(string verb, byte[] data)
    {
        Verb = verb;
        _data = data;
    }

    public string Verb { get; }

    /// <summary>Whether the data has the property with a value other than JSON null.</summary>
    public bool Has(string name) => TryFind(name, out var value) && value.TokenType != JsonTokenType.Null;

    /// <summary>A string property of the data, or null.</summary>
    public string? DataString(string name) => TryFind(name, out var value) && value.TokenType == JsonTokenType.String ? value.GetString() : null;

    /// <summary>The data with the inputs set over it, as a client sends it: a value the data has is replaced in place, the rest added.</summary>
    public void WriteDataTo(Utf8JsonWriter w, IReadOnlyDictionary<string, string>? inputs)
    {
        if (_data.Length > 0)
        {
            var reader = new Utf8JsonReader(_data);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var input = inputs is null ? null : InputNamed(ref reader, inputs);
                if (reader.ValueIsEscaped)
                {
                    w.WritePropertyName(reader.GetString()!);
                }
                else
                {
                    w.WritePropertyName(reader.ValueSpan);
                }

                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (input is not null)
                {
                    w.WriteStringValue(input);
                }
                else
                {
                    w.WriteRawValue(_data.AsSpan(start, (int)reader.BytesConsumed - start), skipInputValidation: true);
                }
            }
        }

        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            if (!TryFind(key, out _))
            {
                w.WriteString(key, value);
            }
        }
    }

    private static string? InputNamed(ref Utf8JsonReader reader, IReadOnlyDictionary<string, string> inputs)
    {
        foreach (var (key, value) in inputs)
        {
            if (reader.ValueTextEquals(key))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The reader on the value of the data's property <paramref name="name"/>.</summary>
    private bool TryFind(string name, out Utf8JsonReader value)
    {
        value = default;
        if (_data.Length == 0)
        {
            return false;
        }

        var reader = new Utf8JsonReader(_data);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(name);
            reader.Read();
            if (found)
            {
                value = reader;
                return true;
            }

            reader.Skip();
        }

        return false;
    }
}

/// <summary>
/// Fills a step card as a careful person would: keeps what is pre-filled, and gives every empty input a valid value for
/// its type (choices from the card, dates today in Bogotá, numbers inside min/max, links https, text within maxLength).
/// The only thing it knows beyond the card is the space step's either/or (a scheduled space, or «no programado» with a
/// reason), which the card shows as a toggle.
/// </summary>
public static class CardFiller
{
    public static Dictionary<string, string> Fill(IReadOnlyList<CardInput> inputs, DateOnly today, string tag, int seed)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var unscheduled = inputs.Any(i => i.Id == "space.unscheduled" && i.Value == "true");
        var n = 0;
        foreach (var input in inputs)
        {
            n++;
            if (input.Type == "Input.Toggle")
            {
                // Toggles stay as shown: «No programado» as the start button set it, «No se recibieron aportes» off
                // (a contribution is typed), «Enfoque diferencial aplicado» off.
                values[input.Id] = input.Value ?? "false";
                continue;
            }

            if (input.Value is { } shown)
            {
                values[input.Id] = shown;
                continue;
            }

            if ((input.Id == "space.id" && unscheduled) || (input.Id == "space.reason" && !unscheduled))
            {
                values[input.Id] = string.Empty;
                continue;
            }

            values[input.Id] = input.Type switch
            {
                "Input.Date" => today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "Input.Number" => Number(input),
                "Input.ChoiceSet" => input.Choices.Count == 0 ? string.Empty : input.Choices[(seed + n) % input.Choices.Count],
                _ => Text(input, tag),
            };
        }

        return values;
    }

    private static string Number(CardInput input)
    {
        // Required counts (total participants) generous, optional ones small: sums and shares stay within the total.
        var wanted = input.Required ? 30.0 : 5.0;
        var min = input.Min ?? 0;
        var max = input.Max ?? double.MaxValue;
        return Math.Clamp(wanted, min, max).ToString(CultureInfo.InvariantCulture);
    }

    private static string Text(CardInput input, string tag)
    {
        var id = input.Id;
        string text = id.EndsWith(".url", StringComparison.Ordinal) || id.EndsWith(".link", StringComparison.Ordinal)
            ? $"https://www.entidad.gov.co/participa/carga/{tag}/{id.Replace('.', '-')}"
            : id == "name"
                ? $"Espacio de carga {tag}"
                : $"{input.Label}: texto de carga {tag}";
        return input.MaxLength is { } max && text.Length > max ? text[..max] : text;
    }
}
