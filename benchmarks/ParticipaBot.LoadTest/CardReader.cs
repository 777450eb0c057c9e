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

/// <summary>Reads Adaptive Cards the way a Teams client does: inputs, buttons (Action.Execute, fallbacks ignored), text.</summary>
public static partial class CardReader
{
    [GeneratedRegex(@"R-\d{4}-[0-9A-HJKMNP-TV-Z]{5}", RegexOptions.CultureInvariant)]
    private static partial Regex ReportNumberPattern();

    public static CardKind Classify(JsonObject? card)
    {
        if (card is null)
        {
            return CardKind.Unknown;
        }

        var verbs = Actions(card).Select(a => a["verb"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        if (verbs.Contains("report.submit"))
        {
            return CardKind.Review;
        }

        if (verbs.Contains("report.next"))
        {
            return CardKind.Step;
        }

        if (verbs.Contains("report.start"))
        {
            return CardKind.Picker;
        }

        if (ReportNumber(card) is not null && verbs.Contains("report"))
        {
            return CardKind.Confirmation;
        }

        return verbs.Contains("report") ? CardKind.Notice : CardKind.Unknown;
    }

    /// <summary>The report number in a confirmation's heading (R-2026-7KQ3M), or null.</summary>
    public static string? ReportNumber(JsonObject card)
    {
        var heading = Walk(card).FirstOrDefault(n => n["type"]?.GetValue<string>() == "TextBlock")?["text"]?.GetValue<string>();
        return heading is null ? null : ReportNumberPattern().Match(heading) is { Success: true } match ? match.Value : null;
    }

    /// <summary>Every Action.Execute of the card (in body action sets and the card's actions).</summary>
    public static IEnumerable<JsonObject> Actions(JsonObject card) =>
        Walk(card).Where(n => n["type"]?.GetValue<string>() == "Action.Execute");

    public static JsonObject? FindAction(JsonObject card, string verb, Func<JsonObject, bool>? where = null) =>
        Actions(card).FirstOrDefault(a => a["verb"]?.GetValue<string>() == verb && (where is null || where(a)));

    /// <summary>The step id a step or review card's buttons carry ("espacio", "datos", … "revision").</summary>
    public static string? StepOf(JsonObject card) =>
        (FindAction(card, "report.next") ?? FindAction(card, "report.submit"))?["data"]?["step"]?.GetValue<string>();

    public static string? DraftOf(JsonObject card) =>
        (FindAction(card, "report.next") ?? FindAction(card, "report.submit"))?["data"]?["draftId"]?.GetValue<string>();

    /// <summary>Texts shown in the attention colour: validation errors and refusals.</summary>
    public static IReadOnlyList<string> Attention(JsonObject card) =>
        [.. Walk(card).Where(n => n["type"]?.GetValue<string>() == "TextBlock" && n["color"]?.GetValue<string>() == "attention")
            .Select(n => n["text"]?.GetValue<string>() ?? string.Empty)];

    public static string AllText(JsonObject card) => string.Join(" | ", Walk(card)
        .Where(n => n["type"]?.GetValue<string>() == "TextBlock").Select(n => n["text"]?.GetValue<string>()));

    public static IReadOnlyList<CardInput> Inputs(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var inputs = new List<CardInput>();
        foreach (var node in Walk(card))
        {
            if (node["type"]?.GetValue<string>() is not { } type || !type.StartsWith("Input.", StringComparison.Ordinal) || node["id"]?.GetValue<string>() is not { } id)
            {
                continue;
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
            inputs.Add(new CardInput(
                id,
                type,
                string.IsNullOrEmpty(value) ? null : value,
                node["isRequired"]?.GetValue<bool>() == true,
                node["isMultiSelect"]?.GetValue<bool>() == true,
                choices,
                node["min"]?.GetValue<double>(),
                node["max"]?.GetValue<double>(),
                node["maxLength"]?.GetValue<int>(),
                node["label"]?.GetValue<string>() ?? id));
        }

        return inputs;
    }

    /// <summary>All objects of the card, depth first, skipping fallbacks (a client that renders Action.Execute never sees them).</summary>
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
                var children = new List<JsonNode>();
                foreach (var (key, child) in obj)
                {
                    if (key != "fallback" && child is not null)
                    {
                        children.Add(child);
                    }
                }

                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
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
