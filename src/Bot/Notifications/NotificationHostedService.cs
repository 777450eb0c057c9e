using Microsoft.Extensions.Options;

namespace ParticipaBot.Bot.Notifications;

/// <summary>Ticks the engine every Notifications:TickInterval; a failing tick is logged and the next one tries again.</summary>
internal sealed class NotificationHostedService(
    IServiceScopeFactory scopes,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            Log.Disabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var run = await scope.ServiceProvider.GetRequiredService<NotificationEngine>().RunOnceAsync(stoppingToken);
                Log.Tick(logger, run.Due, run.Sent, run.Failed, run.Parked);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.TickFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
