using ParticipaBot.Bot.Conversations;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Cards;

/// <summary>The answer to text the bot did not understand (or a button it no longer knows), with a help button.</summary>
internal static class NotUnderstoodCard
{
    public static AdaptiveCard Build(UserLanguage language, LocalizedText? message = null) =>
        new AdaptiveCardBuilder()
            .Add(CardElements.TextBlock((message ?? Texts.NotUnderstood).For(language)))
            .AddAction(CardActions.Submit(Texts.HelpButton.For(language), BotCommands.Help.Id))
            .WithFallbackText((message ?? Texts.NotUnderstood).For(language))
            .Build();
}
