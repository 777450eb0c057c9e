using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Tests.Support;

namespace ParticipaBot.Bot.Tests.Protocol;

public sealed class MessagesEndpointTests(BotFactory factory) : IClassFixture<BotFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private RecordingConnectorClient Connector => factory.Connector;

    [Fact]
    public async Task Post_InstallInPersonalChatSpanish_SendsWelcomeCardInSpanish()
    {
        var (activity, conversationId) = TestActivities.LoadFresh("installation-personal.json");

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(await Connector.WaitForAsync(conversationId));
        Assert.Equal("send", sent.Operation);
        Assert.Equal(ContentTypes.AdaptiveCard, sent.Activity.Attachments![0].ContentType);
        Assert.Contains("¡Hola! Soy ParticipaBot", sent.AllText, StringComparison.Ordinal);
        Assert.Contains("mis pendientes", sent.AllText, StringComparison.Ordinal);
        Assert.Equal("es-CO", sent.Activity.Locale);
        Assert.Equal("28:00000000-0000-0000-0000-0000000000b0", sent.Activity.From?.Id);
    }

    [Fact]
    public async Task Post_InstallInPersonalChatEnglish_SendsWelcomeCardInEnglish()
    {
        var (activity, conversationId) = TestActivities.LoadFresh("installation-personal.json", a =>
        {
            a["locale"] = "en-US";
            a["entities"]![0]!["locale"] = "en-US";
        });

        await PostAsync(activity);

        var sent = Assert.Single(await Connector.WaitForAsync(conversationId));
        Assert.Contains("Hi! I'm ParticipaBot", sent.AllText, StringComparison.Ordinal);
        Assert.Contains("my pending items", sent.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_InstallationAndConversationUpdateForOneInstall_WelcomesOnce()
    {
        var (install, conversationId) = TestActivities.LoadFresh("installation-personal.json");
        var update = TestActivities.Load("conversation-update-personal.json");
        update["conversation"]!["id"] = conversationId;
        var (help, _) = TestActivities.LoadFresh("message-personal.json");
        help["conversation"]!["id"] = conversationId;

        await PostAsync(install);
        await PostAsync(update);
        await PostAsync(help);

        // The help reply comes last in this conversation's queue, so both install events were handled before it.
        var sent = await Connector.WaitForAsync(conversationId, 2);
        await Task.Delay(100);
        sent = Connector.SentTo(conversationId);
        Assert.Equal(2, sent.Count);
        Assert.Contains("¡Hola! Soy ParticipaBot", sent[0].AllText, StringComparison.Ordinal);
        Assert.Contains("Lo que puedo hacer", sent[1].AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_InstallInTeam_SendsChannelNote()
    {
        var (activity, conversationId) = TestActivities.LoadFresh("installation-team.json");

        await PostAsync(activity);

        var sent = Assert.Single(await Connector.WaitForAsync(conversationId));
        Assert.Equal("send", sent.Operation);
        Assert.Contains("notificar aquí", sent.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("mis pendientes", sent.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ayuda", "es-CO", "Lo que puedo hacer")]
    [InlineData("help", "en-US", "What I can do")]
    [InlineData("  MENÚ ", "es-CO", "Lo que puedo hacer")]
    [InlineData("?", "en-GB", "What I can do")]
    public async Task Post_HelpCommand_RepliesWithHelpCard(string text, string locale, string expectedTitle)
    {
        var (activity, conversationId) = TestActivities.LoadFresh("message-personal.json", a =>
        {
            a["text"] = text;
            a["locale"] = locale;
        });

        await PostAsync(activity);

        var sent = Assert.Single(await Connector.WaitForAsync(conversationId));
        Assert.Equal("reply", sent.Operation);
        Assert.Equal(activity["id"]!.GetValue<string>(), sent.ReplyToId);
        Assert.Contains(expectedTitle, sent.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChannelMessageMentioningBot_StripsMentionAndRepliesWithHelp()
    {
        var (activity, conversationId) = TestActivities.LoadFresh("message-channel-mention.json");

        await PostAsync(activity);

        var sent = Assert.Single(await Connector.WaitForAsync(conversationId));
        Assert.Contains("Lo que puedo hacer", sent.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SubmitWithCommandVerb_RunsTheCommand()
    {
        var (activity, conversationId) = TestActivities.LoadFresh("message-submit.json");

        await PostAsync(activity);

        var sent = Assert.Single(await Connector.WaitForAsync(conversationId));
        Assert.Contains("Lo que puedo hacer", sent.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownText_RepliesNotUnderstoodWithHelpButton()
    {
        var (activity, conversationId) = TestActivities.LoadFresh("message-personal.json", a => a["text"] = "quiero un café");

        await PostAsync(activity);

        var sent = Assert.Single(await Connector.WaitForAsync(conversationId));
        Assert.Contains("No entendí", sent.AllText, StringComparison.Ordinal);
        Assert.Contains("\"verb\": help", sent.AllText, StringComparison.Ordinal);
    }

    public static TheoryData<string> PlannedCommandNames => [.. BotCommands.Planned.Select(c => c.SpanishNames[0])];

    /// <summary>Every command the welcome and help cards announce has its feature: none answers "not available yet".</summary>
    [Theory]
    [MemberData(nameof(PlannedCommandNames))]
    public async Task Post_EveryAnnouncedCommand_HasItsFeature(string command)
    {
        var (activity, conversationId) = TestActivities.LoadFresh("message-personal.json", a => a["text"] = command);

        await PostAsync(activity);

        var sent = await Connector.WaitForAsync(conversationId);
        Assert.NotEmpty(sent);
        Assert.DoesNotContain(sent, s => s.AllText.Contains("todavía no está disponible", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"type\": 5, \"conversation\": {\"id\": \"a:1\"}, \"serviceUrl\": \"https://smba.trafficmanager.net/amer/\"}")]
    [InlineData("{\"conversation\": {\"id\": \"a:1\"}, \"serviceUrl\": \"https://smba.trafficmanager.net/amer/\"}")]
    [InlineData("{\"type\": \"message\", \"conversation\": \"a:1\", \"serviceUrl\": \"https://smba.trafficmanager.net/amer/\"}")]
    [InlineData("{\"type\": \"message\", \"serviceUrl\": \"https://smba.trafficmanager.net/amer/\"}")]
    [InlineData("")]
    public async Task Post_MalformedBody_Returns400WithGenericBody(string body)
    {
        var response = await _client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("{\"error\":\"Malformed activity.\"}", text);
    }

    [Fact]
    public async Task Post_BodyOverCap_Returns413()
    {
        var (activity, conversationId) = TestActivities.LoadFresh("message-personal.json", a => a["text"] = new string('x', MessagesEndpoint.MaxBodyBytes));

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await Task.Delay(100);
        Assert.Empty(Connector.SentTo(conversationId));
    }

    [Fact]
    public async Task Post_UnknownActivityType_Returns200AndSendsNothing()
    {
        var (unknown, conversationId) = TestActivities.LoadFresh("unknown-type.json");
        var help = TestActivities.Load("message-personal.json");
        help["conversation"]!["id"] = conversationId;

        var response = await PostAsync(unknown);
        await PostAsync(help);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Turns of one conversation run in order: once the help reply is out, the unknown activity was handled too.
        await Connector.WaitForAsync(conversationId);
        await Task.Delay(100);
        var sent = Assert.Single(Connector.SentTo(conversationId));
        Assert.Contains("Lo que puedo hacer", sent.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RedeliveredActivity_IsProcessedOnce()
    {
        var (activity, conversationId) = TestActivities.LoadFresh("message-personal.json");
        var next = JsonNode.Parse(activity.ToJsonString())!.AsObject();
        next["id"] = "1772460000099";
        next["text"] = "help";

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(activity)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(activity)).StatusCode);
        await PostAsync(next);

        await Connector.WaitForAsync(conversationId, 2);
        await Task.Delay(100);
        var sent = Connector.SentTo(conversationId);
        Assert.Equal(2, sent.Count);
        Assert.Equal(activity["id"]!.GetValue<string>(), sent[0].ReplyToId);
        Assert.Equal("1772460000099", sent[1].ReplyToId);
    }

    [Fact]
    public async Task Post_InvokeWithUnknownName_Returns501()
    {
        var (activity, _) = TestActivities.LoadFresh("invoke-unknown.json");

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_CardActionInvokeWithUnknownVerb_ReturnsTyped400()
    {
        var (activity, _) = TestActivities.LoadFresh("invoke-card-action.json", a => a["value"]!["action"]!["verb"] = "no.such.verb");

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(ContentTypes.InvokeError, body.RootElement.GetProperty("type").GetString());
        Assert.Equal("UnknownVerb", body.RootElement.GetProperty("value").GetProperty("code").GetString());
        Assert.StartsWith("Esa acción ya no está disponible", body.RootElement.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CardActionInvokeWithoutVerb_ReturnsTyped400()
    {
        var (activity, _) = TestActivities.LoadFresh("invoke-card-action.json", a => a["value"] = new JsonObject { ["action"] = "oops" });

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("BadRequest", body.RootElement.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_CardActionInvokeForHelp_ReturnsCardInResponse()
    {
        var (activity, conversationId) = TestActivities.LoadFresh("invoke-card-action.json", a => a["locale"] = "en-US");

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(ContentTypes.AdaptiveCard, body.RootElement.GetProperty("type").GetString());
        Assert.Equal("1.5", body.RootElement.GetProperty("value").GetProperty("version").GetString());
        Assert.Contains("What I can do", body.RootElement.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Empty(Connector.SentTo(conversationId));
    }

    [Fact]
    public async Task Post_RedeliveredInvoke_RunsOnceAndAcknowledgesTheSecond()
    {
        // «exportar» is not repeat-safe: its redelivery is refused by the receipt.
        var (activity, _) = TestActivities.LoadFresh("invoke-card-action.json", a => a["value"]!["action"]!["verb"] = "export");

        var first = await PostAsync(activity);
        var second = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.DoesNotContain("Ya habíamos recibido", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal(ContentTypes.InvokeMessage, body.RootElement.GetProperty("type").GetString());
        Assert.Equal("Ya habíamos recibido esta acción.", body.RootElement.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Post_RedeliveredRepeatSafeInvoke_AnswersWithTheCardAgain()
    {
        // «ayuda» only shows: a redelivery is answered like the first delivery, without a receipt in the store.
        var (activity, conversationId) = TestActivities.LoadFresh("invoke-card-action.json");

        var first = await PostAsync(activity);
        var second = await PostAsync(activity);

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(ContentTypes.AdaptiveCard, body.RootElement.GetProperty("type").GetString());
        }

        Assert.Empty(Connector.SentTo(conversationId));
    }

    [Theory]
    [InlineData("es-CO", "Algo salió mal")]
    [InlineData("en-US", "Something went wrong")]
    public async Task Post_HandlerThrows_RepliesApologyInUserLanguage(string locale, string expected)
    {
        var (activity, conversationId) = TestActivities.LoadFresh("message-personal.json", a =>
        {
            a["text"] = "fallar";
            a["locale"] = locale;
        });

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(await Connector.WaitForAsync(conversationId));
        Assert.StartsWith(expected, sent.Activity.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", sent.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_InvokeHandlerThrows_ReturnsTyped500WithoutInternals()
    {
        var (activity, _) = TestActivities.LoadFresh("invoke-card-action.json", a => a["value"]!["action"]!["verb"] = "test.fail");

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(text);
        Assert.Equal(500, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(ContentTypes.InvokeError, body.RootElement.GetProperty("type").GetString());
        Assert.Equal("InternalError", body.RootElement.GetProperty("value").GetProperty("code").GetString());
        Assert.StartsWith("Algo salió mal", body.RootElement.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_InstallAndUninstall_TellsInstallationHandlersWithConversationReference()
    {
        var (install, conversationId) = TestActivities.LoadFresh("installation-personal.json");
        var uninstall = JsonNode.Parse(install.ToJsonString())!.AsObject();
        uninstall["id"] = "f:uninstall";
        uninstall["action"] = "remove";

        await PostAsync(install);
        await PostAsync(uninstall);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (factory.Installations.For(conversationId).Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var events = factory.Installations.For(conversationId);
        Assert.Equal(["added", "removed"], events.Select(e => e.Event));
        var (_, conversation, user) = events[0];
        Assert.Equal("https://smba.trafficmanager.net/amer/", conversation.ServiceUrl);
        Assert.Equal("8c1a1f4e-2f6b-4d2e-9a7e-5b0c6d7e8f90", conversation.TenantId);
        Assert.Equal("28:00000000-0000-0000-0000-0000000000b0", conversation.BotId);
        Assert.Equal("personal", conversation.ConversationType);
        Assert.Equal("6f0c2f3a-8d3b-4e1a-9c51-1a2b3c4d5e6f", user.AadObjectId);
    }

    [Fact]
    public async Task Post_InvokeWithRegisteredName_ReturnsHandlersResponse()
    {
        var (activity, _) = TestActivities.LoadFresh("invoke-unknown.json", a =>
        {
            a["name"] = "test/echo";
            a["locale"] = "en-US";
        });

        var response = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("en-US", body.RootElement.GetProperty("value").GetString());
    }

    [Fact]
    public async Task Post_InvokeOverBudget_AnswersStillWorkingAndTheTurnFinishes()
    {
        using var budgeted = factory.WithWebHostBuilder(b => b.UseSetting("Conversations:InvokeBudgetSeconds", "1"));
        var (activity, _) = TestActivities.LoadFresh("invoke-unknown.json", a => a["name"] = "test/slow");
        var started = System.Diagnostics.Stopwatch.StartNew();

        var response = await budgeted.CreateClient().PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));

        Assert.True(started.Elapsed < SlowInvokeHandler.Duration, $"answered after {started.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Texts.StillWorking.Es, body.RootElement.GetProperty("value").GetString());
        var completions = budgeted.Services.GetRequiredService<SlowInvokeHandler.Completions>();
        await completions.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void InvokeResponseResult_CardMessageAndError_WritesTheCardsBytesAndTheSerializersForTheRest()
    {
        var card = new AdaptiveCardBuilder()
            .Add(CardElements.Heading("Información del espacio <b>\"ñandú\"</b> & 'más' 🙂"))
            .Add(CardElements.InputNumber("n", "Número", value: 12.5, min: 0, max: 1e6))
            .Add(CardElements.InputChoiceSet("c", "Elija", [("Sí", "SI"), ("No \u2028", "NO")], isRequired: true))
            .AddAction(CardActions.Execute("Siguiente →", "report.next", new CardObject { ["draftId"] = "d-1", ["step"] = "2" }))
            .WithFallbackText("Paso 2 de 7")
            .FullWidth()
            .Build();
        (InvokeResponse Response, JsonNode Expected)[] cases =
        [
            (InvokeResponse.Card(card), new JsonObject { ["statusCode"] = 200, ["type"] = ContentTypes.AdaptiveCard, ["value"] = card.ToJsonObject() }),
            (InvokeResponse.Message("Listo <ok> & \"hecho\""), new JsonObject { ["statusCode"] = 200, ["type"] = ContentTypes.InvokeMessage, ["value"] = "Listo <ok> & \"hecho\"" }),
            (
                InvokeResponse.Error(400, InvokeErrorCodes.BadRequest, "Dato inválido: 'x'"),
                new JsonObject
                {
                    ["statusCode"] = 400,
                    ["type"] = ContentTypes.InvokeError,
                    ["value"] = new JsonObject { ["code"] = InvokeErrorCodes.BadRequest, ["message"] = "Dato inválido: 'x'" },
                }),
        ];

        foreach (var (response, expected) in cases)
        {
            var written = new System.Buffers.ArrayBufferWriter<byte>();
            MessagesEndpoint.InvokeResponseResult.Write(written, response);

            Assert.True(response.HasBody);
            Assert.Equal(
                System.Text.Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(expected, MessagesEndpoint.SerializerOptions)),
                System.Text.Encoding.UTF8.GetString(written.WrittenSpan));
        }

        // The card goes out as the bytes it was built as, and those are what the serialiser writes for the same tree.
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(card.ToJsonObject(), MessagesEndpoint.SerializerOptions), card.Utf8Json.ToArray());
        Assert.False(InvokeResponse.Ok().HasBody);
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        _client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));
}
