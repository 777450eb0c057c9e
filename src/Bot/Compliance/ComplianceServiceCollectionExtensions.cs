using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Exports;

namespace ParticipaBot.Bot.Compliance;

internal static class ComplianceServiceCollectionExtensions
{
    /// <summary>Summaries ("estado"), their drill-down buttons, exports ("exportar"), file consent and signed download links.</summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.RedBelowPercent <= o.GreenFromPercent, "Compliance:RedBelowPercent no puede superar GreenFromPercent / must not exceed GreenFromPercent.")
            .ValidateOnStart();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.SigningKey) || IsKey(o.SigningKey), "Exports:SigningKey debe ser base64 de al menos 32 bytes / must be base64 of at least 32 bytes.")
            .ValidateOnStart();
        services.AddScoped<ComplianceService>();
        services.AddScoped<StatusContext>();
        services.AddSingleton<ExportFileStore>();
        services.AddSingleton<ExportLinkSigner>();
        services.AddHttpClient(FileConsentInvokeHandler.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2));
        services.AddCommandHandler<StatusCommandHandler>();
        services.AddCardActionHandler<StatusActionHandler>();
        services.AddCommandHandler<ExportCommandHandler>();
        services.AddInvokeHandler<FileConsentInvokeHandler>();
        return services;
    }

    private static bool IsKey(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var length) && length >= 32;
    }
}
