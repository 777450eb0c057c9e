using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// The Bot Connector REST client (PROTOCOL.md §2.2–2.4). Every call checks the serviceUrl host against the allowlist
/// before anything is sent, waits for the Teams budgets, and retries 429/412/502/503/504 and timeouts honouring
/// Retry-After with capped, jittered exponential backoff.
/// </summary>
internal sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IAccessTokenProvider tokenProvider,
    ConversationRateLimiter rateLimiter,
    IOptions<BotOptions> options,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    public const string HttpClientName = "ParticipaBot.Connector";

    /// <summary>Fields the channel assigns; agents should not send them (PROTOCOL.md §2.2, [SPEC] A2031, A2041, A2083).</summary>
    private static readonly string[] ChannelAssignedFields = ["serviceUrl", "id", "timestamp"];

    public Task<ResourceResponse> SendToConversationAsync(ConversationReference conversation, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return SendAsync(HttpMethod.Post, conversation.ServiceUrl, $"v3/conversations/{Escape(conversation.ConversationId)}/activities",
            ActivityBody(activity), isRead: false, conversation.ConversationId, conversation.TenantId, ProtocolJsonContext.Default.ResourceResponse, cancellationToken)!;
    }

    public Task<ResourceResponse> ReplyToActivityAsync(ConversationReference conversation, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrWhiteSpace(replyToId);
        return SendAsync(HttpMethod.Post, conversation.ServiceUrl, $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(replyToId)}",
            ActivityBody(activity, replyToId), isRead: false, conversation.ConversationId, conversation.TenantId, ProtocolJsonContext.Default.ResourceResponse, cancellationToken)!;
    }

    public Task<ResourceResponse> UpdateActivityAsync(ConversationReference conversation, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        return SendAsync(HttpMethod.Put, conversation.ServiceUrl, $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(activityId)}",
            ActivityBody(activity), isRead: false, conversation.ConversationId, conversation.TenantId, ProtocolJsonContext.Default.ResourceResponse, cancellationToken)!;
    }

    public Task DeleteActivityAsync(ConversationReference conversation, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        return SendAsync<object>(HttpMethod.Delete, conversation.ServiceUrl, $"v3/conversations/{Escape(conversation.ConversationId)}/activities/{Escape(activityId)}",
            null, isRead: false, conversation.ConversationId, conversation.TenantId, null, cancellationToken);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var body = Body(writer =>
        {
            // The parameters as they serialise, except that their activity leaves out what the channel assigns.
            using var document = JsonSerializer.SerializeToDocument(parameters, ProtocolJsonContext.Default.ConversationParameters);
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals("activity") && property.Value.ValueKind == JsonValueKind.Object)
                {
                    writer.WritePropertyName(property.Name);
                    WriteActivity(writer, property.Value, replyToId: null);
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        });
        var tenantId = parameters.TenantId ?? TenantOf(parameters.ChannelData);
        var target = ChannelOf(parameters.ChannelData) ?? parameters.Members?.FirstOrDefault()?.Id ?? string.Empty;
        return SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", body, isRead: false, "create:" + target, tenantId,
            ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken)!;
    }

    public Task<PagedMembersResult> GetPagedMembersAsync(ConversationReference conversation, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add("pageSize=" + size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + Uri.EscapeDataString(continuationToken));
        }

        var path = $"v3/conversations/{Escape(conversation.ConversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        return SendAsync(HttpMethod.Get, conversation.ServiceUrl, path, null, isRead: true, conversation.ConversationId, conversation.TenantId,
            ProtocolJsonContext.Default.PagedMembersResult, cancellationToken)!;
    }

    public Task<ChannelAccount> GetMemberAsync(ConversationReference conversation, string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        return SendAsync(HttpMethod.Get, conversation.ServiceUrl, $"v3/conversations/{Escape(conversation.ConversationId)}/members/{Escape(memberId)}", null,
            isRead: true, conversation.ConversationId, conversation.TenantId, ProtocolJsonContext.Default.ChannelAccount, cancellationToken)!;
    }

    private async Task<T?> SendAsync<T>(
        HttpMethod method, string serviceUrl, string relativePath, byte[]? body, bool isRead, string conversationKey, string? tenantId,
        JsonTypeInfo<T>? responseType, CancellationToken cancellationToken)
        where T : class
    {
        var settings = options.Value;
        if (!ServiceUrlPolicy.IsAllowed(serviceUrl, settings.EffectiveServiceUrlHosts(environment.IsDevelopment())))
        {
            var host = Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed) ? parsed.Host : "(not a URL)";
            Log.ServiceUrlRefused(logger, host);
            throw new ConnectorException($"El serviceUrl '{host}' no está en Bot:AllowedServiceUrlHosts. / serviceUrl host '{host}' is not in Bot:AllowedServiceUrlHosts.");
        }

        var uri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute);
        uri = new Uri(uri, relativePath);
        var logPath = uri.AbsolutePath;

        var client = httpClientFactory.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            string? token;
            try
            {
                token = await tokenProvider.GetTokenAsync(settings.EffectiveOutboundScope, cancellationToken);
            }
            catch (MsalException exception)
            {
                // Wrong secret, expired certificate, missing consent: not retryable here, and the caller sees one exception type.
                throw new ConnectorException($"No se pudo obtener el token del bot ({exception.ErrorCode}); revise Bot:AppId, Bot:TenantId y la credencial. / Could not acquire the bot token.", null, exception.ErrorCode, null, exception);
            }

            using var request = new HttpRequestMessage(method, uri);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            HttpResponseMessage? response = null;
            Exception? failure = null;

            // Every attempt waits for the Teams budgets; a send holds its conversation's slot until Teams answered.
            using (isRead
                ? await rateLimiter.AcquireReadAsync(conversationKey, tenantId, cancellationToken)
                : await rateLimiter.AcquireSendAsync(conversationKey, tenantId, cancellationToken))
            {
                using var attemptTimeout = new CancellationTokenSource(settings.ConnectorAttemptTimeout, timeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
                try
                {
                    response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is OperationCanceledException or HttpRequestException)
                {
                    failure = exception;
                }
            }

            if (response is null)
            {
                var exception = failure!;
                if (attempt >= settings.ConnectorMaxAttempts)
                {
                    throw new ConnectorException($"Bot Connector {method} {logPath}: sin respuesta tras {attempt} intentos. / no response after {attempt} attempts.", null, null, null, exception);
                }

                var backoff = Backoff(settings, attempt);
                Log.ConnectorTimeout(logger, method.Method, logPath, attempt, backoff);
                await Task.Delay(backoff, timeProvider, cancellationToken);
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var correlationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
                if (response.IsSuccessStatusCode)
                {
                    return await ReadAsync(response, responseType, cancellationToken);
                }

                if (IsRetryable(response.StatusCode) && attempt < settings.ConnectorMaxAttempts)
                {
                    var delay = RetryAfter(response) ?? Backoff(settings, attempt);
                    delay = delay > settings.ConnectorMaxRetryDelay ? settings.ConnectorMaxRetryDelay : delay;
                    Log.ConnectorRetry(logger, method.Method, logPath, status, attempt, delay, correlationId);
                    await Task.Delay(delay, timeProvider, cancellationToken);
                    continue;
                }

                var errorCode = await ReadErrorCodeAsync(response, cancellationToken);
                Log.ConnectorFailed(logger, method.Method, logPath, status, errorCode, correlationId);
                throw new ConnectorException($"Bot Connector {method} {logPath} respondió {status} ({errorCode}). / answered {status}.", status, errorCode, correlationId);
            }
        }
    }

    private static bool IsRetryable(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>base × 2^(attempt−1), scaled by a random factor in [0.5, 1) so that clients do not retry in lockstep; capped.</summary>
    private static TimeSpan Backoff(BotOptions settings, int attempt)
    {
        var exponential = settings.ConnectorBaseRetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
#pragma warning disable CA5394 // jitter needs no cryptographic randomness
        var jittered = exponential * (0.5 + (Random.Shared.NextDouble() / 2));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Min(jittered, settings.ConnectorMaxRetryDelay.TotalMilliseconds));
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T>? responseType, CancellationToken cancellationToken)
        where T : class
    {
        if (responseType is null)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, responseType);
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, ProtocolJsonContext.Default.ErrorResponse)?.Error?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The activity as the Bot Connector takes it: without the fields the channel assigns; replying, it names the activity replied to.</summary>
    private static byte[] ActivityBody(Activity activity, string? replyToId = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Body(writer =>
        {
            using var document = JsonSerializer.SerializeToDocument(activity, ProtocolJsonContext.Default.Activity);
            WriteActivity(writer, document.RootElement, replyToId);
        });
    }

    /// <summary>An activity's properties except <see cref="ChannelAssignedFields"/>; replyToId added when it has none.</summary>
    private static void WriteActivity(Utf8JsonWriter writer, JsonElement activity, string? replyToId)
    {
        writer.WriteStartObject();
        var hasReplyToId = false;
        foreach (var property in activity.EnumerateObject())
        {
            if (ChannelAssignedFields.Any(property.NameEquals))
            {
                continue;
            }

            hasReplyToId |= property.NameEquals("replyToId");
            property.WriteTo(writer);
        }

        if (replyToId is not null && !hasReplyToId)
        {
            writer.WriteString("replyToId", replyToId);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// A request body as UTF-8 JSON, written as the card's size was measured (<see cref="WireJson.Encoder"/>: letters
    /// unescaped, markup characters escaped), straight into the bytes sent.
    /// </summary>
    private static byte[] Body(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = WireJson.Encoder }))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static string? TenantOf(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("tenant", out var tenant)
        && tenant.ValueKind == JsonValueKind.Object && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static string? ChannelOf(JsonElement? channelData) =>
        channelData is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("channel", out var channel)
        && channel.ValueKind == JsonValueKind.Object && channel.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
