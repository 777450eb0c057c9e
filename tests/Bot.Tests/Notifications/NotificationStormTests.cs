using System.Globalization;
using ParticipaBot.Core.Notifications;
using ParticipaBot.Bot.Notifications;
using ParticipaBot.Core.Planning;
using ParticipaBot.Storage;
using ParticipaBot.TestSupport;
using ParticipaBot.TestSupport.Fakes;
using ParticipaBot.TestSupport.Graph;
using Xunit.Abstractions;

namespace ParticipaBot.Bot.Tests.Notifications;

/// <summary>A fake Bot Connector and a fake Graph of their own: the storm sets their fault policies.</summary>
public sealed class NotificationStormFixture : IAsyncLifetime
{
    public FakeConnectorServer Connector { get; private set; } = null!;

    public FakeGraphServer Graph { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connector = await FakeConnectorServer.StartAsync();
        Graph = await FakeGraphServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Connector.DisposeAsync();
        await Graph.DisposeAsync();
    }
}

/// <summary>
/// Runs alone: on a machine busy with other tests, a clean answer can reach the client after its timeout, which is a
/// lost answer the fakes cannot see.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotificationStormGroup
{
    public const string Name = "Notification fault storm";
}

/// <summary>
/// Connector and Graph fault storms (issue 8): two engine instances over one SQLite store, the real connector and Graph
/// clients against loopback fakes that fail on a seeded schedule — 429 with Retry-After, 5xx, answers held past the
/// clients' timeout, dropped connections — before or after doing the work. When the storm ends and parked notifications
/// are retried (as "Reintentar todas" does), every due notification is delivered once as people see it.
/// The plan size is PARTICIPABOT_STORM_SPACES (default 20), the seed PARTICIPABOT_STORM_SEED, the share of requests that
/// fail PARTICIPABOT_STORM_FAULT_RATE (percent, default 35).
/// </summary>
[Collection(NotificationStormGroup.Name)]
public sealed class NotificationStormTests(NotificationStormFixture fixture, ITestOutputHelper output) : IClassFixture<NotificationStormFixture>
{
    /// <summary>Monday 2 March 2026, 09:00 in Bogotá; the clock then runs in real time.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private const int StormPasses = 6;
    private const int ChangePass = 2;

