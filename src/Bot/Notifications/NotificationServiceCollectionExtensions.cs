using ParticipaBot.Bot.Conversations;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Notifications;

internal static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// The notifications engine (section "Notifications"), its hosted service (off with Notifications:Enabled=false),
    /// channel bookkeeping and the commands "notificar aquí", "dejar de notificar" and "notificaciones fallidas".
    /// Needs storage, the protocol, planning (roles, entity) and, for calendar events, AddGraphCalendar.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddOptions<NotificationOptions>()
            .BindConfiguration(NotificationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.PreviewDaysBefore.All(d => d is >= 0 and <= 60), "Notifications:PreviewDaysBefore: días entre 0 y 60 / days within 0–60.")
            .Validate(o => o.RetryBaseDelay <= o.RetryMaxDelay, "Notifications:RetryBaseDelay no puede superar RetryMaxDelay / must not exceed RetryMaxDelay.")
            .ValidateOnStart();
        services.AddSingleton(sp => new NotificationStore(sp.GetRequiredService<IDocumentStore>()));
        services.AddScoped<NotificationSender>();
        services.AddScoped<NotificationEngine>();
        services.AddHostedService<NotificationHostedService>();

        services.AddScoped<ChannelInstallationHandler>();
        services.AddScoped<IInstallationHandler>(sp => sp.GetRequiredService<ChannelInstallationHandler>());
        services.AddScoped<IConversationUpdateHandler>(sp => sp.GetRequiredService<ChannelInstallationHandler>());

        services.AddCommandHandler<NotifyHereCommandHandler>();
        services.AddCommandHandler<StopNotifyingCommandHandler>();
        services.AddScoped<FailedNotificationsCommandHandler>();
        services.AddScoped<ICommandHandler>(sp => sp.GetRequiredService<FailedNotificationsCommandHandler>());
        services.AddScoped<ICardActionHandler>(sp => sp.GetRequiredService<FailedNotificationsCommandHandler>());
        return services;
    }
}
