using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;

namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// POST /api/messages (PROTOCOL.md §1.6): read the body with a size cap, parse the activity, authenticate, then either
/// queue the turn and answer 200 at once, or, for an invoke, run it and answer with its invoke response.
/// Bad input gets a short generic 4xx body; nothing internal is ever written to the response.
/// </summary>
internal static class MessagesEndpoint
{
    public const string Route = "/api/messages";

    /// <summary>256 KB: a Teams message is at most about 100 KB (PROTOCOL.md §4), plus the activity envelope.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = WireJson.Encoder,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    // CreateLogger(Type) formats the type's name on every call; the category is the same string.
    private static readonly string LoggerCategory = typeof(MessagesEndpoint).FullName!;

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        [FromServices] IInboundAuthenticator authenticator,
        [FromServices] TurnQueue queue,
        [FromServices] TurnRunner runner,
        [FromServices] IOptions<ConversationOptions> options,
        [FromServices] IHostApplicationLifetime lifetime,
        [FromServices] ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(LoggerCategory);
        var cancellationToken = http.RequestAborted;

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var (buffer, length) = await ReadCappedAsync(http.Request.Body, http.Request.ContentLength, cancellationToken);
        if (buffer is null)
        {
            return TooLarge();
        }

        Activity? activity;
        try
        {
            activity = Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (activity is null)
        {
            MessagesEndpointLog.MalformedActivity(logger);
            return Results.Json(new { error = "Malformed activity." }, statusCode: StatusCodes.Status400BadRequest);
        }

        InboundAuthenticationResult authentication;
        try
        {
            var header = http.Request.Headers.Authorization.ToString();
            authentication = await authenticator.AuthenticateAsync(header.Length > 0 ? header : null, activity, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Fail closed without internals (e.g. signing keys unreachable); Teams delivers again later.
            MessagesEndpointLog.AuthenticatorFailed(logger, exception);
            http.Response.Headers.RetryAfter = "5";
            return Results.Json(new { error = "Service unavailable." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (!authentication.Succeeded)
        {
            MessagesEndpointLog.AuthenticationFailed(logger, authentication.StatusCode, authentication.FailureReason);
            return authentication.StatusCode == StatusCodes.Status403Forbidden
                ? Results.Json(new { error = "Forbidden." }, statusCode: StatusCodes.Status403Forbidden)
                : Results.Json(new { error = "Unauthorized." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            // Invokes are answered in this response (Teams waits for it), so they run inline, within a budget.
            var response = await RunInvokeAsync(activity, runner, TimeSpan.FromSeconds(options.Value.InvokeBudgetSeconds), logger, lifetime.ApplicationStopping);
            return response.HasBody
                ? new InvokeResponseResult(response)
                : Results.StatusCode(response.Status);
        }

        if (!queue.TryEnqueue(activity))
        {
            MessagesEndpointLog.QueueFull(logger);
            http.Response.Headers.RetryAfter = "5";
            return Results.Json(new { error = "Busy, retry later." }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }

    /// <summary>
    /// Runs an invoke turn; past the budget, answers "still working" and lets the turn finish on its own, so the user
    /// never sees Teams' timeout error and nothing the turn stores is cut short. The turn is not tied to the request.
    /// </summary>
    private static async Task<InvokeResponse> RunInvokeAsync(Activity activity, TurnRunner runner, TimeSpan budget, ILogger logger, CancellationToken stopping)
    {
        var turn = runner.RunAsync(activity, stopping);
        try
        {
            // WaitAsync drops its timer when the turn ends; a Task.Delay per invoke kept one alive for the whole budget.
            await turn.WaitAsync(budget, stopping);
        }
        catch (TimeoutException)
        {
            // Past the budget (or the turn's own timeout: awaited below).
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: as past the budget, the turn finishes on its own.
        }

        if (turn.IsCompleted)
        {
            return await turn ?? InvokeResponse.Ok();
        }

        MessagesEndpointLog.InvokeOverBudget(logger, activity.Name, (int)budget.TotalSeconds);
        _ = turn.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return InvokeResponse.Message(Texts.StillWorking.For(TurnText.Language(activity)));
    }

    /// <summary>
    /// The body in a pooled buffer (the caller returns it), or null when it exceeds <see cref="MaxBodyBytes"/> (chunked
    /// bodies have no Content-Length). Pooled because every turn reads one: a fresh buffer per request was a measurable
    /// share of a turn's allocations.
    /// </summary>
    private static async Task<(byte[]? Buffer, int Length)> ReadCappedAsync(Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(contentLength is > 0 and <= MaxBodyBytes ? (int)contentLength + 1 : 4096);
        var length = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > MaxBodyBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0);
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// The activity, or null when the body is not JSON, has wrong types, or lacks what every turn needs:
    /// type, conversation.id and serviceUrl.
    /// </summary>
    internal static Activity? Parse(ReadOnlySpan<byte> body)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, SerializerOptions);
        }
        catch (JsonException)
        {
            return null;
        }

        if (activity is null
            || string.IsNullOrWhiteSpace(activity.Type)
            || string.IsNullOrWhiteSpace(activity.Conversation?.Id)
            || string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return null;
        }

        // JSON allows null items ("entities": [null]); no handler should have to expect them, so they go here.
        activity.Attachments = WithoutNulls(activity.Attachments);
        activity.Entities = WithoutNulls(activity.Entities);
        activity.MembersAdded = WithoutNulls(activity.MembersAdded);
        activity.MembersRemoved = WithoutNulls(activity.MembersRemoved);
        return activity;
    }

    private static List<T>? WithoutNulls<T>(IList<T>? items)
        where T : class =>
        items switch
        {
            null => null,
            List<T> list when !list.Contains(null!) => list, // the usual case: no copy
            _ => [.. items.Where(item => item is not null)],
        };

    /// <summary>
    /// Writes an invoke response with its body as compact UTF-8 JSON (the wire encoder, as <see cref="SerializerOptions"/>
    /// writes); a card goes out as the bytes it was built as.
    /// </summary>
    internal sealed class InvokeResponseResult(InvokeResponse invokeResponse) : IResult
    {
        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = WireJson.Encoder };

        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.StatusCode = invokeResponse.Status;
            response.ContentType = "application/json; charset=utf-8";
            Write(response.BodyWriter, invokeResponse);

            // Not flushed here: Kestrel flushes once when the request ends, so the headers, the body and the last chunk
            // leave in one write. Flushed here, the body went out in one write and the last chunk in another, and the
            // client woke up twice per answer (docs/benchmarks.md, "Sixteenth round").
            return Task.CompletedTask;
        }

        /// <summary>The body's compact UTF-8 JSON into <paramref name="output"/>.</summary>
        public static void Write(IBufferWriter<byte> output, InvokeResponse invokeResponse)
        {
            using var writer = new Utf8JsonWriter(output, WriterOptions);
            invokeResponse.WriteBody(writer);
            writer.Flush();
        }
    }

    private static IResult TooLarge() =>
        Results.Json(new { error = "Request body too large." }, statusCode: StatusCodes.Status413PayloadTooLarge);
}

internal static partial class MessagesEndpointLog
{
    [LoggerMessage(1101, LogLevel.Information, "Inbound activity rejected: malformed body.")]
    public static partial void MalformedActivity(ILogger logger);

    [LoggerMessage(1102, LogLevel.Warning, "Inbound activity rejected with {StatusCode}: {Reason}.")]
    public static partial void AuthenticationFailed(ILogger logger, int statusCode, string? reason);

    [LoggerMessage(1104, LogLevel.Error, "Inbound authentication failed unexpectedly; answered 503.")]
    public static partial void AuthenticatorFailed(ILogger logger, Exception exception);

    [LoggerMessage(1103, LogLevel.Warning, "Turn queue full; answered 503.")]
    public static partial void QueueFull(ILogger logger);

    [LoggerMessage(1105, LogLevel.Warning, "Invoke {Name} ran past its {BudgetSeconds} s budget; answered 'still working' and let it finish.")]
    public static partial void InvokeOverBudget(ILogger logger, string? name, int budgetSeconds);
}
