using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using ParticipaBot.Bot.Reporting;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Storage;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Wizard;

/// <summary>Report numbers reserved ahead (docs/data-model.md, "Report numbers"): on the real SQLite store, and at the repository seam for its failures.</summary>
public sealed class ReportNumberPoolTests
{
    private const string Entity = "mintrabajo";
    private const int Year = 2026;

    [Fact]
    public async Task Take_ManyAtOnce_DistinctIdsEachWithItsNumberReservedInTheStore()
    {
        using var factory = WizardChat.NewFactory();
        var reports = factory.Services.GetRequiredService<IReportRepository>();
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        var pool = new ReportNumberPool(reports, TimeProvider.System, NullLogger<ReportNumberPool>.Instance);

        var ids = await Task.WhenAll(Enumerable.Range(0, 3 * ReportNumberPool.BatchSize).Select(_ => pool.TakeAsync(Entity, Year, CancellationToken.None)));

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var id in ids)
        {
            var claim = await store.ReadAsync(PlanIds.Partition(Entity, Year), "reportNumber|" + ReportNumbers.For(id, Year));
            Assert.NotNull(claim);
            Assert.Contains(id, claim.Body.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Take_NumbersHeldByOtherReports_AreNeverHandedOut()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var reports = new Mock<IReportRepository>();
        var calls = 0;
        reports.Setup(r => r.ReserveNumberAsync(Entity, Year, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, int _, string id, CancellationToken _) =>
            {
                // Every other number drawn belongs to a report already.
                if (Interlocked.Increment(ref calls) % 2 == 0)
                {
                    lock (taken)
                    {
                        taken.Add(id);
                    }

                    return false;
                }

                return true;
            });
        var pool = new ReportNumberPool(reports.Object, TimeProvider.System, NullLogger<ReportNumberPool>.Instance);

        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await pool.TakeAsync(Entity, Year, CancellationToken.None));
        }

        lock (taken)
        {
            Assert.NotEmpty(taken);
            Assert.DoesNotContain(ids, taken.Contains);
        }

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Take_StoreFails_TheStartFailsAndTheNextOneReservesAgain()
    {
        var failing = true;
        var reports = new Mock<IReportRepository>();
        reports.Setup(r => r.ReserveNumberAsync(Entity, Year, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(() => Volatile.Read(ref failing) ? Task.FromException<bool>(new StoreUnavailableException("down")) : Task.FromResult(true));
        var pool = new ReportNumberPool(reports.Object, TimeProvider.System, NullLogger<ReportNumberPool>.Instance);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => pool.TakeAsync(Entity, Year, CancellationToken.None));
        Volatile.Write(ref failing, false);

        Assert.StartsWith("rep-2026-", await pool.TakeAsync(Entity, Year, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_ManyStartsOnAnEmptyReserve_ShareOneBatch()
    {
        var reserved = 0;
        var reports = new Mock<IReportRepository>();
        reports.Setup(r => r.ReserveNumberAsync(Entity, Year, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                Interlocked.Increment(ref reserved);
                await Task.Delay(50);
                return true;
            });
        var pool = new ReportNumberPool(reports.Object, TimeProvider.System, NullLogger<ReportNumberPool>.Instance);

        // Half a batch: every start is served by the first batch, and the reserve is not yet low enough to refill.
        var ids = await Task.WhenAll(Enumerable.Range(0, ReportNumberPool.BatchSize / 2).Select(_ => pool.TakeAsync(Entity, Year, CancellationToken.None)));

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ReportNumberPool.BatchSize, Volatile.Read(ref reserved));
    }

    [Fact]
    public async Task Take_PastHalfTheReserve_RefillsInTheBackground()
    {
        var reserved = 0;
        var reports = new Mock<IReportRepository>();
        reports.Setup(r => r.ReserveNumberAsync(Entity, Year, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                Interlocked.Increment(ref reserved);
                return Task.FromResult(true);
            });
        var pool = new ReportNumberPool(reports.Object, TimeProvider.System, NullLogger<ReportNumberPool>.Instance);

        for (var i = 0; i <= ReportNumberPool.BatchSize / 2; i++)
        {
            await pool.TakeAsync(Entity, Year, CancellationToken.None);
        }

        await WaitUntilAsync(() => Volatile.Read(ref reserved) >= 2 * ReportNumberPool.BatchSize);
        Assert.Equal(2 * ReportNumberPool.BatchSize, Volatile.Read(ref reserved));
    }

    [Fact]
    public async Task Take_BackgroundRefillFailed_NoOtherRefillUntilTheRetryDelayPassed()
    {
        var failing = false;
        var calls = 0;
        var reports = new Mock<IReportRepository>();
        reports.Setup(r => r.ReserveNumberAsync(Entity, Year, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                Interlocked.Increment(ref calls);
                return Volatile.Read(ref failing) ? Task.FromException<bool>(new StoreUnavailableException("down")) : Task.FromResult(true);
            });
        var time = new ManualTimeProvider();
        using var logs = new ListLoggerProvider();
        using var loggers = new LoggerFactory([logs]);
        var pool = new ReportNumberPool(reports.Object, time, loggers.CreateLogger<ReportNumberPool>());
        await pool.TakeAsync(Entity, Year, CancellationToken.None);
        Volatile.Write(ref failing, true);

        // Down to half a batch: the background refill starts, and fails.
        for (var i = 1; i <= ReportNumberPool.BatchSize / 2; i++)
        {
            await pool.TakeAsync(Entity, Year, CancellationToken.None);
        }

        await WaitUntilAsync(() => Warnings(logs) == 1);
        Assert.Equal(2 * ReportNumberPool.BatchSize, Volatile.Read(ref calls));

        // The rest of the reserve is taken within the delay: no batch is sent, no warning logged.
        for (var i = 0; i < ReportNumberPool.BatchSize / 2 - 2; i++)
        {
            await pool.TakeAsync(Entity, Year, CancellationToken.None);
        }

        await Task.Delay(100);
        Assert.Equal(2 * ReportNumberPool.BatchSize, Volatile.Read(ref calls));
        Assert.Equal(1, Warnings(logs));

        // Past the delay the next start tries again.
        time.Advance(ReportNumberPool.RefillRetryDelay);
        await pool.TakeAsync(Entity, Year, CancellationToken.None);
        await WaitUntilAsync(() => Warnings(logs) == 2);
        Assert.Equal(3 * ReportNumberPool.BatchSize, Volatile.Read(ref calls));
    }

    private static int Warnings(ListLoggerProvider logs) => logs.Entries.Count(e => e.EventId.Id == 5009);

    /// <summary>Background refills end on their own: polled, for at most 10 s.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "not reached within 10 s");
    }
}
