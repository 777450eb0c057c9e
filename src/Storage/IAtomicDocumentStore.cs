namespace ParticipaBot.Storage;

/// <summary>
/// The side of an adapter that creates several documents of one partition in one transaction (SQLite: one savepoint of
/// its group commit), so a write that is two documents waits for one commit. The Cosmos DB adapter does not offer it:
/// the SDK sends transactional batches in a binary format the local Cosmos-protocol server does not read, and what
/// cannot be tested here is not claimed; callers keep their one-document-at-a-time path for stores without it.
/// </summary>
internal interface IAtomicDocumentStore
{
    /// <summary>
    /// Creates every document or none, all in one partition: when one exists already, nothing is written and
    /// <see cref="DocumentConflictException"/> names it. Same checks and limits as <see cref="IDocumentStore.CreateAsync"/>.
    /// The bodies come in their stored form (<see cref="DocumentCollection{T}.ToStoredWrite"/>), so a report is
    /// serialised once on its way to the store.
    /// </summary>
    Task<IReadOnlyList<Utf8Document>> CreateAllAsync(IReadOnlyList<Utf8DocumentWrite> documents, CancellationToken cancellationToken);
}
