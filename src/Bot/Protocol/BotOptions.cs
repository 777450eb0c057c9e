namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// Configuration section "Bot": the bot's Entra registration, its cloud and the protocol endpoints. URL overrides
/// exist so that tests can point the bot at loopback fakes; in production only the cloud defaults are used.
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The Microsoft App ID (Entra client id) of the bot. Empty means anonymous, allowed only in Development.</summary>
    public string? AppId { get; set; }

    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;

    /// <summary>The Entra tenant of the bot registration (and of the entity). Required for SingleTenant and UserAssignedMsi.</summary>
    public string? TenantId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A PFX file with the client certificate (an alternative to <see cref="ClientSecret"/>).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Client id of the user-assigned managed identity; defaults to <see cref="AppId"/>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public BotCloud Cloud { get; set; } = BotCloud.Public;

    /// <summary>Overrides the Bot Framework OpenID metadata URL of the cloud.</summary>
    public string? OpenIdMetadataUrl { get; set; }

    /// <summary>Overrides the issuer of Bot Framework tokens (https://api.botframework.com in Public).</summary>
    public string? TokenIssuer { get; set; }

    /// <summary>Overrides the scope of outbound Bot Connector tokens.</summary>
    public string? OutboundScope { get; set; }

    /// <summary>Overrides the Entra authority host used to acquire outbound tokens (must be https).</summary>
    public string? AuthorityHost { get; set; }

    /// <summary>Overrides the Entra OpenID metadata URL; "{tenantId}" is replaced by <see cref="TenantId"/>.</summary>
    public string? EntraMetadataUrlTemplate { get; set; }

    /// <summary>
    /// Tenants whose activities are accepted (channelData.tenant.id or conversation.tenantId). Empty means: only
    /// <see cref="TenantId"/> when it is set, any tenant when it is not.
    /// </summary>
    public string[] AllowedTenants { get; set; } = [];

    /// <summary>
    /// Hosts (or parent domains) a serviceUrl may point to. Empty means the cloud defaults, plus 127.0.0.1 and
    /// localhost in Development only. Outbound tokens are never sent to any other host.
    /// </summary>
    public string[] AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>Bot Connector calls: attempts per call (first try included).</summary>
    public int ConnectorMaxAttempts { get; set; } = 4;

    /// <summary>Bot Connector calls: first backoff delay when the service gives no Retry-After.</summary>
    public TimeSpan ConnectorBaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bot Connector calls: the longest wait between attempts, Retry-After included.</summary>
    public TimeSpan ConnectorMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bot Connector calls: time limit of one attempt.</summary>
    public TimeSpan ConnectorAttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    internal CloudDefaults Defaults => CloudDefaults.For(Cloud);

    internal string EffectiveOpenIdMetadataUrl => Pick(OpenIdMetadataUrl, Defaults.OpenIdMetadataUrl);

    internal string EffectiveTokenIssuer => Pick(TokenIssuer, Defaults.TokenIssuer);

    internal string EffectiveOutboundScope => Pick(OutboundScope, Defaults.OutboundScope);

    internal string EffectiveAuthorityHost => Pick(AuthorityHost, Defaults.AuthorityHost).TrimEnd('/');

    internal bool HasCustomAuthorityHost => !string.IsNullOrWhiteSpace(AuthorityHost);

    internal string EffectiveManagedIdentityClientId => Pick(ManagedIdentityClientId, AppId ?? string.Empty);

    /// <summary>The Entra metadata URL for the configured tenant, or null when no tenant is configured.</summary>
    internal string? EntraMetadataUrl => string.IsNullOrWhiteSpace(TenantId)
        ? null
        : Pick(EntraMetadataUrlTemplate, Defaults.EntraMetadataUrlTemplate).Replace("{tenantId}", TenantId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Entra issuers accepted: only those of the configured tenant (PROTOCOL.md §1.4).</summary>
    internal IReadOnlyList<string> EntraIssuers => string.IsNullOrWhiteSpace(TenantId)
        ? []
        : [.. Defaults.EntraIssuerTemplates.Select(t => t.Replace("{tenantId}", TenantId, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The outbound authority: {host}/{tenant}, or the cloud's legacy tenant for multi-tenant bots without a tenant.</summary>
    internal string Authority => EffectiveAuthorityHost + "/" +
        (string.IsNullOrWhiteSpace(TenantId) ? Defaults.LegacyMultiTenantTenant : TenantId);

    /// <summary>The tenants accepted, or an empty set meaning any tenant (see <see cref="AllowedTenants"/>).</summary>
    internal IReadOnlySet<string> EffectiveAllowedTenants
    {
        get
        {
            var tenants = AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
            if (tenants.Count == 0 && !string.IsNullOrWhiteSpace(TenantId))
            {
                tenants.Add(TenantId.Trim());
            }

            return tenants.ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
    }

    internal IReadOnlyList<string> EffectiveServiceUrlHosts(bool isDevelopment)
    {
        var configured = AllowedServiceUrlHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim().TrimStart('.')).ToList();
        if (configured.Count > 0)
        {
            return configured;
        }

        return isDevelopment ? [.. Defaults.ServiceUrlHosts, "127.0.0.1", "localhost"] : Defaults.ServiceUrlHosts;
    }

    private static string Pick(string? configured, string fallback) => string.IsNullOrWhiteSpace(configured) ? fallback : configured.Trim();
}
