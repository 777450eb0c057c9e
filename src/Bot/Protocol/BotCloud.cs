namespace ParticipaBot.Bot.Protocol;

/// <summary>The Microsoft cloud the bot registration lives in (PROTOCOL.md §1.1). Colombian public entities use Public.</summary>
public enum BotCloud
{
    Public,
    UsGov,
    China,
}

/// <summary>How the bot's Entra app is registered; it decides the outbound token authority (PROTOCOL.md §1.4, §2.1).</summary>
public enum BotAppType
{
    SingleTenant,
    UserAssignedMsi,
    MultiTenant,
}

/// <summary>The published endpoints of one cloud; every value can be overridden in configuration.</summary>
internal sealed record CloudDefaults(
    string OpenIdMetadataUrl,
    string TokenIssuer,
    string OutboundScope,
    string AuthorityHost,
    string EntraMetadataUrlTemplate,
    IReadOnlyList<string> EntraIssuerTemplates,
    string LegacyMultiTenantTenant,
    IReadOnlyList<string> ServiceUrlHosts)
{
    public static CloudDefaults For(BotCloud cloud) => cloud switch
    {
        BotCloud.UsGov => UsGov,
        BotCloud.China => China,
        _ => Public,
    };

    public static readonly CloudDefaults Public = new(
        "https://login.botframework.com/v1/.well-known/openidconfiguration",
        "https://api.botframework.com",
        "https://api.botframework.com/.default",
        "https://login.microsoftonline.com",
        "https://login.microsoftonline.com/{tenantId}/v2.0/.well-known/openid-configuration",
        ["https://login.microsoftonline.com/{tenantId}/v2.0", "https://sts.windows.net/{tenantId}/"],
        "botframework.com",
        ["botframework.com", "smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "teams.microsoft.com"]);

    public static readonly CloudDefaults UsGov = new(
        "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
        "https://api.botframework.us",
        "https://api.botframework.us/.default",
        "https://login.microsoftonline.us",
        "https://login.microsoftonline.us/{tenantId}/v2.0/.well-known/openid-configuration",
        ["https://login.microsoftonline.us/{tenantId}/v2.0", "https://sts.windows.net/{tenantId}/"],
        "MicrosoftServices.onmicrosoft.us",
        ["botframework.us", "botframework.azure.us", "teams.microsoft.us", "smba.infra.gov.teams.microsoft.us"]);

    public static readonly CloudDefaults China = new(
        "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration",
        "https://api.botframework.azure.cn",
        "https://api.botframework.azure.cn/.default",
        "https://login.partner.microsoftonline.cn",
        "https://login.partner.microsoftonline.cn/{tenantId}/v2.0/.well-known/openid-configuration",
        ["https://login.partner.microsoftonline.cn/{tenantId}/v2.0", "https://sts.chinacloudapi.cn/{tenantId}/"],
        "microsoftservices.partner.onmschina.cn",
        ["botframework.azure.cn", "teams.microsoftonline.cn"]);
}
