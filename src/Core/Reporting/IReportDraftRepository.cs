namespace ParticipaBot.Core.Reporting;

/// <summary>
/// The report a delegate is filling in within one conversation (personal chat): the raw draft plus who started it and
/// where it stands. Stored after every step, so a closed client, a restart or another instance loses nothing.
/// </summary>
public sealed record ReportWizardDraft
{
    public required ReportDraft Draft { get; init; }

    /// <summary>The entity whose plan the report belongs to.</summary>
    public required string EntityId { get; init; }

    /// <summary>The Entra object id (or Teams id) of the delegate who started it.</summary>
    public string? UserId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Set when the delegate opened a step from the review card: saving it returns to the review.</summary>
    public bool ReturnToReview { get; init; }

    /// <summary>Set once the report was created; a repeated submit then shows the same confirmation.</summary>
    public string? SubmittedReportId { get; init; }

    /// <summary>
    /// A fingerprint of the activity (button press) that started the draft, fixed in size whatever the channel's id: its
    /// redelivery shows the draft instead of starting over.
    /// </summary>
    public string? StartActivityId { get; init; }
}

/// <summary>
/// Persistence port for the wizard's draft: one active draft per conversation, in the conversation's partition, with
/// an ETag so two instances (or a double click) cannot overwrite each other silently.
/// </summary>
public interface IReportDraftRepository
{
    /// <summary>The conversation's draft, or null.</summary>
    Task<Versioned<ReportWizardDraft>?> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the draft: creates it when <paramref name="etag"/> is null (replacing nothing: an existing draft is a
    /// conflict), replaces it only if unchanged since read otherwise. Throws <see cref="ConcurrentUpdateException"/>.
    /// </summary>
    Task<Versioned<ReportWizardDraft>> SaveAsync(string conversationId, ReportWizardDraft draft, string? etag, CancellationToken cancellationToken = default);

    /// <summary>Starts over: replaces whatever draft the conversation had (a new "reportar").</summary>
    Task<Versioned<ReportWizardDraft>> ReplaceAnyAsync(string conversationId, ReportWizardDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Removes the conversation's draft (cancel); false when there was none.</summary>
    Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken = default);
}

/// <summary>Report ids and the short number people read and quote ("R-2026-7KQ3M").</summary>
public static class ReportNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base 32: no I, L, O, U.

    /// <summary>A new report (and draft) id; the report created from the draft keeps it, so a repeated submit finds it.</summary>
    public static string NewId(int year, Guid? seed = null) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rep-{year}-{(seed ?? Guid.NewGuid()):N}");

    /// <summary>
    /// The human number of a report, derived from its id (no counter to keep consistent across instances):
    /// "R-{year}-" and five base-32 characters of the id's SHA-256.
    /// </summary>
    public static string For(string reportId, int year)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(reportId));
        var value = ((ulong)hash[0] << 32) | ((ulong)hash[1] << 24) | ((ulong)hash[2] << 16) | ((ulong)hash[3] << 8) | hash[4];
        var chars = new char[5];
        for (var i = 4; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"R-{year}-{new string(chars)}");
    }
}
