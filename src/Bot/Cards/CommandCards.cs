using ParticipaBot.Bot.Conversations;

namespace ParticipaBot.Bot.Cards;

/// <summary>Parts shared by the welcome and help cards.</summary>
internal static class CommandCards
{
    /// <summary>"reportar — Reportar un espacio..." as a fact set: the name to type, then what it does.</summary>
    public static CardObject CommandList(UserLanguage language, IReadOnlyList<CommandDescriptor> commands) =>
        CardElements.FactSet(commands.Select(c => (c.NameFor(language), c.Help.For(language))));

    /// <summary>One Action.Submit per command with a button; its verb is the command id, so a click runs the command.</summary>
    public static CardObject CommandButtons(UserLanguage language, IReadOnlyList<CommandDescriptor> commands) =>
        CardElements.ActionSet(commands.Where(c => c.ShowButton).Select(c => CardActions.Submit(c.Title.For(language), c.Id)));
}
