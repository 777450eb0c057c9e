using ParticipaBot.Core.Calendar;
using ParticipaBot.TestSupport.Fakes;

namespace ParticipaBot.Bot.Tests.Notifications;

/// <summary>A burst of channel cards goes through the connector's rate limiter: Teams' per-conversation budgets hold.</summary>
public sealed class RateLimitTests(NotificationEngineFixture fixture) : IClassFixture<NotificationEngineFixture>
{
    [Fact]
    public async Task RunOnce_TwentyCardsToOneChannel_NeverExceedTeamsBudgets()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var time = TimeProvider.System;
        using var host = new NotificationTestHost("host-a", NotificationTestHost.OpenStore("sqlite", "rate-" + run, null), time, fixture.Connector.ServiceUrl);
        var channel = $"19:burst-{run}@thread.tacv2";
        await host.BindAsync(channel);

        // Twenty spaces a week (minus a minute) ahead: their 7-day cards are all due at once.
        var start = BogotaTime.ToBogota(time.GetUtcNow().AddDays(7).AddMinutes(-1));
        var day = DateOnly.FromDateTime(start.DateTime);
        var spaces = Enumerable.Range(1, 20)
            .Select(i => NotificationTestHost.Space($"b{i}-{run}", $"Espacio {i}", day, TimeOnly.FromDateTime(start.DateTime)))
            .ToArray();
        await host.SavePlanAsync(NotificationTestHost.Plan(day.Year, spaces));

        var result = await host.TickAsync();

        Assert.Equal(20, result.Sent);
        var stamps = fixture.Connector.Requests
            .Where(r => r.Method == "POST" && r.Path.Contains("/" + channel + "/activities", StringComparison.Ordinal))
            .Select(r => r.ReceivedAt)
            .Order()
            .ToList();
        Assert.Equal(20, stamps.Count);
        Assert.True(MaxInWindow(stamps, TimeSpan.FromSeconds(1)) <= 7, $"1 s window: {MaxInWindow(stamps, TimeSpan.FromSeconds(1))}");
        Assert.True(MaxInWindow(stamps, TimeSpan.FromSeconds(2)) <= 8, $"2 s window: {MaxInWindow(stamps, TimeSpan.FromSeconds(2))}");
        Assert.True(MaxInWindow(stamps, TimeSpan.FromSeconds(30)) <= 60);

        // And the limiter is not a brake beyond Teams' budget: 20 sends at 8 per 2 s need about 4 s, not much more.
        Assert.True(stamps[^1] - stamps[0] < TimeSpan.FromSeconds(8), $"took {stamps[^1] - stamps[0]}");
    }

    /// <summary>The most requests received within any window of that length that starts at a request.</summary>
    private static int MaxInWindow(IReadOnlyList<DateTimeOffset> stamps, TimeSpan window) =>
        stamps.Select((first, i) => stamps.Skip(i).TakeWhile(s => s - first < window).Count()).Max();
}
