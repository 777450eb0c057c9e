using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Storage.Repositories;

/// <summary>The wizard's draft as one "reportDraft" document in the conversation's partition (<c>conversation|{id}</c>).</summary>
internal sealed class DocumentStoreReportDraftRepository(IDocumentStore store) : IReportDraftRepository
{
    internal const string DraftType = "reportDraft";
    internal const string DraftId = "reportDraft|current";

    /// <summary>Conversations whose draft's last version is remembered (a few KB each): far more than delegates mid-report at once.</summary>
    internal const int RememberedDrafts = 1024;

    // Saved on every wizard step: the saved draft is the one passed in (it reads back equal, ReportDraftRepositoryTests),
    // not a second deserialisation of what was just serialised from it; and the next step's read of that same version
    // returns it again rather than deserialising it (drafts are immutable records).
    private readonly DocumentCollection<ReportWizardDraft> _drafts = new(store, DraftType, readsBackEqual: ReadsBackEqual, rememberVersions: RememberedDrafts);

    public async Task<Versioned<ReportWizardDraft>?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var document = await _drafts.GetAsync(PartitionKeys.Conversation(conversationId), DraftId, cancellationToken);
        return document is null ? null : new Versioned<ReportWizardDraft>(document.Value, document.ETag);
    }

    public async Task<Versioned<ReportWizardDraft>> SaveAsync(string conversationId, ReportWizardDraft draft, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var partition = PartitionKeys.Conversation(conversationId);
        try
        {
            var saved = etag is null
                ? await _drafts.CreateAsync(partition, DraftId, draft, cancellationToken: cancellationToken)
                : await _drafts.ReplaceAsync(partition, DraftId, draft, etag, cancellationToken: cancellationToken);
            return new Versioned<ReportWizardDraft>(saved.Value, saved.ETag);
        }
        catch (Exception exception) when (exception is DocumentPreconditionFailedException or DocumentConflictException or DocumentNotFoundException)
        {
            throw new ConcurrentUpdateException(draft.Draft.Id);
        }
    }

    public async Task<Versioned<ReportWizardDraft>> ReplaceAnyAsync(string conversationId, ReportWizardDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var saved = await _drafts.UpsertAsync(PartitionKeys.Conversation(conversationId), DraftId, draft, cancellationToken: cancellationToken);
        return new Versioned<ReportWizardDraft>(saved.Value, saved.ETag);
    }

    /// <summary>
    /// Every property round-trips exactly, except a string holding half of a surrogate pair (a value cut at the cap
    /// inside an emoji), which is stored as U+FFFD, and a null the serializer omits: such a draft is read back.
    /// </summary>
    internal static bool ReadsBackEqual(ReportWizardDraft draft)
    {
        if (draft.Draft?.Values is null || !IsWellFormed(draft.EntityId) || !IsWellFormed(draft.UserId) || !IsWellFormed(draft.SubmittedReportId)
            || !IsWellFormed(draft.StartActivityId) || !IsWellFormed(draft.Draft.Id) || !IsWellFormed(draft.Draft.CurrentStep))
        {
            return false;
        }

        foreach (var (key, value) in draft.Draft.Values)
        {
            if (!IsWellFormed(key) || value is null || !IsWellFormed(value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWellFormed(string? text)
    {
        var rest = text.AsSpan();
        int index;
        while ((index = rest.IndexOfAnyInRange('\uD800', '\uDFFF')) >= 0)
        {
            if (index + 1 >= rest.Length || !char.IsSurrogatePair(rest[index], rest[index + 1]))
            {
                return false;
            }

            rest = rest[(index + 2)..];
        }

        return true;
    }

    public Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken = default) =>
        _drafts.DeleteAsync(PartitionKeys.Conversation(conversationId), DraftId, cancellationToken: cancellationToken);
}
