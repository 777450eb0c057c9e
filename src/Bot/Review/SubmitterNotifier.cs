using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Cards.Review;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Review;

/// <summary>
/// Tells the delegate who submitted a report that it was approved or returned, in their personal chat with the bot
/// (proactive message to the conversation stored in <see cref="IUserDirectory"/>), in the language they last used.
/// </summary>
internal sealed class SubmitterNotifier(IUserDirectory directory, IConnectorClient connector, ILogger<SubmitterNotifier> logger)
{
    /// <summary>
    /// True when the message was delivered to the Bot Connector. A user known to the roster without a personal chat (e.g.
    /// listed from a team) gets one created with <see cref="IConnectorClient.CreateConversationAsync"/>, on the service
    /// URL and as the bot of <paramref name="origin"/> (the coordinator's turn), and the roster remembers it.
    /// </summary>
    public async Task<bool> NotifyAsync(ConversationReference origin, ParticipationReport report, string coordinatorName, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(report);
        var tenantId = origin.TenantId;
        var key = report.SubmittedBy ?? report.Versions.LastOrDefault(v => v.Status == ReportStatus.Enviado)?.Who;
        if (tenantId is not { Length: > 0 } || key is null || await directory.FindAsync(tenantId, key, cancellationToken) is not { } user)
        {
            Log.SubmitterUnreachable(logger, report.Id);
            return false;
        }

        var language = UserLanguages.FromLocale(user.Locale);
        AdaptiveCard card = ReviewOutcomeCard.Build(language, report, coordinatorName, year);
        var activity = TurnContext.CardMessage(card);
        activity.Locale = language.ToLocale();
        try
        {
            var personal = user.Conversation ?? await CreatePersonalAsync(origin, user, cancellationToken);
            var conversation = new ConversationReference(personal.ServiceUrl, personal.ConversationId, tenantId, personal.BotId, personal.BotName, ConversationTypes.Personal, personal.ChannelId);
            activity.From = new ChannelAccount { Id = personal.BotId, Name = personal.BotName };
            activity.Recipient = new ChannelAccount { Id = user.UserId, Name = user.Name };
            activity.Conversation = new ConversationAccount { Id = personal.ConversationId, TenantId = tenantId };
            await connector.SendToConversationAsync(conversation, activity, cancellationToken);
            return true;
        }
        catch (ConnectorException exception)
        {
            Log.NotifyFailed(logger, exception, report.Id);
            return false;
        }
    }

    private async Task<PersonalConversation> CreatePersonalAsync(ConversationReference origin, DirectoryUser user, CancellationToken cancellationToken)
    {
        var created = await connector.CreateConversationAsync(
            origin.ServiceUrl,
            new ConversationParameters
            {
                IsGroup = false,
                Bot = new ChannelAccount { Id = origin.BotId, Name = origin.BotName },
                Members = [new ChannelAccount { Id = user.UserId, Name = user.Name }],
                TenantId = origin.TenantId,
            },
            cancellationToken);
        var personal = new PersonalConversation(created.ServiceUrl ?? origin.ServiceUrl, created.Id ?? throw new ConnectorException("The Bot Connector created a conversation without an id."), origin.BotId, origin.BotName, origin.ChannelId);
        await directory.RecordAsync(origin.TenantId!, user with { Conversation = personal }, cancellationToken);
        return personal;
    }
}
