using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Graph;
using ParticipaBot.Core.Calendar;
using ParticipaBot.TestSupport.Graph;

namespace ParticipaBot.Bot.Tests.Graph;

public sealed class GraphCalendarClientTests : IClassFixture<FakeGraphServerFixture>
{
    private readonly FakeGraphServer _server;

    public GraphCalendarClientTests(FakeGraphServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Reset();
    }

    [Fact]
    public async Task CreateAsync_InPersonSpace_SendsEveryFieldInBogotaTime()
    {
        using var host = new GraphTestHost(_server);
        var space = GraphTestHost.Space();

        var reference = await host.Gateway.CreateAsync(space, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.0/users/participacion@entidad.gov.co/events", request.Path);
        Assert.Equal(GraphTestHost.Organizer, request.Mailbox);
        Assert.Equal("Bearer graph-token-1", request.Header("Authorization"));
        Assert.Equal("outlook.timezone=\"SA Pacific Standard Time\"", request.Header("Prefer"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(["https://graph.microsoft.com/.default"], host.Tokens.Scopes);

        var json = request.Json!;
        Assert.Equal("Audiencia pública de rendición de cuentas", (string?)json["subject"]);
        Assert.Equal("HTML", (string?)json["body"]!["contentType"]);
        var content = (string)json["body"]!["content"]!;
        Assert.Contains("<strong>Objetivo:</strong> Presentar los resultados de la gestión 2026 &amp; recibir propuestas &lt;ciudadanas&gt;", content, StringComparison.Ordinal);
        Assert.Contains("href=\"https://teams.microsoft.com/l/entity/participabot/espacios?space=space-001\"", content, StringComparison.Ordinal);

        // 14:00 UTC is 09:00 in Bogotá.
        Assert.Equal("2026-09-01T09:00:00", (string?)json["start"]!["dateTime"]);
        Assert.Equal("America/Bogota", (string?)json["start"]!["timeZone"]);
        Assert.Equal("2026-09-01T11:30:00", (string?)json["end"]!["dateTime"]);
        Assert.Equal("America/Bogota", (string?)json["end"]!["timeZone"]);
        Assert.Equal("Auditorio piso 3", (string?)json["location"]!["displayName"]);

        // The configured extra attendee appears once although the space lists it with other casing.
        var attendees = json["attendees"]!.AsArray();
        Assert.Equal(
            ["ana.perez@entidad.gov.co", "Planeacion@entidad.gov.co", "luis.gomez@entidad.gov.co"],
            attendees.Select(attendee => (string?)attendee!["emailAddress"]!["address"]));
        Assert.All(attendees, attendee => Assert.Equal("required", (string?)attendee!["type"]));

        Assert.True((bool?)json["isReminderOn"]);
        Assert.Equal(60, (int?)json["reminderMinutesBeforeStart"]);
        Assert.Equal(space.TransactionId, (string?)json["transactionId"]);
        Assert.False(json.ContainsKey("isOnlineMeeting"));
        Assert.False((bool?)json["allowNewTimeProposals"]);

        var stored = Assert.Single(_server.Events(GraphTestHost.Organizer));
        Assert.Equal(stored.Key, reference.EventId);
        Assert.Equal((string?)stored.Value["iCalUId"], reference.ICalUId);
    }

    [Fact]
    public async Task CreateAsync_VirtualSpaceWithoutLink_RequestsTeamsMeeting()
    {
        using var host = new GraphTestHost(_server, new Dictionary<string, string?> { ["Graph:ReminderMinutesBeforeStart"] = "1440" });

        await host.Gateway.CreateAsync(GraphTestHost.Space(isVirtual: true), CancellationToken.None);

        var json = Assert.Single(_server.Requests).Json!;
        Assert.True((bool?)json["isOnlineMeeting"]);
        Assert.Equal("teamsForBusiness", (string?)json["onlineMeetingProvider"]);
        Assert.False(json.ContainsKey("location"));
        Assert.Equal(1440, (int?)json["reminderMinutesBeforeStart"]);
    }

    [Fact]
    public async Task CreateAsync_VirtualSpaceWithOwnLink_KeepsLinkWithoutTeamsMeeting()
    {
        using var host = new GraphTestHost(_server);
        var space = GraphTestHost.Space(isVirtual: true) with { OnlineLink = new Uri("https://www.youtube.com/live/abc123") };

        await host.Gateway.CreateAsync(space, CancellationToken.None);

        var json = Assert.Single(_server.Requests).Json!;
        Assert.False(json.ContainsKey("isOnlineMeeting"));
        Assert.Equal("https://www.youtube.com/live/abc123", (string?)json["location"]!["displayName"]);
        Assert.Contains("<a href=\"https://www.youtube.com/live/abc123\">", (string)json["body"]!["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Throttled_WaitsRetryAfterThenSucceeds()
    {
        using var host = new GraphTestHost(_server);
        _server.EnqueueFault(FakeGraphFault.Throttle(TimeSpan.FromSeconds(1)));

        await host.Gateway.CreateAsync(GraphTestHost.Space(), CancellationToken.None);

        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].Timestamp - requests[0].Timestamp >= TimeSpan.FromMilliseconds(950), $"waited only {requests[1].Timestamp - requests[0].Timestamp}");
        Assert.Single(_server.Events());
    }

    [Fact]
    public async Task CreateAsync_RetryAfterBeyondLimit_FailsTransientWithoutWaiting()
    {
        using var host = new GraphTestHost(_server, new Dictionary<string, string?> { ["Graph:MaxRetryAfter"] = "00:00:01" });
        _server.EnqueueFault(FakeGraphFault.Throttle(TimeSpan.FromSeconds(120)));

        var exception = await Assert.ThrowsAsync<CalendarGatewayException>(() => host.Gateway.CreateAsync(GraphTestHost.Space(), CancellationToken.None));

        Assert.True(exception.IsTransient);
        Assert.Equal(429, exception.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task CreateAsync_ServiceUnavailableThenGatewayTimeout_RetriesWithBackoff()
    {
        using var host = new GraphTestHost(_server);
        _server.EnqueueFault(FakeGraphFault.ServerError(503));
        _server.EnqueueFault(FakeGraphFault.ServerError(504));

        var reference = await host.Gateway.CreateAsync(GraphTestHost.Space(), CancellationToken.None);

        var requests = _server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.True(requests[1].Timestamp - requests[0].Timestamp >= TimeSpan.FromMilliseconds(15));
        Assert.True(requests[2].Timestamp - requests[1].Timestamp >= TimeSpan.FromMilliseconds(35));
        Assert.Equal(reference.EventId, Assert.Single(_server.Events()).Key);
    }

    [Fact]
    public async Task CreateAsync_BadRequest_FailsWithoutRetry()
    {
        using var host = new GraphTestHost(_server);
        _server.EnqueueFault(FakeGraphFault.ServerError(400));

        var exception = await Assert.ThrowsAsync<CalendarGatewayException>(() => host.Gateway.CreateAsync(GraphTestHost.Space(), CancellationToken.None));

        Assert.False(exception.IsTransient);
        Assert.Equal(400, exception.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task CreateAsync_TimeoutAfterServerCreated_RetrySendsSameTransactionIdAndNoDuplicate()
    {
        using var host = new GraphTestHost(_server, new Dictionary<string, string?> { ["Graph:AttemptTimeout"] = "00:00:00.300" });
        _server.EnqueueFault(FakeGraphFault.TimeoutAfterProcessing(TimeSpan.FromSeconds(10)));
        var space = GraphTestHost.Space();

        var reference = await host.Gateway.CreateAsync(space, CancellationToken.None);

        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, request => Assert.Equal(space.TransactionId, (string?)request.Json!["transactionId"]));
        var stored = Assert.Single(_server.Events(GraphTestHost.Organizer));
        Assert.Equal(stored.Key, reference.EventId);
    }

    [Fact]
    public async Task CreateAsync_TwentyInParallel_NeverMoreThanFourInFlightPerMailbox()
    {
        using var host = new GraphTestHost(_server);
        _server.ProcessingDelay = TimeSpan.FromMilliseconds(60);
        var gateway = host.Gateway;

        var references = await Task.WhenAll(Enumerable.Range(1, 20)
            .Select(index => Task.Run(() => gateway.CreateAsync(GraphTestHost.Space($"space-{index:D3}"), CancellationToken.None))));

        Assert.Equal(20, references.Select(reference => reference.EventId).Distinct().Count());
        Assert.Equal(20, _server.Events(GraphTestHost.Organizer).Count);
        Assert.InRange(_server.MaxConcurrentRequests(GraphTestHost.Organizer), 2, 4);
    }

    [Fact]
    public async Task CreateAsync_SameSpaceAndVersionTwice_ReturnsTheSameEvent()
    {
        using var host = new GraphTestHost(_server);

        var first = await host.Gateway.CreateAsync(GraphTestHost.Space(), CancellationToken.None);
        var second = await host.Gateway.CreateAsync(GraphTestHost.Space(), CancellationToken.None);
        var rescheduled = await host.Gateway.CreateAsync(GraphTestHost.Space(version: 2), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.NotEqual(first.EventId, rescheduled.EventId);
    }

    [Fact]
    public async Task UpdateAsync_TimeChanged_PatchesOnlyStartAndEnd()
    {
        using var host = new GraphTestHost(_server);
        var original = GraphTestHost.Space();
        var created = await host.Gateway.CreateAsync(original, CancellationToken.None);
        var moved = original with { Start = original.Start.AddDays(7), End = original.End.AddDays(7), Version = 2 };

        await host.Gateway.UpdateAsync(created.EventId, original, moved, CancellationToken.None);

        var patch = _server.Requests[^1];
        Assert.Equal("PATCH", patch.Method);
        Assert.EndsWith("/events/" + created.EventId, patch.Path, StringComparison.Ordinal);
        var json = patch.Json!;
        Assert.Equal(["start", "end"], json.Select(property => property.Key));
        Assert.Equal("2026-09-08T09:00:00", (string?)json["start"]!["dateTime"]);
        Assert.Equal("America/Bogota", (string?)json["end"]!["timeZone"]);
        Assert.Equal("2026-09-08T09:00:00", (string?)_server.Events()[created.EventId]["start"]!["dateTime"]);
    }

    [Fact]
    public async Task UpdateAsync_SubjectAndAttendeesChanged_PatchesOnlyThose()
    {
        using var host = new GraphTestHost(_server);
        var original = GraphTestHost.Space();
        var created = await host.Gateway.CreateAsync(original, CancellationToken.None);
        var changed = original with { Subject = "Audiencia pública (nueva sede)", AttendeeEmails = ["ana.perez@entidad.gov.co"] };

        await host.Gateway.UpdateAsync(created.EventId, original, changed, CancellationToken.None);

        var patch = _server.Requests[^1].Json!;
        Assert.Equal(["subject", "attendees"], patch.Select(property => property.Key));
        Assert.Equal(
            ["ana.perez@entidad.gov.co", "planeacion@entidad.gov.co"],
            patch["attendees"]!.AsArray().Select(attendee => (string?)attendee!["emailAddress"]!["address"]));
    }

    [Fact]
    public async Task UpdateAsync_LocationRemoved_ClearsItAndRewritesBody()
    {
        using var host = new GraphTestHost(_server);
        var original = GraphTestHost.Space();
        var created = await host.Gateway.CreateAsync(original, CancellationToken.None);

        await host.Gateway.UpdateAsync(created.EventId, original, original with { Location = null }, CancellationToken.None);

        var patch = _server.Requests[^1].Json!;
        Assert.Equal(["body", "location"], patch.Select(property => property.Key));
        Assert.Equal(string.Empty, (string?)patch["location"]!["displayName"]);
        Assert.DoesNotContain("Lugar", (string)patch["body"]!["content"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_NothingChanged_SendsNothing()
    {
        using var host = new GraphTestHost(_server);
        var original = GraphTestHost.Space();
        var created = await host.Gateway.CreateAsync(original, CancellationToken.None);

        var reference = await host.Gateway.UpdateAsync(created.EventId, original, original with { Version = 2 }, CancellationToken.None);

        Assert.Single(_server.Requests);
        Assert.Equal(created.EventId, reference.EventId);
    }

    [Fact]
    public async Task CancelAsync_WithComment_PostsCommentToCancel()
    {
        using var host = new GraphTestHost(_server);
        var created = await host.Gateway.CreateAsync(GraphTestHost.Space(), CancellationToken.None);

        await host.Gateway.CancelAsync(created.EventId, "Se cancela por emergencia sanitaria; se reprogramará.", CancellationToken.None);

        var cancel = _server.Requests[^1];
        Assert.Equal("POST", cancel.Method);
        Assert.EndsWith("/events/" + created.EventId + "/cancel", cancel.Path, StringComparison.Ordinal);
        Assert.Equal(new JsonObject { ["comment"] = "Se cancela por emergencia sanitaria; se reprogramará." }.ToJsonString(), cancel.Json!.ToJsonString());
        Assert.True((bool?)_server.Events()[created.EventId]["isCancelled"]);
    }

    [Fact]
    public async Task CancelAsync_UnknownEvent_FailsNotTransient()
    {
        using var host = new GraphTestHost(_server);

        var exception = await Assert.ThrowsAsync<CalendarGatewayException>(() => host.Gateway.CancelAsync("AAMkMissing", null, CancellationToken.None));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal("ErrorItemNotFound", exception.ErrorCode);
        Assert.False(exception.IsTransient);
    }

    [Fact]
    public async Task CreateAsync_NoOrganizerMailbox_IsNotConfiguredAndRefuses()
    {
        using var host = new GraphTestHost(_server, new Dictionary<string, string?> { ["Graph:OrganizerMailbox"] = "" });

        Assert.False(host.Gateway.IsConfigured);
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Gateway.CreateAsync(GraphTestHost.Space(), CancellationToken.None));
        Assert.Contains("Graph:OrganizerMailbox", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void AddGraphCalendar_InvalidSettings_ValidationNamesEachKey()
    {
        using var host = new GraphTestHost(_server, new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = "http://graph.example.test/v1.0",
            ["Graph:MaxConcurrentCallsPerMailbox"] = "10",
            ["Graph:ExtraAttendees:0"] = "not-an-address",
        });

        var exception = Assert.Throws<OptionsValidationException>(() => host.Client);

        Assert.Contains(exception.Failures, failure => failure.StartsWith("Graph:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, failure => failure.StartsWith("Graph:MaxConcurrentCallsPerMailbox", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, failure => failure.StartsWith("Graph:ExtraAttendees", StringComparison.Ordinal));
    }
}
