namespace ParticipaBot.Core.Directory;

/// <summary>
/// A person the bot can write to in personal chat: learned when they talk to the bot, install it, or appear in the
/// roster of a team the bot is in.
/// </summary>
/// <param name="TeamsUserId">The per-bot Teams id ("29:...").</param>
/// <param name="AadObjectId">The Entra object id, stable across apps; what roles may name.</param>
/// <param name="Upn">The user principal name, when Teams gave it (rosters do); roles may name it too.</param>
/// <param name="Email">The mail address, when known (calendar invitations).</param>
/// <param name="ServiceUrl">Where the user's conversations live.</param>
/// <param name="BotId">The bot's id in that tenant ("28:..."), needed to open a personal chat.</param>
/// <param name="PersonalConversationId">The personal chat with the bot, once known or created.</param>
public sealed record DirectoryUser(
    string TeamsUserId,
    string? AadObjectId,
    string? Upn,
    string? Email,
    string? Name,
    string TenantId,
    string ServiceUrl,
    string? BotId,
    string? PersonalConversationId,
    DateTimeOffset LastSeen)
{
    /// <summary>Whether any of the ids (AAD object id, UPN, e-mail, Teams id) names this user; case-insensitive.</summary>
    public bool Matches(string id) =>
        !string.IsNullOrWhiteSpace(id)
        && new[] { TeamsUserId, AadObjectId, Upn, Email }.Any(v => string.Equals(v, id.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The roster of people the bot may message proactively, per tenant. Recording merges with what is known
/// (a roster entry does not forget a personal conversation id learned earlier).
/// </summary>
public interface IUserDirectory
{
    Task RecordAsync(DirectoryUser user, CancellationToken cancellationToken = default);

    /// <summary>The user any of whose ids equals <paramref name="id"/> (AAD object id, UPN, e-mail or Teams id), or null.</summary>
    Task<DirectoryUser?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default);

    /// <summary>Everyone known in the tenant.</summary>
    Task<IReadOnlyList<DirectoryUser>> ListAsync(string tenantId, CancellationToken cancellationToken = default);
}
