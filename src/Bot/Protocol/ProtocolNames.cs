namespace ParticipaBot.Bot.Protocol;

/// <summary>Activity types (PROTOCOL.md §3). Unknown types are ignored, not refused.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string EndOfConversation = "endOfConversation";
    public const string InvokeResponse = "invokeResponse";
}

/// <summary>Teams conversation types.</summary>
public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}

/// <summary>Invoke activity names the bot answers.</summary>
public static class InvokeNames
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string FileConsent = "fileConsent/invoke";
}

/// <summary>installationUpdate actions.</summary>
public static class InstallationActions
{
    public const string Add = "add";
    public const string Remove = "remove";
    public const string AddUpgrade = "add-upgrade";
    public const string RemoveUpgrade = "remove-upgrade";
}

/// <summary>Content types of attachments and invoke responses.</summary>
public static class ContentTypes
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string InvokeMessage = "application/vnd.microsoft.activity.message";
    public const string InvokeError = "application/vnd.microsoft.error";
    public const string FileConsentCard = "application/vnd.microsoft.teams.card.file.consent";
    public const string FileInfoCard = "application/vnd.microsoft.teams.card.file.info";
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";
}

/// <summary>The channel ids the bot accepts.</summary>
public static class Channels
{
    public const string MsTeams = "msteams";
}
