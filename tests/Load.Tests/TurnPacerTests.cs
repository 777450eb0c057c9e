using System.Diagnostics;
using ParticipaBot.LoadTest;

namespace ParticipaBot.Load.Tests;

public sealed class TurnPacerTests
{
    [Fact]
    public async Task BehindSchedule_TurnsAreTimedFromWhenTheyWereDue_OneIntervalApart()
    {
        var pacer = new TurnPacer(turnsPerSecond: 100, epoch: 0);
        var created = Stopwatch.GetTimestamp();
        await Task.Delay(60);

        var first = await pacer.WaitForTurnAsync(0, CancellationToken.None);
        var second = await pacer.WaitForTurnAsync(0, CancellationToken.None);
        var third = await pacer.WaitForTurnAsync(0, CancellationToken.None);

        // Three turns were due 0, 10 and 20 ms after the start: the 60 ms of backlog are counted, not forgiven.
        var interval = Stopwatch.Frequency / 100;
        Assert.InRange(first - created, -interval, interval);
        Assert.Equal(interval, second - first);
        Assert.Equal(interval, third - second);
        Assert.True(third < Stopwatch.GetTimestamp() - (Stopwatch.Frequency * 30 / 1000));
    }

    [Fact]
    public async Task AheadOfSchedule_WaitsForTheTurn_AndTimesItFromTheSend()
    {
        var pacer = new TurnPacer(turnsPerSecond: 50, epoch: 0);
        var first = await pacer.WaitForTurnAsync(0, CancellationToken.None);
        var before = Stopwatch.GetTimestamp();

        var next = await pacer.WaitForTurnAsync(0, CancellationToken.None);

        // Due 20 ms after the first: never sent before it (a timer that fires early is waited out), and timed from the send.
        Assert.True(next - first >= Stopwatch.Frequency / 50);
        Assert.True(next >= before);
    }

    [Fact]
    public async Task NewEpoch_StartsTheScheduleAgainFromNow_DroppingTheBacklog()
    {
        var pacer = new TurnPacer(turnsPerSecond: 100, epoch: 0);
        await Task.Delay(60);
        var before = Stopwatch.GetTimestamp();

        var restarted = await pacer.WaitForTurnAsync(1, CancellationToken.None);

        Assert.True(restarted >= before);
    }
}

public sealed class LatencyRecorderTests
{
    [Fact]
    public void Record_KeepsOnlyTurnsBegunSinceRecordingStarted()
    {
        var recorder = new LatencyRecorder();
        var warmupTurn = Stopwatch.GetTimestamp();
        Assert.False(recorder.Record("step", warmupTurn, warmupTurn + 10));

        recorder.Recording = true;
        var measuredTurn = Stopwatch.GetTimestamp();

        // A turn of the warm-up that ends in the measured period is not measured; one begun since is.
        Assert.False(recorder.Record("step", warmupTurn, measuredTurn + 10));
        Assert.True(recorder.Record("step", measuredTurn, measuredTurn + 10));
        Assert.Equal(1, recorder.Summaries()["step"].Count);
    }
}
