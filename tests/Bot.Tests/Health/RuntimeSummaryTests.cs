using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParticipaBot.Bot.Tests.Wizard;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Health;

public sealed class RuntimeSummaryTests
{
    [Fact]
    public async Task Stop_AfterTurns_LogsTurnsAndAllocationPerTurn()
    {
        var logs = new ListLoggerProvider();
        var factory = WizardChat.NewFactory(configure: services => services.AddSingleton<ILoggerProvider>(logs));
        var chat = new WizardChat(factory);
        await chat.SayAsync("ayuda");
        await chat.SayAsync("ayuda");
        await chat.SayAsync("ayuda");

        factory.Dispose();

        var summary = Assert.Single(logs.Entries, e => e.EventId.Id == 9001);
        Assert.Equal(LogLevel.Information, summary.Level);
        Assert.Contains(", 3 turns,", summary.Message, StringComparison.Ordinal);
        Assert.Matches(@"\(([1-9]\d*) bytes per turn\)", summary.Message);
    }
}
