using System.Text.Json;
using Microsoft.Data.Sqlite;
using ParticipaBot.Storage.Sqlite;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Storage.Tests;

/// <summary>The contract against a real SQLite file in a fresh temporary folder per test.</summary>
public sealed class SqliteDocumentStoreTests : DocumentStoreContractTests
{
    private readonly TempDirectory _directory = new();
    private SqliteDocumentStore? _sqlite;

    protected override ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override Task<IDocumentStore> OpenStoreAsync()
    {
        _sqlite = new SqliteDocumentStore(Path.Combine(_directory.Path, "participabot.db"), time: Clock);
        return Task.FromResult<IDocumentStore>(_sqlite);
    }

    public override Task DisposeAsync()
    {
        _sqlite?.Dispose();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CheckHealth_WithSystemSqliteInstalled_RunsOnIt()
    {
        // scripts/setup.sh installs libsqlite3-0 and Auto prefers it: the bundled engine sleeps whole seconds under WAL contention.
        var health = await Store.CheckHealthAsync();

        Assert.True(health.IsHealthy);
        Assert.Contains("(system 3.", health.Description, StringComparison.Ordinal);
        Assert.StartsWith("system 3.", SqliteNativeLibrary.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypedQuery_InALargePartition_UsesTheTypeIndexNotThePartitionScan()
    {
        // Ordered by id, the query once preferred the primary key and walked every report of the plan's partition to
        // find its few spaces; the soak's p99 grew with the reports stored.
        var pk = NewPartition();
        await Store.CreateAsync(new DocumentWrite("space-1", pk, "space", Body(new { })));
        await Store.CreateAsync(new DocumentWrite("report-1", pk, "report", Body(new { })));

        await using var connection = new SqliteConnection($"Data Source={_sqlite!.FilePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteDocumentStore.TypedQuerySql;
        command.Parameters.AddWithValue("$pk", pk);
        command.Parameters.AddWithValue("$type", "space");
        command.Parameters.AddWithValue("$now", 0);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains("documents_type_id", StringComparison.Ordinal) && step.Contains("type=?", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PurgeExpired_AfterTtl_RemovesRowsFromFile()
    {
        var pk = NewPartition();
        await Store.CreateAsync(new DocumentWrite("gone", pk, "draft", Body(new { }), TimeToLiveSeconds: 60));
        await Store.CreateAsync(new DocumentWrite("kept", pk, "draft", Body(new { })));
        Clock.Advance(TimeSpan.FromSeconds(60));

        var purged = await _sqlite!.PurgeExpiredAsync();

        Assert.Equal(1, purged);
        Assert.Equal("ok", await _sqlite.CheckIntegrityAsync());
    }

    [Fact]
    public async Task ConcurrentWrites_SomeConflicting_OnlyTheConflictingOnesFailAndTheRestAreStored()
    {
        var pk = NewPartition();
        for (var i = 0; i < 200; i += 4)
        {
            await Store.CreateAsync(new DocumentWrite($"doc-{i:D3}", pk, "draft", Body(new { first = true })));
        }

        // Many writes at once share commits: a conflict inside a shared commit must undo only itself.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            try
            {
                await Store.CreateAsync(new DocumentWrite($"doc-{i:D3}", pk, "draft", Body(new { first = false, i })));
                return "created";
            }
            catch (DocumentConflictException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(50, outcomes.Count(o => o == "conflict"));
        Assert.All(Enumerable.Range(0, 200).Where(i => i % 4 == 0), i => Assert.Equal("conflict", outcomes[i]));
        var stored = new List<StoredDocument>();
        await foreach (var document in Store.QueryAsync(pk))
        {
            stored.Add(document);
        }

        Assert.Equal(200, stored.Count);
        Assert.All(stored, d => Assert.Equal(int.Parse(d.Id[4..], System.Globalization.CultureInfo.InvariantCulture) % 4 == 0, d.Body.GetProperty("first").GetBoolean()));
        Assert.Equal("ok", await _sqlite!.CheckIntegrityAsync());
    }

    [Fact]
    public async Task CreateUpsertReplace_OneRefusedInsideASharedCommit_OnlyItFailsAndTheRestAreStored()
    {
        // A create, an upsert and a replace among them: the refused one is undone alone, the rest of its commit stands.
        var pk = NewPartition();
        await Store.CreateAsync(new DocumentWrite("to-replace", pk, "draft", Body(new { v = 0 })));
        var etag = (await Store.ReadAsync(pk, "to-replace"))!.ETag;
        await AddTriggerAsync("""
            CREATE TRIGGER refuse_insert BEFORE INSERT ON documents WHEN NEW.id = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END;
            CREATE TRIGGER refuse_update BEFORE UPDATE ON documents WHEN NEW.id = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END;
            """);

        var writes = Enumerable.Range(0, 40).Select(i => i == 20
                ? Store.UpsertAsync(new DocumentWrite("refused", pk, "draft", Body(new { i })))
                : i == 21
                    ? Store.ReplaceAsync(new DocumentWrite("to-replace", pk, "draft", Body(new { v = 1 })), etag)
                    : Store.CreateAsync(new DocumentWrite($"doc-{i:D2}", pk, "draft", Body(new { i }))))
            .ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return "stored";
            }
            catch (StoreUnavailableException exception) when (exception.Message.Contains("refused", StringComparison.Ordinal))
            {
                return "refused";
            }
        }));

        Assert.Equal(["refused"], outcomes.Where(o => o != "stored"));
        Assert.Equal("refused", outcomes[20]);
        Assert.Null(await Store.ReadAsync(pk, "refused"));
        Assert.Equal(1, (await Store.ReadAsync(pk, "to-replace"))!.Body.GetProperty("v").GetInt32());
        foreach (var i in Enumerable.Range(0, 40).Where(i => i is not (20 or 21)))
        {
            Assert.NotNull(await Store.ReadAsync(pk, $"doc-{i:D2}"));
        }

        Assert.Equal("ok", await _sqlite!.CheckIntegrityAsync());
    }

    [Fact]
    public async Task AWriteThatEndsTheTransaction_FailsEveryWriteOfItsCommit_NoneHalfStored()
    {
        // RAISE(ROLLBACK) ends the whole transaction, as some I/O errors do: no write of that commit may be stored while
        // its caller is told it failed, nor the reverse, and the writer goes on.
        await AddTriggerAsync("CREATE TRIGGER end_transaction BEFORE INSERT ON documents WHEN NEW.id = 'doc-20' BEGIN SELECT RAISE(ROLLBACK, 'ended'); END;");
        var sharedItsCommit = false;
        for (var round = 0; round < 5 && !sharedItsCommit; round++)
        {
            // Queued at once, most share a commit with doc-20; a round where it committed alone proves nothing, so another.
            var pk = NewPartition();
            var writes = Enumerable.Range(0, 40).Select(i => Store.CreateAsync(new DocumentWrite($"doc-{i:D2}", pk, "draft", Body(new { i })))).ToList();
            await Task.WhenAll(writes).ContinueWith(_ => { }, TaskScheduler.Default);

            Assert.True(writes[20].IsFaulted);
            for (var i = 0; i < writes.Count; i++)
            {
                Assert.Equal(writes[i].IsCompletedSuccessfully, await Store.ReadAsync(pk, $"doc-{i:D2}") is not null);
            }

            sharedItsCommit = writes.Any(w => w.IsFaulted && w != writes[20]);
            await Store.CreateAsync(new DocumentWrite("after", pk, "draft", Body(new { after = true })));
            Assert.NotNull(await Store.ReadAsync(pk, "after"));
        }

        Assert.True(sharedItsCommit);
    }

    private async Task AddTriggerAsync(string sql)
    {
        // The store creates its table on first use; then another connection to the same file adds the trigger, as a
        // second tool would, and the store's own prepared statements see the new schema.
        await Store.ReadAsync("warm-up", "warm-up");
        using var connection = new SqliteConnection($"Data Source={_sqlite!.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Writes_OneAtATime_EachWakesTheWriter()
    {
        // The writer sleeps when nothing is queued, and a lone write must wake it: nothing else would. A write that is
        // not woken for shows here as one that never completes. The spins vary when the writes arrive.
        var pk = NewPartition();
        for (var i = 0; i < 2_000; i++)
        {
            Thread.SpinWait(i % 7 * 50);
            await Store.UpsertAsync(new DocumentWrite("one", pk, "draft", Body(new { i }))).WaitAsync(TimeSpan.FromSeconds(10));
        }

        var stored = await Store.ReadAsync(pk, "one");
        Assert.Equal(1_999, stored!.Body.GetProperty("i").GetInt32());
    }

    [Fact]
    public async Task CreateAll_NoneExists_CreatesThemTogetherReadableWithTheirETags()
    {
        var pk = NewPartition();

        var created = await _sqlite!.CreateAllAsync(
            [Stored("claim", pk, "spaceReport", new { n = 1 }), Stored("report", pk, "report", new { n = 2 })],
            CancellationToken.None);

        Assert.Equal(["claim", "report"], created.Select(d => d.Id));
        for (var i = 0; i < created.Count; i++)
        {
            var stored = await Store.ReadAsync(pk, created[i].Id);
            Assert.Equal(created[i].ETag, stored!.ETag);
            Assert.Equal(i + 1, stored.Body.GetProperty("n").GetInt32());
        }
    }

    [Fact]
    public async Task CreateAll_OneExists_WritesNoneAndNamesIt()
    {
        // Among other writes of the same commit: the batch's own savepoint undoes it alone.
        var pk = NewPartition();
        await Store.CreateAsync(new DocumentWrite("report", pk, "report", Body(new { first = true })));
        var others = Enumerable.Range(0, 20).Select(i => Store.CreateAsync(new DocumentWrite($"other-{i}", pk, "draft", Body(new { i })))).ToList();

        var conflict = await Assert.ThrowsAsync<DocumentConflictException>(() => _sqlite!.CreateAllAsync(
            [Stored("claim", pk, "spaceReport", new { }), Stored("report", pk, "report", new { first = false })],
            CancellationToken.None));

        await Task.WhenAll(others);
        Assert.Contains("report", conflict.Message, StringComparison.Ordinal);
        Assert.Null(await Store.ReadAsync(pk, "claim"));
        Assert.True((await Store.ReadAsync(pk, "report"))!.Body.GetProperty("first").GetBoolean());
        Assert.NotNull(await Store.ReadAsync(pk, "other-19"));
    }

    [Fact]
    public async Task CreateAll_TwoPartitionsOrTooLarge_RefusedWithNothingWritten()
    {
        var pk = NewPartition();
        var other = NewPartition();
        var huge = new string('x', (int)DocumentLimits.MaxDocumentBytes);

        await Assert.ThrowsAsync<ArgumentException>(() => _sqlite!.CreateAllAsync(
            [Stored("a", pk, "report", new { }), Stored("b", other, "report", new { })], CancellationToken.None));
        await Assert.ThrowsAsync<DocumentTooLargeException>(() => _sqlite!.CreateAllAsync(
            [Stored("a", pk, "report", new { }), Stored("b", pk, "report", new { huge })], CancellationToken.None));

        Assert.Null(await Store.ReadAsync(pk, "a"));
        Assert.Null(await Store.ReadAsync(other, "b"));
    }

    [Fact]
    public async Task Dispose_WithWritesQueued_CommitsThemAndRefusesLaterOnes()
    {
        var pk = NewPartition();
        await Store.CreateAsync(new DocumentWrite("first", pk, "draft", Body(new { first = true })));
        var queued = Enumerable.Range(0, 100).Select(i => Store.CreateAsync(new DocumentWrite($"doc-{i:D3}", pk, "draft", Body(new { i })))).ToList();

        _sqlite!.Dispose();

        await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Store.CreateAsync(new DocumentWrite("late", pk, "draft", Body(new { late = true }))));
        using var reopened = new SqliteDocumentStore(_sqlite.FilePath);
        var stored = new List<StoredDocument>();
        await foreach (var document in reopened.QueryAsync(pk))
        {
            stored.Add(document);
        }

        Assert.Equal(101, stored.Count);
    }

    [Fact]
    public async Task Open_FileIsWal()
    {
        await Store.CreateAsync(new DocumentWrite("x", NewPartition(), "plan", Body(new { })));

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_sqlite!.FilePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public async Task Writes_BodyBoundAsBytes_IsStoredAsCompactUtf8Text()
    {
        // Bodies are bound as UTF-8 bytes and cast in SQL: the column must still hold TEXT, in the compact form the limit counted.
        var pk = NewPartition();
        using var indented = JsonDocument.Parse("{\n  \"text\" : \"Participaci\\u00f3n \\\"x\\\" <b>\",\n  \"n\" : 1.50\n}");
        const string Compact = "{\"text\":\"Participación \\\"x\\\" <b>\",\"n\":1.50}";
        var created = await Store.CreateAsync(new DocumentWrite("a", pk, "plan", indented.RootElement));
        await Store.UpsertAsync(new DocumentWrite("b", pk, "plan", indented.RootElement));
        await Store.ReplaceAsync(new DocumentWrite("a", pk, "plan", indented.RootElement), created.ETag);

        var rows = await RawRowsAsync(pk);

        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(("text", Compact, (long)System.Text.Encoding.UTF8.GetByteCount(Compact)), row));
        Assert.Equal(Compact, (await Store.ReadAsync(pk, "a"))!.Body.GetRawText());
    }

    [Fact]
    public async Task Read_RowWrittenAsAStringBeforeBytes_ReadsAndReplaces()
    {
        // Files written by earlier versions bound the body as a string: those rows read, and replace, as before.
        var pk = NewPartition();
        await Store.CreateAsync(new DocumentWrite("init", pk, "plan", Body(new { })));
        using (var connection = new SqliteConnection($"Data Source={_sqlite!.FilePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO documents (partition_key, id, type, body, etag, last_modified) VALUES ($pk, 'old', 'plan', $body, '\"e1\"', 1)";
            command.Parameters.AddWithValue("$pk", pk);
            command.Parameters.AddWithValue("$body", "{\"text\":\"Año de la participación 🎉\"}");
            command.ExecuteNonQuery();
        }

        var old = await Store.ReadAsync(pk, "old");
        var replaced = await Store.ReplaceAsync(new DocumentWrite("old", pk, "plan", Body(new { text = old!.Body.GetProperty("text").GetString() + "!" })), old.ETag);

        Assert.Equal("Año de la participación 🎉", old.Body.GetProperty("text").GetString());
        Assert.Equal("\"e1\"", old.ETag);
        Assert.Equal("Año de la participación 🎉!", (await Store.ReadAsync(pk, "old"))!.Body.GetProperty("text").GetString());
        var stored = DocumentLimits.SerializeBody(replaced.Body);
        Assert.Contains(("text", System.Text.Encoding.UTF8.GetString(stored), (long)stored.Length), await RawRowsAsync(pk));
    }

    /// <summary>A write with its body in the stored form, as a collection hands it to <see cref="IAtomicDocumentStore"/>.</summary>
    private static Utf8DocumentWrite Stored(string id, string partitionKey, string type, object body) =>
        new(id, partitionKey, type, DocumentLimits.SerializeBody(Body(body)));

    private async Task<List<(string Type, string Body, long Bytes)>> RawRowsAsync(string partitionKey)
    {
        await using var connection = new SqliteConnection($"Data Source={_sqlite!.FilePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(body), body, length(CAST(body AS BLOB)) FROM documents WHERE partition_key = $pk AND id <> 'init' ORDER BY id";
        command.Parameters.AddWithValue("$pk", partitionKey);
        var rows = new List<(string, string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }
}
