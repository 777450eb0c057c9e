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

/// <summary>
/// Drains <see cref="TurnQueue"/>: one loop per partition, each running turns one at a time. On shutdown the queue stops
/// accepting (the endpoint answers 503, so Teams retries elsewhere) and what was already acknowledged is still handled,
/// until the host's shutdown timeout abandons it.
/// </summary>
internal sealed class TurnWorker(TurnQueue queue, TurnRunner runner, IServiceProvider services, ILogger<TurnWorker> logger) : BackgroundService
{
    private readonly CancellationTokenSource _abandon = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Fail at start-up, not on the first message, when two handlers claim the same command or verb.
        _ = services.GetRequiredService<HandlerRegistry>();

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stoppingToken.Register(queue.Complete);
        return Task.WhenAll(Enumerable.Range(0, queue.PartitionCount).Select(p => DrainAsync(queue.Reader(p), _abandon.Token)));
    }

    private async Task DrainAsync(ChannelReader<Activity> reader, CancellationToken abandonToken)
    {
        try
        {
            await foreach (var activity in reader.ReadAllAsync(abandonToken))
            {
                try
                {
                    await runner.RunAsync(activity, abandonToken);
                }
                catch (Exception exception) when (!abandonToken.IsCancellationRequested)
                {
                    // The runner has its own boundary; this only guards the loop against a failure in the boundary itself.
                    Log.WorkerTurnFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (abandonToken.IsCancellationRequested)
        {
            // The shutdown timeout passed: turns still queued are dropped (they were acknowledged with 200).
        }
    }
}
