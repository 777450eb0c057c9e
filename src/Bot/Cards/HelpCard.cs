using ParticipaBot.Bot.Conversations;

namespace ParticipaBot.Bot.Cards;

/// <summary>The answer to "ayuda" / "help": the commands, one line each, with buttons.</summary>
internal static class HelpCard
{
    public static AdaptiveCard Build(UserLanguage language, IReadOnlyList<CommandDescriptor> commands) =>
        new AdaptiveCardBuilder()
            .Add(CardElements.Heading(Texts.HelpTitle.For(language)))
            .Add(CardElements.TextBlock(Texts.HelpIntro.For(language), subtle: true))
            .Add(CommandCards.CommandList(language, commands))
            .Add(CommandCards.CommandButtons(language, commands))
            .WithFallbackText(Texts.HelpTitle.For(language))
            .Build();
}
