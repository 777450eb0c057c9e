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

/// <summary>
/// A loopback Bot Connector (the v3/conversations API). It records every request with its arrival time, path,
/// headers and body, plays scripted responses first, and otherwise answers like the service: ResourceResponse ids,
/// created conversations, one page of members.
/// </summary>
public sealed class FakeConnectorServer : LoopbackServer
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<FakeResponse> _script = new();
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

    /// <summary>The members returned by pagedmembers.</summary>
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
        _requests.Enqueue(new RecordedRequest(DateTimeOffset.UtcNow, request.Method, request.Path.Value ?? string.Empty, rawTarget, headers, body));

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
            _ => new Dictionary<string, string> { ["id"] = "activity-" + n },
        };

        context.Response.StatusCode = StatusCodes.Status200OK;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(answer));
        }
    }
}
