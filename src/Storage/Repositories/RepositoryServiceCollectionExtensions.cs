using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Storage.Repositories;

/// <summary>Registration of the repositories built over <see cref="IDocumentStore"/>.</summary>
public static class RepositoryServiceCollectionExtensions
{
    /// <summary>Registers every Core repository port over the registered <see cref="IDocumentStore"/>.</summary>
    public static IServiceCollection AddRepositories(this IServiceCollection services)
    {
        services.TryAddSingleton<IPlanRepository>(sp => new DocumentStorePlanRepository(sp.GetRequiredService<IDocumentStore>()));
        services.TryAddSingleton<IReportRepository>(sp => new DocumentStoreReportRepository(sp.GetRequiredService<IDocumentStore>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IReportDraftRepository>(sp => new DocumentStoreReportDraftRepository(sp.GetRequiredService<IDocumentStore>()));
        services.TryAddSingleton<IUserDirectory>(sp => new DocumentStoreUserDirectory(sp.GetRequiredService<IDocumentStore>()));
        return services;
    }
}
