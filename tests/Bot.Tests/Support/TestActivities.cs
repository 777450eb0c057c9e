using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ParticipaBot.Bot.Tests.Support;

/// <summary>Activity JSON from TestData/, with a fresh conversation id per test so tests sharing a host stay apart.</summary>
internal static class TestActivities
{
    public static JsonObject Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", fileName);
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    /// <summary>Loads the file and gives it a new conversation id (kept in its shape: "a:" personal, "19:" otherwise).</summary>
    public static (JsonObject Activity, string ConversationId) LoadFresh(string fileName, Action<JsonObject>? change = null)
    {
        var activity = Load(fileName);
        var old = activity["conversation"]!["id"]!.GetValue<string>();
        var conversationId = (old.StartsWith("a:", StringComparison.Ordinal) ? "a:" : "19:") + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        activity["conversation"]!["id"] = conversationId;
        change?.Invoke(activity);
        return (activity, conversationId);
    }

    public static StringContent Content(JsonObject activity) => Content(activity.ToJsonString());

    public static StringContent Content(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
