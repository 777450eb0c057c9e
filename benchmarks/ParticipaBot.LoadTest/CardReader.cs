using System.Globalization;
using System.Text.Json.Nodes;
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
    private CardView(JsonObject json)
    {
        Json = json;
        var actions = new List<JsonObject>();
        var inputs = new List<CardInput>();
        var attention = new List<string>();
        string? firstText = null;
        var stack = new Stack<JsonNode>();
        stack.Push(json);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is JsonArray array)
            {
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is { } item)
                    {
                        stack.Push(item);
                    }
                }

                continue;
            }

            if (current is not JsonObject obj)
            {
                continue;
            }

            switch (obj["type"] is JsonValue t && t.TryGetValue<string>(out var type) ? type : null)
            {
                case "Action.Execute":
                    actions.Add(obj);
                    break;
                case "TextBlock":
                    var text = obj["text"]?.GetValue<string>() ?? string.Empty;
                    firstText ??= text;
                    if (obj["color"]?.GetValue<string>() == "attention")
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

            for (var i = obj.Count - 1; i >= 0; i--)
            {
                var (key, child) = obj.GetAt(i);
                if (child is JsonObject or JsonArray && key != "fallback")
                {
                    stack.Push(child);
                }
            }
        }

        Actions = actions;
        Inputs = inputs;
        Attention = attention;
        FirstText = firstText ?? string.Empty;
        ReportNumber = ReportNumberPattern().Match(FirstText) is { Success: true } match ? match.Value : null;
        Kind = Classify();
    }

    public JsonObject Json { get; }

    public CardKind Kind { get; }

    public IReadOnlyList<JsonObject> Actions { get; }

    public IReadOnlyList<CardInput> Inputs { get; }

    /// <summary>Texts shown in the attention colour: validation errors and refusals.</summary>
    public IReadOnlyList<string> Attention { get; }

    /// <summary>The first TextBlock: the progress line of a step ("Paso 3 de 7"), the heading of a confirmation.</summary>
    public string FirstText { get; }

    /// <summary>The report number in a confirmation's heading (R-2026-7KQ3M), or null.</summary>
    public string? ReportNumber { get; }

    [GeneratedRegex(@"R-\d{4}-[0-9A-HJKMNP-TV-Z]{5}", RegexOptions.CultureInvariant)]
    private static partial Regex ReportNumberPattern();

    public static CardView? Of(JsonObject? card) => card is null ? null : new CardView(card);

    public JsonObject? FindAction(string verb, Func<JsonObject, bool>? where = null) =>
        Actions.FirstOrDefault(a => a["verb"]?.GetValue<string>() == verb && (where is null || where(a)));

    /// <summary>Every text of the card, for messages about a card that was not the one expected.</summary>
    public string AllText() => string.Join(" | ", CardReader.Walk(Json)
        .Where(n => n["type"]?.GetValue<string>() == "TextBlock").Select(n => n["text"]?.GetValue<string>()));

    private CardKind Classify()
    {
        bool Has(string verb) => Actions.Any(a => a["verb"]?.GetValue<string>() == verb);
        return Has("report.submit") ? CardKind.Review
            : Has("report.next") ? CardKind.Step
            : Has("report.start") ? CardKind.Picker
            : ReportNumber is not null && Has("report") ? CardKind.Confirmation
            : Has("report") ? CardKind.Notice
            : CardKind.Unknown;
    }

    private static CardInput? ReadInput(JsonObject node, string type)
    {
        if (node["id"]?.GetValue<string>() is not { } id)
        {
            return null;
        }

        var value = node["value"] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.TryGetValue<double>(out var d) => d.ToString(CultureInfo.InvariantCulture),
            var other => other.ToJsonString(),
        };
        var choices = node["choices"] is JsonArray array
            ? array.Select(c => c?["value"]?.GetValue<string>()).OfType<string>().ToList()
            : [];
        return new CardInput(
            id,
            type,
            string.IsNullOrEmpty(value) ? null : value,
            node["isRequired"]?.GetValue<bool>() == true,
            node["isMultiSelect"]?.GetValue<bool>() == true,
            choices,
            node["min"]?.GetValue<double>(),
            node["max"]?.GetValue<double>(),
            node["maxLength"]?.GetValue<int>(),
            node["label"]?.GetValue<string>() ?? id);
    }
}

/// <summary>Walks a card's JSON tree (depth first, fallbacks skipped).</summary>
public static class CardReader
{
    public static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        var stack = new Stack<JsonNode>();
        if (node is not null)
        {
            stack.Push(node);
        }

        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is JsonObject obj)
            {
                yield return obj;
                for (var i = obj.Count - 1; i >= 0; i--)
                {
                    var (key, child) = obj.GetAt(i);
                    if (key != "fallback" && child is not null)
                    {
                        stack.Push(child);
                    }
                }
            }
            else if (current is JsonArray array)
            {
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is { } child)
                    {
                        stack.Push(child);
                    }
                }
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
