using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using ParticipaBot.TestSupport.Fakes;

namespace ParticipaBot.LoadTest;

/// <summary>One activity the bot sent to a conversation, with the Stopwatch timestamp of its arrival.</summary>
public sealed record SinkMessage(long ArrivedAt, string Method, string Body);

/// <summary>
/// The Bot Connector as the bot sees it, on loopback and as fast as possible: every send, reply or update is answered
/// 200 with a ResourceResponse at once, its arrival time recorded, and the body handed to the delegate whose
/// conversation it names.
/// </summary>
public sealed class ConnectorSink : LoopbackServer
{
    private readonly ConcurrentDictionary<string, Channel<SinkMessage>> _mailboxes = new(StringComparer.Ordinal);
    private long _requests;
    private long _unrouted;
    private long _counter;

    private ConnectorSink()
    {
    }

    public static async Task<ConnectorSink> StartAsync()
    {
        var sink = new ConnectorSink();
        await sink.StartServerAsync();
        return sink;
    }

    /// <summary>The serviceUrl of every activity the delegates send (with its trailing slash).</summary>
    public string ServiceUrl => BaseAddress + "/amer/";

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests for a conversation no delegate owns (should stay zero).</summary>
    public long Unrouted => Interlocked.Read(ref _unrouted);

    /// <summary>The delegate's inbox: what the bot sent to its conversation.</summary>
    public ChannelReader<SinkMessage> Register(string conversationId) =>
        _mailboxes.GetOrAdd(conversationId, _ => Channel.CreateUnbounded<SinkMessage>(new UnboundedChannelOptions { SingleReader = true })).Reader;

    protected override async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        // /amer/v3/conversations/{id}/activities[/{replyToId}]
        var segments = (request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(segments, "conversations");
        var conversationId = index >= 0 && index + 1 < segments.Length ? Uri.UnescapeDataString(segments[index + 1]) : null;
        if (conversationId is not null && _mailboxes.TryGetValue(conversationId, out var mailbox))
        {
            mailbox.Writer.TryWrite(new SinkMessage(arrived, request.Method, body));
        }
        else
        {
            Interlocked.Increment(ref _unrouted);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        var n = Interlocked.Increment(ref _counter);
        await context.Response.WriteAsync("{\"id\":\"sink-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"}", context.RequestAborted);
    }
}
