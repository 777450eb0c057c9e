using System.Collections.Concurrent;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Notifications;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Access;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Review;

/// <summary>
/// Gives the turn's user their UPN when some role is configured by UPN (usuario@entidad.gov.co), since a Teams
/// activity carries only the Teams user id and the Entra object id. The UPN comes from the roster when the bot already
/// knows it (a team's member list), else from the Bot Connector's member call, and is then kept in the roster and in
/// memory: one lookup per user, not one per turn.
/// </summary>
internal sealed class UserPrincipalNames(
    IRoleResolver roles,
    IUserDirectory directory,
    IConnectorClient connector,
    TimeProvider time,
    ILogger<UserPrincipalNames> logger) : ITurnObserver
{
    /// <summary>Users remembered in memory (starts over when full, like the validated tokens).</summary>
    internal const int Capacity = 10_000;

    /// <summary>How long a UPN found is trusted: UPNs change rarely, and a changed one is found again the next day.</summary>
    internal static readonly TimeSpan FoundFor = TimeSpan.FromHours(12);

    /// <summary>How long "no UPN" is remembered: long enough not to ask Teams on every turn, short enough to recover from a failed call.</summary>
    internal static readonly TimeSpan MissingFor = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Known> _known = new(StringComparer.Ordinal);

    public async Task ObserveAsync(TurnContext context)
    {
        // Only a user's own message or card action asks for roles; installs and member events do not.
        if (context.Activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke)
            || context.User.Id is not { Length: > 0 } userId
            || !roles.NeedsUserPrincipalName)
        {
            return;
        }

        var upn = await FindAsync(context, userId);
        if (upn is not null)
        {
            context.User = context.User with { UserPrincipalName = upn };
        }
    }

    private async Task<string?> FindAsync(TurnContext context, string userId)
    {
        var tenantId = context.TenantId ?? string.Empty;
        var key = tenantId + "|" + userId;
        var now = time.GetUtcNow();
        if (_known.TryGetValue(key, out var known) && now < known.Until)
        {
            return known.Upn;
        }

        var upn = await FromRosterAsync(tenantId, userId, context.CancellationToken);
        var fromConnector = false;
        if (upn is null)
        {
            upn = await FromConnectorAsync(context, userId);
            fromConnector = upn is not null;
        }

        if (fromConnector && tenantId.Length > 0)
        {
            await RememberAsync(tenantId, new DirectoryUser(userId, context.User.AadObjectId, context.User.Name, upn, null, now), context.CancellationToken);
        }

        if (_known.Count >= Capacity)
        {
            _known.Clear();
        }

        _known[key] = new Known(upn, now + (upn is null ? MissingFor : FoundFor));
        return upn;
    }

    private async Task<string?> FromRosterAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        if (tenantId.Length == 0)
        {
            return null;
        }

        try
        {
            return (await directory.FindAsync(tenantId, userId, cancellationToken))?.Upn;
        }
        catch (DocumentStoreException exception)
        {
            Log.RosterFailed(logger, exception);
            return null;
        }
    }

    private async Task<string?> FromConnectorAsync(TurnContext context, string userId)
    {
        // In a channel the member call is made on the team, as Teams lists its members there.
        var conversation = context.Conversation;
        if (ChannelEvent.Read(context.Activity)?.TeamId is { Length: > 0 } teamId)
        {
            conversation = conversation with { ConversationId = teamId };
        }

        try
        {
            var member = await connector.GetMemberAsync(conversation, userId, context.CancellationToken);
            if (member.UserPrincipalName is null)
            {
                Log.UserPrincipalNameMissing(logger, null);
            }

            return member.UserPrincipalName;
        }
        catch (Exception exception) when (exception is ConnectorException or HttpRequestException && !context.CancellationToken.IsCancellationRequested)
        {
            // The turn goes on without the UPN: the user keeps the roles their ids give, and is told if that is none.
            Log.UserPrincipalNameMissing(logger, exception);
            return null;
        }
    }

    private async Task RememberAsync(string tenantId, DirectoryUser user, CancellationToken cancellationToken)
    {
        try
        {
            await directory.RecordAsync(tenantId, user, cancellationToken);
        }
        catch (DocumentStoreException exception)
        {
            Log.RosterFailed(logger, exception);
        }
    }

    private readonly record struct Known(string? Upn, DateTimeOffset Until);
}
