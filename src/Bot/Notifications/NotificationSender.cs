using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Notifications;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Text;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Notifications;

/// <summary>
/// Delivers one claimed notification: a channel card, an in-place card update, a calendar event, or personal messages.
/// Recipients already recorded on the claim are skipped, so a take-over finishes the job without repeating it.
/// </summary>
internal sealed class NotificationSender(
    IConnectorClient connector,
    IUserDirectory directory,
    NotificationStore store,
    IServiceProvider services,
    IOptions<RoleOptions> roles,
    IOptions<BotOptions> bot,
    IOptions<NotificationOptions> options,
    IPlanRepository plans,
    TimeProvider time)
{
    private const string CalendarTarget = "calendar";

    // A card written from the tick's copy of the space may land after a card written from a newer one (another
    // instance's tick, or a send retried after its answer was lost): after writing, the sender looks at the store's
    // space again and rewrites the card while it is out of date. The last writer always checks after its write, so the
    // card ends on the newest version.
    private const int CardRefreshRounds = 3;

    public Task SendAsync(DueNotification notification, NotificationContext context, ClaimLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(context);
        var space = context.Space(notification.SpaceId)
            ?? throw new NotificationUndeliverableException($"El espacio '{notification.SpaceId}' ya no está en el plan. / The space is no longer in the plan.");
        return notification.Kind switch
        {
            NotificationKind.ChannelPreview => PreviewAsync(space, context, lease, cancellationToken),
            NotificationKind.ChannelUpdate => UpdateCardsAsync(space, context, lease, cancellationToken),
            NotificationKind.CalendarSync => CalendarAsync(space, context, lease, cancellationToken),
            NotificationKind.Escalation => PersonalAsync(Coordinators(), language => EscalationCard(language, context), lease, context, cancellationToken),
            NotificationKind.ReportDue => PersonalAsync(Delegates(space.LeaderArea), language => ReminderCard(language, NotificationTexts.ReportDueHeading, space), lease, context, cancellationToken),
            NotificationKind.ReportOverdue => PersonalAsync(Delegates(space.LeaderArea), language => ReminderCard(language, NotificationTexts.ReportOverdueHeading, space), lease, context, cancellationToken),
            NotificationKind.UnansweredProposals => PersonalAsync(
                Delegates(space.LeaderArea),
                language => ReminderCard(language, NotificationTexts.ProposalsHeading, space, context.Spaces.FirstOrDefault(s => s.SpaceId == space.Id)?.UnansweredItems ?? 0),
                lease, context, cancellationToken),
            _ => throw new NotificationUndeliverableException($"Tipo de notificación desconocido: {notification.Kind}. / Unknown notification kind."),
        };
    }

    private async Task PreviewAsync(ScheduledSpace space, NotificationContext context, ClaimLease lease, CancellationToken cancellationToken)
    {
        var binding = NotificationStore.ChannelFor(context.Bindings, space.LeaderArea)
            ?? throw new NotificationUndeliverableException("Ningún canal está vinculado. / No channel is bound.");
        var target = binding.Conversation.ConversationId;
        if (lease.Delivered(target))
        {
            return;
        }

        var card = NotificationCards.SpacePreview(binding.Language, space, NotificationSpaces.StartOf(space, options.Value.DefaultStartTime), Objective(space, context), updated: false);
        var sent = await connector.SendToConversationAsync(binding.Conversation, Message(binding.Conversation, card, binding.Language), cancellationToken);
        var delivery = new NotificationDelivery(target, target, sent.Id, binding.Conversation.ServiceUrl, binding.Conversation.TenantId);
        await lease.RecordAsync(delivery, cancellationToken);
        await RefreshWhileOutdatedAsync(space, context, [delivery], cancellationToken);
    }

    /// <summary>Every card already posted for the space is replaced with its current version (or the cancellation).</summary>
    private async Task UpdateCardsAsync(ScheduledSpace space, NotificationContext context, ClaimLease lease, CancellationToken cancellationToken)
    {
        var claims = await store.ListClaimsAsync(context.EntityId, context.Year, cancellationToken);
        var posted = claims
            .Where(c => c.Kind == NotificationKind.ChannelPreview && c.SpaceId == space.Id)
            .SelectMany(c => c.Deliveries)
            .Where(d => d.ActivityId is not null && d.ServiceUrl is not null)
            .ToList();
        foreach (var delivery in posted)
        {
            var target = delivery.ConversationId + "|" + delivery.ActivityId;
            if (lease.Delivered(target))
            {
                continue;
            }

            await UpdateCardAsync(space, context, delivery, cancellationToken);
            await lease.RecordAsync(new NotificationDelivery(target, delivery.ConversationId, delivery.ActivityId, delivery.ServiceUrl, delivery.TenantId), cancellationToken);
        }

        await RefreshWhileOutdatedAsync(space, context, posted, cancellationToken);
    }

    /// <summary>Rewrites the cards while the store's space is newer than what they were written from.</summary>
    private async Task RefreshWhileOutdatedAsync(ScheduledSpace written, NotificationContext context, IReadOnlyList<NotificationDelivery> cards, CancellationToken cancellationToken)
    {
        for (var round = 0; round < CardRefreshRounds; round++)
        {
            var current = (await plans.GetRevisionAsync(context.EntityId, context.Year, cancellationToken))?.Plan.Spaces.FirstOrDefault(s => s.Id == written.Id);
            if (current is null || (current.Version == written.Version && current.Status == written.Status))
            {
                return;
            }

            foreach (var card in cards)
            {
                await UpdateCardAsync(current, context, card, cancellationToken);
            }

            written = current;
        }
    }

    private async Task UpdateCardAsync(ScheduledSpace space, NotificationContext context, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var binding = context.Bindings.FirstOrDefault(b => b.Conversation.ConversationId == delivery.ConversationId);
        var language = binding?.Language ?? UserLanguage.Spanish;
        var conversation = binding?.Conversation
            ?? new ConversationReference(delivery.ServiceUrl!, delivery.ConversationId, delivery.TenantId, BotId(null), null, ConversationTypes.Channel);
        var card = NotificationCards.SpacePreview(language, space, NotificationSpaces.StartOf(space, options.Value.DefaultStartTime), Objective(space, context), updated: true);
        var activity = Message(conversation, card, language);
        activity.Id = delivery.ActivityId;
        await connector.UpdateActivityAsync(conversation, delivery.ActivityId!, activity, cancellationToken);
    }

    /// <summary>Creates, patches or cancels the space's event; a retry reuses the (space, version) transaction id.</summary>
    private async Task CalendarAsync(ScheduledSpace space, NotificationContext context, ClaimLease lease, CancellationToken cancellationToken)
    {
        var gateway = services.GetService<ICalendarGateway>();
        if (gateway is not { IsConfigured: true })
        {
            return;
        }

        var record = await store.GetCalendarAsync(context.EntityId, context.Year, space.Id, cancellationToken);
        var now = time.GetUtcNow();
        if (!NotificationSpaces.IsScheduled(space))
        {
            if (space.Status == SpaceStatus.Cancelado && record is { IsCancelled: false })
            {
                var eventId = record.IsPending ? (await RecoverAsync(gateway, record, cancellationToken)).EventId : record.EventId;
                await gateway.CancelAsync(eventId, space.RescheduleReason ?? options.Value.CancellationNote, cancellationToken);
                await store.SaveCalendarAsync(context.EntityId, context.Year, record with { EventId = eventId, IsCancelled = true, IsPending = false, UpdatedAt = now }, cancellationToken);
                await lease.RecordAsync(new NotificationDelivery(CalendarTarget, eventId, eventId), cancellationToken);
            }

            return;
        }

        var request = await RequestAsync(space, context, cancellationToken);
        var problems = request.Validate();
        if (problems.Count > 0)
        {
            throw new NotificationUndeliverableException(string.Join(" ", problems));
        }

        CalendarEventReference reference;
        if (record is null || record.IsCancelled)
        {
            // Written before the create: if its answer is lost and the space changes before a retry, the next sync
            // still knows which transaction id Graph may have used, and finds that event instead of making a second.
            await store.SaveCalendarAsync(
                context.EntityId,
                context.Year,
                new CalendarSyncRecord(space.Id, string.Empty, null, space.Version, request, false, now, IsPending: true),
                cancellationToken);
            reference = await gateway.CreateAsync(request, cancellationToken);
        }
        else if (record.IsPending)
        {
            var recovered = await RecoverAsync(gateway, record, cancellationToken);
            reference = await gateway.UpdateAsync(recovered.EventId, record.Request, request, cancellationToken);
            reference = reference with { ICalUId = reference.ICalUId ?? recovered.ICalUId };
        }
        else if (record.SyncedVersion < space.Version)
        {
            reference = await gateway.UpdateAsync(record.EventId, record.Request, request, cancellationToken);
        }
        else
        {
            return;
        }

        await store.SaveCalendarAsync(
            context.EntityId,
            context.Year,
            new CalendarSyncRecord(space.Id, reference.EventId, reference.ICalUId ?? record?.ICalUId, space.Version, request, false, now),
            cancellationToken);
        await lease.RecordAsync(new NotificationDelivery(CalendarTarget, reference.EventId, reference.EventId), cancellationToken);
    }

    /// <summary>
    /// Repeats a create whose answer never came, exactly as it was sent: the same transaction id makes Graph return the
    /// event it already made (or make it now), so the space never gets a second event.
    /// </summary>
    private static Task<CalendarEventReference> RecoverAsync(ICalendarGateway gateway, CalendarSyncRecord pending, CancellationToken cancellationToken) =>
        gateway.CreateAsync(pending.Request, cancellationToken);

    private async Task<CalendarEventRequest> RequestAsync(ScheduledSpace space, NotificationContext context, CancellationToken cancellationToken)
    {
        var start = NotificationSpaces.StartOf(space, options.Value.DefaultStartTime)
            ?? throw new NotificationUndeliverableException($"El espacio '{space.Name}' no tiene fecha. / The space has no date.");
        var emails = new List<string>(space.ResponsiblePeople.Where(IsEmail));
        foreach (var id in Delegates(space.LeaderArea))
        {
            if (IsEmail(id))
            {
                emails.Add(id);
            }
            else if (await FindAsync(id, context, cancellationToken) is { User.Upn: { } upn } && IsEmail(upn))
            {
                emails.Add(upn);
            }
        }

        var link = Uri.TryCreate(space.Link, UriKind.Absolute, out var uri) ? uri : null;
        return new CalendarEventRequest(
            space.Id,
            space.Version,
            space.Name,
            Objective(space, context),
            start,
            start + options.Value.DefaultDuration,
            string.IsNullOrWhiteSpace(space.Place) ? null : space.Place,
            link,
            [.. emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)],
            string.Equals(space.Modality, "virtual", StringComparison.OrdinalIgnoreCase));
    }

    private async Task PersonalAsync(IReadOnlyList<string> recipients, Func<UserLanguage, AdaptiveCard> card, ClaimLease lease, NotificationContext context, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            throw new NotificationUndeliverableException("No hay destinatarios configurados (Roles). / No recipients are configured (Roles).");
        }

        var missing = new List<string>();
        foreach (var id in recipients)
        {
            if (lease.Delivered(id))
            {
                continue;
            }

            if (await FindAsync(id, context, cancellationToken) is not { } found)
            {
                missing.Add(id);
                continue;
            }

            var conversation = await PersonalConversationAsync(found.User, found.TenantId, context, cancellationToken);
            var language = UserLanguages.FromLocale(found.User.Locale);
            var sent = await connector.SendToConversationAsync(conversation, Message(conversation, card(language), language), cancellationToken);
            await lease.RecordAsync(new NotificationDelivery(id, conversation.ConversationId, sent.Id, conversation.ServiceUrl, conversation.TenantId), cancellationToken);
        }

        if (missing.Count > 0)
        {
            throw new NotificationUndeliverableException(
                $"Sin chat personal con: {string.Join(", ", missing)} (deben escribirle al bot o estar en un equipo donde esté instalado). "
                + "/ No personal chat with these users yet.");
        }
    }

    /// <summary>
    /// The user's personal chat with the bot, created (and remembered) when the bot has not talked to them yet, on the
    /// service of a channel bound in their tenant.
    /// </summary>
    private async Task<ConversationReference> PersonalConversationAsync(DirectoryUser user, string tenantId, NotificationContext context, CancellationToken cancellationToken)
    {
        if (user.Conversation is { } personal)
        {
            return new ConversationReference(personal.ServiceUrl, personal.ConversationId, tenantId, personal.BotId, personal.BotName, ConversationTypes.Personal, personal.ChannelId);
        }

        var origin = context.Bindings.Select(b => b.Conversation).FirstOrDefault(c => string.Equals(c.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotificationUndeliverableException(
                $"Sin chat personal con {user.Name ?? user.UserId} ni un canal vinculado en su organización para abrirlo. / No personal chat and no bound channel to open one from.");
        var botId = BotId(origin.BotId);
        var created = await connector.CreateConversationAsync(
            origin.ServiceUrl,
            new ConversationParameters
            {
                IsGroup = false,
                Bot = new ChannelAccount { Id = botId },
                Members = [new ChannelAccount { Id = user.UserId }],
                TenantId = tenantId,
            },
            cancellationToken);
        var conversationId = created.Id
            ?? throw new NotificationUndeliverableException("Teams no devolvió la conversación creada. / Teams returned no conversation id.");
        var chat = new PersonalConversation(created.ServiceUrl ?? origin.ServiceUrl, conversationId, botId, origin.BotName, origin.ChannelId);
        await directory.RecordAsync(tenantId, user with { Conversation = chat }, cancellationToken);
        return new ConversationReference(chat.ServiceUrl, conversationId, tenantId, botId, chat.BotName, ConversationTypes.Personal, chat.ChannelId);
    }

    private async Task<(DirectoryUser User, string TenantId)?> FindAsync(string id, NotificationContext context, CancellationToken cancellationToken)
    {
        foreach (var tenant in Tenants(context))
        {
            if (await directory.FindAsync(tenant, id, cancellationToken) is { } user)
            {
                return (user, tenant);
            }
        }

        return null;
    }

    private IEnumerable<string> Tenants(NotificationContext context) =>
        new[] { options.Value.TenantId, bot.Value.TenantId }
            .Concat(context.Bindings.Select(b => b.Conversation.TenantId))
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t!)
            .Distinct(StringComparer.OrdinalIgnoreCase);

    private IReadOnlyList<string> Coordinators() => [.. roles.Value.Coordinators.Where(c => !string.IsNullOrWhiteSpace(c))];

    private IReadOnlyList<string> Delegates(string? area) => area is null
        ? []
        : [.. roles.Value.Delegates.Where(d => TextFolding.EqualsFolded(d.Key, area)).SelectMany(d => d.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.OrdinalIgnoreCase)];

    private string? BotId(string? known) => known ?? (bot.Value.AppId is { Length: > 0 } appId ? "28:" + appId : null);

    private AdaptiveCard ReminderCard(UserLanguage language, LocalizedText heading, ScheduledSpace space, params object[] arguments) =>
        NotificationCards.Reminder(language, heading, space, NotificationSpaces.StartOf(space, options.Value.DefaultStartTime), arguments);

    private AdaptiveCard EscalationCard(UserLanguage language, NotificationContext context)
    {
        var today = BogotaTime.ToBogota(context.Now);
        var threshold = DateOnly.FromDateTime(today.DateTime);
        var overdue = context.Spaces
            .Where(s => !s.IsReported && !s.IsCancelled
                && WorkingDayCalendar.Default.AddWorkingDays(DateOnly.FromDateTime(BogotaTime.ToBogota(s.Start).DateTime), options.Value.EscalationWorkingDays) <= threshold)
            .Select(s => (Space: context.Space(s.SpaceId)!, s.Start))
            .Where(p => p.Space is not null)
            .OrderBy(p => p.Start)
            .ToList();
        return NotificationCards.Escalation(language, overdue);
    }

    private static string? Objective(ScheduledSpace space, NotificationContext context) =>
        (space.ActivityId is { } activityId ? context.Plan.FindActivity(activityId)?.Description : null)
        ?? (space.Goals.Count > 0 ? string.Join("; ", space.Goals) : null);

    private static bool IsEmail(string value) => value.Contains('@', StringComparison.Ordinal) && !value.Contains(' ', StringComparison.Ordinal);

    private static Activity Message(ConversationReference conversation, AdaptiveCard card, UserLanguage language)
    {
        var activity = TurnContext.CardMessage(card);
        activity.From = conversation.BotId is null ? null : new ChannelAccount { Id = conversation.BotId, Name = conversation.BotName };
        activity.Conversation = new ConversationAccount { Id = conversation.ConversationId, TenantId = conversation.TenantId, ConversationType = conversation.ConversationType };
        activity.Locale = language.ToLocale();
        return activity;
    }
}
