using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.TestSupport;
using ParticipaBot.TestSupport.Fakes;

namespace ParticipaBot.Bot.Tests.Protocol;

/// <summary>One OpenID server for the class; each test builds its own services, hence its own key cache and clock.</summary>
public sealed class OpenIdServerFixture : IAsyncLifetime
{
    public FakeOpenIdServer Server { get; private set; } = null!;

    public TestSigningKey TeamsKey { get; private set; } = null!;

    public TestSigningKey WebChatOnlyKey { get; private set; } = null!;

    public TestSigningKey UnendorsedKey { get; private set; } = null!;

    public TestSigningKey EntraKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeOpenIdServer.StartAsync();
        TeamsKey = Server.AddBotFrameworkKey(["msteams", "skype"]);
        WebChatOnlyKey = Server.AddBotFrameworkKey(["webchat"]);
        UnendorsedKey = Server.AddBotFrameworkKey(null);
        EntraKey = Server.AddEntraKey();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class InboundAuthenticationTests(OpenIdServerFixture fixture) : IClassFixture<OpenIdServerFixture>
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private readonly ManualTimeProvider _clock = new();

    private FakeOpenIdServer Server => fixture.Server;

    [Fact]
    public async Task Authenticate_ValidBotFrameworkToken_Succeeds()
    {
        var result = await Authenticate(Bearer(Sign(Claims())));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.False(result.IsAnonymous);
        Assert.Equal(ProtocolServices.AppId, result.Identity!.FindFirst("aud")!.Value);
    }

    [Fact]
    public async Task Authenticate_AudienceArrayContainingAppId_Succeeds()
    {
        var claims = Claims();
        claims["aud"] = new[] { "someone-else", ProtocolServices.AppId };

        Assert.True((await Authenticate(Bearer(Sign(claims)))).Succeeded);
    }

    [Fact]
    public async Task Authenticate_ExpiredBeyondSkew_Returns401()
    {
        var claims = Claims();
        claims["exp"] = TestJwt.UnixTime(_clock.GetUtcNow().AddMinutes(-6));

        await AssertRejected(401, Bearer(Sign(claims)));
    }

    [Fact]
    public async Task Authenticate_ExpiredWithinSkew_Succeeds()
    {
        var claims = Claims();
        claims["exp"] = TestJwt.UnixTime(_clock.GetUtcNow().AddMinutes(-4));

        Assert.True((await Authenticate(Bearer(Sign(claims)))).Succeeded);
    }

    [Fact]
    public async Task Authenticate_NoExp_Returns401()
    {
        var claims = Claims();
        claims.Remove("exp");

        await AssertRejected(401, Bearer(Sign(claims)));
    }

    [Fact]
    public async Task Authenticate_NotYetValid_Returns401()
    {
        var claims = Claims();
        claims["nbf"] = TestJwt.UnixTime(_clock.GetUtcNow().AddMinutes(6));

        await AssertRejected(401, Bearer(Sign(claims)), "nbf");
    }

    [Fact]
    public async Task Authenticate_WrongAudience_Returns401()
    {
        var claims = Claims();
        claims["aud"] = "99999999-2222-3333-4444-555555555555";

        await AssertRejected(401, Bearer(Sign(claims)), "audience");
    }

    [Fact]
    public async Task Authenticate_BotFrameworkTokenWithApiAudience_Returns401()
    {
        // api://{appId} is an Entra audience form; Bot Framework tokens must carry the bare app id.
        var claims = Claims();
        claims["aud"] = "api://" + ProtocolServices.AppId;

        await AssertRejected(401, Bearer(Sign(claims)));
    }

