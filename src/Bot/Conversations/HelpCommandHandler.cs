using ParticipaBot.Bot.Cards;

namespace ParticipaBot.Bot.Conversations;

/// <summary>"ayuda" / "help" / "?" / "menú": the list of commands as a card with buttons.</summary>
internal sealed class HelpCommandHandler(IServiceProvider services) : ICommandHandler
{
    public CommandDescriptor Command => BotCommands.Help;

    public Task HandleAsync(TurnContext context)
    {
        // Resolved per call: the registry indexes this handler too.
        var registry = services.GetRequiredService<HandlerRegistry>();
        return context.RespondWithCardAsync(HelpCard.Build(context.Language, registry.Commands));
    }
}

/// <summary>Stands in for a command whose feature has not registered its handler yet.</summary>
internal sealed class PlannedCommandHandler(CommandDescriptor command) : ICommandHandler
{
    public CommandDescriptor Command { get; } = command;

    public Task HandleAsync(TurnContext context)
    {
        var text = Texts.NotAvailableYet.Format(context.Language, Command.Title.For(context.Language));
        if (context.IsInvoke)
        {
            context.InvokeResponse = InvokeResponse.Message(text);
            return Task.CompletedTask;
        }

        return context.ReplyAsync(TurnContext.MessageText(text));
    }
}
