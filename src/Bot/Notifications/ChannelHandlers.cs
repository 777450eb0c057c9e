using System.Text.Json;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Access;

namespace ParticipaBot.Bot.Notifications;

/// <summary>
/// Keeps what proactive messages need: each channel of the teams the bot is installed in (renamed and deleted as Teams
/// reports), and the team roster, so reminders can reach people who never wrote to the bot.
/// </summary>
internal sealed class ChannelInstallationHandler(
    NotificationStore store,
    IUserDirectory directory,
    IConnectorClient connector,
    TimeProvider time,
    ILogger<ChannelInstallationHandler> logger) : IInstallationHandler, IConversationUpdateHandler
{
    private const int RosterPageSize = 200;

    public async Task OnBotAddedAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TenantId is not { } tenantId || context.Conversation.ServiceUrl.Length == 0)
        {
            return;
        }

        // Personal chats are recorded by the roster recorder on every turn; here, teams and their channels.
        if (context.IsPersonal)
        {
            return;
        }

        if (ChannelEvent.Read(context.Activity) is { } channel)
        {
            await RecordChannelAsync(context, channel with { ChannelId = channel.ChannelId ?? ChannelConversations.Root(context.Conversation.ConversationId) }, deleted: false);
        }

        await RecordRosterAsync(context, tenantId);
    }

    public Task OnBotRemovedAsync(TurnContext context) => Task.CompletedTask;

    /// <summary>channelCreated / channelRenamed / channelDeleted: keep the tenant's list of channels current.</summary>
    public async Task OnConversationUpdateAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ChannelEvent.Read(context.Activity) is not { ChannelId: not null } channel || context.TenantId is null)
        {
            return;
        }

        switch (channel.EventType)
        {
            case "channelCreated":
            case "channelRenamed":
            case "channelRestored":
                await RecordChannelAsync(context, channel, deleted: false);
                break;
            case "channelDeleted":
                await RecordChannelAsync(context, channel, deleted: true);
                break;
            default:
                break;
        }
    }

    private Task RecordChannelAsync(TurnContext context, ChannelEvent channel, bool deleted)
    {
        var conversation = context.Conversation with { ConversationId = channel.ChannelId!, ConversationType = ConversationTypes.Channel };
        return store.RecordChannelAsync(
            new ChannelRecord(channel.ChannelId!, channel.ChannelName, channel.TeamId, channel.TeamName, conversation, deleted, time.GetUtcNow()),
            context.CancellationToken);
    }

    private async Task RecordRosterAsync(TurnContext context, string tenantId)
    {
        try
        {
            string? continuation = null;
            do
            {
                var page = await connector.GetPagedMembersAsync(context.Conversation, RosterPageSize, continuation, context.CancellationToken);
                foreach (var member in page.Members)
                {
                    if (member.Id is not { } id || id.StartsWith("28:", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    await directory.RecordAsync(
                        tenantId,
                        new DirectoryUser(id, member.AadObjectId, member.Name, member.UserPrincipalName, null, time.GetUtcNow()),
                        context.CancellationToken);
                }

                continuation = page.ContinuationToken;
            }
            while (!string.IsNullOrEmpty(continuation));
        }
        catch (Exception exception) when (exception is ConnectorException or NotSupportedException or HttpRequestException)
        {
            // The roster only widens who can be reached; the installation itself must not fail for it.
            Log.RosterFailed(logger, exception);
        }
    }
}

/// <summary>The channel fields of a Teams conversationUpdate or installationUpdate (channelData.channel, .team, .eventType).</summary>
internal sealed record ChannelEvent(string? EventType, string? ChannelId, string? ChannelName, string? TeamId, string? TeamName)
{
    public static ChannelEvent? Read(Activity activity)
    {
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        var eventType = String(data, "eventType");
        var channel = data.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var team = data.TryGetProperty("team", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        if (channel.ValueKind != JsonValueKind.Object && team.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new ChannelEvent(
            eventType,
            channel.ValueKind == JsonValueKind.Object ? String(channel, "id") : null,
            channel.ValueKind == JsonValueKind.Object ? String(channel, "name") : null,
            team.ValueKind == JsonValueKind.Object ? String(team, "id") : null,
            team.ValueKind == JsonValueKind.Object ? String(team, "name") : null);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

internal static class ChannelConversations
{
    /// <summary>The channel itself from a thread's conversation id ("19:...@thread.tacv2;messageid=123" → "19:...@thread.tacv2").</summary>
    public static string Root(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var index = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? conversationId : conversationId[..index];
    }
}
