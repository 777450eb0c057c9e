using System.Threading.Channels;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Protocol;

namespace ParticipaBot.Bot.Conversations;

/// <summary>
/// Non-invoke activities wait here after the endpoint has answered 200, so Teams never waits on the connector's
/// retries and rate limits (it gives up after 15 s). One bounded channel per worker; a conversation always maps to the
/// same worker, so its messages are handled in the order they arrived.
/// </summary>
internal sealed class TurnQueue
{
    private readonly Channel<Activity>[] _partitions;

    public TurnQueue(IOptions<ConversationOptions> options)
    {
        var settings = options.Value;
        _partitions = new Channel<Activity>[settings.Workers];
        for (var i = 0; i < _partitions.Length; i++)
        {
            _partitions[i] = Channel.CreateBounded<Activity>(new BoundedChannelOptions(settings.QueueCapacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }
    }

    public int PartitionCount => _partitions.Length;

    /// <summary>False when that conversation's worker is full: the caller answers 503 so the channel retries later.</summary>
    public bool TryEnqueue(Activity activity) => _partitions[PartitionOf(activity.Conversation?.Id)].Writer.TryWrite(activity);

    public ChannelReader<Activity> Reader(int partition) => _partitions[partition].Reader;

    public void Complete()
    {
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }
    }

    private int PartitionOf(string? conversationId)
    {
        // A stable (non-randomised) hash keeps a conversation on one worker for the life of the process.
        var hash = 17u;
        foreach (var character in conversationId ?? string.Empty)
        {
            hash = unchecked((hash * 31) + character);
        }

        return (int)(hash % (uint)_partitions.Length);
    }
}

/// <summary>Drains <see cref="TurnQueue"/>: one loop per partition, each running turns one at a time.</summary>
internal sealed class TurnWorker(TurnQueue queue, TurnRunner runner, IServiceScopeFactory scopeFactory, ILogger<TurnWorker> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Fail at start-up, not on the first message, when two handlers claim the same command or verb.
        using (var scope = scopeFactory.CreateScope())
        {
            _ = scope.ServiceProvider.GetRequiredService<HandlerRegistry>();
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, queue.PartitionCount).Select(p => DrainAsync(queue.Reader(p), stoppingToken)));

    private async Task DrainAsync(ChannelReader<Activity> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await runner.RunAsync(activity, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The runner has its own boundary; this only guards the loop against a failure in the boundary itself.
                    Log.WorkerTurnFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; activities still queued were acknowledged already and are not redelivered.
        }
    }
}
