using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.TestSupport.Fakes;

namespace ParticipaBot.Bot.Tests.Protocol;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ConversationId = "19:abc@thread.tacv2;messageid=1700000000000";
    private const string WarmUpSuffix = "-warm-up";
    private FakeConnectorServer _server = null!;
    private ServiceProvider _services = null!;
    private readonly RecordingTokenProvider _tokens = new();

    public async Task InitializeAsync()
    {
        _server = await FakeConnectorServer.StartAsync();
        _services = ProtocolServices.Build(
            ProtocolServices.SingleTenant(
                ("Bot:AllowedServiceUrlHosts:0", "127.0.0.1"),
                ("Bot:ConnectorBaseRetryDelay", "00:00:00.020"),
                ("Bot:ConnectorMaxRetryDelay", "00:00:01.200"),
                // Short, for the hang test below, but well above a cold first request on a loaded CI machine (each test
                // starts its own server and client): at 0.8 s such a request was cut off and retried, and the server saw two.
                ("Bot:ConnectorAttemptTimeout", "00:00:03")),
            configure: services => services.Replace(ServiceDescriptor.Singleton<IAccessTokenProvider>(_tokens)));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    private ConversationReference Conversation(string id = ConversationId) =>
        new(_server.ServiceUrl, id, ProtocolServices.TenantId, "28:" + ProtocolServices.AppId, "ParticipaBot", ConversationTypes.Channel);

    [Fact]
    public async Task SendToConversation_Success_SendsOnceWithTokenAndWithoutChannelFields()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "should-not-be-sent",
            Timestamp = DateTimeOffset.UtcNow,
            ServiceUrl = _server.ServiceUrl,
            Text = "Hola",
        };

        var response = await Client.SendToConversationAsync(Conversation(), activity, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000/activities", request.RawTarget);
        Assert.Equal("Bearer token-for-https://api.botframework.com/.default", request.Authorization);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var body = request.Json;
        Assert.Equal("Hola", body.GetProperty("text").GetString());
        Assert.False(body.TryGetProperty("id", out _));
        Assert.False(body.TryGetProperty("timestamp", out _));
        Assert.False(body.TryGetProperty("serviceUrl", out _));
        Assert.False(body.TryGetProperty("attachments", out _)); // nulls are not written
        Assert.StartsWith("activity-", response.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversation_SpanishText_KeepsLettersAndEscapesMarkup()
    {
        // Sent as the card's size was measured: accents as themselves, characters that could become markup escaped.
        var card = JsonDocument.Parse("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Participación \u003Cb\u003E"}]}""").RootElement.Clone();
        await Client.SendToConversationAsync(
            Conversation(),
            new Activity { Type = ActivityTypes.Message, Text = "Información <script>", Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = card }] },
            CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Contains("Información", request.Body, StringComparison.Ordinal);
        Assert.Contains("Participación", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", request.Body, StringComparison.Ordinal);
        Assert.Equal("Información <script>", request.Json.GetProperty("text").GetString());
        Assert.Equal("Participación <b>", request.Json.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task ReplyToActivity_PostsToActivityAndSetsReplyToId()
    {
        await Client.ReplyToActivityAsync(Conversation("a:1"), "1:parent", new Activity { Type = ActivityTypes.Message, Text = "ok" }, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/amer/v3/conversations/a%3A1/activities/1%3Aparent", request.RawTarget);
        Assert.Equal("1:parent", request.Json.GetProperty("replyToId").GetString());
        Assert.Single(request.Json.EnumerateObject(), p => p.Name == "replyToId");
    }

    [Fact]
    public async Task UpdateAndDelete_UsePutAndDelete()
    {
        await Client.UpdateActivityAsync(Conversation("a:1"), "m1", new Activity { Type = ActivityTypes.Message, Text = "v2" }, CancellationToken.None);
        await Client.DeleteActivityAsync(Conversation("a:1"), "m1", CancellationToken.None);

        Assert.Equal(["PUT /amer/v3/conversations/a%3A1/activities/m1", "DELETE /amer/v3/conversations/a%3A1/activities/m1"],
            _server.Requests.Select(r => r.Method + " " + r.RawTarget));
        Assert.False(_server.Requests[0].Json.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task CreateConversation_OneToOne_SendsBotMembersAndTenant()
    {
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:" + ProtocolServices.AppId },
            Members = [new ChannelAccount { Id = "29:user" }],
            ChannelData = JsonDocument.Parse("""{"tenant":{"id":"t1"}}""").RootElement.Clone(),
        };

        var created = await Client.CreateConversationAsync(_server.ServiceUrl, parameters, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/amer/v3/conversations", request.Path);
        Assert.Equal("29:user", request.Json.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("t1", request.Json.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.False(request.Json.TryGetProperty("isGroup", out _));
        Assert.StartsWith("a:created-", created.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateConversation_ChannelThread_SendsActivityWithoutChannelFields()
    {
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = JsonDocument.Parse("""{"channel":{"id":"19:general@thread.tacv2"}}""").RootElement.Clone(),
            Activity = new Activity { Type = ActivityTypes.Message, Text = "Nuevo hilo", Id = "x", ServiceUrl = "https://elsewhere.test/" },
        };

        var created = await Client.CreateConversationAsync(_server.ServiceUrl, parameters, CancellationToken.None);

        var body = Assert.Single(_server.Requests).Json;
        Assert.True(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("Nuevo hilo", body.GetProperty("activity").GetProperty("text").GetString());
        Assert.False(body.GetProperty("activity").TryGetProperty("id", out _));
        Assert.False(body.GetProperty("activity").TryGetProperty("serviceUrl", out _));
        Assert.NotNull(created.ActivityId);
    }

    [Fact]
    public async Task GetPagedMembers_SendsPagingAndParsesMembers()
    {
        _server.Members.Add(new Dictionary<string, string> { ["id"] = "29:a", ["name"] = "Ana", ["aadObjectId"] = "oid-a" });

        var page = await Client.GetPagedMembersAsync(Conversation("a:1"), 50, "next+token", CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/amer/v3/conversations/a%3A1/pagedmembers?pageSize=50&continuationToken=next%2Btoken", request.RawTarget);
        Assert.Equal("Ana", Assert.Single(page.Members).Name);
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task GetMember_AsksForTheEscapedIdAndReadsTheUpn()
    {
        _server.Members.Add(new Dictionary<string, string>
        {
            ["id"] = "29:1a/b", ["name"] = "Ana", ["aadObjectId"] = "oid-a", ["userPrincipalName"] = "ana@entidad.gov.co", ["email"] = "ana.p@entidad.gov.co",
        });

        var member = await Client.GetMemberAsync(Conversation("19:team@thread.tacv2"), "29:1a/b", CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/amer/v3/conversations/19%3Ateam%40thread.tacv2/members/29%3A1a%2Fb", request.RawTarget);
        Assert.Equal("ana@entidad.gov.co", member.UserPrincipalName);
        Assert.Equal("oid-a", member.AadObjectId);
    }

    [Fact]
    public async Task GetMember_NotInTheConversation_404WithTeamsCode()
    {
        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client.GetMemberAsync(Conversation("a:1"), "29:nobody", CancellationToken.None));

        Assert.Equal(404, failure.StatusCode);
        Assert.Equal("MemberNotFoundInConversation", failure.ErrorCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_429WithRetryAfter_WaitsThenRetries()
    {
        _server.Enqueue(FakeResponse.TooManyRequests("1"));

        var response = await Client.SendToConversationAsync(Conversation(), Message(), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        var gap = _server.Requests[1].ReceivedAt - _server.Requests[0].ReceivedAt;
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"retried after {gap.TotalMilliseconds} ms");
        Assert.NotNull(response.Id);
    }

    [Fact]
    public async Task Send_429WithRetryAfterDate_WaitsUntilThen()
    {
        // HTTP dates have whole seconds: ask for two seconds ahead so that at least one second must pass.
        _server.Enqueue(FakeResponse.TooManyRequests(DateTimeOffset.UtcNow.AddSeconds(2).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

        await Client.SendToConversationAsync(Conversation(), Message(), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.True(_server.Requests[1].ReceivedAt - _server.Requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Send_AnonymousDevelopment_SendsNoAuthorizationHeader()
    {
        await using var services = ProtocolServices.Build(new Dictionary<string, string?>(), "Development");

        await services.GetRequiredService<IConnectorClient>().SendToConversationAsync(Conversation(), Message(), CancellationToken.None);

        Assert.Null(Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task Send_RetryAfterBeyondCap_WaitsOnlyTheCap()
    {
        _server.Enqueue(FakeResponse.TooManyRequests("3600"));
        var watch = Stopwatch.StartNew();

        await Client.SendToConversationAsync(Conversation(), Message(), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Send_TransientStatus_RetriesWithBackoff(int status)
    {
        _server.Enqueue(FakeResponse.Error(status, "Transient"), FakeResponse.Error(status, "Transient"));

        await Client.SendToConversationAsync(Conversation(), Message(), CancellationToken.None);

        Assert.Equal(3, _server.Requests.Count);
    }

    [Theory]
    [InlineData(400, "BadSyntax")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "MessageWritesBlocked")]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(413, "MessageSizeTooBig")]
    [InlineData(500, "InternalServerError")]
    public async Task Send_NonRetryableStatus_FailsAfterOneRequest(int status, string code)
    {
        _server.Enqueue(FakeResponse.Error(status, code));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(Conversation(), Message(), CancellationToken.None));

        Assert.Single(_server.Requests);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal("op-" + status, error.CorrelationId);
    }

    [Fact]
    public async Task Send_AlwaysUnavailable_StopsAfterMaxAttempts()
    {
        _server.Enqueue(Enumerable.Range(0, 6).Select(_ => FakeResponse.Error(503, "Unavailable")).ToArray());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(Conversation(), Message(), CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_FirstAttemptHangs_TimesOutAndRetries()
    {
        _server.Enqueue(FakeResponse.Hang(TimeSpan.FromSeconds(5)));

        var response = await Client.SendToConversationAsync(Conversation(), Message(), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.StartsWith("activity-", response.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example.com/amer/")]
    [InlineData("https://127.0.0.1.evil.example.com/")]
    [InlineData("file:///etc/passwd")]
    public async Task Send_ServiceUrlHostNotAllowed_RefusedBeforeAnyRequestOrToken(string serviceUrl)
    {
        var conversation = Conversation() with { ServiceUrl = serviceUrl };

        await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(conversation, Message(), CancellationToken.None));
        await Assert.ThrowsAsync<ConnectorException>(() => Client.CreateConversationAsync(serviceUrl, new ConversationParameters(), CancellationToken.None));

        Assert.Empty(_server.Requests);
        Assert.Equal(0, _tokens.Calls);
    }

    [Fact]
    public async Task Send_LoopbackNotListedInProduction_Refused()
    {
        await using var services = ProtocolServices.Build(ProtocolServices.SingleTenant(),
            configure: s => s.Replace(ServiceDescriptor.Singleton<IAccessTokenProvider>(_tokens)));

        await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<IConnectorClient>().SendToConversationAsync(Conversation(), Message(), CancellationToken.None));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Send_TokenCannotBeAcquired_ThrowsConnectorExceptionWithoutRequest()
    {
        var failing = new Mock<IAccessTokenProvider>();
        failing.Setup(p => p.GetTokenAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Microsoft.Identity.Client.MsalServiceException("invalid_client", "AADSTS7000215: Invalid client secret provided."));
        await using var services = ProtocolServices.Build(
            ProtocolServices.SingleTenant(("Bot:AllowedServiceUrlHosts:0", "127.0.0.1")),
            configure: s => s.Replace(ServiceDescriptor.Singleton(failing.Object)));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            services.GetRequiredService<IConnectorClient>().SendToConversationAsync(Conversation(), Message(), CancellationToken.None));

        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Send_BurstToOneConversation_KeepsSevenPerSecond()
    {
        var conversation = await WarmedUpBurstConversationAsync(connections: 7);

        await Task.WhenAll(Enumerable.Range(0, 9).Select(i => Client.SendToConversationAsync(Conversation(conversation), Message(), CancellationToken.None)));

        var times = ReceivedFor(conversation).Order().ToList();
        Assert.Equal(9, times.Count);
        // Held by the limiter, a send would wait for the one-second window, as the eighth does: under 850 ms tells them
        // apart with room for a loaded machine.
        Assert.True(times[6] - times[0] < TimeSpan.FromMilliseconds(850), $"the first seven go at once, not {(times[6] - times[0]).TotalMilliseconds} ms apart");
        Assert.True(times[7] - times[0] >= TimeSpan.FromMilliseconds(900), $"the eighth waited {(times[7] - times[0]).TotalMilliseconds} ms");
        // The ninth is the first past 8 in 2 s, and goes as soon as the two seconds from the first allow, not two seconds
        // after the eighth. Timed from the first request the server received, not from the test's start: on a loaded
        // machine the client's own start-up took the run past 2.5 s. The upper bound follows the eighth, so a loaded CI
        // machine that delays both (the ninth once came at 2.6 s) does not fail it, while a window counted from the
        // eighth would still.
        var ninth = times[8] - times[0];
        var eighth = times[7] - times[0];
        Assert.True(ninth >= TimeSpan.FromSeconds(2), $"the ninth waited only {ninth.TotalMilliseconds} ms");
        Assert.True(ninth < eighth + TimeSpan.FromSeconds(1.8), $"the ninth waited {ninth.TotalMilliseconds} ms, the eighth {eighth.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Send_BurstToDifferentConversations_NotDelayed()
    {
        var prefix = await WarmedUpBurstConversationAsync(connections: 12) + "-";

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Client.SendToConversationAsync(Conversation(prefix + i), Message(), CancellationToken.None)));

        var times = ReceivedFor(prefix).Order().ToList();
        Assert.Equal(12, times.Count);
        // Per conversation, the eighth message in 2 s would wait about a second: none of these may.
        Assert.True(times[^1] - times[0] < TimeSpan.FromMilliseconds(700), $"the last came {(times[^1] - times[0]).TotalMilliseconds} ms after the first");
    }

    /// <summary>
    /// A conversation id of this test only (a request of an earlier test still in flight on the shared server must not
    /// count), after one send elsewhere: the client's and the server's cold start (JIT, first connections) on a loaded
    /// machine is not timed as the limiter's delay.
    /// </summary>
    /// <summary>
    /// A fresh conversation id, after one send at once to each of <paramref name="connections"/> other conversations: the
    /// client then has that many connections open, so a burst of that many is not timed opening them (on a loaded CI
    /// machine, opening six connections took the first seven sends past 700 ms).
    /// </summary>
    private async Task<string> WarmedUpBurstConversationAsync(int connections)
    {
        var id = "a:burst-" + Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(Enumerable.Range(0, connections).Select(i =>
            Client.SendToConversationAsync(Conversation($"{id}{WarmUpSuffix}-{i}"), Message(), CancellationToken.None)));
        return id;
    }

    /// <summary>When the server received the requests to the conversations whose id starts with <paramref name="conversationIdPrefix"/>, warm-up excluded.</summary>
    private IEnumerable<DateTimeOffset> ReceivedFor(string conversationIdPrefix) =>
        _server.Requests
            .Where(r => Uri.UnescapeDataString(r.Path) is var path && path.Contains(conversationIdPrefix, StringComparison.Ordinal) && !path.Contains(WarmUpSuffix, StringComparison.Ordinal))
            .Select(r => r.ReceivedAt);

    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "Recordatorio" };

    private sealed class RecordingTokenProvider : IAccessTokenProvider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<string?> GetTokenAsync(string scope, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult<string?>("token-for-" + scope);
        }
    }
}
