using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Access;

/// <summary>Where the bot can write to a user privately: the user's one-to-one chat with the bot.</summary>
/// <param name="ServiceUrl">The Bot Connector address the chat lives behind.</param>
/// <param name="ConversationId">The personal conversation id ("a:...").</param>
/// <param name="BotId">The bot's id in that conversation ("28:...").</param>
/// <param name="BotName">The bot's name.</param>
/// <param name="ChannelId">"msteams" in Teams.</param>
public sealed record PersonalConversation(string ServiceUrl, string ConversationId, string? BotId, string? BotName, string ChannelId);

/// <summary>A user the bot has met, and how to reach them.</summary>
/// <param name="UserId">The Teams user id for this bot ("29:...").</param>
/// <param name="AadObjectId">The Entra object id, stable across apps (roles are configured with it or the UPN).</param>
/// <param name="Name">Display name.</param>
/// <param name="Upn">User principal name, when known.</param>
/// <param name="Conversation">The personal chat, once the user has written to the bot or installed it.</param>
/// <param name="LastSeen">When the bot last heard from the user.</param>
/// <param name="Locale">The locale of the user's last message ("es-CO", "en-US"), to write to them in their language.</param>
public sealed record DirectoryUser(string UserId, string? AadObjectId, string? Name, string? Upn, PersonalConversation? Conversation, DateTimeOffset LastSeen, string? Locale = null)
{
    /// <summary>Whether any of the user's identifiers equals <paramref name="key"/> (case-insensitive; names folded).</summary>
    public bool Matches(string? key) =>
        !string.IsNullOrWhiteSpace(key)
        && (string.Equals(UserId, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(AadObjectId, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Upn, key, StringComparison.OrdinalIgnoreCase)
            || (Name is not null && TextFolding.EqualsFolded(Name, key)));
}

/// <summary>
/// The roster of users per tenant, kept up to date from every personal message and installation, so that approvals,
/// returns and reminders can reach a delegate proactively.
/// </summary>
public interface IUserDirectory
{
    /// <summary>Adds or refreshes a user; a known conversation or UPN is kept when the new record has none.</summary>
    Task RecordAsync(string tenantId, DirectoryUser user, CancellationToken cancellationToken = default);

    /// <summary>The user whose Teams id, Entra object id, UPN or name is <paramref name="key"/>, or null.</summary>
    Task<DirectoryUser?> FindAsync(string tenantId, string key, CancellationToken cancellationToken = default);

    /// <summary>Every user of the tenant.</summary>
    Task<IReadOnlyList<DirectoryUser>> ListAsync(string tenantId, CancellationToken cancellationToken = default);
}
