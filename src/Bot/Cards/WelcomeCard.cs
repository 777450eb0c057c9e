using System.Text.Json.Nodes;
using ParticipaBot.Bot.Conversations;

namespace ParticipaBot.Bot.Cards;

/// <summary>Sent once when a user installs the bot in personal chat: what ParticipaBot does and every command, with buttons.</summary>
internal static class WelcomeCard
{
    public static JsonObject Build(UserLanguage language, IReadOnlyList<CommandDescriptor> commands) =>
        new AdaptiveCardBuilder()
            .Add(CardElements.Heading(Texts.WelcomeTitle.For(language)))
            .Add(CardElements.TextBlock(Texts.WelcomeIntro.For(language)))
            .Add(CardElements.TextBlock(Texts.WelcomeCommandsHeading.For(language), bold: true, separator: true))
            .Add(CommandCards.CommandList(language, commands))
            .Add(CommandCards.CommandButtons(language, commands))
            .WithFallbackText(Texts.WelcomeIntro.For(language))
            .Build();
}

/// <summary>The answer to "ayuda" / "help": the commands, one line each, with buttons.</summary>
internal static class HelpCard
{
    public static JsonObject Build(UserLanguage language, IReadOnlyList<CommandDescriptor> commands) =>
        new AdaptiveCardBuilder()
            .Add(CardElements.Heading(Texts.HelpTitle.For(language)))
            .Add(CardElements.TextBlock(Texts.HelpIntro.For(language), subtle: true))
            .Add(CommandCards.CommandList(language, commands))
            .Add(CommandCards.CommandButtons(language, commands))
            .WithFallbackText(Texts.HelpTitle.For(language))
            .Build();
}

/// <summary>Posted when the bot is added to a team or group chat: what it can do there and how to bind notifications.</summary>
internal static class ChannelNoteCard
{
    public static JsonObject Build(UserLanguage language) =>
        new AdaptiveCardBuilder()
            .Add(CardElements.TextBlock(Texts.ChannelNoteTitle.For(language), bold: true))
            .Add(CardElements.TextBlock(Texts.ChannelNoteBody.For(language)))
            .WithFallbackText(Texts.ChannelNoteBody.For(language))
            .Build();
}

/// <summary>The answer to text the bot did not understand (or a button it no longer knows), with a help button.</summary>
internal static class NotUnderstoodCard
{
    public static JsonObject Build(UserLanguage language, LocalizedText? message = null) =>
        new AdaptiveCardBuilder()
            .Add(CardElements.TextBlock((message ?? Texts.NotUnderstood).For(language)))
            .AddAction(CardActions.Submit(Texts.HelpButton.For(language), BotCommands.Help.Id))
            .WithFallbackText((message ?? Texts.NotUnderstood).For(language))
            .Build();
}

/// <summary>Parts shared by the welcome and help cards.</summary>
internal static class CommandCards
{
    /// <summary>"reportar — Reportar un espacio..." as a fact set: the name to type, then what it does.</summary>
    public static JsonObject CommandList(UserLanguage language, IReadOnlyList<CommandDescriptor> commands) =>
        CardElements.FactSet(commands.Select(c => (c.NameFor(language), c.Help.For(language))));

    /// <summary>One Action.Submit per command with a button; its verb is the command id, so a click runs the command.</summary>
    public static JsonObject CommandButtons(UserLanguage language, IReadOnlyList<CommandDescriptor> commands) =>
        CardElements.ActionSet(commands.Where(c => c.ShowButton).Select(c => CardActions.Submit(c.Title.For(language), c.Id)));
}
