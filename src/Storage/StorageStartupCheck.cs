using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ParticipaBot.Storage;

/// <summary>
/// Before anything else starts, proves the store answers (file writable and not corrupted, Cosmos account
/// reachable). On failure it logs one clear line, sets exit code 1 and stops the host: no crash loop, no stack trace.
/// </summary>
internal sealed partial class StorageStartupCheck(IDocumentStore store, IHostApplicationLifetime lifetime, ILogger<StorageStartupCheck> logger)
    : IHostedLifecycleService
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        StoreHealth health;
        try
        {
            health = await store.CheckHealthAsync(timeout.Token);
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
            return;
        }

        Log.StoreUnavailableAtStartup(logger, health.Description);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
