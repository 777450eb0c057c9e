using ParticipaBot.Core.Access;

namespace ParticipaBot.Storage.Repositories;

/// <summary>
/// The user roster over the document store: one "user" document per user in the tenant's partition
/// (<see cref="PartitionKeys.Tenant"/>), id "user|{Teams user id}". Updates merge, so a message without a UPN does not
/// erase one learned earlier.
/// </summary>
internal sealed class DocumentStoreUserDirectory(IDocumentStore store) : IUserDirectory
{
    internal const string UserType = "user";

    private readonly DocumentCollection<DirectoryUser> _users = new(store, UserType);

    // What this instance last read or wrote per user: most turns then need no read at all.
    private readonly FreshnessCache<(string TenantId, string UserId), DirectoryUser> _known = new(RefreshInterval);

    public async Task RecordAsync(string tenantId, DirectoryUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.UserId);
        var partition = PartitionKeys.Tenant(tenantId);
        var id = DocumentId(user.UserId);

        // Every personal message records its sender: skip the write when nothing but a recent "last seen" would change.
        var key = (tenantId, user.UserId);
        if (_known.TryGet(key, out var known) && AddsNothing(known, user))
        {
            return;
        }

        var version = _known.Version;
        var stored = await _users.GetAsync(partition, id, cancellationToken);
        if (stored is not null && AddsNothing(stored.Value, user))
        {
            _known.Set(key, stored.Value, version);
            return;
        }

        var written = await _users.AddOrUpdateWithRetryAsync(partition, id, current => current is null ? user : Merge(current, user), cancellationToken: cancellationToken);
        _known.Set(key, written.Value, version);
    }

    private static bool AddsNothing(DirectoryUser stored, DirectoryUser user) =>
        Merge(stored, user) with { LastSeen = stored.LastSeen } == stored && user.LastSeen - stored.LastSeen < RefreshInterval;

    public async Task<DirectoryUser?> FindAsync(string tenantId, string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var direct = await _users.GetAsync(PartitionKeys.Tenant(tenantId), DocumentId(key.Trim()), cancellationToken);
        if (direct is not null)
        {
            return direct.Value;
        }

        // Ids first, names last: a display name may be shared.
        var all = await ListAsync(tenantId, cancellationToken);
        return all.FirstOrDefault(u => string.Equals(u.AadObjectId, key, StringComparison.OrdinalIgnoreCase) || string.Equals(u.Upn, key, StringComparison.OrdinalIgnoreCase))
            ?? all.FirstOrDefault(u => u.Matches(key));
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

    /// <summary>How stale "last seen" may get before an unchanged user is written again.</summary>
    internal static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(1);

    private static DirectoryUser Merge(DirectoryUser current, DirectoryUser user) => user with
    {
        AadObjectId = user.AadObjectId ?? current.AadObjectId,
        Name = user.Name ?? current.Name,
        Upn = user.Upn ?? current.Upn,
        Conversation = user.Conversation ?? current.Conversation,
        Locale = user.Locale ?? current.Locale,
    };

    private static string DocumentId(string userId) => "user|" + userId;
}
