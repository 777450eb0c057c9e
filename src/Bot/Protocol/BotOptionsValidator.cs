using Microsoft.Extensions.Options;

namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// Refuses to start with a configuration that would leave the bot open or unable to answer (PROTOCOL.md §1.5):
/// no AppId outside Development, a registration type without its credentials, malformed endpoint overrides.
/// </summary>
internal sealed class BotOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (options.IsAnonymous)
        {
            if (!environment.IsDevelopment())
            {
                failures.Add($"Bot:AppId es obligatorio fuera del entorno Development (entorno actual: {environment.EnvironmentName}); sin él el bot aceptaría mensajes sin autenticar. / Bot:AppId is required outside the Development environment (current: {environment.EnvironmentName}).");
            }
        }
        else
        {
            ValidateCredentials(options, failures);
        }

        CheckUrl(options.OpenIdMetadataUrl, "Bot:OpenIdMetadataUrl", failures);
        CheckUrl(options.AuthorityHost, "Bot:AuthorityHost", failures);
        CheckUrl(options.TokenIssuer, "Bot:TokenIssuer", failures);
        if (!string.IsNullOrWhiteSpace(options.AuthorityHost) && !options.AuthorityHost.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Bot:AuthorityHost debe usar https. / Bot:AuthorityHost must use https.");
        }

        if (!string.IsNullOrWhiteSpace(options.EntraMetadataUrlTemplate) && !options.EntraMetadataUrlTemplate.Contains("{tenantId}", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Bot:EntraMetadataUrlTemplate debe contener {tenantId}. / Bot:EntraMetadataUrlTemplate must contain {tenantId}.");
        }

        if (options.ConnectorMaxAttempts is < 1 or > 10)
        {
            failures.Add("Bot:ConnectorMaxAttempts debe estar entre 1 y 10. / Bot:ConnectorMaxAttempts must be between 1 and 10.");
        }

        if (options.ConnectorAttemptTimeout <= TimeSpan.Zero || options.ConnectorMaxRetryDelay < TimeSpan.Zero || options.ConnectorBaseRetryDelay < TimeSpan.Zero)
        {
            failures.Add("Bot:ConnectorAttemptTimeout debe ser positivo y los retardos no negativos. / Bot:ConnectorAttemptTimeout must be positive and delays non-negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateCredentials(BotOptions options, List<string> failures)
    {
        var hasSecret = !string.IsNullOrWhiteSpace(options.ClientSecret);
        var hasCertificate = !string.IsNullOrWhiteSpace(options.CertificatePath);
        switch (options.AppType)
        {
            case BotAppType.SingleTenant:
                RequireTenant(options, failures);
                RequireCredential(hasSecret, hasCertificate, "SingleTenant", failures);
                break;
            case BotAppType.MultiTenant:
                RequireCredential(hasSecret, hasCertificate, "MultiTenant", failures);
                break;
            case BotAppType.UserAssignedMsi:
                RequireTenant(options, failures);
                if (hasSecret || hasCertificate)
                {
                    failures.Add("Bot:AppType=UserAssignedMsi no usa Bot:ClientSecret ni Bot:CertificatePath; quítelos. / UserAssignedMsi takes no ClientSecret or CertificatePath; remove them.");
                }

                break;
            default:
                failures.Add($"Bot:AppType '{options.AppType}' no es válido (SingleTenant, UserAssignedMsi, MultiTenant). / Bot:AppType is not valid.");
                break;
        }

        if (hasCertificate && !File.Exists(options.CertificatePath))
        {
            failures.Add($"Bot:CertificatePath '{options.CertificatePath}' no existe. / Bot:CertificatePath does not exist.");
        }
    }

    private static void RequireTenant(BotOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add($"Bot:TenantId es obligatorio con Bot:AppType={options.AppType}. / Bot:TenantId is required when Bot:AppType is {options.AppType}.");
        }
    }

    private static void RequireCredential(bool hasSecret, bool hasCertificate, string appType, List<string> failures)
    {
        if (hasSecret == hasCertificate)
        {
            failures.Add($"Bot:AppType={appType} necesita exactamente uno de Bot:ClientSecret o Bot:CertificatePath. / {appType} needs exactly one of Bot:ClientSecret or Bot:CertificatePath.");
        }
    }

    private static void CheckUrl(string? value, string key, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value) && !Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            failures.Add($"{key} '{value}' no es una URL absoluta. / {key} is not an absolute URL.");
        }
    }
}
