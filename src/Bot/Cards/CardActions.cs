using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParticipaBot.Bot.Cards;

/// <summary>
/// Card actions carry a verb that the turn router dispatches on (docs/conversations.md).
/// Action.Submit arrives as a message whose value is {verb, ...data, ...inputs};
/// Action.Execute arrives as invoke "adaptiveCard/action" with value.action.verb.
/// </summary>
internal static class CardActions
{
    /// <summary>The key that carries the verb in Action.Submit data.</summary>
    public const string VerbKey = "verb";

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static JsonObject Submit(string title, string verb, JsonObject? data = null) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = WithVerb(verb, data),
    };

    /// <summary>
    /// Universal Action (answered with a refreshed card in the HTTP response), falling back to Action.Submit with the
    /// same verb and data on clients that do not support Action.Execute; handlers serve both paths.
    /// </summary>
    public static JsonObject Execute(string title, string verb, JsonObject? data = null)
    {
        // Written as JSON and returned as one node over it (the same bytes when sent, materialised only if read): as a
        // node tree, an action with its fallback was four objects and a dozen values, a tenth of a step card.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Protocol.WireJson.Encoder });
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("type", "Action.Execute");
        writer.WriteString("title", title);
        writer.WriteString("verb", verb);
        writer.WritePropertyName("data");
        if (data is null)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            data.WriteTo(writer);
        }

        writer.WritePropertyName("fallback");
        writer.WriteStartObject();
        writer.WriteString("type", "Action.Submit");
        writer.WriteString("title", title);
        writer.WritePropertyName("data");
        writer.WriteStartObject();
        writer.WriteString(VerbKey, verb);
        foreach (var (key, value) in data ?? [])
        {
            if (key != VerbKey)
            {
                writer.WritePropertyName(key);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        var action = JsonObject.Create(JsonElement.ParseValue(ref reader))!;
        if (buffer.Capacity > 64 * 1024)
        {
            // Unusually large data must not keep its buffer alive on the thread.
            t_buffer = null;
            t_writer = null;
        }

        return action;
    }

    public static JsonObject OpenUrl(string title, Uri url) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = title,
        ["url"] = url.ToString(),
    };

    private static JsonObject WithVerb(string verb, JsonObject? data)
    {
        var result = new JsonObject { [VerbKey] = verb };
        if (data is not null)
        {
            foreach (var (key, value) in data)
            {
                if (key != VerbKey)
                {
                    result[key] = value?.DeepClone();
                }
            }
        }

        return result;
    }
}
