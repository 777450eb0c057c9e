using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Notifications;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Notifications;

/// <summary>What one tick saw and did.</summary>
internal sealed record EngineRun(int Due, int Sent, int Failed, int Parked, int Skipped)
{
    public static EngineRun Empty { get; } = new(0, 0, 0, 0, 0);
}

/// <summary>What the senders need to know about the plan at this tick.</summary>
internal sealed record NotificationContext(
    string EntityId,
    int Year,
    Plan Plan,
    IReadOnlyList<NotificationSpace> Spaces,
    IReadOnlyList<ChannelBinding> Bindings,
    DateTimeOffset Now)
{
    public ScheduledSpace? Space(string spaceId) => Plan.Spaces.FirstOrDefault(s => string.Equals(s.Id, spaceId, StringComparison.Ordinal));
}

/// <summary>
/// One tick of the notifications engine: asks the policy what is due for the current plan, claims each key in the store
/// (ETag'd claim with a lease), sends it, and records the result. Safe to run on several instances sharing one store:
/// a key is sent by the instance whose claim write wins; an expired lease is taken over and finished.
/// </summary>
internal sealed class NotificationEngine(
    IPlanRepository plans,
    IReportRepository reports,
    NotificationStore store,
    NotificationSender sender,
    IServiceProvider services,
    IOptions<NotificationOptions> options,
    IOptions<EntityOptions> entity,
    TimeProvider time,
    ILogger<NotificationEngine> logger)
{
    private enum Outcome
    {
        Sent,
        Failed,
        Parked,
        Skipped,
    }

    public string InstanceId => options.Value.EffectiveInstanceId;

    public async Task<EngineRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var entityId = entity.Value.Id;
        var year = BogotaTime.ToBogota(now).Year;
        // The store's plan, not the few-seconds-old copy turns are served from: a card or an invitation sent from a
        // stale schedule would announce a place or time that was just changed.
        var plan = (await plans.GetRevisionAsync(entityId, year, cancellationToken))?.Plan;
        if (plan is null)
        {
            return EngineRun.Empty;
        }

        // Only the reports of scheduled spaces matter here; reading every report of the year each minute made the tick's
        // memory and time grow with the year (docs/benchmarks.md, soak).
        var reportList = await reports.ListSpaceReportsAsync(entityId, year, cancellationToken);
        var spaces = NotificationSpaces.From(plan, reportList, settings.DefaultStartTime);
        var policy = new NotificationPolicy(
            settings.Policy(),
            WorkingDayCalendar.Default.AddWorkingDays,
            day => CuatrimestreCalendar.Default.Of(day).End);
        var calendar = services.GetService<ICalendarGateway>();
        var bindings = await store.ListBindingsAsync(entityId, cancellationToken);
        var due = policy.Due(spaces, now)
            .Where(n => now - n.DueAt <= settings.MaxLateness)
            .Concat(NotificationPolicy.Syncs(spaces, now, calendar?.IsConfigured == true))
            .Where(n => n.Audience != NotificationAudience.Channel || NotificationStore.ChannelFor(bindings, n.Area) is not null)
            .ToList();

        var existing = (await store.ListClaimsAsync(entityId, year, cancellationToken)).ToDictionary(c => c.Key, StringComparer.Ordinal);
        var candidates = due.Where(n => ClaimRules.Decide(existing.GetValueOrDefault(n.Key), now) != ClaimDecision.Skip).ToList();
        if (candidates.Count == 0)
        {
            return new EngineRun(due.Count, 0, 0, 0, due.Count);
        }

        var context = new NotificationContext(entityId, year, plan, spaces, bindings, now);
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<Outcome>();
        await Parallel.ForEachAsync(
            candidates,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelSends, CancellationToken = cancellationToken },
            async (notification, token) => outcomes.Add(await ProcessAsync(notification, context, token)));

        return new EngineRun(
            due.Count,
            outcomes.Count(o => o == Outcome.Sent),
            outcomes.Count(o => o == Outcome.Failed),
            outcomes.Count(o => o == Outcome.Parked),
            due.Count - candidates.Count + outcomes.Count(o => o == Outcome.Skipped));
    }

    private async Task<Outcome> ProcessAsync(DueNotification notification, NotificationContext context, CancellationToken cancellationToken)
    {
        var claimSettings = options.Value.Claims();
        var partition = PartitionKeys.Notifications(context.EntityId, context.Year);
        var id = NotificationStore.ClaimId(notification.Key);
        var current = await store.Claims.GetAsync(partition, id, cancellationToken);
        var now = time.GetUtcNow();
        if (ClaimRules.Decide(current?.Value, now) == ClaimDecision.Skip)
        {
            return Outcome.Skipped;
        }

        var version = context.Space(notification.SpaceId)?.Version ?? 1;
        var claim = ClaimRules.Claim(current?.Value, notification, version, InstanceId, now, claimSettings);
        Document<NotificationClaim> document;
        try
        {
            document = current is null
                ? await store.Claims.CreateAsync(partition, id, claim, cancellationToken: cancellationToken)
                : await store.Claims.ReplaceAsync(partition, id, claim, current.ETag, cancellationToken: cancellationToken);
        }
        catch (DocumentStoreException exception) when (exception is DocumentConflictException or DocumentPreconditionFailedException or DocumentNotFoundException)
        {
            // Another instance claimed it between our read and our write: it is theirs.
            return Outcome.Skipped;
        }

        var takeOver = current?.Value.State == ClaimState.Claimed;
        if (takeOver)
        {
            Log.TakenOver(logger, notification.Key, current!.Value.Owner);
        }

        using var lease = new ClaimLease(store.Claims, document, time, claimSettings) { IsTakeOver = takeOver };
        try
        {
            using (var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var keepAlive = lease.KeepAliveAsync(sending.Token);
                try
                {
                    await sender.SendAsync(notification, context, lease, cancellationToken);
                }
                finally
                {
                    await sending.CancelAsync();
                    await keepAlive;
                }
            }

            await lease.CompleteAsync(c => ClaimRules.Sent(c, time.GetUtcNow()), cancellationToken);
            Log.Sent(logger, notification.Key, lease.Claim.Attempts);
            return Outcome.Sent;
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(logger, notification.Key);
            return Outcome.Skipped;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = exception is NotificationUndeliverableException or CalendarGatewayException or Protocol.ConnectorException
                ? exception.Message
                : exception.GetType().Name;
            try
            {
                await lease.CompleteAsync(c => ClaimRules.Failed(c, error, time.GetUtcNow(), claimSettings), cancellationToken);
            }
            catch (LeaseLostException)
            {
                return Outcome.Skipped;
            }

            var parked = lease.Claim.State == ClaimState.Parked;
            if (parked)
            {
                Log.Parked(logger, notification.Key, lease.Claim.Attempts, error);
            }
            else
            {
                Log.Failed(logger, notification.Key, lease.Claim.Attempts, lease.Claim.NextAttemptAt);
            }

            return parked ? Outcome.Parked : Outcome.Failed;
        }
    }
}
