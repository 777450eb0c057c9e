using System.Collections.Concurrent;
using System.Text.Json;
using ParticipaBot.Bot.Protocol;

namespace ParticipaBot.Bot.Tests.Support;

/// <summary>One outbound call the bot made.</summary>
internal sealed record SentActivity(string Operation, ConversationReference Conversation, string? ReplyToId, Activity Activity)
{
    /// <summary>The first Adaptive Card attached, or null.</summary>
    public JsonElement? Card => Activity.Attachments?.FirstOrDefault(a => a.ContentType == ContentTypes.AdaptiveCard)?.Content;

    /// <summary>Every string in the message (text and card), to assert on what the user reads.</summary>
    public string AllText => Activity.Text + " " + (Card is { } card ? string.Join(" ", Strings(card)) : string.Empty);

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend($"\"{p.Name}\":")),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}

/// <summary>
/// A narrow seam for the Bot Connector: records what the bot sends instead of calling Teams. Tests filter by
/// conversation id, so one host can serve many tests.
/// </summary>
internal sealed class RecordingConnectorClient : IConnectorClient
{
    private readonly Lock _lock = new();
    private readonly List<SentActivity> _sent = [];
    private readonly List<(string ConversationId, string MemberId)> _memberCalls = [];
    private int _nextId;

    public IReadOnlyList<SentActivity> SentTo(string conversationId)
    {
        lock (_lock)
        {
            return [.. _sent.Where(s => s.Conversation.ConversationId == conversationId)];
        }
    }

    /// <summary>Everything sent so far, to any conversation.</summary>
    public IReadOnlyList<SentActivity> All()
    {
        lock (_lock)
        {
            return [.. _sent];
        }
    }

    /// <summary>Waits until the conversation has at least <paramref name="count"/> outbound activities.</summary>
    public async Task<IReadOnlyList<SentActivity>> WaitForAsync(string conversationId, int count = 1)
    {
        // Generous: under load (many conversations at once on a busy machine) a reply can wait behind other turns.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var sent = SentTo(conversationId);
            if (sent.Count >= count)
            {
                return sent;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} activities sent to {conversationId}, got {sent.Count}.");
            }

            await Task.Delay(20);
        }
    }

    public Task<ResourceResponse> SendToConversationAsync(ConversationReference conversation, Activity activity, CancellationToken cancellationToken) =>
        Record("send", conversation, null, activity);

    public Task<ResourceResponse> ReplyToActivityAsync(ConversationReference conversation, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        Record("reply", conversation, replyToId, activity);

    public Task<ResourceResponse> UpdateActivityAsync(ConversationReference conversation, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record("update", conversation, activityId, activity);

    public Task DeleteActivityAsync(ConversationReference conversation, string activityId, CancellationToken cancellationToken) =>
        Record("delete", conversation, activityId, new Activity());

    /// <summary>Records a "create" (its conversation id is the new one, "a:created-N") and returns that id.</summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        string id;
        lock (_lock)
        {
            id = "a:created-" + ++_nextId;
        }

        var conversation = new ConversationReference(serviceUrl, id, parameters.TenantId, parameters.Bot?.Id, parameters.Bot?.Name, ConversationTypes.Personal);
        await Record("create", conversation, null, new Activity { Type = ActivityTypes.Message, Recipient = parameters.Members?.FirstOrDefault() });
        return new ConversationResourceResponse(id, null, serviceUrl);
    }

    public Task<PagedMembersResult> GetPagedMembersAsync(ConversationReference conversation, int? pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not used by the turn pipeline.");

    /// <summary>Members the member call knows, by Teams user id; any other id is answered 404, as Teams does.</summary>
    public ConcurrentDictionary<string, ChannelAccount> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Every member call made: the conversation (or team) asked and the member id.</summary>
    public IReadOnlyList<(string ConversationId, string MemberId)> MemberCalls
    {
        get
        {
            lock (_lock)
            {
                return [.. _memberCalls];
            }
        }
    }

    public Task<ChannelAccount> GetMemberAsync(ConversationReference conversation, string memberId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _memberCalls.Add((conversation.ConversationId, memberId));
        }

        return Members.TryGetValue(memberId, out var member)
            ? Task.FromResult(member)
            : Task.FromException<ChannelAccount>(new ConnectorException("Bot Connector GET members answered 404 (MemberNotFoundInConversation).", 404, "MemberNotFoundInConversation", null));
    }

    private Task<ResourceResponse> Record(string operation, ConversationReference conversation, string? replyToId, Activity activity)
    {
        lock (_lock)
        {
            _sent.Add(new SentActivity(operation, conversation, replyToId, activity));
            return Task.FromResult(new ResourceResponse("sent-" + ++_nextId));
        }
    }
}
