using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// Validates the channel's bearer token (PROTOCOL.md §1.3, §1.4) and the activity's tenant. Fails closed: anything
/// unexpected is a 401, a missing endorsement or a tenant outside the allowlist is a 403. Each rejection is logged with
/// the token's iss and a reason, never the token itself.
/// </summary>
internal sealed class BotFrameworkTokenValidator(
    IOptions<BotOptions> options,
    OpenIdKeyCache keyCache,
    TimeProvider timeProvider,
    IHostEnvironment environment,
    ILogger<BotFrameworkTokenValidator> logger) : IInboundAuthenticator
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    public const string AuthenticationType = "BotFramework";

    /// <summary>Distinct tokens remembered; the channel sends one token for about an hour, so a few suffice (starts over when full).</summary>
    internal const int ValidatedCapacity = 2048;

    // The channel repeats one token on every activity for about an hour: parsing it, reading its claims and checking its
    // signature once is enough. Lifetime and the request-dependent checks still run on every request (RevalidateAsync).
    private readonly ConcurrentDictionary<string, ValidatedToken> _validated = new(StringComparer.Ordinal);
    private IReadOnlySet<string>? _allowedTenants;

    public async Task<InboundAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var settings = options.Value;
        InboundAuthenticationResult result;
        string? issuer = null;
        if (settings.IsAnonymous)
        {
            // Only reachable in Development (BotOptionsValidator): there is no AppId to check an audience against.
            if (!string.IsNullOrEmpty(authorizationHeader))
            {
                Log.AnonymousHeaderIgnored(logger);
            }

            result = InboundAuthenticationResult.Anonymous();
        }
        else
        {
            var tokenStart = BearerTokenStart(authorizationHeader);
            if (tokenStart > 0 && _validated.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(authorizationHeader.AsSpan(tokenStart), out var validated))
            {
                issuer = validated.Issuer;
                result = await RevalidateAsync(settings, validated, activity, cancellationToken);
            }
            else
            {
                var token = tokenStart > 0 ? JwtToken.TryParse(authorizationHeader![tokenStart..]) : null;
                issuer = token?.Issuer;
                result = token is null
                    ? InboundAuthenticationResult.Unauthorized("missing or malformed Authorization header or token")
                    : await ValidateTokenAsync(settings, token, authorizationHeader![tokenStart..], activity, cancellationToken);
            }
        }

        if (result.Succeeded)
        {
            result = CheckTenant(settings, activity) ?? result;
        }

        if (result.Succeeded)
        {
            if (issuer is not null)
            {
                Log.TokenAccepted(logger, issuer);
            }
        }
        else
        {
            Log.TokenRejected(logger, result.StatusCode, result.FailureReason ?? "unknown", issuer);
        }

        return result;
    }

    /// <summary>
    /// "Bearer &lt;token&gt;": exactly two parts separated by one space, scheme Bearer. The index where the token starts,
    /// or -1 (read in place: the header is looked up in the cache of validated tokens without copying the token).
    /// </summary>
    private static int BearerTokenStart(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return -1;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return space >= 0
            && header.IndexOf(' ', space + 1) < 0
            && header.AsSpan(0, space).Equals("Bearer", StringComparison.OrdinalIgnoreCase)
                ? space + 1
                : -1;
    }

    /// <summary>
    /// A token validated before: only what can have changed since is checked again: that its key is still the one
    /// published (else it is validated from scratch), its lifetime, and everything that depends on the request.
    /// </summary>
    private async Task<InboundAuthenticationResult> RevalidateAsync(
        BotOptions settings, ValidatedToken validated, Activity activity, CancellationToken cancellationToken)
    {
        var key = await keyCache.GetKeyAsync(validated.MetadataUrl, validated.KeyId, cancellationToken);
        if (!ReferenceEquals(key, validated.Key))
        {
            _validated.TryRemove(validated.Token, out _);
            var token = JwtToken.TryParse(validated.Token)!;
            return await ValidateTokenAsync(settings, token, validated.Token, activity, cancellationToken);
        }

        return CheckLifetime(validated.ExpiresAt, validated.NotBefore) ?? CheckRequest(settings, validated, activity);
    }

    private async Task<InboundAuthenticationResult> ValidateTokenAsync(BotOptions settings, JwtToken token, string tokenText, Activity activity, CancellationToken cancellationToken)
    {
        if (token.Algorithm != "RS256")
        {
            return InboundAuthenticationResult.Unauthorized($"algorithm '{token.Algorithm}' is not RS256");
        }

        if (string.IsNullOrEmpty(token.KeyId))
        {
            return InboundAuthenticationResult.Unauthorized("kid is missing");
        }

        var issuer = token.Issuer;
        var isBotFramework = string.Equals(issuer, settings.EffectiveTokenIssuer, StringComparison.Ordinal);
        var isEntra = !isBotFramework && issuer is not null && settings.EntraIssuers.Contains(issuer, StringComparer.OrdinalIgnoreCase);
        if (!isBotFramework && !isEntra)
        {
            return InboundAuthenticationResult.Unauthorized("issuer is not allowed");
        }

        var metadataUrl = isBotFramework ? settings.EffectiveOpenIdMetadataUrl : settings.EntraMetadataUrl!;
        var key = await keyCache.GetKeyAsync(metadataUrl, token.KeyId, cancellationToken);
        if (key is null)
        {
            return InboundAuthenticationResult.Unauthorized($"no signing key with kid '{token.KeyId}'");
        }

        if (!key.Verify(token.SignedPart, token.Signature))
        {
            return InboundAuthenticationResult.Unauthorized("signature is not valid");
        }

        if (CheckLifetime(token.ExpiresAt, token.NotBefore) is { } lifetimeFailure)
        {
            return lifetimeFailure;
        }

        var appId = settings.AppId!;
        string[] audiences = isBotFramework ? [appId] : [appId, "api://" + appId, "api://botid-" + appId];
        if (!token.Audiences.Any(a => audiences.Contains(a, StringComparer.Ordinal)))
        {
            return InboundAuthenticationResult.Unauthorized("audience is not this bot");
        }

        // Everything that depends on the token alone has passed: remembered for the next requests with this token.
        var validated = new ValidatedToken(
            tokenText, issuer!, isBotFramework, metadataUrl, token.KeyId, key, token.ExpiresAt!.Value, token.NotBefore,
            token.GetClaim("serviceurl"), token.GetClaim("tid"), Claims(token));
        if (_validated.Count >= ValidatedCapacity)
        {
            _validated.Clear();
        }

        _validated[tokenText] = validated;
        return CheckRequest(settings, validated, activity);
    }

    /// <summary>exp is required: now &lt; exp + skew; nbf when present: now &gt; nbf - skew. Null when the token is within its lifetime.</summary>
    private InboundAuthenticationResult? CheckLifetime(DateTimeOffset? expiresAt, DateTimeOffset? notBefore)
    {
        var now = timeProvider.GetUtcNow();
        if (expiresAt is not { } expires || now >= expires + ClockSkew)
        {
            return InboundAuthenticationResult.Unauthorized("token is expired or has no exp");
        }

        if (notBefore is { } nbf && now <= nbf - ClockSkew)
        {
            return InboundAuthenticationResult.Unauthorized("token is not valid yet (nbf)");
        }

        return null;
    }

    /// <summary>The checks that depend on the request (channel, serviceUrl), run on every request, cached token or not.</summary>
    private InboundAuthenticationResult CheckRequest(BotOptions settings, ValidatedToken token, Activity activity) =>
        token.IsBotFramework ? CheckBotFrameworkToken(token, activity) : CheckEntraToken(settings, token, activity);

    private static InboundAuthenticationResult CheckBotFrameworkToken(ValidatedToken token, Activity activity)
    {
        var key = token.Key;
        if (string.IsNullOrEmpty(activity.ChannelId) || key.Endorsements is null || !key.Endorsements.Contains(activity.ChannelId))
        {
            return InboundAuthenticationResult.Forbidden($"signing key is not endorsed for channel '{activity.ChannelId}'");
        }

        if (token.ServiceUrl is not { } serviceUrl || !SameServiceUrl(serviceUrl, activity.ServiceUrl))
        {
            return InboundAuthenticationResult.Unauthorized("serviceurl claim does not match the activity's serviceUrl");
        }

        return InboundAuthenticationResult.Success(CreateIdentity(token));
    }

    /// <summary>Entra tokens: bound to the configured tenant; Entra keys carry no endorsements.</summary>
    private InboundAuthenticationResult CheckEntraToken(BotOptions settings, ValidatedToken token, Activity activity)
    {
        if (!string.Equals(token.TenantId, settings.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthenticationResult.Unauthorized("Entra token tid is not the configured tenant");
        }

        // The key's own issuer (a "{tenantid}" template in Entra's JWKS) must belong to the configured tenant too.
        if (token.Key.Issuer is { } keyIssuer
            && !settings.EntraIssuers.Contains(keyIssuer.Replace("{tenantid}", settings.TenantId, StringComparison.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
        {
            return InboundAuthenticationResult.Unauthorized("Entra signing key belongs to another issuer");
        }

        // Entra tokens from agents may lack serviceurl; then the activity's host must at least be an allowed one.
        var serviceUrl = token.ServiceUrl;
        if (serviceUrl is not null ? !SameServiceUrl(serviceUrl, activity.ServiceUrl) : !ServiceUrlPolicy.IsAllowed(activity.ServiceUrl, settings.EffectiveServiceUrlHosts(environment.IsDevelopment())))
        {
            return InboundAuthenticationResult.Unauthorized("serviceUrl does not match the token or is not an allowed host");
        }

        return InboundAuthenticationResult.Success(CreateIdentity(token));
    }

    private InboundAuthenticationResult? CheckTenant(BotOptions settings, Activity activity)
    {
        // The options never change once bound (IOptions); the set was built anew on every request.
        var allowed = _allowedTenants ??= settings.EffectiveAllowedTenants;
        if (allowed.Count == 0)
        {
            return null;
        }

        var tenant = ActivityTenant(activity);
        return tenant is not null && allowed.Contains(tenant)
            ? null
            : InboundAuthenticationResult.Forbidden($"tenant '{tenant}' is not allowed");
    }

    /// <summary>channelData.tenant.id (authoritative in Teams), else conversation.tenantId.</summary>
    internal static string? ActivityTenant(Activity activity)
    {
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && id.GetString() is { } tenantId && !string.IsNullOrWhiteSpace(tenantId))
        {
            return tenantId;
        }

        return string.IsNullOrWhiteSpace(activity.Conversation?.TenantId) ? null : activity.Conversation.TenantId;
    }

    private static bool SameServiceUrl(string claim, string? activityServiceUrl) =>
        activityServiceUrl is not null
        && string.Equals(claim.TrimEnd('/'), activityServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>A fresh identity per request (it is mutable), from the claims read once per token.</summary>
    private static ClaimsIdentity CreateIdentity(ValidatedToken token) => new(token.Claims, AuthenticationType);

    private static Claim[] Claims(JwtToken token)
    {
        var claims = new List<Claim>();
        foreach (var property in token.Payload.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                claims.Add(new Claim(property.Name, property.Value.GetString()!));
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                claims.AddRange(property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => new Claim(property.Name, v.GetString()!)));
            }
            else if (property.Value.ValueKind == JsonValueKind.Number)
            {
                claims.Add(new Claim(property.Name, property.Value.GetRawText(), ClaimValueTypes.Integer64));
            }
        }

        return [.. claims];
    }

    /// <summary>
    /// A token that passed every check that depends on the token alone (shape, alg, issuer, key, signature, audience),
    /// with what the per-request checks read from it. Keyed by the whole token text, signature included.
    /// </summary>
    private sealed record ValidatedToken(
        string Token,
        string Issuer,
        bool IsBotFramework,
        string MetadataUrl,
        string KeyId,
        SigningKey Key,
        DateTimeOffset ExpiresAt,
        DateTimeOffset? NotBefore,
        string? ServiceUrl,
        string? TenantId,
        Claim[] Claims);
}
