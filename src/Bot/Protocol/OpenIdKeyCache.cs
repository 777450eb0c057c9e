using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// Signing keys per OpenID metadata URL, shared by the whole process (PROTOCOL.md §1.2): metadata → jwks_uri → keys.
/// Refreshed every 12 h; an unknown kid forces one refresh at most every 5 minutes; a failed refresh keeps the last
/// good keys.
/// </summary>
internal sealed class OpenIdKeyCache(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<OpenIdKeyCache> logger)
{
    public const string HttpClientName = "ParticipaBot.OpenId";
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(12);
    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RetryWithoutKeysInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The key with this kid, or null when the metadata URL publishes no such key (even after a forced refresh).</summary>
    public async Task<SigningKey?> GetKeyAsync(string metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(metadataUrl, _ => new Entry());
        var now = timeProvider.GetUtcNow();
        if (now - entry.LastAttempt >= RefreshInterval)
        {
            await RefreshAsync(metadataUrl, entry, cancellationToken);
        }

        if (entry.Keys?.TryGetValue(keyId, out var key) == true)
        {
            return key;
        }

        return await ForcedRefreshAsync(metadataUrl, entry, keyId, cancellationToken);
    }

    /// <summary>
    /// Under the entry's lock: callers that queued behind a refresh find the new key without another fetch; a new
    /// fetch happens only when the last forced one is at least 5 minutes old.
    /// </summary>
    private async Task<SigningKey?> ForcedRefreshAsync(string metadataUrl, Entry entry, string keyId, CancellationToken cancellationToken)
    {
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (entry.Keys?.TryGetValue(keyId, out var key) == true)
            {
                return key;
            }

            if (entry.Keys is null)
            {
                return null; // the scheduled fetch just failed; it is retried on its own schedule
            }

            var now = timeProvider.GetUtcNow();
            if (entry.LastForced is { } last && now - last < ForcedRefreshInterval)
            {
                return null;
            }

            entry.LastForced = now;
            await RefreshCoreAsync(metadataUrl, entry, forced: true, cancellationToken);
            return entry.Keys?.TryGetValue(keyId, out key) == true ? key : null;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task RefreshAsync(string metadataUrl, Entry entry, CancellationToken cancellationToken)
    {
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (timeProvider.GetUtcNow() - entry.LastAttempt < RefreshInterval)
            {
                return; // another caller refreshed while this one waited
            }

            await RefreshCoreAsync(metadataUrl, entry, forced: false, cancellationToken);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Fetches the keys; the caller holds the entry's lock.</summary>
    private async Task RefreshCoreAsync(string metadataUrl, Entry entry, bool forced, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        entry.LastAttempt = now;
        try
        {
            var keys = await FetchKeysAsync(metadataUrl, cancellationToken);
            entry.Keys = keys;
            Log.KeysRefreshed(logger, metadataUrl, keys.Count, forced);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or InvalidDataException or TaskCanceledException or FormatException or CryptographicException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Log.KeyRefreshFailed(logger, exception, metadataUrl, entry.Keys?.Count ?? 0);

            // Try again soon rather than in 12 h: after 30 s without good keys, else after the forced-refresh interval.
            entry.LastAttempt = now - RefreshInterval + (entry.Keys is null ? RetryWithoutKeysInterval : ForcedRefreshInterval);
        }
    }

    private async Task<Dictionary<string, SigningKey>> FetchKeysAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        string jwksUri;
        using (var metadata = await GetJsonAsync(client, metadataUrl, cancellationToken))
        {
            jwksUri = metadata.RootElement.TryGetProperty("jwks_uri", out var uri) && uri.ValueKind == JsonValueKind.String
                ? uri.GetString()!
                : throw new InvalidDataException("OpenID metadata has no jwks_uri");
        }

        using var jwks = await GetJsonAsync(client, jwksUri, cancellationToken);
        if (!jwks.RootElement.TryGetProperty("keys", out var keyArray) || keyArray.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("JWK set has no keys array");
        }

        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var jwk in keyArray.EnumerateArray())
        {
            if (ReadKey(jwk) is { } key)
            {
                keys[key.KeyId] = key;
            }
        }

        return keys.Count > 0 ? keys : throw new InvalidDataException("JWK set has no usable RSA keys");
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(url), cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    private static SigningKey? ReadKey(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object || Text(jwk, "kty") != "RSA" || Text(jwk, "kid") is not { } kid
            || Text(jwk, "n") is not { } n || Text(jwk, "e") is not { } e)
        {
            return null;
        }

        if (Text(jwk, "use") is { } use && use != "sig")
        {
            return null;
        }

        HashSet<string>? endorsements = null;
        if (jwk.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            endorsements = list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        var parameters = new RSAParameters { Modulus = Base64Url.DecodeFromChars(n), Exponent = Base64Url.DecodeFromChars(e) };
        return new SigningKey(kid, parameters, endorsements, Text(jwk, "issuer"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Dictionary<string, SigningKey>? Keys { get; set; }

        public DateTimeOffset LastAttempt { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset? LastForced { get; set; }
    }
}
