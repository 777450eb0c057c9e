using Microsoft.Extensions.DependencyInjection.Extensions;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Conversations;

internal static class ConversationServiceCollectionExtensions
{
    /// <summary>The turn pipeline: queue and worker, redelivery check, router, and the built-in handlers (help, placeholders).</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddOptions<ConversationOptions>()
            .BindConfiguration(ConversationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MemoryActivityDeduplicator>();
        // Across instances when a document store is registered; otherwise this process's memory (one instance).
        services.AddSingleton<IActivityDeduplicator>(provider =>
            provider.GetService<IDocumentStore>() is { } store
                ? ActivatorUtilities.CreateInstance<StoreActivityDeduplicator>(provider, store)
                : provider.GetRequiredService<MemoryActivityDeduplicator>());

        services.AddSingleton<TurnQueue>();
        services.AddSingleton<TurnRunner>();
        services.AddHostedService<TurnWorker>();
        services.AddSingleton(provider => HandlerRegistry.FromContainer(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddScoped<TurnRouter>();

        services.AddCommandHandler<HelpCommandHandler>();
        foreach (var command in BotCommands.Planned)
        {
            services.AddSingleton<ICommandHandler>(new PlannedCommandHandler(command));
        }

        return services;
    }

    /// <summary>Adds a command; it replaces the placeholder with the same id, and shows in help and welcome cards.</summary>
    public static IServiceCollection AddCommandHandler<THandler>(this IServiceCollection services)
        where THandler : class, ICommandHandler
    {
        // Also as itself: the registry resolves a turn's handler by its type.
        services.TryAddScoped<THandler>();
        services.AddScoped<ICommandHandler>(provider => provider.GetRequiredService<THandler>());
        return services;
    }

    public static IServiceCollection AddCardActionHandler<THandler>(this IServiceCollection services)
        where THandler : class, ICardActionHandler
    {
        // Also as itself: the registry resolves a turn's handler by its type.
        services.TryAddScoped<THandler>();
        services.AddScoped<ICardActionHandler>(provider => provider.GetRequiredService<THandler>());
        return services;
    }

    public static IServiceCollection AddInvokeHandler<THandler>(this IServiceCollection services)
        where THandler : class, IInvokeHandler
    {
        // Also as itself: the registry resolves a turn's handler by its type.
        services.TryAddScoped<THandler>();
        services.AddScoped<IInvokeHandler>(provider => provider.GetRequiredService<THandler>());
        return services;
    }

    public static IServiceCollection AddConversationUpdateHandler<THandler>(this IServiceCollection services)
        where THandler : class, IConversationUpdateHandler
    {
        services.AddScoped<IConversationUpdateHandler, THandler>();
        return services;
    }

    public static IServiceCollection AddAttachmentHandler<THandler>(this IServiceCollection services)
        where THandler : class, IAttachmentHandler
    {
        services.AddScoped<IAttachmentHandler, THandler>();
        return services;
    }

    public static IServiceCollection AddInstallationHandler<THandler>(this IServiceCollection services)
        where THandler : class, IInstallationHandler
    {
        services.AddScoped<IInstallationHandler, THandler>();
        return services;
    }
}
