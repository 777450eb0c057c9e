using System.Globalization;
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
    private CardView(JsonElement json)
    {
        // Read-only elements, not a JsonNode tree, buttons included: the generator shares the machine's cores with the
        // bot, reading every card as mutable nodes was a third of its CPU, and what it allocates becomes collections
        // whose pauses land in the latencies it measures.
        Json = json;
        var actions = new List<JsonElement>();
        var inputs = new List<CardInput>();
        var attention = new List<string>();
        string? firstText = null;
        foreach (var obj in CardReader.Walk(json))
        {
            switch (String(obj, "type"))
            {
                case "Action.Execute":
                    actions.Add(obj);
                    break;
                case "TextBlock":
                    var text = String(obj, "text") ?? string.Empty;
                    firstText ??= text;
                    if (String(obj, "color") == "attention")
                    {
                        attention.Add(text);
                    }

                    break;
                case { } input when input.StartsWith("Input.", StringComparison.Ordinal):
                    if (ReadInput(obj, input) is { } read)
                    {
                        inputs.Add(read);
                    }

                    break;
            }
        }

        Actions = actions;
        Inputs = inputs;
        Attention = attention;
        FirstText = firstText ?? string.Empty;
        ReportNumber = ReportNumberPattern().Match(FirstText) is { Success: true } match ? match.Value : null;
        Kind = Classify();
    }

    public JsonElement Json { get; }

    public CardKind Kind { get; }

    public IReadOnlyList<JsonElement> Actions { get; }

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
    public static CardView? Of(JsonElement? card) => card is { ValueKind: JsonValueKind.Object } json ? new CardView(json) : null;

    public JsonElement? FindAction(string verb, Func<JsonElement, bool>? where = null)
    {
        foreach (var action in Actions)
        {
            if (String(action, "verb") == verb && (where is null || where(action)))
            {
                return action;
            }
        }

        return null;
    }

    /// <summary>A property of a button's data, or null when the data has none (or it is JSON null).</summary>
    public static JsonElement? Data(JsonElement action, string name) =>
        action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A string property of a button's data, or null.</summary>
    public static string? DataString(JsonElement action, string name) =>
        Data(action, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>Every text of the card, for messages about a card that was not the one expected.</summary>
    public string AllText() => string.Join(" | ", CardReader.Walk(Json)
        .Where(n => String(n, "type") == "TextBlock").Select(n => String(n, "text")));

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

    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static CardInput? ReadInput(JsonElement node, string type)
    {
        if (String(node, "id") is not { } id)
        {
            return null;
        }

        string? value = !node.TryGetProperty("value", out var v) ? null : v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetDouble().ToString(CultureInfo.InvariantCulture),
            JsonValueKind.Null => null,
            _ => v.GetRawText(),
        };
        var choices = new List<string>();
        if (node.TryGetProperty("choices", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var choice in array.EnumerateArray())
            {
                if (choice.ValueKind == JsonValueKind.Object && String(choice, "value") is { } code)
                {
                    choices.Add(code);
                }
            }
        }

        return new CardInput(
            id,
            type,
            string.IsNullOrEmpty(value) ? null : value,
            node.TryGetProperty("isRequired", out var required) && required.ValueKind == JsonValueKind.True,
            node.TryGetProperty("isMultiSelect", out var multi) && multi.ValueKind == JsonValueKind.True,
            choices,
            Number(node, "min"),
            Number(node, "max"),
            Number(node, "maxLength") is { } maxLength ? (int)maxLength : null,
            String(node, "label") ?? id);
    }
}

/// <summary>Walks a card's JSON (depth first, fallbacks skipped), yielding every object.</summary>
public static class CardReader
{
    public static IEnumerable<JsonElement> Walk(JsonElement root)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(root);
        var children = new List<JsonElement>();
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            children.Clear();
            if (current.ValueKind == JsonValueKind.Object)
            {
                yield return current;
                foreach (var property in current.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && !property.NameEquals("fallback"))
                    {
                        children.Add(property.Value);
                    }
                }
            }
            else if (current.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in current.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        children.Add(item);
                    }
                }
            }

            // Pushed in reverse so the walk visits them in document order.
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
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
