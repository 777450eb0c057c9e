using ParticipaBot.Core.Directory;

namespace ParticipaBot.Storage.Repositories;

/// <summary>
/// The user directory over the document store: one "user" document per Teams user in the tenant's partition
/// (<c>tenant|{tenantId}</c>), id <c>user|{teamsUserId}</c>. Lookups read the partition, which holds one tenant's
/// roster: hundreds of small documents at most.
/// </summary>
internal sealed class DocumentStoreUserDirectory(IDocumentStore store) : IUserDirectory
{
    internal const string DocumentType = "user";

    private readonly DocumentCollection<DirectoryUser> _users = new(store, DocumentType);

    public async Task RecordAsync(DirectoryUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await _users.AddOrUpdateWithRetryAsync(
            PartitionKeys.Tenant(user.TenantId),
            DocumentIds.Safe("user|" + user.TeamsUserId),
            known => known is null ? user : user with
            {
                AadObjectId = user.AadObjectId ?? known.AadObjectId,
                Upn = user.Upn ?? known.Upn,
                Email = user.Email ?? known.Email,
                Name = user.Name ?? known.Name,
                BotId = user.BotId ?? known.BotId,
                PersonalConversationId = user.PersonalConversationId ?? known.PersonalConversationId,
            },
            cancellationToken: cancellationToken);
    }

    public async Task<DirectoryUser?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default)
    {
        await foreach (var document in _users.QueryAsync(PartitionKeys.Tenant(tenantId), cancellationToken))
        {
            if (document.Value.Matches(id))
            {
                return document.Value;
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<DirectoryUser>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var users = new List<DirectoryUser>();
        await foreach (var document in _users.QueryAsync(PartitionKeys.Tenant(tenantId), cancellationToken))
        {
            users.Add(document.Value);
        }

        return users;
    }
}

/// <summary>Document ids from outside text (Teams ids, space ids, notification keys).</summary>
public static class DocumentIds
{
    /// <summary>The text with the characters Cosmos DB refuses in ids ('/', '\', '?', '#') replaced by '_'.</summary>
    public static string Safe(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is '/' or '\\' or '?' or '#' ? '_' : source[i];
            }
        });
    }
}
