using ParticipaBot.Core.Notifications;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Notifications;

/// <summary>The claim was taken over by another instance (our lease expired): stop without writing.</summary>
internal sealed class LeaseLostException(string key)
    : Exception($"La notificación '{key}' la tomó otra instancia. / Notification '{key}' was taken over by another instance.");

/// <summary>A notification cannot be delivered now (no recipient known, Teams refused); retried, then parked.</summary>
internal sealed class NotificationUndeliverableException(string message) : Exception(message);

/// <summary>
/// The claim an instance holds while sending: records each delivery as soon as Teams answers (renewing the lease), so a
/// take-over after a crash skips the recipients already served. Every write is conditional on the ETag last written.
/// </summary>
internal sealed class ClaimLease(DocumentCollection<NotificationClaim> claims, Document<NotificationClaim> document, TimeProvider time, ClaimSettings settings) : IDisposable
{
    private readonly SemaphoreSlim _writes = new(1, 1);
    private Document<NotificationClaim> _document = document;

    public NotificationClaim Claim => _document.Value;

    public bool IsTakeOver { get; init; }

    public bool Delivered(string target) => _document.Value.Deliveries.Any(d => string.Equals(d.Target, target, StringComparison.Ordinal));

    public NotificationDelivery? DeliveryTo(string target) =>
        _document.Value.Deliveries.FirstOrDefault(d => string.Equals(d.Target, target, StringComparison.Ordinal));

    public Task RecordAsync(NotificationDelivery delivery, CancellationToken cancellationToken) =>
        WriteAsync(claim => claim with
        {
            Deliveries = [.. claim.Deliveries.Where(d => d.Target != delivery.Target), delivery],
            LeaseUntil = time.GetUtcNow() + settings.Lease,
            UpdatedAt = time.GetUtcNow(),
        }, cancellationToken);

    public Task CompleteAsync(Func<NotificationClaim, NotificationClaim> final, CancellationToken cancellationToken) => WriteAsync(final, cancellationToken);

    /// <summary>
    /// Renews the lease every third of its length until <paramref name="stop"/> is cancelled. A send can outlast the
    /// lease (Teams slow to answer, waits after Retry-After, a busy conversation); without renewal another instance
    /// would take the claim over while this one is still sending, and the message would go out twice.
    /// </summary>
    public async Task KeepAliveAsync(CancellationToken stop)
    {
        var period = settings.Lease / 3;
        while (true)
        {
            try
            {
                await Task.Delay(period, time, stop);
            }
            catch (OperationCanceledException)
            {
                // The send is over (or the instance is stopping): the lease is left as it is.
                return;
            }

            try
            {
                // Never cancelled half-way: a renewal the store applied must also move this lease's ETag on.
                await WriteAsync(claim => claim with { LeaseUntil = time.GetUtcNow() + settings.Lease }, CancellationToken.None);
            }
            catch (LeaseLostException)
            {
                // Taken over after all; the sender's next write says so.
                return;
            }
            catch (DocumentStoreException)
            {
                // The store did not answer this time; the next renewal comes before the lease runs out.
            }
        }
    }

    private async Task WriteAsync(Func<NotificationClaim, NotificationClaim> next, CancellationToken cancellationToken)
    {
        // The sender and the renewal take turns, so the ETag of the last write is always the current one.
        await _writes.WaitAsync(cancellationToken);
        try
        {
            _document = await claims.ReplaceAsync(_document.PartitionKey, _document.Id, next(_document.Value), _document.ETag, cancellationToken: cancellationToken);
        }
        catch (DocumentStoreException exception) when (exception is DocumentPreconditionFailedException or DocumentNotFoundException)
        {
            throw new LeaseLostException(_document.Value.Key);
        }
        finally
        {
            _writes.Release();
        }
    }

    public void Dispose() => _writes.Dispose();
}
