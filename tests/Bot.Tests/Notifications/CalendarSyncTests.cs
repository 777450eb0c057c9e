using System.Text.Json.Nodes;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Planning;
using ParticipaBot.Storage;
using ParticipaBot.TestSupport;
using ParticipaBot.TestSupport.Fakes;
using ParticipaBot.TestSupport.Graph;

namespace ParticipaBot.Bot.Tests.Notifications;

/// <summary>The fake Graph server, a fake connector (not called) and the shared Cosmos-protocol server.</summary>
public sealed class CalendarSyncFixture : IAsyncLifetime
{
    public FakeGraphServer Graph { get; private set; } = null!;

    public FakeConnectorServer Connector { get; private set; } = null!;

    public CosmosDbServer Cosmos { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Graph = await FakeGraphServer.StartAsync();
        Connector = await FakeConnectorServer.StartAsync();
        Cosmos = await CosmosDbServer.GetSharedAsync();
    }

    public async Task DisposeAsync()
    {
        await Graph.DisposeAsync();
        await Connector.DisposeAsync();
    }
}

/// <summary>Spaces become events in the organizer's calendar: created once, patched when rescheduled, cancelled with a note.</summary>
public sealed class CalendarSyncTests(CalendarSyncFixture fixture) : IClassFixture<CalendarSyncFixture>
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunOnce_ScheduledSpace_CreatesEventWithBogotaTimesAttendeesReminderAndTransactionId()
    {
        fixture.Graph.Reset();
        var run = Guid.NewGuid().ToString("N")[..8];
        var store = NotificationTestHost.OpenStore("sqlite", run, null);
        using var host = Host(store, new ManualTimeProvider(Monday), "a");
        await host.AddUserAsync("luis@entidad.gov.co", "29:luis", null);
        var space = NotificationTestHost.Space($"c-{run}", "Audiencia pública de rendición de cuentas", new DateOnly(2026, 3, 20), new TimeOnly(9, 30));
        await host.SavePlanAsync(NotificationTestHost.Plan(2026, space));

        await host.TickAsync();
        await host.TickAsync();

        var create = Assert.Single(fixture.Graph.Requests, r => r.Method == "POST");
        Assert.Equal($"/v1.0/users/{NotificationTestHost.Organizer}/events", create.Path);
        var json = create.Json!;
        Assert.Equal("Audiencia pública de rendición de cuentas", (string?)json["subject"]);
        Assert.Equal("2026-03-20T09:30:00", (string?)json["start"]!["dateTime"]);
        Assert.Equal("America/Bogota", (string?)json["start"]!["timeZone"]);
        Assert.Equal("2026-03-20T11:30:00", (string?)json["end"]!["dateTime"]);
        Assert.Equal("America/Bogota", (string?)json["end"]!["timeZone"]);
        Assert.Equal("Auditorio piso 3", (string?)json["location"]!["displayName"]);
        Assert.True((bool?)json["isReminderOn"]);
        Assert.Equal(60, (int?)json["reminderMinutesBeforeStart"]);
        Assert.Equal(CalendarEventRequest.TransactionIdFor(space.Id, 1), (string?)json["transactionId"]);
        var attendees = json["attendees"]!.AsArray().Select(a => (string?)a!["emailAddress"]!["address"]).Order().ToList();
        Assert.Equal(["ana@entidad.gov.co", "luis@entidad.gov.co", "responsable@entidad.gov.co"], attendees);
        Assert.All(json["attendees"]!.AsArray(), a => Assert.Equal("required", (string?)a!["type"]));
        Assert.Contains("Rendir cuentas a la ciudadanía", (string?)json["body"]!["content"], StringComparison.Ordinal);

        var record = await host.Notifications.GetCalendarAsync(NotificationTestHost.EntityId, 2026, space.Id, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal((1, false), (record.SyncedVersion, record.IsCancelled));
        Assert.Contains(record.EventId, fixture.Graph.Events(NotificationTestHost.Organizer).Keys);
    }

    [Fact]
    public async Task RunOnce_RescheduledThenCancelled_PatchesTheEventThenCancelsItWithTheReason()
    {
        fixture.Graph.Reset();
        var run = Guid.NewGuid().ToString("N")[..8];
        var store = NotificationTestHost.OpenStore("sqlite", run, null);
        var time = new ManualTimeProvider(Monday);
        using var host = Host(store, time, "a");
        var space = NotificationTestHost.Space($"r-{run}", "Foro regional", new DateOnly(2026, 3, 20), new TimeOnly(9, 0));
        await host.SavePlanAsync(NotificationTestHost.Plan(2026, space));
        await host.TickAsync();
        var eventId = Assert.Single(fixture.Graph.Events(NotificationTestHost.Organizer).Keys);

        var moved = space.Reschedule(space.Period with { Start = new DateOnly(2026, 3, 24), End = new DateOnly(2026, 3, 24), Time = new TimeOnly(14, 0) }, "Lluvias") with { Version = 2 };
        await host.SavePlanAsync(NotificationTestHost.Plan(2026, moved));
        time.Advance(TimeSpan.FromMinutes(1));
        await host.TickAsync();

        var patch = Assert.Single(fixture.Graph.Requests, r => r.Method == "PATCH");
        Assert.EndsWith("/events/" + eventId, patch.Path, StringComparison.Ordinal);
        Assert.Equal("2026-03-24T14:00:00", (string?)patch.Json!["start"]!["dateTime"]);
        Assert.Equal("2026-03-24T16:00:00", (string?)patch.Json!["end"]!["dateTime"]);
        Assert.Null(patch.Json["transactionId"]);
        Assert.Null(patch.Json["attendees"]);
        Assert.Equal(2, (await host.Notifications.GetCalendarAsync(NotificationTestHost.EntityId, 2026, space.Id, CancellationToken.None))!.SyncedVersion);

        var cancelled = moved with { Status = SpaceStatus.Cancelado, RescheduleReason = "Sin quórum", Version = 3 };
        await host.SavePlanAsync(NotificationTestHost.Plan(2026, cancelled));
        time.Advance(TimeSpan.FromMinutes(1));
        await host.TickAsync();
        await host.TickAsync();

        var cancel = Assert.Single(fixture.Graph.Requests, r => r.Method == "POST" && r.Path.EndsWith("/cancel", StringComparison.Ordinal));
        Assert.EndsWith($"/events/{eventId}/cancel", cancel.Path, StringComparison.Ordinal);
        Assert.Equal("Sin quórum", (string?)cancel.Json!["comment"]);
        Assert.Single(fixture.Graph.Requests, r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal));
        Assert.True((await host.Notifications.GetCalendarAsync(NotificationTestHost.EntityId, 2026, space.Id, CancellationToken.None))!.IsCancelled);
    }

    [Fact]
    public async Task RunOnce_CalendarNotConfigured_SendsNothingToGraph()
    {
        fixture.Graph.Reset();
        var run = Guid.NewGuid().ToString("N")[..8];
        var store = NotificationTestHost.OpenStore("sqlite", run, null);
        using var host = new NotificationTestHost("a", store, new ManualTimeProvider(Monday), fixture.Connector.ServiceUrl, graphBaseUrl: null);
        await host.SavePlanAsync(NotificationTestHost.Plan(2026, NotificationTestHost.Space($"n-{run}", "Foro", new DateOnly(2026, 3, 20), null)));

        await host.TickAsync();

        Assert.Empty(fixture.Graph.Requests);
        Assert.DoesNotContain(
            await host.Notifications.ListClaimsAsync(NotificationTestHost.EntityId, 2026, CancellationToken.None),
            c => c.Kind == Core.Notifications.NotificationKind.CalendarSync);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("cosmos")]
    public async Task RunOnce_HostKilledAfterGraphCreated_OtherHostRetriesWithSameTransactionIdAndOneEventExists(string provider)
    {
        fixture.Graph.Reset();
        var run = Guid.NewGuid().ToString("N")[..8];
        var time = new ManualTimeProvider(Monday);
        var storeA = NotificationTestHost.OpenStore(provider, "cal-" + run, fixture.Cosmos);
        var storeB = NotificationTestHost.OpenStore(provider, "cal-" + run, fixture.Cosmos);
        using var hostA = Host(storeA, time, "host-a");
        using var hostB = Host(storeB, time, "host-b");
        var space = NotificationTestHost.Space($"k-{run}", "Mesa territorial", new DateOnly(2026, 3, 20), new TimeOnly(9, 0));
        await hostA.SavePlanAsync(NotificationTestHost.Plan(2026, space));

        // Graph creates the event but the answer never reaches host A, which dies waiting.
        fixture.Graph.EnqueueFault(FakeGraphFault.TimeoutAfterProcessing(TimeSpan.FromSeconds(20), "POST"));
        using (var kill = new CancellationTokenSource())
        {
            var tick = hostA.TickAsync(kill.Token);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (fixture.Graph.Events(NotificationTestHost.Organizer).Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline);
                await Task.Delay(20);
            }

            await kill.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => tick);
        }

        Assert.Equal(0, (await hostB.TickAsync()).Sent);
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, (await hostB.TickAsync()).Sent);

        var creates = fixture.Graph.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/events", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, creates.Count);
        Assert.All(creates, c => Assert.Equal(CalendarEventRequest.TransactionIdFor(space.Id, 1), (string?)c.Json!["transactionId"]));
        var eventId = Assert.Single(fixture.Graph.Events(NotificationTestHost.Organizer).Keys);
        Assert.Equal(eventId, (await hostB.Notifications.GetCalendarAsync(NotificationTestHost.EntityId, 2026, space.Id, CancellationToken.None))!.EventId);
    }

    [Fact]
    public async Task RunOnce_CreateAnswerLostThenSpaceRescheduled_PatchesTheEventGraphMadeInsteadOfASecond()
    {
        fixture.Graph.Reset();
        var run = Guid.NewGuid().ToString("N")[..8];
        var time = new ManualTimeProvider(Monday);
        using var host = Host(NotificationTestHost.OpenStore("sqlite", run, null), time, "a");
        var space = NotificationTestHost.Space($"l-{run}", "Foro de presupuesto", new DateOnly(2026, 3, 20), new TimeOnly(9, 0));
        await host.SavePlanAsync(NotificationTestHost.Plan(2026, space));

        // Graph creates the event, then answers 502: the bot never learns the event's id.
        fixture.Graph.EnqueueFault(new FakeGraphFault(FakeGraphFaultKind.StatusAfterProcessing, 502, Method: "POST"));
        Assert.Equal(1, (await host.TickAsync()).Failed);
        var eventId = Assert.Single(fixture.Graph.Events(NotificationTestHost.Organizer).Keys);

        // Before the retry, the space moves: its version-2 sync must find that event, not create another.
        var moved = space.Reschedule(space.Period with { Start = new DateOnly(2026, 3, 24), End = new DateOnly(2026, 3, 24), Time = new TimeOnly(14, 0) }, "Lluvias") with { Version = 2 };
        await host.SavePlanAsync(NotificationTestHost.Plan(2026, moved));
        time.Advance(TimeSpan.FromMinutes(1));
        await host.TickAsync();

        var (id, stored) = Assert.Single(fixture.Graph.Events(NotificationTestHost.Organizer));
        Assert.Equal(eventId, id);
        Assert.Equal("2026-03-24T14:00:00", (string?)stored["start"]!["dateTime"]);
        var record = await host.Notifications.GetCalendarAsync(NotificationTestHost.EntityId, 2026, space.Id, CancellationToken.None);
        Assert.Equal((eventId, 2, false), (record!.EventId, record.SyncedVersion, record.IsPending));
    }

    [Fact]
    public async Task RunOnce_CreateAnswerLostThenSpaceCancelled_CancelsTheEventGraphMade()
    {
        fixture.Graph.Reset();
        var run = Guid.NewGuid().ToString("N")[..8];
        var time = new ManualTimeProvider(Monday);
        using var host = Host(NotificationTestHost.OpenStore("sqlite", run, null), time, "a");
        var space = NotificationTestHost.Space($"x-{run}", "Mesa con veedurías", new DateOnly(2026, 3, 20), new TimeOnly(9, 0));
        await host.SavePlanAsync(NotificationTestHost.Plan(2026, space));

        // The create's answer is lost on a dropped connection, on every attempt of this tick.
        for (var i = 0; i < 5; i++)
        {
            fixture.Graph.EnqueueFault(new FakeGraphFault(FakeGraphFaultKind.ResetAfterProcessing, Method: "POST"));
        }

        Assert.Equal(1, (await host.TickAsync()).Failed);
        var eventId = Assert.Single(fixture.Graph.Events(NotificationTestHost.Organizer).Keys);

        await host.SavePlanAsync(NotificationTestHost.Plan(2026, space with { Status = SpaceStatus.Cancelado, RescheduleReason = "Sin quórum", Version = 2 }));
        time.Advance(TimeSpan.FromMinutes(1));
        await host.TickAsync();

        var (id, stored) = Assert.Single(fixture.Graph.Events(NotificationTestHost.Organizer));
        Assert.Equal(eventId, id);
        Assert.True((bool?)stored["isCancelled"]);
        Assert.Equal("Sin quórum", (string?)stored["_cancelComment"]);
    }

    private NotificationTestHost Host(IDocumentStore store, TimeProvider time, string instance) =>
        new(instance, store, time, fixture.Connector.ServiceUrl, fixture.Graph.BaseUrl);
}
