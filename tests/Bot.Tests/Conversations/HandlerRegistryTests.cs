using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Tests.Conversations;

public sealed class HandlerRegistryTests
{
    private static readonly LocalizedText Any = new("test", "x", "x");

    [Theory]
    [InlineData("ayuda", "help", "")]
    [InlineData("AYUDA", "help", "")]
    [InlineData("Menú", "help", "")]
    [InlineData("/help", "help", "")]
    [InlineData("mis   pendientes", "pending", "")]
    [InlineData("Mis Pendientes de marzo", "pending", "de marzo")]
    [InlineData("pendientes", "pending", "")]
    [InlineData("reportar 12", "report", "12")]
    [InlineData("Notificar Aquí", "notifyHere", "")]
    [InlineData("resumen", "status", "")]
    [InlineData("summary", "status", "")]
    public void TryMatchCommand_NameIgnoringCaseAndAccents_FindsCommand(string text, string expectedId, string expectedArguments)
    {
        var registry = DefaultRegistry();

        Assert.True(registry.TryMatchCommand(text, out var handler, out var arguments));
        Assert.Equal(expectedId, handler!.Command.Id);
        Assert.Equal(expectedArguments, arguments);
    }

    [Theory]
    [InlineData("ayudame")]
    [InlineData("quiero reportar")]
    [InlineData("")]
    public void TryMatchCommand_OtherText_NoMatch(string text)
    {
        Assert.False(DefaultRegistry().TryMatchCommand(text, out _, out _));
    }

    [Fact]
    public void Constructor_RealHandlerForPlannedCommand_ReplacesPlaceholder()
    {
        var real = new StubCommand(BotCommands.Report);
        var registry = new HandlerRegistry([.. Planned(), real], [], []);

        Assert.Same(real, registry.FindCommand("report"));
        Assert.True(registry.TryMatchCommand("reportar", out var handler, out _));
        Assert.Same(real, handler);
        Assert.Single(registry.Commands, c => c.Id == "report");
    }

    [Fact]
    public void Constructor_TwoHandlersWithSameName_Throws()
    {
        var first = new StubCommand(new CommandDescriptor("a", ["estado"], ["state"], Any, Any, 1));
        var second = new StubCommand(new CommandDescriptor("b", ["Estádo"], ["other"], Any, Any, 2));

        var exception = Assert.Throws<InvalidOperationException>(() => new HandlerRegistry([first, second], [], []));
        Assert.Contains("estado", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CardVerbEqualToCommandId_Throws()
    {
        var command = new StubCommand(BotCommands.Help);
        var action = new StubCardAction("help");

        Assert.Throws<InvalidOperationException>(() => new HandlerRegistry([command], [action], []));
    }

    [Fact]
    public void Commands_Always_InHelpOrder()
    {
        var ids = DefaultRegistry().Commands.Select(c => c.Id).ToList();

        Assert.Equal(["report", "continue", "pending", "status", "export", "notifyHere", "help"], ids);
    }

    private static HandlerRegistry DefaultRegistry() => new([.. Planned(), new StubCommand(BotCommands.Help)], [], []);

    private static IEnumerable<ICommandHandler> Planned() => BotCommands.Planned.Select(c => new PlannedCommandHandler(c));

    private sealed class StubCommand(CommandDescriptor command) : ICommandHandler
    {
        public CommandDescriptor Command => command;

        public Task HandleAsync(TurnContext context) => Task.CompletedTask;
    }

    private sealed class StubCardAction(params string[] verbs) : ICardActionHandler
    {
        public IReadOnlyCollection<string> Verbs => verbs;

        public Task HandleAsync(TurnContext context, CardAction action) => Task.CompletedTask;
    }
}
