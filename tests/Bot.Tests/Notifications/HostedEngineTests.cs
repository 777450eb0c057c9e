using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Notifications;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Planning;

namespace ParticipaBot.Bot.Tests.Notifications;

/// <summary>The host as BotHost builds it: the hosted engine ticks on its own when enabled.</summary>
public sealed class HostedEngineTests
{
    [Fact]
    public async Task Host_NotificationsEnabled_PostsTheDueChannelCardOnItsOwn()
    {
        using var factory = new BotFactory();
        using var host = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Notifications:Enabled", "true")
            .UseSetting("Notifications:TickInterval", "00:00:01"));
        using var client = host.CreateClient();
        var plans = host.Services.GetRequiredService<IPlanRepository>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await plans.ListAsync("mintrabajo")).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // Replace the sample plan with one space tomorrow (minus a minute), so its 1-day card is due now.
        var start = BogotaTime.ToBogota(DateTimeOffset.UtcNow.AddDays(1).AddMinutes(-1));
        var day = DateOnly.FromDateTime(start.DateTime);
        var space = NotificationTestHost.Space("hosted-1", "Diálogo ciudadano", day, TimeOnly.FromDateTime(start.DateTime));
        var plan = NotificationTestHost.Plan(day.Year, space);
        await plans.SaveAsync(plan with { Id = PlanIds.Plan("mintrabajo", day.Year), EntityId = "mintrabajo" });
        var channel = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        await host.Services.GetRequiredService<NotificationStore>().BindAsync(
            "mintrabajo",
            new ChannelBinding(null, new ConversationReference("https://smba.trafficmanager.net/amer/", channel, "t1", "28:bot", "ParticipaBot", ConversationTypes.Channel),
                "General", UserLanguage.Spanish, "test", DateTimeOffset.UtcNow),
            CancellationToken.None);

        var sent = Assert.Single(await factory.Connector.WaitForAsync(channel));
        Assert.Equal("send", sent.Operation);
        Assert.Contains("Diálogo ciudadano", sent.AllText, StringComparison.Ordinal);
        Assert.Contains("Próximo espacio de participación", sent.AllText, StringComparison.Ordinal);

        // Later ticks find the key claimed and send nothing more.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Single(factory.Connector.SentTo(channel));
    }
}
