using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ParticipaBot.Bot.Tests.Health;

/// <summary>The host wires the configured store into /healthz and refuses to start on an unusable one.</summary>
public sealed class StorageHealthTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "participabot-tests", Guid.NewGuid().ToString("N"));

    public StorageHealthTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Healthz_SqliteStoreUsable_ReturnsHealthyNamingTheFile()
    {
        await using var factory = Factory(_directory);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("participabot.db", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CorruptedSqliteFile_HostDoesNotStart()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "participabot.db"), new string('x', 4096));
        await using var factory = Factory(_directory);

        // The serve path logs the reason and returns exit code 1 before the server starts, so there is no host to reach.
        Assert.ThrowsAny<Exception>(() => factory.CreateClient());
    }

    private static WebApplicationFactory<Program> Factory(string dataDirectory) => new WebApplicationFactory<Program>()
        .WithWebHostBuilder(builder => builder.UseSetting("Storage:DataDirectory", dataDirectory));
}
