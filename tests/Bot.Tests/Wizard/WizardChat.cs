using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Wizard;

/// <summary>
/// One personal chat with the bot over HTTP, acting like a Teams client: it types, and it presses the buttons of the
/// cards it received, sending the card's inputs (with the values it chose) along with the button's data, either as
/// Action.Execute (invoke, card answered in the HTTP response) or Action.Submit (message, card sent as a reply).
/// </summary>
internal sealed class WizardChat
{
    /// <summary>The day the tests live on: mid-year, so some sample spaces are held and others are upcoming.</summary>
    public static readonly DateTimeOffset Today = new(2026, 6, 30, 15, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _client;
    private int _sequence;

    public WizardChat(BotFactory factory, string? conversationId = null, string locale = "es-CO", string conversationType = "personal")
    {
        ConversationType = conversationType;
        Factory = factory;
        _client = factory.CreateClient();
        ConversationId = conversationId ?? "a:" + Guid.NewGuid().ToString("N");
        Locale = locale;
    }

    public BotFactory Factory { get; }

    public string ConversationId { get; }

    public string Locale { get; }

    public string ConversationType { get; }

    /// <summary>Teams under faults: every activity is delivered again with the same id, at once and after <see cref="RedeliveryDelay"/>.</summary>
    public bool Redeliver { get; init; }

    /// <summary>A double click: every button press goes out twice at once, as two activities with their own ids.</summary>
    public bool DoubleClick { get; init; }

    public TimeSpan RedeliveryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Every HTTP status the endpoint answered, redeliveries included.</summary>
    public ConcurrentQueue<HttpStatusCode> Statuses { get; } = new();

    /// <summary>The id of every message this chat sent (a redelivery shares it), to match the bot's replies.</summary>
    public ConcurrentQueue<string> MessageIds { get; } = new();

    /// <summary>The card each click of the last button press showed (two for a double click; null when it showed none).</summary>
    public IReadOnlyList<JsonObject?> LastClickCards { get; private set; } = [];

    /// <summary>The last card the bot showed (the invoke response, or the last card it sent).</summary>
    public JsonObject? Card { get; set; }

    /// <summary>The text of the last invoke message response or plain reply.</summary>
    public string? LastText { get; private set; }

    /// <summary>The last activity this chat posted, as sent (for delivering it again later).</summary>
    public string? LastActivityJson { get; private set; }

    public static BotFactory NewFactory(string? dataDirectory = null, Action<IServiceCollection>? configure = null) =>
        new(dataDirectory, new ManualTimeProvider(Today), configure);

    /// <summary>Waits until the Development seeder stored the sample plan.</summary>
    public static async Task<Plan> SamplePlanAsync(BotFactory factory)
    {
        var plans = factory.Services.GetRequiredService<IPlanRepository>();
        for (var i = 0; i < 200; i++)
        {
            if (await plans.GetAsync("mintrabajo", 2026) is { } plan)
            {
                return plan;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The sample plan was not seeded.");
    }

    public async Task<JsonObject?> SayAsync(string text)
    {
        var activity = Base("message");
        activity["text"] = text;
        return await PostMessageAsync(activity);
    }

    /// <summary>Sends a message carrying file attachments (what Teams sends when a file is dropped in personal chat).</summary>
    public async Task<IReadOnlyList<SentActivity>> SendFilesAsync(params (string Name, string FileType, long? Size)[] files)
    {
        var activity = Base("message");
        activity["text"] = string.Empty;
        var attachments = new JsonArray();
        foreach (var (name, type, size) in files)
        {
            var content = new JsonObject { ["downloadUrl"] = "https://contoso.sharepoint.com/personal/download?token=abc", ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = type };
            if (size is not null)
            {
                content["size"] = size.Value;
            }

            attachments.Add(new JsonObject { ["contentType"] = "application/vnd.microsoft.teams.file.download.info", ["name"] = name, ["content"] = content });
        }

        activity["attachments"] = attachments;
        var before = Factory.Connector.SentTo(ConversationId).Count;
        await PostAsync(activity);
        await Factory.Connector.WaitForAsync(ConversationId, before + 1);
        await Task.Delay(100);
        var sent = Factory.Connector.SentTo(ConversationId).Skip(before).ToList();
        if (sent.LastOrDefault(s => s.Card is not null) is { } withCard)
        {
            Card = JsonNode.Parse(withCard.Card!.Value.GetRawText())!.AsObject();
        }

        return sent;
    }

    /// <summary>Presses the button with this verb (and title fragment) on the last card, as Action.Execute.</summary>
    public Task<JsonObject?> ExecuteAsync(string verb, IReadOnlyDictionary<string, string?>? inputs = null, string? title = null) =>
        PressAsync(verb, inputs, title, execute: true);

    /// <summary>The same button through the Action.Submit fallback.</summary>
    public Task<JsonObject?> SubmitAsync(string verb, IReadOnlyDictionary<string, string?>? inputs = null, string? title = null) =>
        PressAsync(verb, inputs, title, execute: false);

    /// <summary>Posts raw action data (a forged card) as Action.Execute.</summary>
    public async Task<(HttpStatusCode Status, JsonObject? Card)> ExecuteRawAsync(string verb, JsonObject data)
    {
        var activity = Base("invoke");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        var (status, body) = await PostAsync(activity);
        return (status, Read(body) ? Card : null);
    }

    /// <summary>Teams delivering an activity this chat posted earlier again, with its id: the card it answered with, if any.</summary>
    public async Task<JsonObject?> DeliverAgainAsync(string activityJson)
    {
        using var response = await _client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activityJson));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Read(await response.Content.ReadAsStringAsync()) ? Card : null;
    }

    public async Task<JsonObject?> PressAsync(string verb, IReadOnlyDictionary<string, string?>? inputs, string? title, bool execute)
    {
        var card = Card ?? throw new InvalidOperationException("No card to press a button on.");
        var action = FindAction(card, verb, title) ?? throw new InvalidOperationException($"No button '{verb}' ({title}) on the card:\n{card.ToJsonString()}");
        var data = (action["data"]?.DeepClone() as JsonObject) ?? [];
        foreach (var (id, value) in InputValues(card))
        {
            data[id] = value?.DeepClone();
        }

        foreach (var (id, value) in inputs ?? new Dictionary<string, string?>())
        {
            data[id] = value;
        }

        var clicks = DoubleClick ? 2 : 1;
        if (execute)
        {
            var invokes = Enumerable.Range(0, clicks).Select(_ =>
            {
                var activity = Base("invoke");
                activity["name"] = "adaptiveCard/action";
                activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() }, ["trigger"] = "manual" };
                return activity;
            }).ToList();
            var answers = await Task.WhenAll(invokes.Select(PostAsync));
            var cards = new List<JsonObject?>();
            foreach (var (status, body) in answers)
            {
                Assert.Equal(HttpStatusCode.OK, status);
                cards.Add(Read(body) ? Card : null);
            }

            LastClickCards = cards;
            Card = cards.LastOrDefault(c => c is not null) ?? Card;
            return Card;
        }

