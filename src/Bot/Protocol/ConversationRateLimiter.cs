namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// The Teams budgets for one bot (PROTOCOL.md §2.4): per conversation, sends 7/1 s, 8/2 s, 60/30 s, 1800/h and
/// member reads 14/1 s, 16/2 s, 120/30 s, 3600/h; per tenant 50 requests per second for everything.
/// </summary>
internal sealed class ConversationRateLimiter(TimeProvider timeProvider)
{
    /// <summary>
    /// Teams counts requests as they arrive; a request released on time can arrive after a later one (a slow first
    /// connection), so every window is widened by this margin to keep arrivals within budget too.
    /// </summary>
    internal static readonly TimeSpan ArrivalMargin = TimeSpan.FromMilliseconds(250);

    private readonly SlidingWindowRateLimiter _sends = new(timeProvider,
        (7, Widen(1)), (8, Widen(2)), (60, Widen(30)), (1800, TimeSpan.FromHours(1) + ArrivalMargin));

    private readonly SlidingWindowRateLimiter _reads = new(timeProvider,
        (14, Widen(1)), (16, Widen(2)), (120, Widen(30)), (3600, TimeSpan.FromHours(1) + ArrivalMargin));

    private readonly SlidingWindowRateLimiter _tenants = new(timeProvider, (50, Widen(1)));

    private static TimeSpan Widen(int seconds) => TimeSpan.FromSeconds(seconds) + ArrivalMargin;

    /// <summary>Waits for a send/create/update/delete slot in the conversation and the tenant.</summary>
    public async Task WaitForSendAsync(string conversationKey, string? tenantId, CancellationToken cancellationToken)
    {
        await _sends.WaitAsync(conversationKey, cancellationToken);
        await _tenants.WaitAsync(tenantId ?? string.Empty, cancellationToken);
    }

    /// <summary>Waits for a member-read slot in the conversation and the tenant.</summary>
    public async Task WaitForReadAsync(string conversationKey, string? tenantId, CancellationToken cancellationToken)
    {
        await _reads.WaitAsync(conversationKey, cancellationToken);
        await _tenants.WaitAsync(tenantId ?? string.Empty, cancellationToken);
    }
}
