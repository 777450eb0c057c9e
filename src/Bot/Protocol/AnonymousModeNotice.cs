using Microsoft.Extensions.Options;

namespace ParticipaBot.Bot.Protocol;

/// <summary>Says loudly at start-up that the bot accepts unauthenticated requests (Development without Bot:AppId).</summary>
internal sealed class AnonymousModeNotice(IOptions<BotOptions> options, ILogger<AnonymousModeNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsAnonymous)
        {
            Log.AnonymousMode(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
