using System.Collections.Concurrent;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Reporting;

/// <summary>
/// Report ids whose numbers are reserved in the store ahead of time, a few per plan (entity and year), so that starting
/// a report does not wait for a write of its own (docs/data-model.md, "Report numbers"). A start takes one; when fewer
/// than half a batch are left, the next batch is reserved in the background, its writes sent together (one group
/// commit on SQLite). Only the first start of a plan in a process, or one after a failed refill, waits for a batch (and
/// the starts arriving meanwhile share it).
/// A number reserved and never used (the process stopped) is a gap no one notices: numbers are drawn, not counted.
/// </summary>
internal sealed class ReportNumberPool(IReportRepository reports, TimeProvider time, ILogger<ReportNumberPool> logger)
{
    /// <summary>Numbers reserved per round: a round is one commit, whatever its size, and a plan sees few starts a second.</summary>
    internal const int BatchSize = 16;

    private const int RefillBelow = BatchSize / 2;

    /// <summary>Batches in which every number drawn was another report's before the start gives up (it never happens: 32⁵ numbers a year).</summary>
    private const int Batches = 4;

    /// <summary>
    /// After a failed background refill, starts take what is left without trying again for this long: with the store
    /// down, each start would otherwise send a batch that fails and log a warning of its own.
    /// </summary>
    internal static readonly TimeSpan RefillRetryDelay = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string EntityId, int Year), Reserve> _reserves = new();

    /// <summary>A report id of the plan whose number is reserved for it and for nothing else.</summary>
    public async Task<string> TakeAsync(string entityId, int year, CancellationToken cancellationToken)
    {
        var reserve = _reserves.GetOrAdd((entityId, year), static _ => new Reserve());
        if (TryTake(reserve, entityId, year, out var reserved))
        {
            return reserved;
        }

        // Nothing reserved (the plan's first start in this process, or the last refill failed): one start reserves a
        // batch, and the starts arriving meanwhile wait for it rather than each claiming sixteen numbers of their own.
        await reserve.Filling.WaitAsync(cancellationToken);
        try
        {
            for (var batches = 0; ; batches++)
            {
                if (TryTake(reserve, entityId, year, out reserved))
                {
                    return reserved;
                }

                if (batches == Batches)
                {
                    break;
                }

                foreach (var id in await ReserveBatchAsync(entityId, year, cancellationToken))
                {
                    reserve.Ids.Enqueue(id);
                }
            }
        }
        finally
        {
            reserve.Filling.Release();
        }

        throw new InvalidOperationException($"No report number of {year} could be reserved for entity {entityId}: every number drawn was taken.");
    }

    private bool TryTake(Reserve reserve, string entityId, int year, out string reserved)
    {
        if (!reserve.Ids.TryDequeue(out reserved!))
        {
            return false;
        }

        if (reserve.Ids.Count < RefillBelow)
        {
            RefillInBackground(reserve, entityId, year);
        }

        return true;
    }

    private void RefillInBackground(Reserve reserve, string entityId, int year)
    {
        if (time.GetUtcNow().UtcTicks < Volatile.Read(ref reserve.RefillNotBefore) || Interlocked.CompareExchange(ref reserve.Refilling, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var id in await ReserveBatchAsync(entityId, year, CancellationToken.None))
                {
                    reserve.Ids.Enqueue(id);
                }
            }
            catch (Exception exception)
            {
                // The next start that finds the reserve empty reserves for itself and reports the failure to its user.
                // Set before the flag is cleared below: a start then finds either this refill under way or its delay.
                Volatile.Write(ref reserve.RefillNotBefore, (time.GetUtcNow() + RefillRetryDelay).UtcTicks);
                Log.ReportNumbersNotReserved(logger, exception, entityId, year);
            }
            finally
            {
                Volatile.Write(ref reserve.Refilling, 0);
            }
        });
    }

    private async Task<List<string>> ReserveBatchAsync(string entityId, int year, CancellationToken cancellationToken)
    {
        var drawn = new string[BatchSize];
        var claims = new Task<bool>[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            drawn[i] = ReportNumbers.NewId(year);
            claims[i] = reports.ReserveNumberAsync(entityId, year, drawn[i], cancellationToken);
        }

        var taken = await Task.WhenAll(claims);
        var reserved = new List<string>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            if (taken[i])
            {
                reserved.Add(drawn[i]);
            }
            else
            {
                Log.ReportNumberTaken(logger, ReportNumbers.For(drawn[i], year));
            }
        }

        return reserved;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim holds no handle until AvailableWaitHandle is read, which nothing here does; the reserves live as long as the process.")]
    private sealed class Reserve
    {
        public readonly ConcurrentQueue<string> Ids = new();

        /// <summary>Held by the start that reserves a batch while the reserve is empty.</summary>
        public readonly SemaphoreSlim Filling = new(1, 1);

        /// <summary>1 while a background refill is under way: one at a time per plan.</summary>
        public int Refilling;

        /// <summary>UTC ticks before which no background refill starts (the last one failed).</summary>
        public long RefillNotBefore;
    }
}
