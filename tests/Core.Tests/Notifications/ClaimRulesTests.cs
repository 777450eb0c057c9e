using ParticipaBot.Core.Notifications;

namespace ParticipaBot.Core.Tests.Notifications;

public sealed class ClaimRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly ClaimSettings Settings = new() { Lease = TimeSpan.FromMinutes(2), MaxAttempts = 3, RetryBaseDelay = TimeSpan.FromMinutes(1), RetryMaxDelay = TimeSpan.FromMinutes(3) };
    private static readonly DueNotification Reminder = new("ReportDue|S1|20260302", NotificationKind.ReportDue, NotificationAudience.AreaDelegates, "S1", "Planeación", Now, null);

    [Fact]
    public void Decide_NoClaim_Creates() => Assert.Equal(ClaimDecision.Create, ClaimRules.Decide(null, Now));

    [Fact]
    public void Decide_LeaseHeldByAnother_SkipsUntilItExpiresThenTakesOver()
    {
        var claim = ClaimRules.Claim(null, Reminder, 1, "a", Now, Settings);

        Assert.Equal(ClaimDecision.Skip, ClaimRules.Decide(claim, Now.AddMinutes(1)));
        Assert.Equal(ClaimDecision.TakeOver, ClaimRules.Decide(claim, Now.AddMinutes(2)));
    }

    [Fact]
    public void Decide_SentOrParked_AlwaysSkips()
    {
        var claim = ClaimRules.Claim(null, Reminder, 1, "a", Now, Settings);

        Assert.Equal(ClaimDecision.Skip, ClaimRules.Decide(ClaimRules.Sent(claim, Now), Now.AddYears(1)));
        Assert.Equal(ClaimDecision.Skip, ClaimRules.Decide(claim with { State = ClaimState.Parked }, Now.AddYears(1)));
    }

    [Fact]
    public void Failed_EachAttempt_BacksOffExponentiallyCappedThenParks()
    {
        var claim = ClaimRules.Claim(null, Reminder, 1, "a", Now, Settings);
        var first = ClaimRules.Failed(claim, "503", Now, Settings);
        var second = ClaimRules.Failed(ClaimRules.Claim(first, Reminder, 1, "b", Now, Settings), "503", Now, Settings);
        var third = ClaimRules.Failed(ClaimRules.Claim(second, Reminder, 1, "a", Now, Settings), "503", Now, Settings);

        Assert.Equal((ClaimState.Failed, 1, Now.AddMinutes(1)), (first.State, first.Attempts, first.NextAttemptAt));
        Assert.Equal((ClaimState.Failed, 2, Now.AddMinutes(2)), (second.State, second.Attempts, second.NextAttemptAt));
        Assert.Equal((ClaimState.Parked, 3, (DateTimeOffset?)null), (third.State, third.Attempts, third.NextAttemptAt));
        Assert.Equal(ClaimDecision.Skip, ClaimRules.Decide(first, Now.AddSeconds(59)));
        Assert.Equal(ClaimDecision.TakeOver, ClaimRules.Decide(first, Now.AddMinutes(1)));
    }

    [Fact]
    public void Failed_ManyAttempts_DelayNeverExceedsTheCap()
    {
        var settings = Settings with { MaxAttempts = 100 };
        var claim = ClaimRules.Claim(null, Reminder, 1, "a", Now, settings) with { Attempts = 60 };

        Assert.Equal(Now.AddMinutes(3), ClaimRules.Failed(claim, "x", Now, settings).NextAttemptAt);
    }

    [Fact]
    public void Claim_TakeOver_KeepsDeliveriesAndCountsTheAttempt()
    {
        var delivered = ClaimRules.Claim(null, Reminder, 1, "a", Now, Settings) with { Deliveries = [new NotificationDelivery("ana", "a:1", "act-1")] };

        var taken = ClaimRules.Claim(delivered, Reminder, 1, "b", Now.AddMinutes(3), Settings);

        Assert.Equal(("b", 2, ClaimState.Claimed, Now.AddMinutes(5)), (taken.Owner, taken.Attempts, taken.State, taken.LeaseUntil));
        Assert.Equal("act-1", Assert.Single(taken.Deliveries).ActivityId);
    }

    [Fact]
    public void Retry_Parked_GetsANewRoundOfAttemptsNow()
    {
        var parked = ClaimRules.Claim(null, Reminder, 1, "a", Now, Settings) with { State = ClaimState.Parked, Attempts = 3 };

        var retried = ClaimRules.Retry(parked, Now);

        Assert.Equal((ClaimState.Failed, 0), (retried.State, retried.Attempts));
        Assert.Equal(ClaimDecision.TakeOver, ClaimRules.Decide(retried, Now));
    }
}