    [Fact]
    public async Task Authenticate_WrongIssuer_Returns401WithoutFetchingKeys()
    {
        var claims = Claims();
        claims["iss"] = "https://api.botframework.com.evil.example";
        using var services = Services();

        var result = await AuthenticateWith(services, Bearer(Sign(claims)), Activity());

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("issuer", result.FailureReason!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_Rejected_LogsIssuerAndReasonButNeverTheToken()
    {
        var logs = new ListLoggerProvider();
        var claims = Claims();
        claims["aud"] = "someone-else";
        var token = Sign(claims);
        await using var services = ProtocolServices.Build(Settings(Server), "Production", _clock,
            s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

        await AuthenticateWith(services, Bearer(token), Activity());

        var rejection = Assert.Single(logs.Entries, e => e.EventId.Id == 1001);
        Assert.Contains("iss=" + FakeOpenIdServer.BotFrameworkIssuer, rejection.Message, StringComparison.Ordinal);
        Assert.Contains("audience", rejection.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(token.Split('.')[2], StringComparison.Ordinal)
            || e.Message.Contains(token.Split('.')[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Authenticate_AlgNone_Returns401()
    {
        var token = TestJwt.CreateUnsafe(new Dictionary<string, object?> { ["alg"] = "none", ["kid"] = fixture.TeamsKey.KeyId }, Claims(), null);

        await AssertRejected(401, Bearer(token), "RS256");
    }

    [Fact]
    public async Task Authenticate_Hs256SignedWithPublicKey_Returns401()
    {
        var header = new Dictionary<string, object?> { ["alg"] = "HS256", ["kid"] = fixture.TeamsKey.KeyId };
        var token = TestJwt.CreateUnsafe(header, Claims(), fixture.TeamsKey.PublicKeyBytes);

        await AssertRejected(401, Bearer(token), "RS256");
    }

    [Fact]
    public async Task Authenticate_MissingKid_Returns401()
    {
        await AssertRejected(401, Bearer(TestJwt.Create(fixture.TeamsKey, Claims(), kid: string.Empty)), "kid");
    }

    [Fact]
    public async Task Authenticate_TamperedPayloadOfATokenAlreadyAccepted_Returns401()
    {
        // Verified signatures are remembered per key: only for the very bytes they were verified over.
        var signed = Sign(Claims());
        Assert.True((await Authenticate(Bearer(signed))).Succeeded);
        Assert.True((await Authenticate(Bearer(signed))).Succeeded);
        var tampered = Claims();
        tampered["serviceurl"] = "https://smba.trafficmanager.net/emea/";

        var result = await Authenticate(Bearer(TestJwt.WithPayload(signed, tampered)), Activity(serviceUrl: "https://smba.trafficmanager.net/emea/"));

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("signature", result.FailureReason!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_TamperedPayload_Returns401()
    {
        var signed = Sign(Claims());
        var tampered = Claims();
        tampered["serviceurl"] = "https://smba.trafficmanager.net/emea/";

        var result = await Authenticate(Bearer(TestJwt.WithPayload(signed, tampered)), Activity(serviceUrl: "https://smba.trafficmanager.net/emea/"));

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("signature", result.FailureReason!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_KeyNotEndorsedForChannel_Returns403()
    {
        await AssertRejected(403, Bearer(TestJwt.Create(fixture.WebChatOnlyKey, Claims())));
    }

    [Fact]
    public async Task Authenticate_KeyWithoutEndorsements_Returns403()
    {
        await AssertRejected(403, Bearer(TestJwt.Create(fixture.UnendorsedKey, Claims())));
    }

    [Fact]
    public async Task Authenticate_ServiceUrlMismatch_Returns401()
    {
        var result = await Authenticate(Bearer(Sign(Claims())), Activity(serviceUrl: "https://smba.trafficmanager.net/emea/"));

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_CachedTokenPastItsExpiry_Returns401()
    {
        using var services = Services();
        var header = Bearer(Sign(Claims()));
        Assert.True((await AuthenticateWith(services, header, Activity())).Succeeded);

        _clock.Advance(TimeSpan.FromMinutes(59 + 4));
        var withinSkew = await AuthenticateWith(services, header, Activity());
        _clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await AuthenticateWith(services, header, Activity());

        Assert.True(withinSkew.Succeeded, withinSkew.FailureReason);
        Assert.Equal(401, expired.StatusCode);
        Assert.Contains("expired", expired.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_CachedTokenWithOneSignatureCharacterChanged_Returns401()
    {
        using var services = Services();
        var token = Sign(Claims());
        Assert.True((await AuthenticateWith(services, Bearer(token), Activity())).Succeeded);
        var signatureMiddle = token.LastIndexOf('.') + 100;
        var forged = string.Concat(token.AsSpan(0, signatureMiddle), token[signatureMiddle] == 'A' ? "B" : "A", token.AsSpan(signatureMiddle + 1));

        var result = await AuthenticateWith(services, Bearer(forged), Activity());
        var original = await AuthenticateWith(services, Bearer(token), Activity());

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("signature is not valid", result.FailureReason);
        Assert.True(original.Succeeded, original.FailureReason);
    }

    [Fact]
    public async Task Authenticate_CachedTokenAndRequestDependentChecks_StillRefuseEachRequest()
    {
        using var services = Services();
        var header = Bearer(Sign(Claims()));
        Assert.True((await AuthenticateWith(services, header, Activity())).Succeeded);
        var webChat = Activity();
        webChat.ChannelId = "webchat";

        var otherServiceUrl = await AuthenticateWith(services, header, Activity(serviceUrl: "https://smba.trafficmanager.net/emea/"));
        var otherChannel = await AuthenticateWith(services, header, webChat);
        var otherTenant = await AuthenticateWith(services, header, Activity(tenantId: "ffffffff-0000-0000-0000-000000000000"));
        var again = await AuthenticateWith(services, header, Activity());

        Assert.Equal(401, otherServiceUrl.StatusCode);
        Assert.Equal(403, otherChannel.StatusCode);
        Assert.Equal(403, otherTenant.StatusCode);
        Assert.True(again.Succeeded, again.FailureReason);
        Assert.Equal(ProtocolServices.AppId, again.Identity!.FindFirst("aud")!.Value);
    }

    [Fact]
    public async Task Authenticate_CachedTokenAfterItsKeyIsWithdrawn_Returns401()
    {
        await using var server = await FakeOpenIdServer.StartAsync();
        var key = server.AddBotFrameworkKey(["msteams"]);
        server.AddBotFrameworkKey(["msteams"]);
        using var services = Services(server);
        var claims = Claims();
        claims["exp"] = TestJwt.UnixTime(_clock.GetUtcNow().AddHours(24));
        var header = Bearer(TestJwt.Create(key, claims));
        Assert.True((await AuthenticateWith(services, header, Activity())).Succeeded);

        server.RemoveKey(key.KeyId);
        _clock.Advance(TimeSpan.FromHours(12));
        var cached = await AuthenticateWith(services, header, Activity());

        Assert.Equal(401, cached.StatusCode);
        Assert.Contains("no signing key", cached.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_ServiceUrlDiffersOnlyInCaseAndTrailingSlash_Succeeds()
    {
        var result = await Authenticate(Bearer(Sign(Claims())), Activity(serviceUrl: "https://SMBA.trafficmanager.net/amer"));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Authenticate_MissingServiceUrlClaim_Returns401()
    {
        var claims = Claims();
        claims.Remove("serviceurl");

        await AssertRejected(401, Bearer(Sign(claims)), "serviceurl");
    }

    [Fact]
    public async Task Authenticate_NoAuthorizationHeader_Returns401()
    {
        await AssertRejected(401, null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer  two-spaces")]
    [InlineData("Bearer a.b.c extra")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer e30.e30.")]
    public async Task Authenticate_MalformedHeader_Returns401(string header)
    {
        await AssertRejected(401, header);
    }

    [Fact]
    public async Task Authenticate_UnknownKidAfterRealRotation_SucceedsAfterForcedRefresh()
    {
        using var services = Services();
        Assert.True((await AuthenticateWith(services, Bearer(Sign(Claims())), Activity())).Succeeded);
        var rotated = Server.AddBotFrameworkKey(["msteams"]);
        var metadataBefore = Server.MetadataRequests;

        var result = await AuthenticateWith(services, Bearer(TestJwt.Create(rotated, Claims())), Activity());

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(metadataBefore + 1, Server.MetadataRequests);
    }

    [Fact]
    public async Task Authenticate_ConcurrentTokensWithRotatedKid_AllSucceedWithOneRefresh()
    {
        await using var server = await FakeOpenIdServer.StartAsync();
        server.AddBotFrameworkKey(["msteams"]);
        using var services = Services(server);
        await AuthenticateWith(services, null, Activity());
        await AuthenticateWith(services, Bearer(TestJwt.Create(server.AddBotFrameworkKey(["msteams"], "warm-up"), Claims())), Activity());
        var rotated = server.AddBotFrameworkKey(["msteams"]);
        _clock.Advance(TimeSpan.FromMinutes(6));
        var before = server.MetadataRequests;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            AuthenticateWith(services, Bearer(TestJwt.Create(rotated, Claims())), Activity())));

        Assert.All(results, r => Assert.True(r.Succeeded, r.FailureReason));
        Assert.Equal(before + 1, server.MetadataRequests);
    }

    [Fact]
    public async Task Authenticate_UnknownKidNeverPublished_Returns401()
    {
        using var stranger = new TestSigningKey("never-published", ["msteams"]);

        await AssertRejected(401, Bearer(TestJwt.Create(stranger, Claims())), "no signing key");
    }

    [Fact]
    public async Task Authenticate_UnknownKidTwiceWithinFiveMinutes_RefreshesOnlyOnce()
    {
        using var services = Services();
        using var stranger = new TestSigningKey("stranger-" + Guid.NewGuid().ToString("N"), ["msteams"]);
        Assert.Equal(401, (await AuthenticateWith(services, Bearer(TestJwt.Create(stranger, Claims())), Activity())).StatusCode);
        var metadataAfterFirst = Server.MetadataRequests;
        var late = Server.AddBotFrameworkKey(["msteams"]);

        _clock.Advance(TimeSpan.FromMinutes(4));
        var throttled = await AuthenticateWith(services, Bearer(TestJwt.Create(late, Claims())), Activity());
        _clock.Advance(TimeSpan.FromMinutes(2));
        var afterInterval = await AuthenticateWith(services, Bearer(TestJwt.Create(late, Claims())), Activity());

        Assert.Equal(401, throttled.StatusCode);
        Assert.True(afterInterval.Succeeded, afterInterval.FailureReason);
        Assert.Equal(metadataAfterFirst + 1, Server.MetadataRequests);
    }

    [Fact]
    public async Task Authenticate_AfterTwelveHours_RefreshesKeysOnSchedule()
    {
        using var services = Services();
        Assert.True((await AuthenticateWith(services, Bearer(Sign(Claims())), Activity())).Succeeded);
        var before = Server.MetadataRequests;

        _clock.Advance(TimeSpan.FromHours(11));
        Assert.True((await AuthenticateWith(services, Bearer(Sign(Claims())), Activity())).Succeeded);
        Assert.Equal(before, Server.MetadataRequests);
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.True((await AuthenticateWith(services, Bearer(Sign(Claims())), Activity())).Succeeded);
        Assert.Equal(before + 1, Server.MetadataRequests);
    }

    [Fact]
    public async Task Authenticate_EntraTokenFromConfiguredTenant_Succeeds()
    {
        var claims = EntraClaims(ProtocolServices.TenantId);
        claims["aud"] = "api://botid-" + ProtocolServices.AppId;

        var result = await Authenticate(Bearer(TestJwt.Create(fixture.EntraKey, claims)));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Authenticate_EntraV1IssuerFromConfiguredTenant_Succeeds()
    {
        var claims = EntraClaims(ProtocolServices.TenantId);
        claims["iss"] = $"https://sts.windows.net/{ProtocolServices.TenantId}/";

        var result = await Authenticate(Bearer(TestJwt.Create(fixture.EntraKey, claims)));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task Authenticate_EntraTokenFromAnotherTenant_Returns401()
    {
        const string otherTenant = "ffffffff-0000-0000-0000-000000000000";

        var result = await Authenticate(Bearer(TestJwt.Create(fixture.EntraKey, EntraClaims(otherTenant))));

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("issuer", result.FailureReason!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_EntraTokenWithForeignTidButOurIssuer_Returns401()
    {
        var claims = EntraClaims(ProtocolServices.TenantId);
        claims["tid"] = "ffffffff-0000-0000-0000-000000000000";

        await AssertRejected(401, Bearer(TestJwt.Create(fixture.EntraKey, claims)), "tid");
    }

    [Fact]
    public async Task Authenticate_EntraIssuerSignedWithBotFrameworkKey_Returns401()
    {
        await AssertRejected(401, Bearer(TestJwt.Create(fixture.TeamsKey, EntraClaims(ProtocolServices.TenantId))), "no signing key");
    }

    [Fact]
    public async Task Authenticate_RefreshFails_KeepsLastGoodKeys()
    {
        await using var server = await FakeOpenIdServer.StartAsync();
        var key = server.AddBotFrameworkKey(["msteams"]);
        using var services = Services(server);
        Assert.True((await AuthenticateWith(services, Bearer(TestJwt.Create(key, Claims())), Activity())).Succeeded);

        server.FailRequests = true;
        _clock.Advance(TimeSpan.FromHours(13));
        var result = await AuthenticateWith(services, Bearer(TestJwt.Create(key, Claims())), Activity());

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.True(server.MetadataRequests >= 2);
    }

    [Fact]
    public async Task Authenticate_MetadataUnavailableFromStart_Returns401()
    {
        await using var server = await FakeOpenIdServer.StartAsync();
        var key = server.AddBotFrameworkKey(["msteams"]);
        server.FailRequests = true;
        using var services = Services(server);

        var result = await AuthenticateWith(services, Bearer(TestJwt.Create(key, Claims())), Activity());
        var again = await AuthenticateWith(services, Bearer(TestJwt.Create(key, Claims())), Activity());
        var fetchesWhileDown = server.MetadataRequests;
        server.FailRequests = false;
        _clock.Advance(TimeSpan.FromSeconds(31));
        var recovered = await AuthenticateWith(services, Bearer(TestJwt.Create(key, Claims())), Activity());

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(401, again.StatusCode);
        Assert.Equal(1, fetchesWhileDown);
        Assert.True(recovered.Succeeded, recovered.FailureReason);
    }

    [Fact]
    public async Task Authenticate_TenantNotAllowed_Returns403()
    {
        var result = await Authenticate(Bearer(Sign(Claims())), Activity(tenantId: "ffffffff-0000-0000-0000-000000000000"));

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_NoTenantInActivity_Returns403()
    {
        var result = await Authenticate(Bearer(Sign(Claims())), Activity(tenantId: null));

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_TenantFromConversationWhenNoChannelData_Succeeds()
    {
        var activity = Activity(tenantId: null);
        activity.Conversation = new ConversationAccount { Id = "a:1", TenantId = ProtocolServices.TenantId };

        Assert.True((await Authenticate(Bearer(Sign(Claims())), activity)).Succeeded);
    }

    [Fact]
    public async Task Authenticate_AllowedTenantsList_ReplacesConfiguredTenant()
    {
        const string partner = "12121212-0000-0000-0000-000000000000";
        using var services = Services(extra: ("Bot:AllowedTenants:0", partner));

        var partnerResult = await AuthenticateWith(services, Bearer(Sign(Claims())), Activity(tenantId: partner));
        var ownResult = await AuthenticateWith(services, Bearer(Sign(Claims())), Activity());

        Assert.True(partnerResult.Succeeded, partnerResult.FailureReason);
        Assert.Equal(403, ownResult.StatusCode);
    }

    [Fact]
    public async Task Authenticate_AppIdSetInDevelopment_StillRequiresToken()
    {
        using var services = ProtocolServices.Build(Settings(Server), "Development", _clock);

        var result = await AuthenticateWith(services, null, Activity());

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_NoAppIdInDevelopment_IsAnonymous()
    {
        using var services = ProtocolServices.Build(new Dictionary<string, string?>(), "Development", _clock);

        var result = await AuthenticateWith(services, null, Activity());

        Assert.True(result.Succeeded);
        Assert.True(result.IsAnonymous);
    }

    private Task<InboundAuthenticationResult> Authenticate(string? header, Activity? activity = null)
    {
        var services = Services();
        return AuthenticateAndDispose(services, header, activity ?? Activity());
    }

    private static async Task<InboundAuthenticationResult> AuthenticateAndDispose(ServiceProvider services, string? header, Activity activity)
    {
        await using (services)
        {
            return await AuthenticateWith(services, header, activity);
        }
    }

    private static Task<InboundAuthenticationResult> AuthenticateWith(ServiceProvider services, string? header, Activity activity) =>
        services.GetRequiredService<IInboundAuthenticator>().AuthenticateAsync(header, activity, CancellationToken.None);

    private async Task AssertRejected(int status, string? header, string? reason = null)
    {
        var result = await Authenticate(header);
        Assert.Equal(status, result.StatusCode);
        Assert.Null(result.Identity);
        Assert.False(string.IsNullOrEmpty(result.FailureReason));
        if (reason is not null)
        {
            Assert.Contains(reason, result.FailureReason, StringComparison.Ordinal);
        }
    }

    private ServiceProvider Services(FakeOpenIdServer? server = null, params (string Key, string? Value)[] extra) =>
        ProtocolServices.Build(Settings(server ?? Server, extra), "Production", _clock);

    private static Dictionary<string, string?> Settings(FakeOpenIdServer server, params (string Key, string? Value)[] extra) =>
        ProtocolServices.SingleTenant([
            ("Bot:OpenIdMetadataUrl", server.BotFrameworkMetadataUrl),
            ("Bot:EntraMetadataUrlTemplate", server.EntraMetadataUrlTemplate),
            .. extra]);

    private string Sign(Dictionary<string, object?> claims) => TestJwt.Create(fixture.TeamsKey, claims);

    private static string Bearer(string token) => "Bearer " + token;

    private Dictionary<string, object?> Claims() => new()
    {
        ["iss"] = FakeOpenIdServer.BotFrameworkIssuer,
        ["aud"] = ProtocolServices.AppId,
        ["serviceurl"] = ServiceUrl,
        ["nbf"] = TestJwt.UnixTime(_clock.GetUtcNow().AddMinutes(-1)),
        ["exp"] = TestJwt.UnixTime(_clock.GetUtcNow().AddMinutes(59)),
    };

    private Dictionary<string, object?> EntraClaims(string tenantId) => new()
    {
        ["iss"] = $"https://login.microsoftonline.com/{tenantId}/v2.0",
        ["aud"] = ProtocolServices.AppId,
        ["tid"] = tenantId,
        ["azp"] = "another-agent",
        ["serviceurl"] = ServiceUrl,
        ["nbf"] = TestJwt.UnixTime(_clock.GetUtcNow().AddMinutes(-1)),
        ["exp"] = TestJwt.UnixTime(_clock.GetUtcNow().AddMinutes(59)),
    };

    private static Activity Activity(string serviceUrl = ServiceUrl, string? tenantId = ProtocolServices.TenantId) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = Channels.MsTeams,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "a:1" },
        ChannelData = tenantId is null ? null : JsonDocument.Parse($$$"""{"tenant":{"id":"{{{tenantId}}}"}}""").RootElement.Clone(),
    };
}
