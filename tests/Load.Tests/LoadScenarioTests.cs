using ParticipaBot.LoadTest;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Load.Tests;

/// <summary>
/// The load generator's CI size: a few delegates for a few seconds against the bot as a separate process. Timings are
/// never asserted (docs/benchmarks.md has them); correctness is: no errors, every acknowledged report stored exactly
/// once and equal to what its delegate submitted, both paths (a scheduled space and an unscheduled one) exercised.
/// </summary>
public sealed class LoadScenarioTests
{
    internal static LoadOptions Short(LoadStore store, int flows) => new()
    {
        Delegates = 4,
        Store = store,
        Flows = flows,
        Warmup = TimeSpan.FromSeconds(1),
        SpacesPerDelegate = 2,
        Progress = TimeSpan.FromSeconds(5),
        Verbose = true,
    };

    internal static async Task<LoadResult> RunAsync(LoadOptions options, TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        var log = new StringWriter();
        try
        {
            return await LoadRunner.RunAsync(options, log, cancel.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException)
        {
            throw new TimeoutException($"The load run did not finish within {limit.TotalSeconds:0} s. Progress:{Environment.NewLine}{log}", exception);
        }
    }

    /// <summary>The run's report as the command prints it, for failure messages.</summary>
    internal static string Report(LoadResult result)
    {
        var table = new StringWriter();
        LoadReport.WriteTable(result, table);
        return table.ToString();
    }

    internal static void AssertClean(LoadResult result)
    {
        var table = Report(result);
        Assert.True(result.ErrorCount == 0, "Errors during the run:" + Environment.NewLine + table);
        Assert.True(result.Store.Passed, "The store does not match what was acknowledged:" + Environment.NewLine + table);
        Assert.Equal(0, result.SinkUnrouted);
        Assert.True(result.ReportsAcknowledged > 0, table);
        Assert.True(result.Store.Stored >= result.Store.Acknowledged, table);
        Assert.All(result.Acknowledged, a => Assert.StartsWith("rep-", a.ReportId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SqliteFourDelegates_EveryAcknowledgedReportStoredOnceAndIntact()
    {
        var result = await RunAsync(Short(LoadStore.Sqlite, flows: 24), TimeSpan.FromMinutes(3));

        AssertClean(result);
        Assert.Contains(result.Acknowledged, a => a.Values.GetValueOrDefault("space.id")?.StartsWith("LT-", StringComparison.Ordinal) == true);
        Assert.Contains(result.Acknowledged, a => a.Values.GetValueOrDefault("space.unscheduled") == "true");
        Assert.True(result.Turns > 0);
        Assert.NotNull(result.PeakRssBytes);
    }

    [Fact]
    public async Task Verify_ForgedAcknowledgements_AreCaught()
    {
        // The store checks must be able to fail: run briefly, keep the data, and present acknowledgements the bot never gave.
        var result = await RunAsync(Short(LoadStore.Sqlite, flows: 4) with { KeepData = true }, TimeSpan.FromMinutes(3));
        try
        {
            AssertClean(result);
            var real = result.Acknowledged[0];
            var changedName = new Dictionary<string, string>(real.Values, StringComparer.Ordinal) { ["name"] = "Otro nombre" };
            AcknowledgedReport[] forged =
            [
                real with { ReportId = "rep-2000-00000000000000000000000000000000", Number = "R-2000-ZZZZZ" },
                real with { Number = "R-2000-ZZZZZ" },
                real with { Values = changedName },
                real with { Delegate = real.Delegate + 1 },
            ];

            var check = await StoreVerifier.VerifyAsync(result.StorageSettings, BotUnderTest.EntityId, BotUnderTest.Today.Year, [real, .. forged]);

            Assert.Contains(check.Missing, m => m.StartsWith("R-2000-ZZZZZ rep-2000-", StringComparison.Ordinal));
            Assert.Contains(check.Mismatched, m => m.Contains("shown as R-2000-ZZZZZ", StringComparison.Ordinal));
            Assert.Contains(check.Mismatched, m => m.Contains("name: sent «Otro nombre»", StringComparison.Ordinal));
            Assert.Contains(check.Duplicated, d => d.Contains("several delegates", StringComparison.Ordinal));
            Assert.False(check.Passed);
        }
        finally
        {
            Directory.Delete(result.DataRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Run_CosmosFourDelegates_EveryAcknowledgedReportStoredOnceAndIntact()
    {
        var server = await CosmosDbServer.GetSharedAsync();
        var result = await RunAsync(Short(LoadStore.Cosmos, flows: 16) with { CosmosEndpoint = server.Endpoint }, TimeSpan.FromMinutes(3));

        AssertClean(result);
        Assert.Contains(result.Acknowledged, a => a.Values.GetValueOrDefault("space.unscheduled") == "true");
    }
}

/// <summary>kill -9 of the bot under load, restart on the same data directory.</summary>
public sealed class CrashScenarioTests
{
    [Fact]
    public async Task KillNine_UnderLoad_AcknowledgedReportsSurviveAndDraftsResumeAtTheirStep()
    {
        var options = LoadScenarioTests.Short(LoadStore.Sqlite, flows: 1) with
        {
            Flows = null,
            Duration = TimeSpan.FromSeconds(12),
            KillAfter = TimeSpan.FromSeconds(3),
        };

        var result = await LoadScenarioTests.RunAsync(options, TimeSpan.FromMinutes(3));

        LoadScenarioTests.AssertClean(result);
        var crash = Assert.IsType<CrashOutcome>(result.Crash);
        Assert.Empty(crash.Violations);
        Assert.True(crash.ResumeChecks > 0, "No delegate was in a report when the bot was killed." + Environment.NewLine + LoadScenarioTests.Report(result));
        Assert.Equal(options.Delegates, crash.DelegatesFinishedAfterRestart);
        Assert.Contains(result.Acknowledged, a => !a.AfterRestart);
    }
}

/// <summary>A short soak: no errors and memory not growing without bound.</summary>
public sealed class SoakScenarioTests
{
    [Fact]
    public async Task Soak_TwentyFiveSeconds_NoErrorsAndMemoryBounded()
    {
        var options = LoadScenarioTests.Short(LoadStore.Sqlite, flows: 1) with
        {
            Flows = null,
            Soak = true,
            Warmup = TimeSpan.FromSeconds(5),
            Duration = TimeSpan.FromSeconds(25),
            Window = TimeSpan.FromSeconds(5),
            // A steady pace, so that a faster machine does not simply store more reports in the same time.
            Think = TimeSpan.FromMilliseconds(50),
        };

        var result = await LoadScenarioTests.RunAsync(options, TimeSpan.FromMinutes(3));

        LoadScenarioTests.AssertClean(result);
        Assert.True(result.Windows.Count >= 4, $"{result.Windows.Count} windows");
        var first = result.Windows[0].RssBytes!.Value;
        var last = result.Windows[^1].RssBytes!.Value;
        // Generous on purpose (a loaded CI machine must not flake it): a leak fails it, the slow trend the long soak
        // measures (every turn reads the year's reports, docs/benchmarks.md) does not.
        Assert.True(last < first * 1.5 || last - first < 100L * 1024 * 1024, $"RSS grew from {LoadRunner.Mb(first)} to {LoadRunner.Mb(last)}");
    }
}
