using System.ComponentModel.DataAnnotations;

namespace ParticipaBot.Bot.Conversations;

/// <summary>Settings of the turn pipeline (section "Conversations"); the defaults suit one entity's tenant.</summary>
internal sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>Turns processed in parallel; activities of one conversation always run in order, on one worker.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>Activities waiting per worker; when full, the endpoint answers 503 and Teams delivers again later.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>How long a received activity id is remembered (Teams redelivers within minutes).</summary>
    [Range(60, 7 * 24 * 3600)]
    public int DeduplicationSeconds { get; set; } = 3600;

    /// <summary>How many activity ids the in-memory deduplicator keeps at most.</summary>
    [Range(100, 10_000_000)]
    public int DeduplicationMemoryCapacity { get; set; } = 50_000;

    /// <summary>
    /// Seconds an invoke may run before its HTTP answer is sent anyway ("still working"): Teams waits 15 s at most
    /// (PROTOCOL.md §1.6), and a late answer is an error card for the user. The turn itself still completes.
    /// </summary>
    [Range(1, 14)]
    public int InvokeBudgetSeconds { get; set; } = 10;
}
