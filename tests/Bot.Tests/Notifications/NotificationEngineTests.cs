using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Notifications;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Notifications;
using ParticipaBot.Core.Planning;
using ParticipaBot.Storage;
using ParticipaBot.TestSupport;
using ParticipaBot.TestSupport.Fakes;

namespace ParticipaBot.Bot.Tests.Notifications;

/// <summary>One fake Bot Connector and the shared Cosmos-protocol server for the engine tests.</summary>
public sealed class NotificationEngineFixture : IAsyncLifetime
{
    public FakeConnectorServer Connector { get; private set; } = null!;

    public CosmosDbServer Cosmos { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await FakeConnectorServer.StartAsync();
        Cosmos = await CosmosDbServer.GetSharedAsync();
    }

    public async Task DisposeAsync() => await Connector.DisposeAsync();
}

/// <summary>
/// Two engine instances (separate service providers, each with its own store client) over one store: SQLite file and
/// the Cosmos-protocol server. Every conversation id is unique per test, so the shared fake connector serves them all.
/// </summary>
public sealed class NotificationEngineTests(NotificationEngineFixture fixture) : IClassFixture<NotificationEngineFixture>
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero); // 09:00 in Bogotá

    [Theory]
    [InlineData("sqlite")]
    [InlineData("cosmos")]
    public async Task RunOnce_TwoHostsOverASimulatedWeek_DeliverEveryDueNotificationExactlyOnce(string provider)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var time = new ManualTimeProvider(Monday);
        var (a, b) = Hosts(provider, run, time);
        using var hostA = a;
        using var hostB = b;
        var planChannel = $"19:plan-{run}@thread.tacv2";
        var areaChannel = $"19:comms-{run}@thread.tacv2";
        var ana = $"a:ana-{run}";
        var marta = $"a:marta-{run}";
        await hostA.BindAsync(planChannel);
        await hostA.BindAsync(areaChannel, "Comunicaciones");
        await hostA.AddUserAsync("ana@entidad.gov.co", $"29:ana-{run}", ana);
        await hostA.AddUserAsync("luis@entidad.gov.co", $"29:luis-{run}", null);
        await hostA.AddUserAsync("marta@entidad.gov.co", $"29:marta-{run}", marta);

        var s1 = NotificationTestHost.Space($"s1-{run}", "Audiencia de rendición de cuentas", new DateOnly(2026, 3, 9), new TimeOnly(10, 0));
        var s2 = NotificationTestHost.Space($"s2-{run}", "Foro juvenil", new DateOnly(2026, 3, 4), new TimeOnly(15, 0), "Comunicaciones");
        var s3 = NotificationTestHost.Space($"s3-{run}", "Taller de diagnóstico", new DateOnly(2026, 3, 6), new TimeOnly(11, 0));
        await hostA.SavePlanAsync(NotificationTestHost.Plan(2026, s1, s2, s3));

        var rescheduled = false;
        for (var now = Monday; now <= Monday.AddDays(7).AddHours(3); now = now.AddHours(2))
        {
            time.SetUtcNow(now);
            if (!rescheduled && now >= Monday.AddDays(1))
            {
                // Mid-week the workshop moves to the afternoon: its posted card must be updated in place.
                var moved = s3.Reschedule(s3.Period with { Time = new TimeOnly(16, 0) }, "Cambio de auditorio") with { Version = 2 };
                await hostB.SavePlanAsync(NotificationTestHost.Plan(2026, s1, s2, moved));
                rescheduled = true;
            }

            await Task.WhenAll(hostA.TickAsync(), hostB.TickAsync());
        }

        var requests = fixture.Connector.Requests;
        int Posts(string conversation) => requests.Count(r => r.Method == "POST" && r.Path.Contains("/" + conversation + "/activities", StringComparison.Ordinal));
        var luisChats = requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal) && r.Body.Contains($"29:luis-{run}", StringComparison.Ordinal)).ToList();

        // Plan channel: d7 and d1 cards of the hearing and of the workshop; area channel: the forum's d1 card (its d7 was too late).
        Assert.Equal(4, Posts(planChannel));
        Assert.Equal(1, Posts(areaChannel));
        var updates = requests.Where(r => r.Method == "PUT" && r.Path.Contains(planChannel, StringComparison.Ordinal)).ToList();
        Assert.Single(updates);
        Assert.Contains("Taller de diagn", updates[0].Body, StringComparison.Ordinal);
        Assert.Contains("actualizado", updates[0].Body, StringComparison.Ordinal);

        // Delegates: "report this space" on the day of the forum, workshop and hearing; the forum's overdue reminder.
        Assert.Equal(2, Posts(marta));
        Assert.Equal(2, Posts(ana));
        Assert.Single(luisChats);
        var luis = await hostA.Services.GetRequiredService<IUserDirectory>().FindAsync(NotificationTestHost.TenantId, "luis@entidad.gov.co");
        Assert.NotNull(luis?.Conversation);
        Assert.Equal(2, Posts(luis.Conversation.ConversationId));

        var claims = await hostB.Notifications.ListClaimsAsync(NotificationTestHost.EntityId, 2026, CancellationToken.None);
        Assert.All(claims, c => Assert.Equal(ClaimState.Sent, c.State));
        Assert.Equal(10, claims.Count);
        Assert.Contains(claims, c => c.Key == $"ChannelUpdate|{s3.Id}|v2");
        Assert.Contains(claims, c => c.Key == $"ReportOverdue|{s2.Id}|20260309");
        Assert.DoesNotContain(claims, c => c.Key.StartsWith($"ChannelPreview|{s2.Id}|20260225", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("cosmos")]
    public async Task RunOnce_HostKilledMidSend_OtherHostFinishesAfterLeaseWithoutRepeatingDeliveries(string provider)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var start = new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero); // 11:00 Bogotá, an hour after the space started
        var time = new ManualTimeProvider(start);
        var (a, b) = Hosts(provider, run, time);
        using var hostA = a;
        using var hostB = b;
        var ana = $"a:ana-{run}";
        var luis = $"a:luis-{run}";
        await hostA.AddUserAsync("ana@entidad.gov.co", $"29:ana-{run}", ana);
        await hostA.AddUserAsync("luis@entidad.gov.co", $"29:luis-{run}", luis);
        var space = NotificationTestHost.Space($"k-{run}", "Mesa de trabajo", new DateOnly(2026, 3, 2), new TimeOnly(10, 0));
        await hostA.SavePlanAsync(NotificationTestHost.Plan(2026, space));

        // Ana's message goes through; Luis's hangs and host A dies while waiting for it.
        fixture.Connector.Enqueue(new FakeResponse(200, """{"id":"to-ana"}"""), FakeResponse.Hang(TimeSpan.FromSeconds(20)));
        using (var kill = new CancellationTokenSource())
        {
            var tick = hostA.TickAsync(kill.Token);
            await WaitUntilAsync(() => fixture.Connector.Requests.Any(r => r.Path.Contains(luis, StringComparison.Ordinal)));
            await kill.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tick);
        }

        var key = $"ReportDue|{space.Id}|20260302";
        var claimed = Assert.Single(await hostB.Notifications.ListClaimsAsync(NotificationTestHost.EntityId, 2026, CancellationToken.None));
        Assert.Equal((key, ClaimState.Claimed, "host-a"), (claimed.Key, claimed.State, claimed.Owner));
        Assert.Equal(["ana@entidad.gov.co"], claimed.Deliveries.Select(d => d.Target));

        // While the lease holds, host B leaves it alone; once it expired, B takes over and serves only Luis.
        Assert.Equal(0, (await hostB.TickAsync()).Sent);
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, (await hostB.TickAsync()).Sent);
        await hostA.TickAsync();

        var done = Assert.Single(await hostB.Notifications.ListClaimsAsync(NotificationTestHost.EntityId, 2026, CancellationToken.None));
        Assert.Equal((ClaimState.Sent, "host-b", 2), (done.State, done.Owner, done.Attempts));
        Assert.Equal(["ana@entidad.gov.co", "luis@entidad.gov.co"], done.Deliveries.Select(d => d.Target).Order());
        Assert.Equal("to-ana", done.Deliveries.Single(d => d.Target == "ana@entidad.gov.co").ActivityId);
        var requests = fixture.Connector.Requests;
        Assert.Single(requests, r => r.Path.Contains(ana, StringComparison.Ordinal));
        Assert.Equal(2, requests.Count(r => r.Path.Contains(luis, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunOnce_ConnectorKeepsFailing_RetriesWithBackoffThenParks()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero));
        var (a, b) = Hosts("sqlite", run, time);
        using var hostA = a;
        using var hostB = b;
        var channel = $"19:fail-{run}@thread.tacv2";
        await hostA.BindAsync(channel);
        var space = NotificationTestHost.Space($"f-{run}", "Conversatorio", new DateOnly(2026, 3, 3), new TimeOnly(9, 0));
        await hostA.SavePlanAsync(NotificationTestHost.Plan(2026, space) with { });

        // No delegates know the bot yet, so the day's reminder would fail too; only the d1 card matters here.
        var attempts = new List<ClaimState>();
        for (var i = 0; i < 3; i++)
        {
            fixture.Connector.Enqueue(FakeResponse.Error(503, "ServiceUnavailable"), FakeResponse.Error(503, "ServiceUnavailable"));
            await hostA.TickAsync();
            var claim = (await hostA.Notifications.ListClaimsAsync(NotificationTestHost.EntityId, 2026, CancellationToken.None)).Single(c => c.Kind == NotificationKind.ChannelPreview);
            attempts.Add(claim.State);
            if (claim.State == ClaimState.Failed)
            {
                Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(5 * Math.Pow(2, claim.Attempts - 1)), claim.NextAttemptAt);
                Assert.Equal(0, (await hostB.TickAsync()).Sent);
                time.SetUtcNow(claim.NextAttemptAt!.Value);
            }
        }

        Assert.Equal([ClaimState.Failed, ClaimState.Failed, ClaimState.Parked], attempts);
        var parked = (await hostA.Notifications.ListClaimsAsync(NotificationTestHost.EntityId, 2026, CancellationToken.None)).Single(c => c.Kind == NotificationKind.ChannelPreview);
        Assert.Contains("503", parked.LastError, StringComparison.Ordinal);
        Assert.Equal(6, fixture.Connector.Requests.Count(r => r.Path.Contains(channel, StringComparison.Ordinal)));

        // Parked is never retried on its own.
        time.Advance(TimeSpan.FromDays(1));
        await hostB.TickAsync();
        Assert.Equal(6, fixture.Connector.Requests.Count(r => r.Path.Contains(channel, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunOnce_ThrottledWithRetryAfter_SendsOnceAfterWaiting()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero));
        var (a, b) = Hosts("sqlite", run, time);
        using var hostA = a;
        using var hostB = b;
        var channel = $"19:throttle-{run}@thread.tacv2";
        await hostA.BindAsync(channel);
        await hostA.SavePlanAsync(NotificationTestHost.Plan(2026, NotificationTestHost.Space($"t-{run}", "Cabildo", new DateOnly(2026, 3, 3), new TimeOnly(9, 0))));

        fixture.Connector.Enqueue(FakeResponse.TooManyRequests("0"));
        var result = await hostA.TickAsync();

        var posts = fixture.Connector.Requests.Where(r => r.Path.Contains(channel, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, posts.Count);
        var claim = (await hostA.Notifications.ListClaimsAsync(NotificationTestHost.EntityId, 2026, CancellationToken.None)).Single(c => c.Kind == NotificationKind.ChannelPreview);
        Assert.Equal((ClaimState.Sent, 1), (claim.State, claim.Attempts));
        Assert.True(result.Sent >= 1);
    }

    [Fact]
    public async Task RunOnce_SendSlowerThanTheLease_OtherHostLeavesTheLiveClaimAloneAndCardIsPostedOnce()
    {
        // Real time: a send that outlasts the lease (Teams slow to answer, retries after Retry-After, a busy
        // conversation) must keep its lease alive, or the other instance takes the claim over and posts a second card.
        var run = Guid.NewGuid().ToString("N")[..8];
        var time = new ShiftedTimeProvider(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero));
        var name = $"slow-{run}";
        var settings = new Dictionary<string, string?> { ["Notifications:Lease"] = "00:00:05", ["Bot:ConnectorAttemptTimeout"] = "00:00:30" };
        using var hostA = new NotificationTestHost("host-a", NotificationTestHost.OpenStore("sqlite", name, null), time, fixture.Connector.ServiceUrl, overrides: settings);
        using var hostB = new NotificationTestHost("host-b", NotificationTestHost.OpenStore("sqlite", name, null), time, fixture.Connector.ServiceUrl, overrides: settings);
        var channel = $"19:slow-{run}@thread.tacv2";
        await hostA.BindAsync(channel);
        await hostA.SavePlanAsync(NotificationTestHost.Plan(2026, NotificationTestHost.Space($"w-{run}", "Cabildo abierto", new DateOnly(2026, 3, 3), new TimeOnly(9, 0))));

        fixture.Connector.Enqueue(FakeResponse.Hang(TimeSpan.FromSeconds(7)));
        var slow = hostA.TickAsync();
        await WaitUntilAsync(() => fixture.Connector.Requests.Any(r => r.Path.Contains(channel, StringComparison.Ordinal)));
        await Task.Delay(TimeSpan.FromSeconds(6));
        await hostB.TickAsync();
        await slow;

        Assert.Single(fixture.Connector.Requests, r => r.Method == "POST" && r.Path.Contains(channel, StringComparison.Ordinal));
        var claim = (await hostA.Notifications.ListClaimsAsync(NotificationTestHost.EntityId, 2026, CancellationToken.None)).Single(c => c.Kind == NotificationKind.ChannelPreview);
        Assert.Equal((ClaimState.Sent, "host-a", "late"), (claim.State, claim.Owner, claim.Deliveries.Single().ActivityId));
    }

    private (NotificationTestHost A, NotificationTestHost B) Hosts(string provider, string run, TimeProvider time, Uri? graph = null)
    {
        var name = $"notify-{run}";
        var storeA = NotificationTestHost.OpenStore(provider, name, fixture.Cosmos);
        var storeB = NotificationTestHost.OpenStore(provider, name, fixture.Cosmos);
        return (
            new NotificationTestHost("host-a", storeA, time, fixture.Connector.ServiceUrl, graph),
            new NotificationTestHost("host-b", storeB, time, fixture.Connector.ServiceUrl, graph));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the condition.");
            await Task.Delay(20);
        }
    }
}