    [Fact]
    public async Task Engine_ConnectorAndGraphFaultStorm_EveryDueNotificationDeliveredOnceNoneLost()
    {
        var spaceCount = Math.Max(10, EnvInt("PARTICIPABOT_STORM_SPACES", 20));
        var seed = EnvInt("PARTICIPABOT_STORM_SEED", 20261121);
        var faultRate = EnvInt("PARTICIPABOT_STORM_FAULT_RATE", 35) / 100.0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = Guid.NewGuid().ToString("N")[..8];
        var world = StormWorld.Create(run, spaceCount);

        // The control: the same plan and the same change with no fault, for the keys that must be delivered.
        var control = await RunAsync(world, "control-" + run, storm: null);
        fixture.Graph.Reset();

        var storm = new Storm(seed, faultRate);
        var result = await RunAsync(world, "storm-" + run, storm);
        var elapsed = clock.Elapsed;

        // Every notification still due was delivered, and nothing else was claimed. A cancelled space's card that was
        // still failing when the space was cancelled is rightly never posted; a calendar sync of a version that was
        // replaced before it got through is finished by the sync of the new version.
        Assert.All(control.Claims.Values, c => Assert.Equal(ClaimState.Sent, c.State));
        var expected = control.Claims.Keys.Where(world.IsStillDue).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(k => !result.Claims.TryGetValue(k, out var c) || c.State != ClaimState.Sent).ToList();
        Assert.True(missing.Count == 0, "Not delivered after the storm: " + string.Join(", ", missing.Select(k => k + " " + result.Claims.GetValueOrDefault(k)?.State + " " + result.Claims.GetValueOrDefault(k)?.LastError)));
        Assert.DoesNotContain(result.Claims.Keys, k => !control.Claims.ContainsKey(k));

        // What Teams shows: every message the service created is recorded on a claim, except those whose answer the
        // service threw away (the Bot Connector has no idempotency key; see docs/notifications.md, "The one gap").
        var deliveries = result.Claims.Values
            .Where(c => c.Kind != NotificationKind.CalendarSync && c.Kind != NotificationKind.ChannelUpdate)
            .SelectMany(c => c.Deliveries.Select(d => (Claim: c, Delivery: d)))
            .ToList();
        var posts = result.Accepted.Where(a => a.Request.Method == "POST" && a.Request.Path.EndsWith("/activities", StringComparison.Ordinal)).ToList();
        var postIds = posts.Select(p => p.ResourceId).ToHashSet(StringComparer.Ordinal);
        Assert.All(deliveries, d => Assert.Contains(d.Delivery.ActivityId, postIds));
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.Delivery.ActivityId).Distinct(StringComparer.Ordinal).Count());
        var recorded = deliveries.Select(d => d.Delivery.ActivityId).ToHashSet(StringComparer.Ordinal);
        var ghosts = posts.Where(p => !recorded.Contains(p.ResourceId)).ToList();
        Assert.True(
            ghosts.All(g => g.AnswerLost),
            "Messages Teams shows that no claim knows of, without a lost answer to explain them: "
            + string.Join(", ", ghosts.Where(g => !g.AnswerLost).Select(g => g.Request.Path + " " + g.ResourceId + " at " + g.Request.ReceivedAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))
            + "\n" + string.Join("\n", result.Claims.Values.Select(c => $"{c.Key} {c.State} {c.Owner} attempts {c.Attempts} {string.Join(";", c.Deliveries.Select(d => d.ActivityId))} {c.LastError}"))
            + "\n" + string.Join("\n", result.EngineLogs.Where(e => e.EventId.Id is 7004 or 7005 or 1022).Select(e => e.Message)));

        // Each personal notification reached each recipient once; each channel card was posted once.
        foreach (var claim in result.Claims.Values.Where(c => expected.Contains(c.Key)))
        {
            var recipients = claim.Kind switch
            {
                NotificationKind.ReportDue or NotificationKind.ReportOverdue => world.DelegatesOf(claim.SpaceId).Count,
                NotificationKind.Escalation => 1,
                NotificationKind.ChannelPreview => 1,
                _ => claim.Deliveries.Count,
            };
            Assert.True(recipients == claim.Deliveries.Count, $"{claim.Key}: {claim.Deliveries.Count} deliveries for {recipients} recipients");
        }

        // Card updates replaced the posted cards in place: the last version people see is the changed space.
        foreach (var (space, marker) in new[] { (world.Changed, StormWorld.NewPlace), (world.Cancelled, "cancelad") })
        {
            var cards = deliveries.Where(d => d.Claim.Kind == NotificationKind.ChannelPreview && d.Claim.SpaceId == space.Id).ToList();
            foreach (var card in cards)
            {
                var last = result.Accepted.Where(a => a.ResourceId == card.Delivery.ActivityId).MaxBy(a => a.Request.ReceivedAt)!;
                Assert.Contains(marker, last.Request.Body, StringComparison.OrdinalIgnoreCase);
            }
        }

        // Graph: one event per space, whatever was retried; the changed one patched, the cancelled one cancelled.
        var events = result.Events.Values.ToList();
        foreach (var group in events.GroupBy(e => (string?)e["subject"]))
        {
            Assert.True(group.Count() == 1, $"{group.Key}: {group.Count()} events");
        }

        Assert.Equal(control.Events.Count, events.Count);
        Assert.Contains(StormWorld.NewPlace, events.Single(e => (string?)e["subject"] == world.Changed.Name)["location"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.True((bool?)events.Single(e => (string?)e["subject"] == world.Cancelled.Name)["isCancelled"]);

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"storm: {spaceCount} spaces, seed {seed}, {expected.Count} notifications due, {storm.ConnectorFaults} connector faults and {storm.GraphFaults} Graph faults injected "
            + $"({string.Join(", ", storm.ByKind.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}), "
            + $"{result.Parked} parked then retried, {result.Count(7002)} failed attempts, {result.Count(7004)} take-overs, {result.Count(7005)} leases lost, {result.Passes} passes, "
            + $"{posts.Count} messages created, {ghosts.Count} after lost answers, {elapsed.TotalSeconds:F1} s"));
    }

    private async Task<StormResult> RunAsync(StormWorld world, string name, Storm? storm)
    {
        var time = new ShiftedTimeProvider(Start);
        var before = fixture.Connector.Accepted.Count;
        var overrides = world.Settings();
        var logs = new ListLoggerProvider();
        using var hostA = new NotificationTestHost("host-a", NotificationTestHost.OpenStore("sqlite", name, null), time, fixture.Connector.ServiceUrl, fixture.Graph.BaseUrl, overrides, logs);
        using var hostB = new NotificationTestHost("host-b", NotificationTestHost.OpenStore("sqlite", name, null), time, fixture.Connector.ServiceUrl, fixture.Graph.BaseUrl, overrides, logs);
        await world.SeedAsync(hostA);
        fixture.Connector.FaultPolicy = storm is null ? null : storm.ForConnector;
        fixture.Graph.FaultPolicy = storm is null ? null : storm.ForGraph;

        // Each instance ticks on its own, as the hosted service does, so one may find the other's claims mid-send; a
        // tick that throws fails the test.
        var passes = 0;
        async Task TickLoopAsync(NotificationTestHost host, bool changes)
        {
            for (var pass = 0; pass < StormPasses; pass++)
            {
                if (changes && pass == ChangePass)
                {
                    await host.SavePlanAsync(world.ChangedPlan());
                }

                await host.TickAsync();
                Interlocked.Increment(ref passes);
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }

        await Task.WhenAll(TickLoopAsync(hostA, changes: false), TickLoopAsync(hostB, changes: true));

        // The storm ends; a coordinator presses "Reintentar todas", and the engines run until nothing is left to retry.
        fixture.Connector.FaultPolicy = null;
        fixture.Graph.FaultPolicy = null;
        var claims = await ClaimsAsync(hostA);
        var parked = claims.Values.Count(c => c.State == ClaimState.Parked);

        // A failure is always one the clients explain (Teams or Graph refused, no answer after the retries), never an
        // exception that escaped them: the engine would record its bare type name.
        Assert.All(
            claims.Values.Where(c => c.State is ClaimState.Failed or ClaimState.Parked),
            c => Assert.True(c.LastError?.Contains(" / ", StringComparison.Ordinal) == true, $"{c.Key}: {c.LastError}"));
        foreach (var claim in claims.Values.Where(c => c.State == ClaimState.Parked))
        {
            await hostA.Notifications.Claims.UpdateWithRetryAsync(
                PartitionKeys.Notifications(NotificationTestHost.EntityId, 2026),
                NotificationStore.ClaimId(claim.Key),
                current => current.State == ClaimState.Parked ? ClaimRules.Retry(current, time.GetUtcNow()) : current);
        }

        for (var i = 0; i < 20; i++, passes += 2)
        {
            await Task.WhenAll(hostA.TickAsync(), hostB.TickAsync());
            claims = await ClaimsAsync(hostA);
            if (claims.Values.All(c => c.State == ClaimState.Sent || !world.IsStillDue(c.Key)))
            {
                break;
            }

            // Failed claims wait for their back-off (1–2 s here); expired leases for the lease (5 s).
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var engineLogs = logs.Entries.Where(e => e.EventId.Id is (>= 7001 and <= 7006) or 1022).ToList();
        return new StormResult(claims, [.. fixture.Connector.Accepted.Skip(before)], fixture.Graph.Events(world.Organizer), parked, passes, engineLogs);
    }

    private static async Task<Dictionary<string, NotificationClaim>> ClaimsAsync(NotificationTestHost host) =>
        (await host.Notifications.ListClaimsAsync(NotificationTestHost.EntityId, 2026, CancellationToken.None)).ToDictionary(c => c.Key, StringComparer.Ordinal);

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private sealed record StormResult(
        IReadOnlyDictionary<string, NotificationClaim> Claims,
        IReadOnlyList<AcceptedRequest> Accepted,
        IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> Events,
        int Parked,
        int Passes,
        IReadOnlyList<LogEntry> EngineLogs)
    {
        public int Count(int eventId) => EngineLogs.Count(e => e.EventId.Id == eventId);
    }

    /// <summary>The seeded fault schedule of both fakes; counts what it injected.</summary>
    private sealed class Storm(int seed, double rate)
    {
        private static readonly TimeSpan Hold = TimeSpan.FromSeconds(3.5);
        private readonly Random _random = new(seed);
        private readonly Lock _gate = new();

        public int ConnectorFaults { get; private set; }

        public int GraphFaults { get; private set; }

        public Dictionary<string, int> ByKind { get; } = new(StringComparer.Ordinal);

        public ConnectorFault? ForConnector(RecordedRequest request)
        {
            lock (_gate)
            {
#pragma warning disable CA5394 // a seeded schedule, not security
                if (_random.NextDouble() >= rate)
                {
                    return null;
                }

                var roll = _random.Next(100);
                var status = new[] { 500, 502, 503 }[_random.Next(3)];
#pragma warning restore CA5394
                var fault = roll switch
                {
                    < 25 => new ConnectorFault(ConnectorFaultKind.Refuse, 429, RetryAfter: "1"),
                    < 45 => new ConnectorFault(ConnectorFaultKind.Refuse, status),
                    < 60 => new ConnectorFault(ConnectorFaultKind.FailAfterWork, status),
                    < 70 => new ConnectorFault(ConnectorFaultKind.HangBeforeWork, Hold: Hold),
                    < 80 => new ConnectorFault(ConnectorFaultKind.HangAfterWork, Hold: Hold),
                    < 90 => new ConnectorFault(ConnectorFaultKind.ResetBeforeWork),
                    _ => new ConnectorFault(ConnectorFaultKind.ResetAfterWork),
                };
                ConnectorFaults++;
                Count("connector " + fault.Kind + (fault.Kind is ConnectorFaultKind.Refuse or ConnectorFaultKind.FailAfterWork ? " " + fault.StatusCode : string.Empty));
                return fault;
            }
        }

        public FakeGraphFault? ForGraph(RecordedGraphRequest request)
        {
            lock (_gate)
            {
#pragma warning disable CA5394 // a seeded schedule, not security
                if (_random.NextDouble() >= rate)
                {
                    return null;
                }

                var roll = _random.Next(100);
                var status = new[] { 500, 502, 503, 504 }[_random.Next(4)];
#pragma warning restore CA5394
                var fault = roll switch
                {
                    < 25 => FakeGraphFault.Throttle(TimeSpan.FromSeconds(1)),
                    < 45 => FakeGraphFault.ServerError(status),
                    < 60 => new FakeGraphFault(FakeGraphFaultKind.StatusAfterProcessing, status),
                    < 75 => FakeGraphFault.TimeoutAfterProcessing(Hold),
                    < 85 => new FakeGraphFault(FakeGraphFaultKind.ResetBeforeProcessing),
                    _ => new FakeGraphFault(FakeGraphFaultKind.ResetAfterProcessing),
                };
                GraphFaults++;
                Count("graph " + fault.Kind + (fault.StatusCode > 0 ? " " + fault.StatusCode.ToString(CultureInfo.InvariantCulture) : string.Empty));
                return fault;
            }
        }

        private void Count(string kind) => ByKind[kind] = ByKind.GetValueOrDefault(kind) + 1;
    }

    /// <summary>
    /// The plan of the storm: spaces of every kind of due notification, over several areas with their delegates (one
    /// with a personal chat, one the engine must open a chat with) and channels, and the change made mid-storm.
    /// </summary>
    private sealed class StormWorld
    {
        public const string NewPlace = "Sala nueva del piso 5";

        private readonly string _run;
        private readonly int _areas;

        private StormWorld(string run, int areas, IReadOnlyList<ScheduledSpace> spaces)
        {
            _run = run;
            _areas = areas;
            Spaces = spaces;
        }

        public IReadOnlyList<ScheduledSpace> Spaces { get; }

        public string Organizer => $"organizador-{_run}@entidad.gov.co";

        /// <summary>The first 7-day space: moved to another room mid-storm (version 2).</summary>
        public ScheduledSpace Changed => Spaces[0];

        /// <summary>The second 7-day space: cancelled mid-storm.</summary>
        public ScheduledSpace Cancelled => Spaces[5];

        public static StormWorld Create(string run, int count)
        {
            var areas = Math.Max(2, count / 5);
            var spaces = new List<ScheduledSpace>();
            for (var i = 0; i < count; i++)
            {
                // 7-day card + calendar; 1-day card + calendar; report due today; overdue reminder; escalation.
                var (day, time) = (i % 5) switch
                {
                    0 => (new DateOnly(2026, 3, 9), new TimeOnly(8, 30)),
                    1 => (new DateOnly(2026, 3, 3), new TimeOnly(8, 30)),
                    2 => (new DateOnly(2026, 3, 2), new TimeOnly(8, 0)),
                    3 => (new DateOnly(2026, 2, 25), new TimeOnly(8, 0)),
                    _ => (new DateOnly(2026, 2, 19), new TimeOnly(8, 0)),
                };
                spaces.Add(NotificationTestHost.Space($"st{i}-{run}", $"Espacio {i} de la tormenta {run}", day, time, Area(i % areas)));
            }

            return new StormWorld(run, areas, spaces);
        }

        public Dictionary<string, string?> Settings()
        {
            var settings = new Dictionary<string, string?>
            {
                ["Graph:OrganizerMailbox"] = Organizer,
                ["Notifications:Lease"] = "00:00:05",
                ["Notifications:RetryBaseDelay"] = "00:00:01",
                ["Notifications:RetryMaxDelay"] = "00:00:02",
                ["Notifications:MaxAttempts"] = "3",
                ["Bot:ConnectorMaxAttempts"] = "4",
                ["Bot:ConnectorBaseRetryDelay"] = "00:00:00.050",
                ["Bot:ConnectorMaxRetryDelay"] = "00:00:02",
                ["Bot:ConnectorAttemptTimeout"] = "00:00:03",
                ["Graph:MaxAttempts"] = "3",
                ["Graph:RetryBaseDelay"] = "00:00:00.020",
                ["Graph:RetryMaxDelay"] = "00:00:00.200",
                ["Graph:MaxRetryAfter"] = "00:00:02",
                ["Graph:AttemptTimeout"] = "00:00:03",
            };
            for (var k = 0; k < _areas; k++)
            {
                settings[$"Roles:Delegates:{Area(k)}:0"] = Delegate(k, "a");
                settings[$"Roles:Delegates:{Area(k)}:1"] = Delegate(k, "b");
            }

            return settings;
        }

        public async Task SeedAsync(NotificationTestHost host)
        {
            await host.BindAsync($"19:plan-{_run}@thread.tacv2");
            for (var k = 0; k < _areas; k++)
            {
                if (k % 2 == 1)
                {
                    await host.BindAsync($"19:area{k}-{_run}@thread.tacv2", Area(k));
                }

                await host.AddUserAsync(Delegate(k, "a"), $"29:d{k}a-{_run}", $"a:d{k}a-{_run}");
                await host.AddUserAsync(Delegate(k, "b"), $"29:d{k}b-{_run}", null);
            }

            await host.AddUserAsync("coordinadora@entidad.gov.co", $"29:coord-{_run}", $"a:coord-{_run}");
            await host.SavePlanAsync(NotificationTestHost.Plan(2026, [.. Spaces]));
        }

        public Plan ChangedPlan()
        {
            var spaces = Spaces.ToList();
            spaces[0] = Changed with { Place = NewPlace, Status = SpaceStatus.Reprogramado, RescheduleReason = "Cambio de sala", Version = 2 };
            spaces[5] = Cancelled with { Status = SpaceStatus.Cancelado, RescheduleReason = "Sin quórum", Version = 2 };
            return NotificationTestHost.Plan(2026, [.. spaces]);
        }

        public IReadOnlyList<string> DelegatesOf(string spaceId)
        {
            var index = Spaces.ToList().FindIndex(s => s.Id == spaceId);
            return [Delegate(index % _areas, "a"), Delegate(index % _areas, "b")];
        }

        /// <summary>
        /// False for what the policy no longer asks for once the plan changed — the cancelled space's cards, the first
        /// version's calendar sync of the changed spaces — which may stay failed.
        /// </summary>
        public bool IsStillDue(string key) =>
            !key.StartsWith($"ChannelPreview|{Cancelled.Id}|", StringComparison.Ordinal)
            && key != $"CalendarSync|{Cancelled.Id}|v1"
            && key != $"CalendarSync|{Changed.Id}|v1";

        private static string Area(int k) => "Área " + k.ToString(CultureInfo.InvariantCulture);

        private string Delegate(int k, string suffix) => $"d{k}{suffix}-{_run}@entidad.gov.co";
    }
}

/// <summary>The real clock moved to the test's day: timers, back-offs and leases run in real time.</summary>
internal sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
