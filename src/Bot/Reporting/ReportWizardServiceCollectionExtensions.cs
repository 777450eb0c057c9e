using ParticipaBot.Bot.Conversations;

namespace ParticipaBot.Bot.Reporting;

internal static class ReportWizardServiceCollectionExtensions
{
    /// <summary>The report wizard: "reportar", "continuar", "mis pendientes", its card verbs and files sent as evidence.</summary>
    public static IServiceCollection AddReportWizard(this IServiceCollection services)
    {
        services.AddOptions<ReportWizardOptions>()
            .BindConfiguration(ReportWizardOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<ReportPlanContextLoader>();
        services.AddSingleton<ReportNumberPool>();
        services.AddScoped<ReportWizard>();
        services.AddCommandHandler<ReportCommandHandler>();
        services.AddCommandHandler<ContinueCommandHandler>();
        services.AddCommandHandler<PendingCommandHandler>();
        services.AddCardActionHandler<ReportWizardActionHandler>();
        services.AddAttachmentHandler<EvidenceAttachmentHandler>();
        return services;
    }
}
