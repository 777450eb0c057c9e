using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.SampleData;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Planning;
using ParticipaBot.Storage.Repositories;

namespace ParticipaBot.Bot.Planning;

/// <summary>The entity's identity and catalogue extensions (section "Entity").</summary>
internal sealed class EntityOptions
{
    public const string SectionName = "Entity";

    /// <summary>Short id used in plan ids and partitions (e.g. "mintrabajo").</summary>
    public string Id { get; set; } = "mintrabajo";

    /// <summary>Area names added to the default catalogue.</summary>
    public IList<string> Areas { get; init; } = [];

    /// <summary>Value groups (actor type) added to the defaults (Mintrabajo: trabajadores, empleadores, pensionados).</summary>
    public IList<string> ActorGroups { get; init; } = [];

    /// <summary>Population-focus groups added to the defaults.</summary>
    public IList<string> PopulationGroups { get; init; } = [];

    /// <summary>Institutional goals the spaces may name; empty = free text.</summary>
    public IList<string> Goals { get; init; } = [];

    /// <summary>Formats added to the defaults.</summary>
    public IList<string> Formats { get; init; } = [];

    public EntityCatalog Catalog() => EntityCatalog.Defaults.Extend(Areas, ActorGroups, PopulationGroups, Goals, Formats);
}

internal static class PlanningServiceCollectionExtensions
{
    /// <summary>
    /// Plans, catalogue and roles. In Development every user is coordinator and delegate of any area, and a sample
    /// plan is seeded when the store has none.
    /// </summary>
    public static IServiceCollection AddPlanning(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<EntityOptions>().BindConfiguration(EntityOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Id), "Entity:Id es obligatorio / is required.")
            .ValidateOnStart();
        services.AddOptions<RoleOptions>().BindConfiguration(RoleOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoleOptions>>(new RoleOptionsValidator(configuration)));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EntityOptions>>().Value.Catalog());
        services.AddSingleton<IRoleResolver>(sp => new RoleResolver(
            sp.GetRequiredService<IOptions<RoleOptions>>().Value,
            everyoneIsEverything: environment.IsDevelopment()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddRepositories();
        if (environment.IsDevelopment())
        {
            services.AddHostedService<SampleDataSeeder>();
        }

        return services;
    }
}
