namespace ParticipaBot.LoadTest;

/// <summary>Up or down: the kill scenario takes the bot down; delegates wait for it to come back and then resynchronise.</summary>
public sealed class BotGate : IDisposable
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _up = NewUp(completed: true);
    private CancellationTokenSource _down = new();
    private int _epoch;

    public int Epoch => Volatile.Read(ref _epoch);

    public bool IsDown => !_up.Task.IsCompleted;

    /// <summary>Cancelled when the bot is killed: ends waits for answers that will never come.</summary>
    public CancellationToken DownToken
    {
        get
        {
            lock (_lock)
            {
                return _down.Token;
            }
        }
    }

    public void GoDown()
    {
        lock (_lock)
        {
            Interlocked.Increment(ref _epoch);
            _up = NewUp(completed: false);
            _down.Cancel();
        }
    }

    public void GoUp()
    {
        lock (_lock)
        {
            _down.Dispose();
            _down = new CancellationTokenSource();
            _up.TrySetResult();
        }
    }

    public Task WaitUpAsync(CancellationToken cancellationToken) => _up.Task.WaitAsync(cancellationToken);

    public void Dispose()
    {
        lock (_lock)
        {
            _down.Dispose();
        }
    }

    private static TaskCompletionSource NewUp(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }
}
