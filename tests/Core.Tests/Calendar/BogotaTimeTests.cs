using ParticipaBot.Core.Calendar;

namespace ParticipaBot.Core.Tests.Calendar;

public sealed class BogotaTimeTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Today_LateEveningUtcDateAhead_ReturnsBogotaDate()
    {
        // 02:30 UTC on 1 Sep is still 21:30 on 31 Aug in Bogotá.
        var time = new FixedTime(new DateTimeOffset(2026, 9, 1, 2, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 8, 31), BogotaTime.Today(time));
        Assert.Equal(TimeSpan.FromHours(-5), BogotaTime.Now(time).Offset);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void FromLocal_AnyMonth_IsUtcMinusFive(int month)
    {
        var instant = BogotaTime.FromLocal(new DateOnly(2026, month, 1), new TimeOnly(9, 0));

        Assert.Equal(new DateTimeOffset(2026, month, 1, 14, 0, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }
}
