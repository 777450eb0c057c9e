
namespace ParticipaBot.Bot.Cards;

/// <summary>Posted when the bot is added to a team or group chat: what it can do there and how to bind notifications.</summary>
internal static class ChannelNoteCard
{
    public static AdaptiveCard Build(UserLanguage language) =>
        new AdaptiveCardBuilder()
            .Add(CardElements.TextBlock(Texts.ChannelNoteTitle.For(language), bold: true))
            .Add(CardElements.TextBlock(Texts.ChannelNoteBody.For(language)))
            .WithFallbackText(Texts.ChannelNoteBody.For(language))
            .Build();
}
