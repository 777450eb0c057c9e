using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Storage;
using ParticipaBot.Storage.Repositories;

namespace ParticipaBot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The bot's own store, opened by the test on the bot's data directory (SQLite allows a second process), to prepare
/// a plan before a conversation and to read back what a conversation stored.
/// </summary>
public sealed class BotDataStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BotDataStore(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddParticipaBotStorageCore();
        services.AddRepositories();
        _services = services.BuildServiceProvider();
    }

    public IPlanRepository Plans => _services.GetRequiredService<IPlanRepository>();

    public IReportRepository Reports => _services.GetRequiredService<IReportRepository>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
