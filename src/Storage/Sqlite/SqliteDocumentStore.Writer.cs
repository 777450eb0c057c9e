using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ParticipaBot.Storage.Sqlite;

/// <summary>
/// Group commit. Every write of this process is queued to one writer, which runs what has queued up in one transaction,
/// each write inside its own savepoint, and commits once: many concurrent turns then cost one commit (one lock cycle,
/// one append of the pages they share to the WAL, one flush with <see cref="SqliteDurability.Full"/>) instead of one
/// each. A write whose own statement fails is rolled back to its savepoint alone; a write's task completes only after
/// the commit that holds it, so "returned" still means "stored". Writers of this process never meet SQLite's busy
/// handler, whose sleeps would show as latency spikes; other processes still wait on busy_timeout.
/// </summary>
internal sealed partial class SqliteDocumentStore
{
    /// <summary>The most writes one transaction holds, so one commit never keeps the others waiting long.</summary>
    private const int MaxWritesPerCommit = 128;

    private readonly ConcurrentQueue<PendingWrite> _writes = new();
    private readonly SemaphoreSlim _writesQueued = new(0);
    private readonly Lock _writerStart = new();
    private Thread? _writer;
    // 1 while the writer waits for work: the one write that finds it so wakes it (one release per wait, not per write).
    private int _writerWaiting;
    private volatile bool _writesClosed;
    private volatile bool _writerExited;

    private async Task<T> ExecuteWriteAsync<T>(Func<SqliteConnection, T> operation, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureInitializedAsync(cancellationToken);
        EnsureWriterStarted();
        var pending = new PendingWrite<T>(operation, cancellationToken);
        _writes.Enqueue(pending);
        if (_writerExited)
        {
            FailQueued();
        }
        else if (Interlocked.Exchange(ref _writerWaiting, 0) == 1)
        {
            _writesQueued.Release();
        }

        return await pending.Completion;
    }

    private void EnsureWriterStarted()
    {
        if (_writer is not null)
        {
            return;
        }

        lock (_writerStart)
        {
            if (_writer is null)
            {
                StartCheckpointer();
                // A thread of its own, not a thread-pool task: a write's turn waits for the writer to run, and a woken
                // thread runs at once where a task would wait behind every turn queued on the pool.
                var writer = new Thread(WriteLoop) { IsBackground = true, Name = "SQLite writer" };
                writer.Start();
                _writer = writer;
            }
        }
    }

    private void StopWriter()
    {
        _writesClosed = true;
        _writesQueued.Release();
        // What was queued before Dispose is still committed; a wedged file does not hold Dispose forever.
        _writer?.Join(TimeSpan.FromSeconds(30));
    }

    private void WriteLoop()
    {
        var batch = new List<PendingWrite>(MaxWritesPerCommit);
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxWritesPerCommit && _writes.TryDequeue(out var pending))
            {
                if (!pending.CancelIfRequested())
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                Commit(batch);
                continue;
            }

            if (_writesClosed)
            {
                // The fence pairs with the check after a write is queued: either that write sees the flag and refuses
                // itself, or this drain sees the write; without it both could miss, and its task would never end.
                _writerExited = true;
                Thread.MemoryBarrier();
                FailQueued();
                return;
            }

            // A full fence: a plain write could pass the emptiness check below, and a write queued in between would not wake us.
            Interlocked.Exchange(ref _writerWaiting, 1);
            if (!_writes.IsEmpty && Interlocked.Exchange(ref _writerWaiting, 0) == 1)
            {
                continue;
            }

            // Either nothing is queued, or a writer took the flag and released (the wait then returns at once).
            _writesQueued.Wait();
        }
    }

    /// <summary>Writes queued after the writer stopped: refused as after Dispose.</summary>
    private void FailQueued()
    {
        while (_writes.TryDequeue(out var pending))
        {
            pending.Fail(new ObjectDisposedException(nameof(SqliteDocumentStore)));
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        // Another process holding the write lock past busy_timeout: the same few retries as any statement.
        for (var attempt = 1; ; attempt++)
        {
            SqliteConnection? connection = null;
            try
            {
                connection = Rent();
                RunInOneTransaction(connection, batch);
                foreach (var pending in batch)
                {
                    pending.Publish();
                }

                AfterCommit(connection, batch.Count);
                Return(connection);
                connection = null;
                return;
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode is SqliteBusy or SqliteLocked && attempt < 3)
            {
                Thread.Sleep(50 * attempt);
            }
            catch (Exception exception)
            {
                // Whatever it was, the writer goes on: a wedged writer would hang every later write.
                var failure = exception is SqliteException sqlite ? Translate(sqlite) : exception;
                foreach (var pending in batch)
                {
                    pending.Fail(failure);
                }

                return;
            }
            finally
            {
                connection?.Dispose();
            }
        }
    }

    private void RunInOneTransaction(SqliteConnection connection, List<PendingWrite> batch)
    {
        Run(connection, "BEGIN IMMEDIATE");
        try
        {
            foreach (var pending in batch)
            {
                Run(connection, "SAVEPOINT write");
                try
                {
                    pending.Run(connection);
                    Run(connection, "RELEASE write");
                }
                catch (Exception exception)
                {
                    // This write alone is undone (a conflict, a stale ETag, a bad value); the others in the transaction stand.
                    Run(connection, "ROLLBACK TO write");
                    Run(connection, "RELEASE write");
                    pending.Reject(exception is SqliteException sqlite ? Translate(sqlite) : exception);
                }
            }

            Run(connection, "COMMIT");
        }
        catch
        {
            TryRollback(connection);
            throw;
        }
    }

    private static void TryRollback(SqliteConnection connection)
    {
        try
        {
            Run(connection, "ROLLBACK");
        }
        catch (SqliteException)
        {
            // No transaction left to roll back (SQLite already ended it): nothing else to undo.
        }
    }

    private static void Run(SqliteConnection connection, string sql) => Statement(connection, sql).ExecuteNonQuery();

    /// <summary>One queued write: run in the writer's transaction, its outcome published after the commit.</summary>
    private abstract class PendingWrite
    {
        public abstract bool CancelIfRequested();

        public abstract void Run(SqliteConnection connection);

        /// <summary>The write's own statement failed (rolled back to its savepoint): its caller gets this exception.</summary>
        public abstract void Reject(Exception exception);

        /// <summary>The transaction failed: nothing of the batch was stored.</summary>
        public abstract void Fail(Exception exception);

        /// <summary>The transaction committed: the caller gets its result (or its own rejection).</summary>
        public abstract void Publish();
    }

    private sealed class PendingWrite<T>(Func<SqliteConnection, T> operation, CancellationToken cancellationToken) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private Exception? _rejection;

        public Task<T> Completion => _completion.Task;

        public override bool CancelIfRequested() => cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);

        public override void Run(SqliteConnection connection)
        {
            _rejection = null;
            _result = operation(connection);
        }

        public override void Reject(Exception exception) => _rejection = exception;

        public override void Fail(Exception exception) => _completion.TrySetException(exception);

        public override void Publish()
        {
            if (_rejection is not null)
            {
                _completion.TrySetException(_rejection);
                return;
            }

            _completion.TrySetResult(_result!);
        }
    }
}
