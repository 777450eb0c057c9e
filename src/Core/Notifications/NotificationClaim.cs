namespace ParticipaBot.Core.Notifications;

/// <summary>Where a claimed notification is in its life.</summary>
public enum ClaimState
{
    /// <summary>An instance holds the lease and is sending it.</summary>
    Claimed,

    /// <summary>Delivered to every recipient; never sent again.</summary>
    Sent,

    /// <summary>The last attempt failed; retried at <see cref="NotificationClaim.NextAttemptAt"/>.</summary>
    Failed,

    /// <summary>Failed too often: kept for coordinators to see (<c>notificaciones fallidas</c>), not retried on its own.</summary>
    Parked,
}

/// <summary>One recipient of a notification that was delivered, so a take-over never sends to it twice.</summary>
/// <param name="Target">The recipient: a channel's conversation id or a user id.</param>
/// <param name="ConversationId">The conversation the message went to.</param>
/// <param name="ActivityId">The activity Teams created (or the calendar event id), to update it in place later.</param>
/// <param name="ServiceUrl">Where the conversation lives, to update the message later.</param>
public sealed record NotificationDelivery(string Target, string ConversationId, string? ActivityId, string? ServiceUrl = null, string? TenantId = null);

/// <summary>
/// The claim of one notification key: written with an ETag so exactly one instance sends it; the lease lets another
/// instance take it over when the owner died mid-send.
/// </summary>
/// <param name="Key">The notification's stable key (<see cref="DueNotification.Key"/>).</param>
/// <param name="Owner">The instance that holds (or last held) the lease.</param>
/// <param name="LeaseUntil">After this instant another instance may take the claim over.</param>
/// <param name="Attempts">Attempts started so far.</param>
/// <param name="NextAttemptAt">When a failed claim may be tried again.</param>
/// <param name="SpaceVersion">The space version the message showed (for in-place updates).</param>
/// <param name="Deliveries">Recipients already served, with the activity ids Teams returned.</param>
public sealed record NotificationClaim(
    string Key,
    NotificationKind Kind,
    string SpaceId,
    ClaimState State,
    string Owner,
    DateTimeOffset LeaseUntil,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    int SpaceVersion,
    IReadOnlyList<NotificationDelivery> Deliveries,
    DateTimeOffset UpdatedAt);

/// <summary>How long a lease lasts and how failures back off; from the Notifications configuration.</summary>
public sealed record ClaimSettings
{
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    public int MaxAttempts { get; init; } = 5;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromHours(1);
}

/// <summary>What an instance may do with a key, given the claim it read.</summary>
public enum ClaimDecision
{
    /// <summary>No claim yet: create it.</summary>
    Create,

    /// <summary>Take the existing claim over (lease expired, or a failure whose retry time came).</summary>
    TakeOver,

    /// <summary>Leave it: sent, parked, leased by someone else, or not yet time to retry.</summary>
    Skip,
}

/// <summary>The claim state machine, pure: claimed → sent | failed(attempts, next attempt) | parked.</summary>
public static class ClaimRules
{
    public static ClaimDecision Decide(NotificationClaim? claim, DateTimeOffset now) => claim switch
    {
        null => ClaimDecision.Create,
        { State: ClaimState.Sent or ClaimState.Parked } => ClaimDecision.Skip,
        { State: ClaimState.Claimed } when claim.LeaseUntil <= now => ClaimDecision.TakeOver,
        { State: ClaimState.Failed } when (claim.NextAttemptAt ?? now) <= now => ClaimDecision.TakeOver,
        _ => ClaimDecision.Skip,
    };

    /// <summary>A new claim, or the taken-over one, leased to <paramref name="owner"/> for one more attempt; deliveries are kept.</summary>
    public static NotificationClaim Claim(NotificationClaim? current, DueNotification notification, int spaceVersion, string owner, DateTimeOffset now, ClaimSettings settings)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(settings);
        return new NotificationClaim(
            notification.Key,
            notification.Kind,
            notification.SpaceId,
            ClaimState.Claimed,
            owner,
            now + settings.Lease,
            (current?.Attempts ?? 0) + 1,
            null,
            current?.LastError,
            spaceVersion,
            current?.Deliveries ?? [],
            now);
    }

    /// <summary>Every recipient served: the claim is done for good.</summary>
    public static NotificationClaim Sent(NotificationClaim claim, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim with { State = ClaimState.Sent, NextAttemptAt = null, LastError = null, UpdatedAt = now };
    }

    /// <summary>
    /// After a failed attempt: retried after base × 2^(attempts−1) (capped), or parked once the attempts are used up.
    /// </summary>
    public static NotificationClaim Failed(NotificationClaim claim, string error, DateTimeOffset now, ClaimSettings settings)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(settings);
        if (claim.Attempts >= settings.MaxAttempts)
        {
            return claim with { State = ClaimState.Parked, NextAttemptAt = null, LastError = error, UpdatedAt = now };
        }

        var delay = TimeSpan.FromTicks(Math.Min(
            settings.RetryMaxDelay.Ticks,
            settings.RetryBaseDelay.Ticks * (1L << Math.Min(claim.Attempts - 1, 30))));
        return claim with { State = ClaimState.Failed, NextAttemptAt = now + delay, LastError = error, UpdatedAt = now };
    }

    /// <summary>A parked claim a coordinator asked to retry: one more round of attempts.</summary>
    public static NotificationClaim Retry(NotificationClaim claim, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim with { State = ClaimState.Failed, Attempts = 0, NextAttemptAt = now, UpdatedAt = now };
    }
}
