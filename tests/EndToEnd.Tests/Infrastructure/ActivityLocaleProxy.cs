using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ParticipaBot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Sits between the Agents Playground and the bot on loopback. Playground 0.2.28 stamps every message
/// activity with locale "en-US" whatever its environment says, while real Teams sends the user's client
/// locale; this proxy sets the activity's locale (and its clientInfo entity's) to the one the tests
/// choose, so the bot answers a Colombian user in Spanish. It forwards everything else untouched,
/// answers with the bot's status and body (invoke responses included), and records each activity.
/// </summary>
internal sealed class ActivityLocaleProxy : IAsyncDisposable
{
    private static readonly HashSet<string> SkippedRequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly ConcurrentQueue<JsonObject> _activities = new();
    private readonly ConcurrentQueue<string> _exchanges = new();

    private ActivityLocaleProxy(WebApplication app, Uri target, string locale)
    {
        _app = app;
        Target = target;
        Locale = locale;
        app.Run(ForwardAsync);
    }

    public Uri Target { get; }

    public string Locale { get; }

    public Uri Url { get; private set; } = null!;

    /// <summary>Every activity the Playground sent, as the bot received it.</summary>
    public IReadOnlyCollection<JsonObject> Activities => _activities;

    /// <summary>One line per forwarded request: the activity's type (and name) and the bot's HTTP status.</summary>
    public IReadOnlyCollection<string> Exchanges => _exchanges;

    public static async Task<ActivityLocaleProxy> StartAsync(Uri target, string locale)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var proxy = new ActivityLocaleProxy(builder.Build(), target, locale);
        await proxy._app.StartAsync();
        var address = proxy._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Url = new Uri(new Uri(address), target.AbsolutePath);
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var description = context.Request.Method + " " + context.Request.Path;
        if (JsonNode.Parse(string.IsNullOrWhiteSpace(body) ? "null" : body) is JsonObject activity)
        {
            activity["locale"] = Locale;
            foreach (var entity in activity["entities"]?.AsArray() ?? [])
            {
                if (entity is JsonObject e && (string?)e["type"] == "clientInfo")
                {
                    e["locale"] = Locale;
                }
            }

            description = $"{(string?)activity["type"]} {(string?)activity["name"]}".TrimEnd();
            body = activity.ToJsonString();
            _activities.Enqueue((JsonObject)activity.DeepClone());
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(Target, context.Request.Path + context.Request.QueryString))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!SkippedRequestHeaders.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, context.RequestAborted);
        }
        catch (HttpRequestException exception)
        {
            _exchanges.Enqueue($"{description} -> bot unreachable: {exception.Message}");
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        using var _ = response;
        _exchanges.Enqueue($"{description} -> {(int)response.StatusCode}");
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } contentType)
        {
            context.Response.ContentType = contentType.ToString();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
