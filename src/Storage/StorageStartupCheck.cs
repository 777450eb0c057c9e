using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ParticipaBot.Storage;

/// <summary>Proves at start-up that the configuration is valid and the store answers (file writable and sound, Cosmos reachable).</summary>
public static class StorageStartup
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Healthy, or one operator-readable description of what is wrong (already logged at Critical).
    /// The serve verb calls it before the web server starts, so a bad store is one clear line and exit code 1.
    /// </summary>
    public static async Task<StoreHealth> VerifyAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageStartup).FullName!);
        StoreHealth health;
        try
        {
            _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var store = services.GetRequiredService<IDocumentStore>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            health = await store.CheckHealthAsync(timeout.Token);
        }
        catch (OptionsValidationException exception)
        {
            health = new StoreHealth(false, "Configuración inválida / invalid configuration: " + string.Join(" ", exception.Failures));
        }
        catch (InvalidOperationException exception) when (exception.InnerException is FormatException format)
        {
            // A value the binder cannot convert (an unknown provider or durability name): the key and the value, no trace.
            health = new StoreHealth(false, $"Configuración inválida / invalid configuration: {exception.Message} {format.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            health = new StoreHealth(false, $"el almacenamiento no respondió en {Timeout.TotalSeconds:0} s / the store did not answer in time.");
        }
        catch (DocumentStoreException exception)
        {
            health = new StoreHealth(false, exception.Message);
        }

        if (health.IsHealthy)
        {
            Log.StoreReady(logger, health.Description);
        }
        else
        {
            Log.StoreUnavailableAtStartup(logger, health.Description);
        }

        return health;
    }
}

/// <summary>
/// The same check for hosts started without the serve verb (tests, other entry points): the host refuses to start
/// with a <see cref="StoreUnavailableException"/> whose message says what is wrong.
/// </summary>
internal sealed class StorageStartupCheck(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var health = await StorageStartup.VerifyAsync(services, cancellationToken);
        if (!health.IsHealthy)
        {
            throw new StoreUnavailableException(health.Description);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
