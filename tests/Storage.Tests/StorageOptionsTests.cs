using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParticipaBot.Storage.Cosmos;
using ParticipaBot.Storage.Sqlite;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Storage.Tests;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Validate_Defaults_SucceedWithSqliteUnderData()
    {
        var options = new StorageOptions();

        Assert.True(new StorageOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal(Path.GetFullPath("./data/participabot.db"), options.SqlitePath);
    }

    [Fact]
    public void Validate_CosmosWithoutEndpoint_FailsNamingTheSettingAndVariable()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = StorageProvider.Cosmos });

        Assert.True(result.Failed);
        Assert.Contains("Storage:Cosmos:Endpoint", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Storage__Cosmos__Endpoint", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clave-secreta-no-base64!", 1000, "Storage:Cosmos:Key")]
    [InlineData("abc", 1000, "Storage:Cosmos:Key")]
    [InlineData(CosmosDbServer.Key, -1, "Storage:Cosmos:SlowRequestMilliseconds")]
    [InlineData(CosmosDbServer.Key, 600_001, "Storage:Cosmos:SlowRequestMilliseconds")]
    [InlineData(CosmosDbServer.Key, 0, null)]
    [InlineData("type=resource&ver=1.0&sig=abc", 1000, null)]
    public void Validate_CosmosKeyAndSlowRequestThreshold_AWrongValueFailsNamingTheSettingNeverTheKey(string key, int slowRequestMilliseconds, string? named)
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.Cosmos,
            Cosmos = { Endpoint = "https://contoso.documents.azure.com:443/", Key = key, SlowRequestMilliseconds = slowRequestMilliseconds },
        };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Equal(named is not null, result.Failed);
        if (named is not null)
        {
            Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
            Assert.DoesNotContain(key, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_AcceptLocalCertificateForRemoteEndpoint_Fails()
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.Cosmos,
            Cosmos = { Endpoint = "https://contoso.documents.azure.com:443/", AcceptLocalServerCertificate = true },
        };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("AcceptLocalServerCertificate", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DataDirectoryIsAFile_Fails()
    {
        var file = Path.GetTempFileName();
        try
        {
            var result = new StorageOptionsValidator().Validate(null, new StorageOptions { DataDirectory = file });

            Assert.True(result.Failed);
            Assert.Contains(file, result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("Sqlite", typeof(SqliteDocumentStore))]
    [InlineData("Cosmos", typeof(CosmosDocumentStore))]
    public void AddParticipaBotStorage_Provider_SelectsAdapter(string provider, Type expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "participabot-tests", Guid.NewGuid().ToString("N")),
            ["Storage:Cosmos:Endpoint"] = "https://127.0.0.1:8081/",
            ["Storage:Cosmos:Key"] = "a2V5",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddParticipaBotStorage(configuration);
        using var provider_ = services.BuildServiceProvider();

        var store = provider_.GetRequiredService<IDocumentStore>();

        Assert.IsType(expected, store);
    }

    [Fact]
    public async Task VerifyAsync_InvalidConfiguration_ReportsUnhealthyWithMessage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Cosmos",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddParticipaBotStorage(configuration);
        using var provider = services.BuildServiceProvider();

        var health = await StorageStartup.VerifyAsync(provider);

        Assert.False(health.IsHealthy);
        Assert.Contains("Storage:Cosmos:Endpoint", health.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Storage:Provider", "Mongo")]
    [InlineData("Storage:SqliteDurability", "Siempre")]
    [InlineData("Storage:SqliteLibrary", "Nativa")]
    public async Task VerifyAsync_UnknownEnumValue_ReportsUnhealthyNamingKeyAndValue(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [key] = value,
            ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "participabot-tests", Guid.NewGuid().ToString("N")),
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddParticipaBotStorage(configuration);
        using var provider = services.BuildServiceProvider();

        var health = await StorageStartup.VerifyAsync(provider);

        Assert.False(health.IsHealthy);
        Assert.Contains(key, health.Description, StringComparison.Ordinal);
        Assert.Contains(value, health.Description, StringComparison.Ordinal);
    }
}
