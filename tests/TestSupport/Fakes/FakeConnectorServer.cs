using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ParticipaBot.TestSupport.Fakes;

/// <summary>One request as the fake Bot Connector received it.</summary>
public sealed record RecordedRequest(
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>A scripted answer: status, headers, body, and an optional delay before answering (to cause timeouts).</summary>
public sealed record FakeResponse(int StatusCode, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan? Delay = null)
{
    public static FakeResponse TooManyRequests(string retryAfter) =>
        new(429, """{"error":{"code":"Throttled","message":"Too many requests"}}""", new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    public static FakeResponse Error(int status, string code) =>
        new(status, $$$"""{"error":{"code":"{{{code}}}","message":"fake error"}}""", new Dictionary<string, string> { ["X-Correlating-OperationId"] = "op-" + status });

    public static FakeResponse Hang(TimeSpan delay) => new(200, """{"id":"late"}""", null, delay);
}

/// <summary>How an injected connector fault behaves.</summary>
public enum ConnectorFaultKind
{
    /// <summary>Refuse with a status (429 with Retry-After, 5xx): nothing is done.</summary>
    Refuse,

    /// <summary>Do the work (the activity exists), then answer with a 5xx: the bot never hears of it.</summary>
    FailAfterWork,

    /// <summary>Hold the request past the client's timeout without doing anything.</summary>
    HangBeforeWork,

    /// <summary>Do the work, then hold the answer past the client's timeout.</summary>
    HangAfterWork,

    /// <summary>Drop the connection before doing anything.</summary>
    ResetBeforeWork,

    /// <summary>Do the work, then drop the connection.</summary>
    ResetAfterWork,
}

/// <summary>A fault chosen by <see cref="FakeConnectorServer.FaultPolicy"/> for one request.</summary>
public sealed record ConnectorFault(ConnectorFaultKind Kind, int StatusCode = 503, string? RetryAfter = null, TimeSpan? Hold = null)
{
    /// <summary>True when the service did the work but the caller never learns it (the doubling case).</summary>
    public bool LosesAnswerAfterWork => Kind is ConnectorFaultKind.FailAfterWork or ConnectorFaultKind.HangAfterWork or ConnectorFaultKind.ResetAfterWork;
}

/// <summary>
/// A request the service carried out: the activity it created or replaced (or the conversation it created), and the
/// fault that hid the answer from the caller, if any.
/// </summary>
/// <param name="ClientGaveUp">The caller went away (its timeout) before the answer was written: it never heard either.</param>
public sealed record AcceptedRequest(RecordedRequest Request, string? ResourceId, ConnectorFault? LostAnswer, bool ClientGaveUp = false)
{
    /// <summary>The work was done but the caller does not know it.</summary>
    public bool AnswerLost => LostAnswer is not null || ClientGaveUp;
}

/// <summary>
/// A loopback Bot Connector (the v3/conversations API). It records every request with its arrival time, path,
/// headers and body, plays scripted responses first, and otherwise answers like the service: ResourceResponse ids,
/// created conversations, one page of members.
/// </summary>
public sealed class FakeConnectorServer : LoopbackServer
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<FakeResponse> _script = new();
    private readonly ConcurrentQueue<AcceptedRequest> _accepted = new();
    private int _counter;

    private FakeConnectorServer()
    {
    }

    public static async Task<FakeConnectorServer> StartAsync()
    {
        var server = new FakeConnectorServer();
        await server.StartServerAsync();
        return server;
    }

    /// <summary>The serviceUrl to put in activities and conversation references (with its trailing slash).</summary>
    public string ServiceUrl => BaseAddress + "/amer/";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Requests answered by the default behaviour (not by a script): what the service really did.</summary>
    public IReadOnlyList<AcceptedRequest> Accepted => [.. _accepted];

    /// <summary>
    /// Chooses a fault for each request not answered by a script (null: answer normally). Set it to make the fake
    /// fail on purpose on a schedule; clear it to end the storm.
    /// </summary>
    public Func<RecordedRequest, ConnectorFault?>? FaultPolicy { get; set; }

    /// <summary>The members returned by pagedmembers, and by members/{id} when their "id" matches (404 otherwise).</summary>
    public IList<Dictionary<string, string>> Members { get; } = [];

    /// <summary>Queues answers used, in order, by the next requests before the default behaviour resumes.</summary>
    public void Enqueue(params FakeResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    protected override async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? string.Empty;
        var recorded = new RecordedRequest(DateTimeOffset.UtcNow, request.Method, request.Path.Value ?? string.Empty, rawTarget, headers, body);
        _requests.Enqueue(recorded);

        if (_script.TryDequeue(out var scripted))
        {
            if (scripted.Delay is { } delay)
            {
                try
                {
                    await Task.Delay(delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            context.Response.StatusCode = scripted.StatusCode;
            foreach (var (name, value) in scripted.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            if (scripted.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(scripted.Body);
            }

            return;
        }

        var fault = FaultPolicy?.Invoke(recorded);
        switch (fault?.Kind)
        {
            case ConnectorFaultKind.Refuse:
                context.Response.StatusCode = fault.StatusCode;
                if (fault.RetryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = fault.RetryAfter;
                }

                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($$$"""{"error":{"code":"Injected{{{fault.StatusCode}}}","message":"injected fault"}}""");
                return;
            case ConnectorFaultKind.ResetBeforeWork:
                context.Abort();
                return;
            case ConnectorFaultKind.HangBeforeWork:
                await HoldAsync(fault.Hold, context.RequestAborted);
                context.Abort();
                return;
        }

        var n = Interlocked.Increment(ref _counter);
        var path = request.Path.Value ?? string.Empty;
        object? answer = (request.Method, path) switch
        {
            ("POST", _) when path.EndsWith("/v3/conversations", StringComparison.Ordinal) => new Dictionary<string, string>
            {
                ["id"] = "a:created-" + n,
                ["activityId"] = "activity-" + n,
                ["serviceUrl"] = ServiceUrl,
            },
            ("GET", _) when path.EndsWith("/pagedmembers", StringComparison.Ordinal) => new Dictionary<string, object?>
            {
                ["members"] = Members,
                ["continuationToken"] = null,
            },
            ("DELETE", _) => null,
            ("GET", _) when MemberId(path) is { } memberId => Members.FirstOrDefault(m => m.TryGetValue("id", out var id) && id == memberId),
            _ => new Dictionary<string, string> { ["id"] = "activity-" + n },
        };

        if (request.Method == "GET" && MemberId(path) is not null && answer is null)
        {
            // As Teams answers a member id that is not in the conversation.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"code":"MemberNotFoundInConversation","message":"The member is not in the conversation."}}""");
            return;
        }

        var resourceId = answer is Dictionary<string, string> ids && ids.TryGetValue("id", out var created) ? created : null;
        if (request.Method == "PUT")
        {
            resourceId = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        }

        if (fault is { LosesAnswerAfterWork: true })
        {
            _accepted.Enqueue(new AcceptedRequest(recorded, resourceId, fault));
        }

        switch (fault?.Kind)
        {
            case ConnectorFaultKind.FailAfterWork:
                context.Response.StatusCode = fault.StatusCode;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($$$"""{"error":{"code":"Injected{{{fault.StatusCode}}}","message":"injected fault after the work"}}""");
                return;
            case ConnectorFaultKind.ResetAfterWork:
                context.Abort();
                return;
            case ConnectorFaultKind.HangAfterWork:
                await HoldAsync(fault.Hold, context.RequestAborted);
                context.Abort();
                return;
        }

        var gaveUp = false;
        try
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            if (answer is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(answer), context.RequestAborted);
            }

            await context.Response.CompleteAsync();
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            gaveUp = true;
        }
        finally
        {
            // A loaded machine can make even a clean answer arrive after the client's timeout: it never heard it.
            _accepted.Enqueue(new AcceptedRequest(recorded, resourceId, null, gaveUp || context.RequestAborted.IsCancellationRequested));
        }
    }

    private static async Task HoldAsync(TimeSpan? hold, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(hold ?? TimeSpan.FromSeconds(30), aborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up first, as intended.
        }
    }

    /// <summary>The member id of ".../members/{id}", unescaped, or null for any other path.</summary>
    private static string? MemberId(string path)
    {
        var marker = path.LastIndexOf("/members/", StringComparison.Ordinal);
        return marker < 0 ? null : Uri.UnescapeDataString(path[(marker + "/members/".Length)..]);
    }
}
