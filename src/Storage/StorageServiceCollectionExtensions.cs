using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ParticipaBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the document store selected by Storage:Provider (Sqlite by default, or Cosmos), validates the
    /// Storage section at start-up and checks the store answers before the host serves.
    /// </summary>
    public static IServiceCollection AddParticipaBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddParticipaBotStorageCore();
        services.AddHostedService<StorageStartupCheck>();
        return services;
    }

    /// <summary>The store and its options only, without the start-up check: for CLI verbs that report errors themselves.</summary>
    public static IServiceCollection AddParticipaBotStorageCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(CreateStore);
        return services;
    }

    private static IDocumentStore CreateStore(IServiceProvider services) => DocumentStoreFactory.Create(
        services.GetRequiredService<IOptions<StorageOptions>>().Value,
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILoggerFactory>());
}
