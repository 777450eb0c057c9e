using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using ParticipaBot.Bot.Protocol;

namespace ParticipaBot.Bot.Tests.Protocol;

/// <summary>Builds the protocol services exactly as AddBotProtocol registers them, from in-memory "Bot:*" settings.</summary>
internal static class ProtocolServices
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    public static ServiceProvider Build(
        IDictionary<string, string?> settings,
        string environmentName = "Production",
        TimeProvider? timeProvider = null,
        Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        var environment = new TestEnvironment(environmentName);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddBotProtocol(configuration, environment);
        if (timeProvider is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(timeProvider));
        }

        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A single-tenant bot with a client secret.</summary>
    public static Dictionary<string, string?> SingleTenant(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:AppType"] = "SingleTenant",
            ["Bot:TenantId"] = TenantId,
            ["Bot:ClientSecret"] = "not-a-real-secret",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "ParticipaBot.Bot";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
