using ParticipaBot.Bot.Conversations;

namespace ParticipaBot.Bot.Cards;

/// <summary>Sent once when a user installs the bot in personal chat: what ParticipaBot does and every command, with buttons.</summary>
internal static class WelcomeCard
{
    /// <param name="everyoneIsEverything">Development mode: every user acts as coordinator and delegate of any area; the card says so.</param>
    public static AdaptiveCard Build(UserLanguage language, IReadOnlyList<CommandDescriptor> commands, bool everyoneIsEverything = false)
    {
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.Heading(Texts.WelcomeTitle.For(language)))
            .Add(CardElements.TextBlock(Texts.WelcomeIntro.For(language)));
        if (everyoneIsEverything)
        {
            builder.Add(CardElements.TextBlock(Texts.WelcomeDevelopmentRoles.For(language), subtle: true));
        }

        return builder
            .Add(CardElements.TextBlock(Texts.WelcomeCommandsHeading.For(language), bold: true, separator: true))
            .Add(CommandCards.CommandList(language, commands))
            .Add(CommandCards.CommandButtons(language, commands))
            .WithFallbackText(Texts.WelcomeIntro.For(language))
            .Build();
    }
}
