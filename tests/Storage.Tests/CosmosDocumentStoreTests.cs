using ParticipaBot.Storage.Cosmos;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Storage.Tests;

/// <summary>One container per test class on the run's shared Cosmos DB protocol server.</summary>
public sealed class CosmosContainerFixture : IAsyncLifetime
{
    private CosmosDocumentStore? _store;

    public IDocumentStore Store => _store ?? throw new InvalidOperationException("Fixture not initialized.");

    public CosmosDbServer? Server { get; private set; }

    /// <summary>Starts at the wall clock and only moves forward, so the server's own purge (ttl + 1 s later) stays behind it.</summary>
    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        Server = await CosmosDbServer.GetSharedAsync();
        _store = new CosmosDocumentStore(Options(Server, $"test-{Guid.NewGuid():N}"), Clock);
    }

    public Task DisposeAsync()
    {
        _store?.Dispose();
        return Task.CompletedTask;
    }

    public static CosmosStorageOptions Options(CosmosDbServer server, string container) => new()
    {
        Endpoint = server.Endpoint,
        Key = CosmosDbServer.Key,
        Database = "participabot-tests",
        Container = container,
        AcceptLocalServerCertificate = true,
        RequestTimeoutSeconds = 10,
    };
}

/// <summary>The contract against the Cosmos DB protocol server through the real SDK (Gateway mode).</summary>
public sealed class CosmosDocumentStoreTests(CosmosContainerFixture fixture) : DocumentStoreContractTests, IClassFixture<CosmosContainerFixture>
{
    protected override ManualTimeProvider Clock => fixture.Clock;

    protected override Task<IDocumentStore> OpenStoreAsync() => Task.FromResult<IDocumentStore>(fixture.Store);

    [Fact]
    public async Task CheckHealth_UnreachableAccount_IsUnhealthyWithClearMessage()
    {
        var port = CosmosDbServer.FreeLoopbackPort();
        using var store = new CosmosDocumentStore(new CosmosStorageOptions
        {
            Endpoint = $"https://127.0.0.1:{port}/",
            Key = CosmosDbServer.Key,
            AcceptLocalServerCertificate = true,
            RequestTimeoutSeconds = 2,
        });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var health = await store.CheckHealthAsync(timeout.Token);

        Assert.False(health.IsHealthy);
        Assert.Contains($"127.0.0.1:{port}", health.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b?c#d\\e%f")]
    [InlineData("%2F~7E~")]
    [InlineData("plain")]
    public void EncodeId_Any_RoundTrips(string id)
    {
        var encoded = CosmosDocumentStore.EncodeId(id);

        Assert.DoesNotContain('/', encoded);
        Assert.DoesNotContain('?', encoded);
        Assert.DoesNotContain('#', encoded);
        Assert.DoesNotContain('\\', encoded);
        Assert.Equal(id, CosmosDocumentStore.DecodeId(encoded));
    }
}
