using System.Text.Json;
using System.Text.Json.Nodes;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Conversations;

/// <summary>The user who acted: the Teams id (29:...) is per bot; the Entra object id is stable across apps.</summary>
internal sealed record TurnUser(string? Id, string? AadObjectId, string? Name)
{
    /// <summary>
    /// The user's UPN, which activities do not carry: looked up before the turn is routed, and only when some role is
    /// configured by UPN (<see cref="Review.UserPrincipalNames"/>).
    /// </summary>
    public string? UserPrincipalName { get; init; }
}

/// <summary>Roles of the user who acted: one place that names every id a role entry may match.</summary>
internal static class TurnUserRoles
{
    public static UserRoles For(this IRoleResolver roles, TurnUser user)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(user);
        return roles.Resolve(user.AadObjectId, user.Id, user.UserPrincipalName);
    }
}

/// <summary>
/// Everything a handler needs for one turn: the activity, who sent it and where, their language, the text without the
/// bot's mention, and reply/send/update helpers over the Bot Connector. An invoke is answered through <see cref="InvokeResponse"/>.
/// </summary>
internal sealed class TurnContext
{
    private readonly IConnectorClient _connector;

    public TurnContext(Activity activity, IConnectorClient connector, IServiceProvider services, CancellationToken cancellationToken)
    {
        _connector = connector;
        Activity = activity;
        Services = services;
        CancellationToken = cancellationToken;
        Language = TurnText.Language(activity);
        Text = TurnText.Normalize(activity);
        CommandArguments = string.Empty;
        User = new TurnUser(activity.From?.Id, activity.From?.AadObjectId, activity.From?.Name);
        TenantId = activity.Conversation?.TenantId ?? ReadChannelDataTenant(activity);
        ConversationType = activity.Conversation?.ConversationType;
        Conversation = new ConversationReference(
            activity.ServiceUrl ?? string.Empty,
            activity.Conversation?.Id ?? string.Empty,
            TenantId,
            activity.Recipient?.Id,
            activity.Recipient?.Name,
            ConversationType,
            activity.ChannelId ?? Channels.MsTeams);
    }

    public Activity Activity { get; }

    public UserLanguage Language { get; }

    /// <summary>The message text with the bot's mention removed, entities decoded and spaces collapsed; empty for non-messages.</summary>
    public string Text { get; }

    /// <summary>For a command, what followed its name ("reportar 12" → "12"); empty otherwise.</summary>
    public string CommandArguments { get; internal set; }

    public TurnUser User { get; internal set; }

    public string? TenantId { get; }

    /// <summary>"personal", "groupChat" or "channel" (Teams), or null when the channel did not say.</summary>
    public string? ConversationType { get; }

    public bool IsPersonal => ConversationType is null or ConversationTypes.Personal;

    /// <summary>Where to send later (store it for proactive messages).</summary>
    public ConversationReference Conversation { get; }

    public bool IsInvoke => Activity.Type == ActivityTypes.Invoke;

    /// <summary>The answer to an invoke, written as the HTTP response; ignored for other activities.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>The turn's DI scope, for handlers that resolve per-turn services.</summary>
    public IServiceProvider Services { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Replies in the same conversation (a thread reply in channels); sends when the activity has no id.</summary>
    public Task<ResourceResponse> ReplyAsync(Activity reply)
    {
        var outgoing = Address(reply);
        if (Activity.Id is not { Length: > 0 } activityId)
        {
            return _connector.SendToConversationAsync(Conversation, outgoing, CancellationToken);
        }

        outgoing.ReplyToId ??= activityId;
        return _connector.ReplyToActivityAsync(Conversation, activityId, outgoing, CancellationToken);
    }

    public Task<ResourceResponse> ReplyAsync(LocalizedText text) => ReplyAsync(MessageText(text.For(Language)));

    public Task<ResourceResponse> ReplyCardAsync(AdaptiveCard card) => ReplyAsync(CardMessage(card));

    /// <summary>A new message in the conversation (in a channel, a new post rather than a thread reply).</summary>
    public Task<ResourceResponse> SendAsync(Activity activity) =>
        _connector.SendToConversationAsync(Conversation, Address(activity), CancellationToken);

    public Task<ResourceResponse> SendCardAsync(AdaptiveCard card) => SendAsync(CardMessage(card));

    /// <summary>Replaces a message the bot sent earlier (e.g. the card whose button was pressed: <see cref="Activity.ReplyToId"/>).</summary>
    public Task<ResourceResponse> UpdateAsync(string activityId, Activity activity)
    {
        var outgoing = Address(activity);
        outgoing.Id = activityId;
        return _connector.UpdateActivityAsync(Conversation, activityId, outgoing, CancellationToken);
    }

    /// <summary>
    /// Answers with a card on either path: the invoke response for Action.Execute, a reply otherwise.
    /// </summary>
    public async Task RespondWithCardAsync(AdaptiveCard card)
    {
        if (IsInvoke)
        {
            InvokeResponse = InvokeResponse.Card(card);
            return;
        }

        await ReplyCardAsync(card);
    }

    /// <summary>Answers with a short text on either path: a toast for Action.Execute, a reply otherwise.</summary>
    public async Task RespondWithTextAsync(LocalizedText text)
    {
        if (IsInvoke)
        {
            InvokeResponse = InvokeResponse.Message(text.For(Language));
            return;
        }

        await ReplyAsync(text);
    }

    public static Activity MessageText(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = "plain",
    };

    public static Activity CardMessage(AdaptiveCard card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments =
        [
            new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = card.ToJsonElement() },
        ],
    };

    // Outgoing fields per PROTOCOL.md §2.2: from/recipient swapped, the conversation id, no serviceUrl or timestamps.
    private Activity Address(Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.From ??= new ChannelAccount { Id = Activity.Recipient?.Id, Name = Activity.Recipient?.Name };
        activity.Recipient ??= Activity.From is null ? null : new ChannelAccount { Id = Activity.From.Id, Name = Activity.From.Name };
        activity.Conversation ??= new ConversationAccount { Id = Conversation.ConversationId, TenantId = TenantId };
        activity.Locale ??= Language.ToLocale();
        return activity;
    }

    private static string? ReadChannelDataTenant(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("tenant", out var tenant)
        && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
