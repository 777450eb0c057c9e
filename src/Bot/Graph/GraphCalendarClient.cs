using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Calendar;

namespace ParticipaBot.Bot.Graph;

/// <summary>
/// Microsoft Graph calendar calls with app-only tokens: create, update (PATCH of changed fields) and cancel events in
/// the organizer mailbox. Retries 429 after Retry-After, 503/504 and timeouts with back-off, and keeps at most
/// <see cref="GraphOptions.MaxConcurrentCallsPerMailbox"/> calls in flight per mailbox.
/// </summary>
internal sealed class GraphCalendarClient(
    HttpClient httpClient,
    IAccessTokenProvider tokenProvider,
    GraphMailboxLimiter limiter,
    IOptions<GraphOptions> options,
    TimeProvider timeProvider,
    ILogger<GraphCalendarClient> logger) : ICalendarGateway
{
    private readonly GraphOptions _options = options.Value;
    private readonly GraphEventMapper _mapper = new(options.Value);

    public bool IsConfigured => _options.IsConfigured;

    public async Task<CalendarEventReference> CreateAsync(CalendarEventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfInvalid(request);
        var created = await CreateEventAsync(OrganizerMailbox(), _mapper.ToCreate(request), cancellationToken);
        var reference = ToReference(created, "create");
        Log.EventCreated(logger, reference.EventId, request.SpaceId, request.Version);
        return reference;
    }

    public async Task<CalendarEventReference> UpdateAsync(string eventId, CalendarEventRequest previous, CalendarEventRequest updated, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(updated);
        ThrowIfInvalid(updated);
        var patch = _mapper.ToPatch(previous, updated);
        if (patch is null)
        {
            Log.EventUnchanged(logger, eventId);
            return new CalendarEventReference(eventId, null);
        }

        var response = await UpdateEventAsync(OrganizerMailbox(), eventId, patch, cancellationToken);
        return response?.Id is null ? new CalendarEventReference(eventId, response?.ICalUId) : ToReference(response, "update");
    }

    public Task CancelAsync(string eventId, string? comment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        return CancelEventAsync(OrganizerMailbox(), eventId, comment, cancellationToken);
    }

    /// <summary>POST /users/{mailbox}/events. The payload's transactionId makes a retried create return the first event.</summary>
    public async Task<GraphEventResponse> CreateEventAsync(string mailbox, GraphEventPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, GraphJsonContext.Default.GraphEventPayload);
        var result = await SendAsync(mailbox, HttpMethod.Post, EventsPath(mailbox), body, "create", cancellationToken);
        return Deserialize(result, "create");
    }

    /// <summary>PATCH /users/{mailbox}/events/{id} with only the members set in <paramref name="patch"/>.</summary>
    public async Task<GraphEventResponse?> UpdateEventAsync(string mailbox, string eventId, GraphEventPayload patch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (patch.TransactionId is not null)
        {
            throw new ArgumentException("transactionId cannot change after the event exists.", nameof(patch));
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(patch, GraphJsonContext.Default.GraphEventPayload);
        var result = await SendAsync(mailbox, HttpMethod.Patch, EventPath(mailbox, eventId), body, "update", cancellationToken);
        return result.Body.Length == 0 ? null : Deserialize(result, "update");
    }

    /// <summary>POST /users/{mailbox}/events/{id}/cancel: the organizer cancels and the attendees receive <paramref name="comment"/>.</summary>
    public async Task CancelEventAsync(string mailbox, string eventId, string? comment, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new GraphCancelRequest(comment), GraphJsonContext.Default.GraphCancelRequest);
        var result = await SendAsync(mailbox, HttpMethod.Post, EventPath(mailbox, eventId) + "/cancel", body, "cancel", cancellationToken);
        if (result.StatusCode == HttpStatusCode.NotFound)
        {
            Log.CancelAlreadyDone(logger, eventId);
        }
    }

    private async Task<GraphResult> SendAsync(string mailbox, HttpMethod method, string path, byte[] body, string operation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        var call = new GraphCall(method, new Uri(_options.BaseUrl.AbsoluteUri.TrimEnd('/') + path), body, operation);
        var gate = limiter.For(mailbox);
        var maybeReachedServer = false;
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokenProvider.GetTokenAsync(_options.Scope, cancellationToken);
            if (token is null)
            {
                Log.NoToken(logger);
            }

            AttemptOutcome outcome;
            await gate.WaitAsync(cancellationToken);
            try
            {
                outcome = await AttemptAsync(call, token, attempt, maybeReachedServer, cancellationToken);
            }
            finally
            {
                // Released before any back-off so a waiting call is not held up by this one's sleep.
                gate.Release();
            }

            if (outcome.Result is { } result)
            {
                return result;
            }

            maybeReachedServer |= outcome.MaybeReachedServer;
            await Task.Delay(outcome.Delay, timeProvider, cancellationToken);
        }
    }

    /// <summary>One attempt: a result, or how long to wait before the next one; throws when no attempt is left.</summary>
    private async Task<AttemptOutcome> AttemptAsync(GraphCall call, string? token, int attempt, bool maybeReachedServer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Content = new ByteArrayContent(call.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("Prefer", $"outlook.timezone=\"{BogotaTime.WindowsId}\"");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(_options.AttemptTimeout);
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, attemptTimeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is OperationCanceledException or HttpRequestException)
        {
            var reason = exception is OperationCanceledException ? "timeout" : "connection error";
            if (attempt >= _options.MaxAttempts)
            {
                throw new CalendarGatewayException(
                    $"Microsoft Graph no respondió ({reason}) tras {attempt} intentos ({call.Operation}). / Microsoft Graph did not answer after {attempt} attempts.",
                    isTransient: true,
                    statusCode: null,
                    errorCode: reason,
                    retryAfter: null,
                    exception);
            }

            var backoff = Backoff(attempt);
            Log.GraphAttemptFailed(logger, call.Operation, attempt, reason, (long)backoff.TotalMilliseconds);
            return new AttemptOutcome(null, backoff, MaybeReachedServer: true);
        }

        using (response)
        {
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new AttemptOutcome(new GraphResult(response.StatusCode, content), TimeSpan.Zero, false);
            }

            // A cancel retried after a lost answer may find the event already cancelled and gone.
            if (call.Operation == "cancel" && maybeReachedServer && response.StatusCode == HttpStatusCode.NotFound)
            {
                return new AttemptOutcome(new GraphResult(response.StatusCode, content), TimeSpan.Zero, false);
            }

            var error = ReadError(content);
            var retryAfter = RetryAfter(response);
            var retryable = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
            if (!retryable || attempt >= _options.MaxAttempts || retryAfter > _options.MaxRetryAfter)
            {
                Log.GraphFailed(logger, call.Operation, status, error?.Code);
                throw new CalendarGatewayException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Microsoft Graph rechazó la operación {call.Operation} con {status} {error?.Code}: {error?.Message} / Microsoft Graph refused the {call.Operation} with {status}."),
                    isTransient: retryable,
                    statusCode: status,
                    errorCode: error?.Code,
                    retryAfter: retryAfter);
            }

            // Retry-After is honoured as given; without it, the usual back-off applies.
            var delay = retryAfter ?? Backoff(attempt);
            Log.GraphRetrying(logger, call.Operation, status, attempt, (long)delay.TotalMilliseconds);
            return new AttemptOutcome(null, delay, MaybeReachedServer: response.StatusCode != HttpStatusCode.TooManyRequests);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        var capped = exponential < _options.RetryMaxDelay ? exponential : _options.RetryMaxDelay;

        // Up to 20 % jitter keeps several instances from retrying in step.
        var jitter = capped * (RandomNumberGenerator.GetInt32(0, 200) / 1000.0);
        return capped + jitter;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static GraphError? ReadError(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(content, GraphJsonContext.Default.GraphErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static GraphEventResponse Deserialize(GraphResult result, string operation)
    {
        try
        {
            return JsonSerializer.Deserialize(result.Body, GraphJsonContext.Default.GraphEventResponse)
                ?? throw new JsonException("null event");
        }
        catch (JsonException exception)
        {
            throw new CalendarGatewayException(
                $"Microsoft Graph devolvió un evento ilegible ({operation}). / Microsoft Graph returned an unreadable event.",
                isTransient: false,
                statusCode: (int)result.StatusCode,
                errorCode: null,
                retryAfter: null,
                exception);
        }
    }

    private static CalendarEventReference ToReference(GraphEventResponse response, string operation) =>
        response.Id is { Length: > 0 } id
            ? new CalendarEventReference(id, response.ICalUId)
            : throw new CalendarGatewayException(
                $"Microsoft Graph no devolvió el id del evento ({operation}). / Microsoft Graph returned no event id.",
                isTransient: false,
                statusCode: null,
                errorCode: null,
                retryAfter: null);

    private static void ThrowIfInvalid(CalendarEventRequest request)
    {
        var problems = request.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }
    }

    private string OrganizerMailbox() =>
        _options.IsConfigured
            ? _options.OrganizerMailbox!.Trim()
            : throw new InvalidOperationException(
                "Falta Graph:OrganizerMailbox: las invitaciones de calendario están desactivadas. / Graph:OrganizerMailbox is not set: calendar invitations are off.");

    private static string EventsPath(string mailbox) => "/users/" + Uri.EscapeDataString(mailbox) + "/events";

    private static string EventPath(string mailbox, string eventId) => EventsPath(mailbox) + "/" + Uri.EscapeDataString(eventId);

    private sealed record GraphResult(HttpStatusCode StatusCode, byte[] Body);

    private sealed record GraphCall(HttpMethod Method, Uri Uri, byte[] Body, string Operation);

    private sealed record AttemptOutcome(GraphResult? Result, TimeSpan Delay, bool MaybeReachedServer);
}
