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

        // The factory's two logging pipelines (host and web host) both see the line: the same summary either way.
        var summary = Assert.Single(logs.Entries.Where(e => e.EventId.Id == 9001).DistinctBy(e => e.Message));
        Assert.Equal(LogLevel.Information, summary.Level);
        Assert.Contains(", 3 turns,", summary.Message, StringComparison.Ordinal);
        Assert.Matches(@"\(([1-9]\d*) bytes per turn\)", summary.Message);
    }
}
