using ParticipaBot.Bot.Conversations;

namespace ParticipaBot.Bot.Review;

internal static class ReviewServiceCollectionExtensions
{
    /// <summary>
    /// After submit: my reports, approval and return with the delegate told, versions and history, the period lock and
    /// unlock, answers to contributions, activity progress, the coordinators' schedule cards, the user roster, and the
    /// UPN of users when roles are configured by UPN.
    /// </summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddScoped<ReviewSession>();
        services.AddScoped<SubmitterNotifier>();
        services.AddScoped<ScheduleService>();
        services.AddScoped<UserDirectoryRecorder>();
        services.AddScoped<ITurnObserver>(sp => sp.GetRequiredService<UserDirectoryRecorder>());
        services.AddScoped<IInstallationHandler>(sp => sp.GetRequiredService<UserDirectoryRecorder>());
        services.AddSingleton<UserPrincipalNames>();
        services.AddScoped<ITurnObserver>(sp => sp.GetRequiredService<UserPrincipalNames>());

        services.AddCommandHandler<MyReportsCommandHandler>();
        services.AddCommandHandler<ToApproveCommandHandler>();
        services.AddCommandHandler<AnswerProposalsCommandHandler>();
        services.AddScoped<ProgressCommandHandler>();
        services.AddScoped<ICommandHandler>(sp => sp.GetRequiredService<ProgressCommandHandler>());
        services.AddScoped<ICardActionHandler>(sp => sp.GetRequiredService<ProgressCommandHandler>());
        services.AddScoped<ScheduleHandler>();
        services.AddScoped<ICommandHandler>(sp => sp.GetRequiredService<ScheduleHandler>());
        services.AddScoped<ICardActionHandler>(sp => sp.GetRequiredService<ScheduleHandler>());
        services.AddCardActionHandler<ReviewActionHandler>();
        return services;
    }
}
