using System.Text.Json.Nodes;
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
    /// <summary>True when the message was delivered to the Bot Connector.</summary>
    public async Task<bool> NotifyAsync(string? tenantId, ParticipationReport report, string coordinatorName, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var key = report.SubmittedBy ?? report.Versions.LastOrDefault(v => v.Status == ReportStatus.Enviado)?.Who;
        if (tenantId is not { Length: > 0 } || key is null
            || await directory.FindAsync(tenantId, key, cancellationToken) is not { Conversation: { } personal } user)
        {
            Log.SubmitterUnreachable(logger, report.Id);
            return false;
        }

        var language = UserLanguages.FromLocale(user.Locale);
        JsonObject card = ReviewOutcomeCard.Build(language, report, coordinatorName, year);
        var conversation = new ConversationReference(personal.ServiceUrl, personal.ConversationId, tenantId, personal.BotId, personal.BotName, ConversationTypes.Personal, personal.ChannelId);
        var activity = TurnContext.CardMessage(card);
        activity.From = new ChannelAccount { Id = personal.BotId, Name = personal.BotName };
        activity.Recipient = new ChannelAccount { Id = user.UserId, Name = user.Name };
        activity.Conversation = new ConversationAccount { Id = personal.ConversationId, TenantId = tenantId };
        activity.Locale = language.ToLocale();
        try
        {
            await connector.SendToConversationAsync(conversation, activity, cancellationToken);
            return true;
        }
        catch (ConnectorException exception)
        {
            Log.NotifyFailed(logger, exception, report.Id);
            return false;
        }
    }
}
