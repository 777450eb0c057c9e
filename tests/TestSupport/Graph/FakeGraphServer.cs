using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ParticipaBot.TestSupport.Graph;

/// <summary>One request the fake received, as it arrived.</summary>
public sealed record RecordedGraphRequest(
    string Method,
    string Path,
    string? Mailbox,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset Timestamp)
{
    public JsonObject? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body) as JsonObject;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the fake does instead of (or after) answering normally.</summary>
public enum FakeGraphFaultKind
{
    /// <summary>Answer with a status (429, 503, 504, 400…) and optionally Retry-After; nothing is processed.</summary>
    Status,

    /// <summary>Process the request (e.g. create the event), then hold the answer: the client sees a timeout.</summary>
    Timeout,

    /// <summary>Process the request, then answer with a status (500, 502, 503…): the work is done, the client hears a failure.</summary>
    StatusAfterProcessing,

    /// <summary>Drop the connection before processing.</summary>
    ResetBeforeProcessing,

    /// <summary>Process the request, then drop the connection.</summary>
    ResetAfterProcessing,
}

/// <summary>A fault applied to the next request that matches <see cref="Method"/> (any when null).</summary>
public sealed record FakeGraphFault(FakeGraphFaultKind Kind, int StatusCode = 0, TimeSpan? RetryAfter = null, TimeSpan? Hold = null, string? Method = null)
{
    public static FakeGraphFault Throttle(TimeSpan retryAfter, string? method = null) => new(FakeGraphFaultKind.Status, 429, retryAfter, Method: method);

    public static FakeGraphFault ServerError(int statusCode, string? method = null) => new(FakeGraphFaultKind.Status, statusCode, Method: method);

    public static FakeGraphFault TimeoutAfterProcessing(TimeSpan hold, string? method = null) => new(FakeGraphFaultKind.Timeout, Hold: hold, Method: method);

    /// <summary>True when the event was changed but the client never hears of it.</summary>
    public bool LosesAnswerAfterProcessing => Kind is FakeGraphFaultKind.Timeout or FakeGraphFaultKind.StatusAfterProcessing or FakeGraphFaultKind.ResetAfterProcessing;
}

