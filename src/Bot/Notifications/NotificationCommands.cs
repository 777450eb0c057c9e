using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Notifications;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Vocabularies;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Notifications;

/// <summary>The commands of notifications; "notificar aquí" replaces the placeholder of <see cref="BotCommands.NotifyHere"/>.</summary>
internal static class NotificationCommands
{
    public static readonly CommandDescriptor StopNotifying = new(
        "stopNotifying", ["dejar de notificar"], ["stop notifying"], NotificationTexts.StopNotifyingTitle, NotificationTexts.StopNotifyingHelp, 61, ShowButton: false);

    public static readonly CommandDescriptor FailedNotifications = new(
        "failedNotifications", ["notificaciones fallidas"], ["failed notifications"], NotificationTexts.FailedTitle, NotificationTexts.FailedHelp, 62, ShowButton: false);

    /// <summary>Only coordinators manage notifications; the answer is sent when the user is not one.</summary>
    public static async Task<bool> IsCoordinatorAsync(TurnContext context)
    {
        var roles = context.Services.GetRequiredService<IRoleResolver>().For(context.User);
        if (roles.IsCoordinator)
        {
            return true;
        }

        await context.RespondWithTextAsync(NotificationTexts.OnlyCoordinators);
        return false;
    }

    public static async Task<bool> IsChannelAsync(TurnContext context)
    {
        if (context.ConversationType == ConversationTypes.Channel)
        {
            return true;
        }

        await context.RespondWithTextAsync(NotificationTexts.OnlyInChannel);
        return false;
    }
}

/// <summary>"notificar aquí [área]": binds this channel to the plan, or to one area, for space cards.</summary>
internal sealed class NotifyHereCommandHandler(
    NotificationStore store,
    IPlanRepository plans,
    EntityCatalog catalog,
    IOptions<EntityOptions> entity,
    IOptions<RoleOptions> roles,
    TimeProvider time,
    ILogger<NotifyHereCommandHandler> logger) : ICommandHandler
{
    public CommandDescriptor Command => BotCommands.NotifyHere;

    public async Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await NotificationCommands.IsChannelAsync(context) || !await NotificationCommands.IsCoordinatorAsync(context))
        {
            return;
        }

        string? area = null;
        var typed = context.CommandArguments.Trim();
        if (typed.Length > 0)
        {
            var known = await KnownAreasAsync(context.CancellationToken);
            area = EntityCatalog.Match(known, typed);
            if (area is null)
            {
                await context.ReplyAsync(TurnContext.MessageText(NotificationTexts.UnknownArea.Format(context.Language, typed, string.Join(", ", known))));
                return;
            }
        }

        var conversation = context.Conversation with
        {
            ConversationId = ChannelConversations.Root(context.Conversation.ConversationId),
            ConversationType = ConversationTypes.Channel,
        };
        var channelName = ChannelEvent.Read(context.Activity)?.ChannelName;
        await store.BindAsync(
            entity.Value.Id,
            new ChannelBinding(area, conversation, channelName, context.Language, context.User.AadObjectId ?? context.User.Id ?? "?", time.GetUtcNow()),
            context.CancellationToken);
        Log.Bound(logger, conversation.ConversationId, area);
        await context.ReplyAsync(area is null
            ? TurnContext.MessageText(NotificationTexts.BoundPlan.For(context.Language))
            : TurnContext.MessageText(NotificationTexts.BoundArea.Format(context.Language, area)));
    }

    private async Task<IReadOnlyList<string>> KnownAreasAsync(CancellationToken cancellationToken)
    {
        var areas = new List<string>(catalog.Areas);
        areas.AddRange(roles.Value.Delegates.Keys);
        var plan = await plans.GetAsync(entity.Value.Id, BogotaTime.Today(time).Year, cancellationToken);
        if (plan is not null)
        {
            areas.AddRange(plan.Spaces.Select(s => s.LeaderArea).OfType<string>());
            areas.AddRange(plan.Activities.SelectMany(a => a.Areas));
        }

        return [.. areas.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
    }
}

/// <summary>"dejar de notificar": removes every binding of this channel.</summary>
internal sealed class StopNotifyingCommandHandler(NotificationStore store, IOptions<EntityOptions> entity) : ICommandHandler
{
    public CommandDescriptor Command => NotificationCommands.StopNotifying;

    public async Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await NotificationCommands.IsChannelAsync(context) || !await NotificationCommands.IsCoordinatorAsync(context))
        {
            return;
        }

        var removed = await store.UnbindChannelAsync(entity.Value.Id, ChannelConversations.Root(context.Conversation.ConversationId), context.CancellationToken);
        if (removed.Count == 0)
        {
            await context.ReplyAsync(NotificationTexts.NothingBound);
            return;
        }

        var names = string.Join(", ", removed.Select(a => a ?? NotificationTexts.WholePlan.For(context.Language)));
        await context.ReplyAsync(TurnContext.MessageText(NotificationTexts.Unbound.Format(context.Language, names)));
    }
}

/// <summary>"notificaciones fallidas": the parked and failing notifications of this year, with a button to retry them.</summary>
internal sealed class FailedNotificationsCommandHandler(NotificationStore store, IOptions<EntityOptions> entity, TimeProvider time)
    : ICommandHandler, ICardActionHandler
{
    public CommandDescriptor Command => NotificationCommands.FailedNotifications;

    public IReadOnlyCollection<string> Verbs { get; } = [NotificationCards.RetryFailedVerb];

    public async Task HandleAsync(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await NotificationCommands.IsCoordinatorAsync(context))
        {
            return;
        }

        var claims = await store.ListClaimsAsync(entity.Value.Id, BogotaTime.Today(time).Year, context.CancellationToken);
        var failed = claims.Where(c => c.State is ClaimState.Parked or ClaimState.Failed).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        await context.RespondWithCardAsync(NotificationCards.Failed(context.Language, failed));
    }

    /// <summary>"Retry all": every parked notification gets a new round of attempts at the next tick.</summary>
    public async Task HandleAsync(TurnContext context, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await NotificationCommands.IsCoordinatorAsync(context))
        {
            return;
        }

        var year = BogotaTime.Today(time).Year;
        var partition = PartitionKeys.Notifications(entity.Value.Id, year);
        var count = 0;
        foreach (var claim in (await store.ListClaimsAsync(entity.Value.Id, year, context.CancellationToken)).Where(c => c.State == ClaimState.Parked))
        {
            await store.Claims.UpdateWithRetryAsync(
                partition,
                NotificationStore.ClaimId(claim.Key),
                current => current.State == ClaimState.Parked ? ClaimRules.Retry(current, time.GetUtcNow()) : current,
                cancellationToken: context.CancellationToken);
            count++;
        }

        await context.RespondWithTextAsync(NotificationTexts.FailedRetried.Filled(count));
    }
}
