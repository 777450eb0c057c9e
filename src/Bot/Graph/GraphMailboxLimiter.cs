using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ParticipaBot.Bot.Graph;

/// <summary>
/// One gate per mailbox, shared by every Graph call of this process: Outlook answers 429 beyond 4 concurrent
/// requests per app per mailbox, so callers queue here instead of being throttled there.
/// </summary>
internal sealed class GraphMailboxLimiter(IOptions<GraphOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _limit = options.Value.MaxConcurrentCallsPerMailbox;

    public SemaphoreSlim For(string mailbox) => _gates.GetOrAdd(mailbox, _ => new SemaphoreSlim(_limit, _limit));

    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }
}
