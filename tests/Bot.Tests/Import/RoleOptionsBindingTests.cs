using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.FileProviders;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Planning;

namespace ParticipaBot.Bot.Tests.Import;

public sealed class RoleOptionsBindingTests
{
    private sealed class Env(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Fact]
    public void AddPlanning_Production_RolesAndCatalogueFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Roles:Coordinators:0"] = "coord@entidad.gov.co",
            ["Roles:InternalControl:0"] = "oci@entidad.gov.co",
            ["Roles:Delegates:Oficina Asesora de Planeación:0"] = "ana@entidad.gov.co",
            ["Entity:Id"] = "mintrabajo",
            ["Entity:ActorGroups:0"] = "trabajadores",
            ["Entity:Areas:0"] = "Viceministerios",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPlanning(configuration, new Env("Production"));
        using var provider = services.BuildServiceProvider();

        var resolver = provider.GetRequiredService<IRoleResolver>();
        Assert.True(resolver.Resolve("coord@entidad.gov.co").IsCoordinator);
        Assert.True(resolver.Resolve("oci@entidad.gov.co").IsInternalControl);
        Assert.Equal(["Oficina Asesora de Planeación"], resolver.Resolve("ana@entidad.gov.co").DelegateAreas);
        Assert.True(resolver.Resolve("otro@entidad.gov.co").IsNobody);

        var catalog = provider.GetRequiredService<EntityCatalog>();
        Assert.Contains("trabajadores", catalog.ActorGroups);
        Assert.Contains("ciudadanía", catalog.ActorGroups);
        Assert.Contains("Viceministerios", catalog.Areas);
        Assert.Empty(provider.GetServices<IHostedService>());
    }
}
