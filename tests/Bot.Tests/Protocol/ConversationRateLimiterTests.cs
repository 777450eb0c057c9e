using ParticipaBot.Bot.Protocol;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Protocol;

public sealed class ConversationRateLimiterTests
{
    private static readonly (int Limit, TimeSpan Window)[] SendWindows =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];

    [Fact]
    public void Reserve_BurstOfTwenty_FirstSevenImmediateThenSpaced()
    {
        var clock = new ManualTimeProvider();
        var limiter = new SlidingWindowRateLimiter(clock, SendWindows);

        var delays = Enumerable.Range(0, 20).Select(_ => limiter.Reserve("conv")).ToList();

        Assert.All(delays.Take(7), d => Assert.Equal(TimeSpan.Zero, d));
        Assert.Equal(TimeSpan.FromSeconds(1), delays[7]);
        Assert.True(delays[8] >= TimeSpan.FromSeconds(2));
        AssertWithinBudgets(delays.Select(d => clock.GetUtcNow() + d).ToList(), SendWindows);
    }

    [Fact]
    public void Reserve_SustainedLoadOverAnHour_HoldsEveryWindow()
    {
        var clock = new ManualTimeProvider();
        var limiter = new SlidingWindowRateLimiter(clock, SendWindows);
        var slots = new List<DateTimeOffset>();

        // Callers arrive every 100 ms for 70 minutes: far above budget, so every window gets saturated.
        for (var i = 0; i < 2000; i++)
        {
            slots.Add(clock.GetUtcNow() + limiter.Reserve("conv"));
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        AssertWithinBudgets(slots, SendWindows);
        Assert.True(slots[^1] - slots[0] >= TimeSpan.FromHours(1), "the 1800/h budget must push the 2000th send past one hour");
    }

    [Fact]
    public void Reserve_OtherConversation_NotDelayed()
    {
        var clock = new ManualTimeProvider();
        var limiter = new SlidingWindowRateLimiter(clock, SendWindows);
        for (var i = 0; i < 10; i++)
        {
            limiter.Reserve("busy");
        }

        Assert.Equal(TimeSpan.Zero, limiter.Reserve("quiet"));
    }

    [Fact]
    public void Reserve_ConcurrentCallers_NeverExceedBudget()
    {
        var clock = new ManualTimeProvider();
        var limiter = new SlidingWindowRateLimiter(clock, (50, TimeSpan.FromSeconds(1)));
        var slots = new System.Collections.Concurrent.ConcurrentBag<DateTimeOffset>();

        Parallel.For(0, 400, _ => slots.Add(clock.GetUtcNow() + limiter.Reserve("tenant")));

        AssertWithinBudgets([.. slots.Order()], [(50, TimeSpan.FromSeconds(1))]);
        Assert.Equal(TimeSpan.FromSeconds(7), slots.Max() - clock.GetUtcNow());
    }

    [Fact]
    public void Reserve_AfterWindowPasses_ImmediateAgain()
    {
        var clock = new ManualTimeProvider();
        var limiter = new SlidingWindowRateLimiter(clock, SendWindows);
        for (var i = 0; i < 7; i++)
        {
            limiter.Reserve("conv");
        }

        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.Zero, limiter.Reserve("conv"));
    }

    private static void AssertWithinBudgets(List<DateTimeOffset> slots, (int Limit, TimeSpan Window)[] windows)
    {
        foreach (var (limit, window) in windows)
        {
            for (var i = limit; i < slots.Count; i++)
            {
                // Any limit+1 consecutive events must span at least the window.
                Assert.True(slots[i] - slots[i - limit] >= window, $"{limit + 1} events within {window} at index {i}");
            }
        }
    }
}
