namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// The Teams budgets for one bot (PROTOCOL.md §2.4): per conversation, sends 7/1 s, 8/2 s, 60/30 s, 1800/h and
/// member reads 14/1 s, 16/2 s, 120/30 s, 3600/h; per tenant 50 requests per second for everything.
/// </summary>
internal sealed class ConversationRateLimiter(TimeProvider timeProvider)
{
    private readonly TimeProvider _timeProvider = timeProvider;

    /// <summary>
    /// Teams counts requests as they arrive. Sends are exact (see <see cref="AcquireSendAsync"/>); reads and the tenant
    /// budget count from release, so their windows are widened by this margin to absorb network delays.
    /// </summary>
    internal static readonly TimeSpan ArrivalMargin = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Timers may wake a few milliseconds before the wall clock reaches the slot (they run on a different clock), so
    /// send windows carry a small guard: a send released "exactly" on the boundary still arrives inside Teams' budget.
    /// </summary>
    internal static readonly TimeSpan SendGuard = TimeSpan.FromMilliseconds(50);

    private readonly SlidingWindowRateLimiter _sends = new(timeProvider,
        (7, Guard(1)), (8, Guard(2)), (60, Guard(30)), (1800, TimeSpan.FromHours(1) + SendGuard));

    private readonly SlidingWindowRateLimiter _reads = new(timeProvider,
        (14, Widen(1)), (16, Widen(2)), (120, Widen(30)), (3600, TimeSpan.FromHours(1) + ArrivalMargin));

    private readonly SlidingWindowRateLimiter _tenants = new(timeProvider, (50, Widen(1)));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _sendGates = new(StringComparer.Ordinal);

    private static TimeSpan Widen(int seconds) => TimeSpan.FromSeconds(seconds) + ArrivalMargin;

    private static TimeSpan Guard(int seconds) => TimeSpan.FromSeconds(seconds) + SendGuard;

    /// <summary>Waits for a send/create/update/delete slot in the conversation and the tenant.</summary>
    public async Task WaitForSendAsync(string conversationKey, string? tenantId, CancellationToken cancellationToken)
    {
        await _sends.WaitAsync(conversationKey, cancellationToken);
        await _tenants.WaitAsync(tenantId ?? string.Empty, cancellationToken);
    }

    /// <summary>
    /// Waits for a send slot and holds the conversation until disposed (after Teams answered): sends to one
    /// conversation go one at a time, and each counts in the windows from when it was answered, the latest instant it
    /// can have arrived. So arrivals stay within budget whatever the network delays, while different conversations
    /// proceed in parallel.
    /// </summary>
    public async Task<IDisposable> AcquireSendAsync(string conversationKey, string? tenantId, CancellationToken cancellationToken)
    {
        var gate = _sendGates.GetOrAdd(conversationKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await WaitForSendAsync(conversationKey, tenantId, cancellationToken);
        }
        catch
        {
            gate.Release();
            throw;
        }

        return new SendSlot(this, conversationKey, gate);
    }

    /// <summary>Waits for a member-read slot; nothing to hold afterwards.</summary>
    public async Task<IDisposable> AcquireReadAsync(string conversationKey, string? tenantId, CancellationToken cancellationToken)
    {
        await WaitForReadAsync(conversationKey, tenantId, cancellationToken);
        return NoSlot.Instance;
    }

    /// <summary>Waits for a member-read slot in the conversation and the tenant.</summary>
    public async Task WaitForReadAsync(string conversationKey, string? tenantId, CancellationToken cancellationToken)
    {
        await _reads.WaitAsync(conversationKey, cancellationToken);
        await _tenants.WaitAsync(tenantId ?? string.Empty, cancellationToken);
    }

    private sealed class SendSlot(ConversationRateLimiter owner, string conversationKey, SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner._sends.Amend(conversationKey, owner._timeProvider.GetUtcNow());
                gate.Release();
            }
        }
    }

    private sealed class NoSlot : IDisposable
    {
        public static readonly NoSlot Instance = new();

        public void Dispose()
        {
        }
    }
}
