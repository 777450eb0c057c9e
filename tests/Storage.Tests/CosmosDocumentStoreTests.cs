using System.Text.Json;
using Microsoft.Extensions.Logging;
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

    [Fact]
    public async Task SlowRequest_OverTheThreshold_IsLoggedWithTheSdkDiagnosticsAndNeverTheKey()
    {
        var server = fixture.Server!;
        var container = $"slow-{Guid.NewGuid():N}";
        using var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var options = CosmosContainerFixture.Options(server, container);
        // 1 ms: every request over loopback and TLS takes longer, so each one is "slow".
        options.SlowRequestMilliseconds = 1;
        using (var store = new CosmosDocumentStore(options, fixture.Clock, factory.CreateLogger<CosmosDocumentStore>()))
        {
            await store.UpsertAsync(new DocumentWrite("doc-1", "pk-slow", "note", JsonDocument.Parse("""{"text":"hola"}""").RootElement));
            Assert.NotNull(await store.ReadAsync("pk-slow", "doc-1"));
        }

        var slow = logs.Entries.Where(e => e.EventId.Id == 3008).ToList();
        Assert.Contains(slow, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Cosmos DB upsert on partition pk-slow took ", StringComparison.Ordinal));
        var read = Assert.Single(slow, e => e.Message.StartsWith("Cosmos DB read on partition pk-slow took ", StringComparison.Ordinal));
        Assert.Contains("(status 200)", read.Message, StringComparison.Ordinal);
        Assert.Contains("\"HttpResponseStats\"", read.Message, StringComparison.Ordinal);
        Assert.All(logs.Entries, e => Assert.DoesNotContain(CosmosDbServer.Key, e.Message, StringComparison.Ordinal));

        // Off (0): the same requests log nothing of the kind.
        using var quiet = new ListLoggerProvider();
        using var quietFactory = LoggerFactory.Create(builder => builder.AddProvider(quiet));
        options.SlowRequestMilliseconds = 0;
        using (var store = new CosmosDocumentStore(options, fixture.Clock, quietFactory.CreateLogger<CosmosDocumentStore>()))
        {
            Assert.NotNull(await store.ReadAsync("pk-slow", "doc-1"));
        }

        Assert.DoesNotContain(quiet.Entries, e => e.EventId.Id == 3008);
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
