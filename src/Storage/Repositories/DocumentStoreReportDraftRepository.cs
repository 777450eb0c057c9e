using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Storage.Repositories;

/// <summary>The wizard's draft as one "reportDraft" document in the conversation's partition (<c>conversation|{id}</c>).</summary>
internal sealed class DocumentStoreReportDraftRepository(IDocumentStore store) : IReportDraftRepository
{
    internal const string DraftType = "reportDraft";
    internal const string DraftId = "reportDraft|current";

    private readonly DocumentCollection<ReportWizardDraft> _drafts = new(store, DraftType);

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

    public Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken = default) =>
        _drafts.DeleteAsync(PartitionKeys.Conversation(conversationId), DraftId, cancellationToken: cancellationToken);
}
