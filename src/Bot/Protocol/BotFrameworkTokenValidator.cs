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
            var token = ExtractToken(authorizationHeader);
            issuer = token?.Issuer;
            result = token is null
                ? InboundAuthenticationResult.Unauthorized("missing or malformed Authorization header or token")
                : await ValidateTokenAsync(settings, token, activity, cancellationToken);
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

    /// <summary>"Bearer &lt;token&gt;": exactly two parts separated by one space, scheme Bearer.</summary>
    private static JwtToken? ExtractToken(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var parts = header.Split(' ');
        return parts.Length == 2 && string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase)
            ? JwtToken.TryParse(parts[1])
            : null;
    }

    private async Task<InboundAuthenticationResult> ValidateTokenAsync(BotOptions settings, JwtToken token, Activity activity, CancellationToken cancellationToken)
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

        var now = timeProvider.GetUtcNow();
        if (token.ExpiresAt is not { } expires || now >= expires + ClockSkew)
        {
            return InboundAuthenticationResult.Unauthorized("token is expired or has no exp");
        }

        if (token.NotBefore is { } notBefore && now <= notBefore - ClockSkew)
        {
            return InboundAuthenticationResult.Unauthorized("token is not valid yet (nbf)");
        }

        var appId = settings.AppId!;
        string[] audiences = isBotFramework ? [appId] : [appId, "api://" + appId, "api://botid-" + appId];
        if (!token.Audiences.Any(a => audiences.Contains(a, StringComparer.Ordinal)))
        {
            return InboundAuthenticationResult.Unauthorized("audience is not this bot");
        }

        return isBotFramework
            ? CheckBotFrameworkToken(token, key, activity)
            : CheckEntraToken(settings, token, key, activity);
    }

    private static InboundAuthenticationResult CheckBotFrameworkToken(JwtToken token, SigningKey key, Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ChannelId) || key.Endorsements is null || !key.Endorsements.Contains(activity.ChannelId))
        {
            return InboundAuthenticationResult.Forbidden($"signing key is not endorsed for channel '{activity.ChannelId}'");
        }

        var serviceUrl = token.GetClaim("serviceurl");
        if (serviceUrl is null || !SameServiceUrl(serviceUrl, activity.ServiceUrl))
        {
            return InboundAuthenticationResult.Unauthorized("serviceurl claim does not match the activity's serviceUrl");
        }

        return InboundAuthenticationResult.Success(CreateIdentity(token));
    }

    /// <summary>Entra tokens: bound to the configured tenant; Entra keys carry no endorsements.</summary>
    private InboundAuthenticationResult CheckEntraToken(BotOptions settings, JwtToken token, SigningKey key, Activity activity)
    {
        var tenantId = token.GetClaim("tid");
        if (!string.Equals(tenantId, settings.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthenticationResult.Unauthorized("Entra token tid is not the configured tenant");
        }

        // The key's own issuer (a "{tenantid}" template in Entra's JWKS) must belong to the configured tenant too.
        if (key.Issuer is { } keyIssuer
            && !settings.EntraIssuers.Contains(keyIssuer.Replace("{tenantid}", settings.TenantId, StringComparison.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
        {
            return InboundAuthenticationResult.Unauthorized("Entra signing key belongs to another issuer");
        }

        // Entra tokens from agents may lack serviceurl; then the activity's host must at least be an allowed one.
        var serviceUrl = token.GetClaim("serviceurl");
        if (serviceUrl is not null ? !SameServiceUrl(serviceUrl, activity.ServiceUrl) : !ServiceUrlPolicy.IsAllowed(activity.ServiceUrl, settings.EffectiveServiceUrlHosts(environment.IsDevelopment())))
        {
            return InboundAuthenticationResult.Unauthorized("serviceUrl does not match the token or is not an allowed host");
        }

        return InboundAuthenticationResult.Success(CreateIdentity(token));
    }

    private static InboundAuthenticationResult? CheckTenant(BotOptions settings, Activity activity)
    {
        var allowed = settings.EffectiveAllowedTenants;
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
            && !string.IsNullOrWhiteSpace(id.GetString()))
        {
            return id.GetString();
        }

        return string.IsNullOrWhiteSpace(activity.Conversation?.TenantId) ? null : activity.Conversation.TenantId;
    }

    private static bool SameServiceUrl(string claim, string? activityServiceUrl) =>
        activityServiceUrl is not null
        && string.Equals(claim.TrimEnd('/'), activityServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static ClaimsIdentity CreateIdentity(JwtToken token)
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

        return new ClaimsIdentity(claims, AuthenticationType);
    }
}