        data["verb"] = verb;
        var replyTo = "card-" + _sequence;
        var messages = Enumerable.Range(0, clicks).Select(_ =>
        {
            var message = Base("message");
            message["value"] = data.DeepClone();
            message["replyToId"] = replyTo;
            return message;
        }).ToArray();
        var shown = await PostMessageAsync(messages);
        var ids = messages.Select(m => m["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        LastClickCards = [.. Factory.Connector.SentTo(ConversationId).Where(s => s.ReplyToId is { } id && ids.Contains(id))
            .Select(s => s.Card is { } element ? JsonNode.Parse(element.GetRawText())!.AsObject() : null)];
        return shown;
    }

    /// <summary>Every input of the card with the value a client would send (blank when empty).</summary>
    public static Dictionary<string, JsonNode?> InputValues(JsonObject card)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var node in Walk(card))
        {
            if (node["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal) && node["id"]?.GetValue<string>() is { } id)
            {
                values[id] = node["value"]?.DeepClone() ?? (type == "Input.Number" ? null : JsonValue.Create(string.Empty));
            }
        }

        return values;
    }

    public static JsonObject? FindAction(JsonObject card, string verb, string? title = null) =>
        Walk(card).FirstOrDefault(n => n["type"]?.GetValue<string>() == "Action.Execute"
            && string.Equals(n["verb"]?.GetValue<string>(), verb, StringComparison.Ordinal)
            && (title is null || (n["title"]?.GetValue<string>() ?? string.Empty).Contains(title, StringComparison.Ordinal)));

    public static JsonObject? FindInput(JsonObject card, string id) =>
        Walk(card).FirstOrDefault(n => n["id"]?.GetValue<string>() == id && n["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true);

    public static string AllText(JsonObject? card) => card is null ? string.Empty : string.Join("\n", Walk(card)
        .SelectMany(n => new[] { n["text"], n["title"], n["value"] }).OfType<JsonValue>()
        .Select(v => v.TryGetValue<string>(out var text) ? text : v.ToJsonString()));

    /// <summary>The draft the conversation has stored, or null.</summary>
    public async Task<ReportDraft?> DraftAsync() =>
        (await Factory.Services.GetRequiredService<IReportDraftRepository>().GetAsync(ConversationId))?.Value.Draft;

    public async Task<ParticipationReport> SingleReportAsync()
    {
        var reports = Factory.Services.GetRequiredService<IReportRepository>();
        return Assert.Single(await reports.ListAsync("mintrabajo", 2026));
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (key, child) in obj)
                {
                    if (key == "fallback")
                    {
                        continue;
                    }

                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>Posts the messages at once (one, or the clicks of a double click) and waits for a reply to each.</summary>
    private async Task<JsonObject?> PostMessageAsync(params JsonObject[] activities)
    {
        var before = Factory.Connector.SentTo(ConversationId).Count;
        foreach (var (status, _) in await Task.WhenAll(activities.Select(PostAsync)))
        {
            Assert.Equal(HttpStatusCode.OK, status);
        }

        var sent = await Factory.Connector.WaitForAsync(ConversationId, before + activities.Length);
        var last = sent[^1];
        LastText = last.Activity.Text;
        Card = last.Card is { } element ? JsonNode.Parse(element.GetRawText())!.AsObject() : null;
        return Card;
    }

    private bool Read(string body)
    {
        LastText = null;
        if (body.Length == 0)
        {
            return false;
        }

        var json = JsonNode.Parse(body)!.AsObject();
        if (json["type"]?.GetValue<string>() == ContentTypes.AdaptiveCard)
        {
            Card = json["value"]!.AsObject();
            return true;
        }

        LastText = json["value"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : json["value"]?["message"]?.GetValue<string>();
        return false;
    }

    /// <summary>
    /// Posts the activity (and, with <see cref="Redeliver"/>, the same activity twice more); returns the answer of the
    /// delivery that ran the turn: the others are answered as redeliveries.
    /// </summary>
    private async Task<(HttpStatusCode Status, string Body)> PostAsync(JsonObject activity)
    {
        if (activity["type"]?.GetValue<string>() == "message")
        {
            MessageIds.Enqueue(activity["id"]!.GetValue<string>());
        }

        var json = activity.ToJsonString();
        LastActivityJson = json;
        async Task<(HttpStatusCode Status, string Body)> DeliverAsync(TimeSpan delay)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }

            using var response = await _client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(json));
            Statuses.Enqueue(response.StatusCode);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        if (!Redeliver)
        {
            return await DeliverAsync(TimeSpan.Zero);
        }

        var answers = await Task.WhenAll(DeliverAsync(TimeSpan.Zero), DeliverAsync(TimeSpan.Zero), DeliverAsync(RedeliveryDelay));
        return answers.FirstOrDefault(a => !IsRedeliveryAnswer(a.Body), answers[0]);
    }

    /// <summary>The short message a repeated invoke gets instead of running the turn again.</summary>
    public static bool IsRedeliveryAnswer(string body) =>
        body.Length > 0
        && JsonNode.Parse(body) is JsonObject json
        && json["value"] is JsonValue value
        && value.TryGetValue<string>(out var text)
        && (text == Texts.ActionAlreadyReceived.For(UserLanguage.Spanish) || text == Texts.ActionAlreadyReceived.For(UserLanguage.English));

    private JsonObject Base(string type)
    {
        var id = Interlocked.Increment(ref _sequence);
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = $"{type}-{Guid.NewGuid():N}-{id}",
            ["timestamp"] = "2026-06-30T15:00:00.000Z",
            ["serviceUrl"] = "https://smba.trafficmanager.net/amer/",
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:1a2b3c-user", ["name"] = "Laura Gómez", ["aadObjectId"] = "6f0c2f3a-8d3b-4e1a-9c51-1a2b3c4d5e6f" },
            ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = ConversationType, ["tenantId"] = "8c1a1f4e-2f6b-4d2e-9a7e-5b0c6d7e8f90" },
            ["recipient"] = new JsonObject { ["id"] = "28:00000000-0000-0000-0000-0000000000b0", ["name"] = "ParticipaBot" },
            ["locale"] = Locale,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "8c1a1f4e-2f6b-4d2e-9a7e-5b0c6d7e8f90" } },
        };
    }
}