/// <summary>
/// A loopback stand-in for the Microsoft Graph calendar endpoints the bot calls
/// (POST/GET/PATCH/DELETE /v1.0/users/{mailbox}/events[/{id}], POST …/{id}/cancel). Like Graph, it answers a
/// repeated transactionId with the event already created. It records every request, injects faults on
/// demand and tracks the most requests in flight at once per mailbox.
/// </summary>
public sealed partial class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<RecordedGraphRequest> _requests = [];
    private readonly Dictionary<string, JsonObject> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _eventIdByTransaction = new(StringComparer.Ordinal);
    private readonly List<FakeGraphFault> _faults = [];
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new(StringComparer.OrdinalIgnoreCase);
    private int _nextId;

    private FakeGraphServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>http://127.0.0.1:{port}/v1.0 — use as Graph:BaseUrl.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Chooses a fault for each request when none is queued (null: answer normally); the storm's schedule.</summary>
    public Func<RecordedGraphRequest, FakeGraphFault?>? FaultPolicy { get; set; }

    /// <summary>How long every request is held before it is answered (to make concurrency observable).</summary>
    public TimeSpan ProcessingDelay { get; set; }

    public IReadOnlyList<RecordedGraphRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Copies of the stored events, by id, for the mailbox (all mailboxes when null).</summary>
    public IReadOnlyDictionary<string, JsonObject> Events(string? mailbox = null)
    {
        lock (_gate)
        {
            return _events
                .Where(pair => mailbox is null || string.Equals((string?)pair.Value["_mailbox"], mailbox, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(pair => pair.Key, pair => (JsonObject)pair.Value.DeepClone());
        }
    }

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeGraphServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1.0");
        return server;
    }

    /// <summary>Queues a fault; faults apply in order, each to one matching request.</summary>
    public void EnqueueFault(FakeGraphFault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>The most requests that were in flight at once for the mailbox.</summary>
    public int MaxConcurrentRequests(string mailbox) => _maxInFlight.TryGetValue(mailbox, out var max) ? max : 0;

    /// <summary>Forgets requests, events, faults and concurrency counts.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _events.Clear();
            _eventIdByTransaction.Clear();
            _faults.Clear();
        }

        _maxInFlight.Clear();
        ProcessingDelay = TimeSpan.Zero;
        FaultPolicy = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex("^/v1\\.0/users/(?<mailbox>[^/]+)/events(?:/(?<id>[^/]+)(?<cancel>/cancel)?)?$")]
    private static partial Regex EventsRoute();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var match = EventsRoute().Match(request.Path.Value ?? string.Empty);
        var mailbox = match.Success ? Uri.UnescapeDataString(match.Groups["mailbox"].Value) : null;
        var recorded = new RecordedGraphRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            mailbox,
            request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            DateTimeOffset.UtcNow);

        var key = mailbox ?? string.Empty;
        var current = _inFlight.AddOrUpdate(key, 1, (_, count) => count + 1);
        _maxInFlight.AddOrUpdate(key, current, (_, max) => Math.Max(max, current));
        try
        {
            FakeGraphFault? fault;
            lock (_gate)
            {
                _requests.Add(recorded);
                fault = _faults.FirstOrDefault(candidate => candidate.Method is null || string.Equals(candidate.Method, request.Method, StringComparison.OrdinalIgnoreCase));
                if (fault is not null)
                {
                    _faults.Remove(fault);
                }
            }

            fault ??= FaultPolicy?.Invoke(recorded);
            if (fault is { Kind: FakeGraphFaultKind.ResetBeforeProcessing })
            {
                context.Abort();
                return;
            }

            if (ProcessingDelay > TimeSpan.Zero)
            {
                await Task.Delay(ProcessingDelay, context.RequestAborted);
            }

            if (fault is { Kind: FakeGraphFaultKind.Status })
            {
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await WriteErrorAsync(context, fault.StatusCode, fault.StatusCode == 429 ? "TooManyRequests" : "ServiceUnavailable", "Injected fault.");
                return;
            }

            if (!match.Success)
            {
                await WriteErrorAsync(context, 404, "ResourceNotFound", "Unknown path.");
                return;
            }

            var (status, answer) = Process(request.Method, mailbox!, match.Groups["id"].Success ? Uri.UnescapeDataString(match.Groups["id"].Value) : null, match.Groups["cancel"].Success, body);

            if (fault is { Kind: FakeGraphFaultKind.Timeout })
            {
                // The work is done; only the answer is lost, as when Graph is slow and the client gives up.
                await Task.Delay(fault.Hold ?? TimeSpan.FromSeconds(30), context.RequestAborted);
            }

            if (fault is { Kind: FakeGraphFaultKind.ResetAfterProcessing })
            {
                context.Abort();
                return;
            }

            if (fault is { Kind: FakeGraphFaultKind.StatusAfterProcessing })
            {
                await WriteErrorAsync(context, fault.StatusCode, "InternalServerError", "Injected fault after processing.");
                return;
            }

            context.Response.StatusCode = status;
            if (answer is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            _inFlight.AddOrUpdate(key, 0, (_, count) => count - 1);
        }
    }

    private (int Status, JsonObject? Answer) Process(string method, string mailbox, string? id, bool cancel, string body)
    {
        lock (_gate)
        {
            if (id is null && HttpMethods.IsPost(method))
            {
                if (JsonNode.Parse(body) is not JsonObject created)
                {
                    return (400, Error("RequestBodyRead", "Body is not a JSON object."));
                }

                var transactionId = (string?)created["transactionId"];
                if (transactionId is not null && _eventIdByTransaction.TryGetValue(transactionId, out var existing))
                {
                    return (201, Public(_events[existing]));
                }

                var number = ++_nextId;
                var eventId = "AAMkFake" + number.ToString("D6", CultureInfo.InvariantCulture);
                created["id"] = eventId;
                created["iCalUId"] = "040000008200E00074C5B7101A82E008" + number.ToString("X16", CultureInfo.InvariantCulture);
                created["isCancelled"] = false;
                created["_mailbox"] = mailbox;
                _events[eventId] = created;
                if (transactionId is not null)
                {
                    _eventIdByTransaction[transactionId] = eventId;
                }

                return (201, Public(created));
            }

            if (id is null || !_events.TryGetValue(id, out var stored))
            {
                return (404, Error("ErrorItemNotFound", "The specified object was not found in the store."));
            }

            if (cancel && HttpMethods.IsPost(method))
            {
                stored["isCancelled"] = true;
                stored["_cancelComment"] = (JsonNode.Parse(body) as JsonObject)?["comment"]?.DeepClone();
                return (202, null);
            }

            if (HttpMethods.IsPatch(method) && JsonNode.Parse(body) is JsonObject patch)
            {
                if (patch.ContainsKey("transactionId"))
                {
                    return (400, Error("ErrorInvalidProperty", "transactionId cannot be changed."));
                }

                foreach (var (name, value) in patch)
                {
                    stored[name] = value?.DeepClone();
                }

                return (200, Public(stored));
            }

            if (HttpMethods.IsDelete(method))
            {
                _events.Remove(id);
                return (204, null);
            }

            return HttpMethods.IsGet(method) ? (200, Public(stored)) : (405, Error("MethodNotAllowed", method));
        }
    }

    private static JsonObject Public(JsonObject stored)
    {
        var copy = (JsonObject)stored.DeepClone();
        copy.Remove("_mailbox");
        copy.Remove("_cancelComment");
        return copy;
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static async Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(Error(code, message).ToJsonString(), context.RequestAborted);
    }
}
