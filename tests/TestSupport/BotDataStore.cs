using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Storage;
using ParticipaBot.Storage.Repositories;

namespace ParticipaBot.TestSupport;

/// <summary>
/// The bot's own store, opened by a test on the bot's data (SQLite allows a second process; the Cosmos DB protocol
/// server any number of clients), to prepare a plan before a conversation and to read back what a conversation stored.
/// </summary>
public sealed class BotDataStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <summary>The SQLite store in the bot's data directory.</summary>
    public BotDataStore(string dataDirectory)
        : this(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
    {
    }

    /// <summary>The store the given "Storage:*" settings name (the same keys the bot reads).</summary>
    public BotDataStore(IReadOnlyDictionary<string, string?> storageSettings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(storageSettings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddParticipaBotStorageCore();
        services.AddRepositories();
        _services = services.BuildServiceProvider();
    }

    public IPlanRepository Plans => _services.GetRequiredService<IPlanRepository>();

    public IReportRepository Reports => _services.GetRequiredService<IReportRepository>();

    public IReportDraftRepository Drafts => _services.GetRequiredService<IReportDraftRepository>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
