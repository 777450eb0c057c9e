using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Notifications;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Text;
using ParticipaBot.Storage;
using ParticipaBot.Storage.Repositories;

namespace ParticipaBot.Bot.Notifications;

/// <summary>A Teams channel the bot is installed in (tenant partition), kept current by channel events.</summary>
internal sealed record ChannelRecord(
    string ChannelId,
    string? Name,
    string? TeamId,
    string? TeamName,
    ConversationReference Conversation,
    bool IsDeleted,
    DateTimeOffset UpdatedAt);

/// <summary>A channel bound to the whole plan (<see cref="Area"/> null) or to one area (entity partition).</summary>
internal sealed record ChannelBinding(
    string? Area,
    ConversationReference Conversation,
    string? ChannelName,
    UserLanguage Language,
    string BoundBy,
    DateTimeOffset BoundAt);

/// <summary>
/// The space's event in the organizer's calendar (plan partition, keyed by space id). <see cref="IsPending"/>: a create
/// was sent (<see cref="Request"/>, with its transaction id) and its answer has not come back yet, so Graph may hold an
/// event the bot has no id for; <see cref="EventId"/> is empty until the create is confirmed.
/// </summary>
internal sealed record CalendarSyncRecord(
    string SpaceId,
    string EventId,
    string? ICalUId,
    int SyncedVersion,
    CalendarEventRequest Request,
    bool IsCancelled,
    DateTimeOffset UpdatedAt,
    bool IsPending = false);

/// <summary>The documents of notifications: claims, channels, bindings and calendar sync, over the document store.</summary>
internal sealed class NotificationStore(IDocumentStore store)
{
    private readonly DocumentCollection<NotificationClaim> _claims = new(store, "notificationClaim");
    private readonly DocumentCollection<ChannelRecord> _channels = new(store, "channel");
    private readonly DocumentCollection<ChannelBinding> _bindings = new(store, "channelBinding");
    private readonly DocumentCollection<CalendarSyncRecord> _calendar = new(store, "calendarSync");

    public DocumentCollection<NotificationClaim> Claims => _claims;

    public static string ClaimId(string key) => DocumentIds.Safe(key);

    public async Task<IReadOnlyList<NotificationClaim>> ListClaimsAsync(string entityId, int year, CancellationToken cancellationToken)
    {
        var claims = new List<NotificationClaim>();
        await foreach (var document in _claims.QueryAsync(PartitionKeys.Notifications(entityId, year), cancellationToken))
        {
            claims.Add(document.Value);
        }

        return claims;
    }

    public Task RecordChannelAsync(ChannelRecord channel, CancellationToken cancellationToken) =>
        _channels.UpsertAsync(
            PartitionKeys.Tenant(channel.Conversation.TenantId ?? "unknown"),
            DocumentIds.Safe("channel|" + channel.ChannelId),
            channel,
            cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<ChannelRecord>> ListChannelsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var channels = new List<ChannelRecord>();
        await foreach (var document in _channels.QueryAsync(PartitionKeys.Tenant(tenantId), cancellationToken))
        {
            channels.Add(document.Value);
        }

        return channels;
    }

    public async Task<ChannelRecord?> GetChannelAsync(string tenantId, string channelId, CancellationToken cancellationToken) =>
        (await _channels.GetAsync(PartitionKeys.Tenant(tenantId), DocumentIds.Safe("channel|" + channelId), cancellationToken))?.Value;

    public Task BindAsync(string entityId, ChannelBinding binding, CancellationToken cancellationToken) =>
        _bindings.UpsertAsync(PartitionKeys.Entity(entityId), BindingId(binding.Area), binding, cancellationToken: cancellationToken);

    /// <summary>Removes every binding of the channel; returns the areas (null = plan) it was bound to.</summary>
    public async Task<IReadOnlyList<string?>> UnbindChannelAsync(string entityId, string conversationId, CancellationToken cancellationToken)
    {
        var removed = new List<string?>();
        await foreach (var document in _bindings.QueryAsync(PartitionKeys.Entity(entityId), cancellationToken))
        {
            if (string.Equals(document.Value.Conversation.ConversationId, conversationId, StringComparison.Ordinal)
                && await _bindings.DeleteAsync(document.PartitionKey, document.Id, document.ETag, cancellationToken))
            {
                removed.Add(document.Value.Area);
            }
        }

        return removed;
    }

    public async Task<IReadOnlyList<ChannelBinding>> ListBindingsAsync(string entityId, CancellationToken cancellationToken)
    {
        var bindings = new List<ChannelBinding>();
        await foreach (var document in _bindings.QueryAsync(PartitionKeys.Entity(entityId), cancellationToken))
        {
            bindings.Add(document.Value);
        }

        return bindings;
    }

    /// <summary>The channel of the area when one is bound to it, else the plan's channel, else null.</summary>
    public static ChannelBinding? ChannelFor(IEnumerable<ChannelBinding> bindings, string? area)
    {
        var list = bindings.ToList();
        return (area is null ? null : list.FirstOrDefault(b => b.Area is not null && TextFolding.EqualsFolded(b.Area, area)))
            ?? list.FirstOrDefault(b => b.Area is null);
    }

    public async Task<CalendarSyncRecord?> GetCalendarAsync(string entityId, int year, string spaceId, CancellationToken cancellationToken) =>
        (await _calendar.GetAsync(PlanIds.Partition(entityId, year), CalendarId(spaceId), cancellationToken))?.Value;

    public Task SaveCalendarAsync(string entityId, int year, CalendarSyncRecord record, CancellationToken cancellationToken) =>
        _calendar.UpsertAsync(PlanIds.Partition(entityId, year), CalendarId(record.SpaceId), record, cancellationToken: cancellationToken);

    private static string CalendarId(string spaceId) => DocumentIds.Safe("calendar|" + spaceId);

    private static string BindingId(string? area) => DocumentIds.Safe(area is null ? "binding|plan" : "binding|area|" + TextFolding.Fold(area));
}
