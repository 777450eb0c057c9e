using Microsoft.Data.Sqlite;

namespace ParticipaBot.Storage.Sqlite;

/// <summary>
/// WAL checkpoints off the write path. SQLite's automatic checkpoint runs inside the COMMIT that takes the log past
/// 1,000 pages: the writer copies the log into the database and flushes both files (two fdatasyncs of 3 ms each on the
/// reference machine) while every queued write waits. Under load that was four stalls a second, each holding up every
/// turn in flight, which put them in the p99 (docs/benchmarks.md). This process's connections turn it off, and a
/// checkpointer thread runs a PASSIVE checkpoint, which blocks neither the writer nor readers, whenever writes were
/// committed since the last one, at most every <see cref="CheckpointInterval"/>: the copying and the flushes leave the
/// write path.
/// What a checkpoint beside a busy writer cannot do is restart the log: SQLite starts writing it from the top again
/// only when a write transaction begins on a log checkpointed to its end, and the writer is nearly always in the middle
/// of one. So once the log holds <see cref="FallbackFrames"/>, the writer checkpoints between two batches, as the
/// automatic checkpoint would; the checkpointer has already copied all but the last few commits, so that stall is
/// short, and it comes once per <see cref="FallbackFrames"/> frames instead of once per 1,000 (every few seconds
/// at full load instead of four times a second).
/// </summary>
internal sealed partial class SqliteDocumentStore
{
    internal static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Frames in the log beyond which the writer checkpoints itself so that it restarts (about 64 MB of file, a few
    /// seconds at full load; the log is only on disk, read by page through its index).
    /// </summary>
    internal long FallbackFrames { get; init; } = 16_000;

    /// <summary>
    /// A turn's write replaces a document in place (its draft), one page; a new document also touches its index pages,
    /// so the writer counts low and the checkpointer's exact count catches up within <see cref="CheckpointInterval"/>.
    /// </summary>
    private const int FramesPerWriteEstimate = 1;

    private readonly ManualResetEventSlim _stopCheckpoints = new(false);
    private Thread? _checkpointer;
    private long _commitsSinceCheckpoint;
    private long _logFrames;
    private long _backgroundCheckpoints;
    private long _writerCheckpoints;

    /// <summary>Checkpoints run by the checkpointer thread, and by the writer when the log grew too long (for tests).</summary>
    internal (long Background, long Writer) CheckpointCounts => (Interlocked.Read(ref _backgroundCheckpoints), Interlocked.Read(ref _writerCheckpoints));

    /// <summary>A numeric PRAGMA as this process's connections see it (they set their own at open).</summary>
    internal Task<long> ReadPragmaAsync(string name)
    {
        if (!name.All(c => char.IsAsciiLetter(c) || c == '_'))
        {
            throw new ArgumentException($"Not a PRAGMA name: '{name}'.", nameof(name));
        }

        return ExecuteAsync(connection => Convert.ToInt64(Statement(connection, "PRAGMA " + name).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
    }

    /// <summary>
    /// Called by the writer after each commit, on its own connection. SQLite tells the frames in the log only to a
    /// checkpoint, so between two the writer counts <see cref="FramesPerWriteEstimate"/> for each write it committed.
    /// </summary>
    private void AfterCommit(SqliteConnection connection, int writes)
    {
        Interlocked.Increment(ref _commitsSinceCheckpoint);
        if (Interlocked.Add(ref _logFrames, writes * FramesPerWriteEstimate) < FallbackFrames)
        {
            return;
        }

        try
        {
            Checkpoint(connection, restartsNext: true);
            Interlocked.Increment(ref _writerCheckpoints);
        }
        catch (SqliteException exception)
        {
            // The batch is committed and published; the next commit tries again.
            Log.SqliteCheckpointFailed(_logger, exception.SqliteErrorCode, exception.Message);
        }
    }

    private void StartCheckpointer()
    {
        _checkpointer = new Thread(CheckpointLoop) { IsBackground = true, Name = "SQLite checkpointer" };
        _checkpointer.Start();
    }

    private void StopCheckpointer()
    {
        _stopCheckpoints.Set();
        // A checkpoint wedged on the file does not hold Dispose forever; its thread still needs the event to stop.
        if (_checkpointer is null || _checkpointer.Join(TimeSpan.FromSeconds(30)))
        {
            _stopCheckpoints.Dispose();
        }
    }

    private void CheckpointLoop()
    {
        while (!_stopCheckpoints.Wait(CheckpointInterval))
        {
            if (Interlocked.Exchange(ref _commitsSinceCheckpoint, 0) == 0)
            {
                continue;
            }

            SqliteConnection? connection = null;
            try
            {
                connection = Rent();
                Checkpoint(connection, restartsNext: false);
                Interlocked.Increment(ref _backgroundCheckpoints);
                Return(connection);
                connection = null;
            }
            catch (Exception exception)
            {
                // Busy (another process checkpointing), a transient I/O error, anything: the thread goes on (an exception
                // escaping it would end the process), the next round tries again, and the writer's fallback bounds the
                // log meanwhile.
                Interlocked.Increment(ref _commitsSinceCheckpoint);
                var code = exception is SqliteException sqlite ? sqlite.SqliteErrorCode : -1;
                if (code is not (SqliteBusy or SqliteLocked))
                {
                    Log.SqliteCheckpointFailed(_logger, code, exception.Message);
                }
            }
            finally
            {
                connection?.Dispose();
            }
        }
    }

    /// <summary>
    /// PASSIVE: copies what no reader still needs and returns at once if another checkpoint is running. Run by the
    /// writer between batches (<paramref name="restartsNext"/>), a log checkpointed to its end is restarted by the very
    /// next write; run beside the writer, the log is as long as it says.
    /// </summary>
    private void Checkpoint(SqliteConnection connection, bool restartsNext)
    {
        using var reader = Statement(connection, "PRAGMA wal_checkpoint(PASSIVE)").ExecuteReader();
        if (reader.Read() && !reader.IsDBNull(1) && !reader.IsDBNull(2))
        {
            // Columns: busy, frames in the log, frames checkpointed (-1 when not in WAL mode).
            var log = Math.Max(0, reader.GetInt64(1));
            Interlocked.Exchange(ref _logFrames, restartsNext && log == reader.GetInt64(2) ? 0 : log);
        }
    }
}
