using System.Text.Json;
using ParticipaBot.Storage;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Storage.Tests;

/// <summary>
/// The one contract both adapters pass. Each test uses its own partition, so a store (or Cosmos container) may be
/// shared by the tests of one class.
/// </summary>
public abstract class DocumentStoreContractTests : IAsyncLifetime
{
    private IDocumentStore? _store;

    protected IDocumentStore Store => _store ?? throw new InvalidOperationException("Store not opened.");

    public async Task InitializeAsync() => _store = await OpenStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IDocumentStore> OpenStoreAsync();

    /// <summary>
    /// The store's clock. Expiry is decided on it, not on the wall clock, so that a slow machine cannot expire a
    /// document before the test has looked at it.
    /// </summary>
    protected abstract ManualTimeProvider Clock { get; }

    protected static string NewPartition() => $"plan|test-{Guid.NewGuid():N}|2025";

    protected static JsonElement Body(object value) => JsonSerializer.SerializeToElement(value);

    [Fact]
    public async Task Create_NewDocument_ReadsBackWithSameETag()
    {
        var pk = NewPartition();
        var created = await Store.CreateAsync(new DocumentWrite("plan", pk, "plan", Body(new { name = "Plan 2025", spaces = 3 })));

        var read = await Store.ReadAsync(pk, "plan");

        Assert.NotNull(read);
        Assert.False(string.IsNullOrEmpty(created.ETag));
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal("plan", read.Type);
        Assert.Equal("Plan 2025", read.Body.GetProperty("name").GetString());
        Assert.Equal(3, read.Body.GetProperty("spaces").GetInt32());
        Assert.Null(read.ExpiresAt);
    }

    [Fact]
    public async Task Create_ExistingId_ThrowsConflictAndKeepsOriginal()
    {
        var pk = NewPartition();
        await Store.CreateAsync(new DocumentWrite("a", pk, "space", Body(new { v = 1 })));

        await Assert.ThrowsAsync<DocumentConflictException>(() => Store.CreateAsync(new DocumentWrite("a", pk, "space", Body(new { v = 2 }))));

        var read = await Store.ReadAsync(pk, "a");
        Assert.Equal(1, read!.Body.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task Create_SameIdInOtherPartition_Succeeds()
    {
        var first = NewPartition();
        var second = NewPartition();
        await Store.CreateAsync(new DocumentWrite("same", first, "space", Body(new { v = 1 })));
        await Store.CreateAsync(new DocumentWrite("same", second, "space", Body(new { v = 2 })));

        Assert.Equal(1, (await Store.ReadAsync(first, "same"))!.Body.GetProperty("v").GetInt32());
        Assert.Equal(2, (await Store.ReadAsync(second, "same"))!.Body.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task Read_Missing_ReturnsNull()
    {
        Assert.Null(await Store.ReadAsync(NewPartition(), "missing"));
    }

    [Fact]
    public async Task Replace_WithCurrentETag_ReplacesAndChangesETag()
    {
        var pk = NewPartition();
        var created = await Store.CreateAsync(new DocumentWrite("r", pk, "report", Body(new { v = 1 })));

        var replaced = await Store.ReplaceAsync(new DocumentWrite("r", pk, "report", Body(new { v = 2 })), created.ETag);

        Assert.NotEqual(created.ETag, replaced.ETag);
        var read = await Store.ReadAsync(pk, "r");
        Assert.Equal(2, read!.Body.GetProperty("v").GetInt32());
        Assert.Equal(replaced.ETag, read.ETag);
    }

    [Fact]
    public async Task Replace_WithStaleETag_ThrowsPreconditionFailedAndKeepsNewer()
    {
        var pk = NewPartition();
        var created = await Store.CreateAsync(new DocumentWrite("r", pk, "report", Body(new { v = 1 })));
        await Store.ReplaceAsync(new DocumentWrite("r", pk, "report", Body(new { v = 2 })), created.ETag);

        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(
            () => Store.ReplaceAsync(new DocumentWrite("r", pk, "report", Body(new { v = 3 })), created.ETag));

        Assert.Equal(2, (await Store.ReadAsync(pk, "r"))!.Body.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task Replace_Missing_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<DocumentNotFoundException>(
            () => Store.ReplaceAsync(new DocumentWrite("nope", NewPartition(), "report", Body(new { v = 1 })), "\"00000000-0000-0000-0000-000000000000\""));
    }

    [Fact]
    public async Task Upsert_MissingThenExisting_CreatesThenReplaces()
    {
        var pk = NewPartition();
        var first = await Store.UpsertAsync(new DocumentWrite("u", pk, "progress", Body(new { v = 1 })));
        var second = await Store.UpsertAsync(new DocumentWrite("u", pk, "progress", Body(new { v = 2 })));

        Assert.NotEqual(first.ETag, second.ETag);
        var read = await Store.ReadAsync(pk, "u");
        Assert.Equal(2, read!.Body.GetProperty("v").GetInt32());
        Assert.Equal(second.ETag, read.ETag);
    }

    [Fact]
    public async Task Delete_Existing_ReturnsTrueAndRemoves()
    {
        var pk = NewPartition();
        await Store.CreateAsync(new DocumentWrite("d", pk, "draft", Body(new { v = 1 })));

        Assert.True(await Store.DeleteAsync(pk, "d"));
        Assert.Null(await Store.ReadAsync(pk, "d"));
        Assert.False(await Store.DeleteAsync(pk, "d"));
    }

    [Fact]
    public async Task Delete_Missing_ReturnsFalse()
    {
        Assert.False(await Store.DeleteAsync(NewPartition(), "missing"));
        Assert.False(await Store.DeleteAsync(NewPartition(), "missing", "\"stale\""));
    }

    [Fact]
    public async Task Delete_WithStaleETag_ThrowsAndKeeps_WithCurrentETag_Deletes()
    {
        var pk = NewPartition();
        var created = await Store.CreateAsync(new DocumentWrite("d", pk, "draft", Body(new { v = 1 })));
        var replaced = await Store.ReplaceAsync(new DocumentWrite("d", pk, "draft", Body(new { v = 2 })), created.ETag);

        await Assert.ThrowsAsync<DocumentPreconditionFailedException>(() => Store.DeleteAsync(pk, "d", created.ETag));
        Assert.NotNull(await Store.ReadAsync(pk, "d"));

        Assert.True(await Store.DeleteAsync(pk, "d", replaced.ETag));
        Assert.Null(await Store.ReadAsync(pk, "d"));
    }

    [Fact]
    public async Task TimeToLive_AfterExpiry_DocumentIsGoneFromReadQueryAndCanBeCreatedAgain()
    {
        var pk = NewPartition();
        var written = await Store.CreateAsync(new DocumentWrite("short", pk, "draft", Body(new { v = 1 }), TimeToLiveSeconds: 60));
        await Store.CreateAsync(new DocumentWrite("long", pk, "draft", Body(new { v = 2 })));
        Assert.Equal(Clock.GetUtcNow().AddSeconds(60).ToUnixTimeMilliseconds(), written.ExpiresAt?.ToUnixTimeMilliseconds());
        Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.NotNull(await Store.ReadAsync(pk, "short"));

        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await Store.ReadAsync(pk, "short"));
        var ids = await IdsAsync(Store.QueryAsync(pk));
        Assert.Equal(["long"], ids);
        Assert.DoesNotContain(await ToListAsync(Store.ReadAllAsync()), d => d.PartitionKey == pk && d.Id == "short");
        await Assert.ThrowsAsync<DocumentNotFoundException>(() => Store.ReplaceAsync(new DocumentWrite("short", pk, "draft", Body(new { v = 3 })), "\"x\""));
        var recreated = await Store.CreateAsync(new DocumentWrite("short", pk, "draft", Body(new { v = 4 })));
        Assert.Equal(4, (await Store.ReadAsync(pk, "short"))!.Body.GetProperty("v").GetInt32());
        Assert.Null(recreated.ExpiresAt);
    }

    [Fact]
    public async Task TimeToLive_RewriteWithoutTtl_DocumentStays()
    {
        var pk = NewPartition();
        var written = await Store.CreateAsync(new DocumentWrite("t", pk, "draft", Body(new { v = 1 }), TimeToLiveSeconds: 60));
        await Store.ReplaceAsync(new DocumentWrite("t", pk, "draft", Body(new { v = 2 })), written.ETag);

        Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(2, (await Store.ReadAsync(pk, "t"))!.Body.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task Query_ReturnsOnlyItsPartition_OrderedById()
    {
        var pk = NewPartition();
        var other = NewPartition();
        foreach (var id in new[] { "space-b", "plan", "space-a", "report-1" })
        {
            await Store.CreateAsync(new DocumentWrite(id, pk, id.Split('-')[0], Body(new { id })));
        }

        await Store.CreateAsync(new DocumentWrite("space-c", other, "space", Body(new { id = "space-c" })));

        Assert.Equal(["plan", "report-1", "space-a", "space-b"], await IdsAsync(Store.QueryAsync(pk)));
        Assert.Equal(["space-c"], await IdsAsync(Store.QueryAsync(other)));
        Assert.Empty(await IdsAsync(Store.QueryAsync(NewPartition())));
    }

    [Fact]
    public async Task Query_ByType_ReturnsOnlyThatType()
    {
        var pk = NewPartition();
        await Store.CreateAsync(new DocumentWrite("plan", pk, "plan", Body(new { })));
        await Store.CreateAsync(new DocumentWrite("s2", pk, "space", Body(new { n = 2 })));
        await Store.CreateAsync(new DocumentWrite("s1", pk, "space", Body(new { n = 1 })));
        await Store.CreateAsync(new DocumentWrite("r1", pk, "report", Body(new { })));

        var spaces = await ToListAsync(Store.QueryAsync(pk, "space"));

        Assert.Equal(["s1", "s2"], spaces.Select(s => s.Id));
        Assert.All(spaces, s => Assert.Equal("space", s.Type));
        Assert.All(spaces, s => Assert.False(string.IsNullOrEmpty(s.ETag)));
        Assert.Empty(await ToListAsync(Store.QueryAsync(pk, "progress")));
    }

    [Fact]
    public async Task Query_ETagOfQueriedDocument_WorksForReplace()
    {
        var pk = NewPartition();
        await Store.CreateAsync(new DocumentWrite("q", pk, "space", Body(new { v = 1 })));
        var queried = Assert.Single(await ToListAsync(Store.QueryAsync(pk)));

        await Store.ReplaceAsync(new DocumentWrite("q", pk, "space", Body(new { v = 2 })), queried.ETag);

        Assert.Equal(2, (await Store.ReadAsync(pk, "q"))!.Body.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task ReadAll_ReturnsDocumentsOfEveryPartition()
    {
        var first = NewPartition();
        var second = $"conversation|{Guid.NewGuid():N}";
        await Store.CreateAsync(new DocumentWrite("plan", first, "plan", Body(new { v = 1 })));
        await Store.CreateAsync(new DocumentWrite("draft", second, "draft", Body(new { v = 2 })));

        var all = await ToListAsync(Store.ReadAllAsync());

        var plan = Assert.Single(all, d => d.PartitionKey == first);
        var draft = Assert.Single(all, d => d.PartitionKey == second);
        Assert.Equal("plan", plan.Type);
        Assert.Equal(2, draft.Body.GetProperty("v").GetInt32());
    }

    [Fact]
    public async Task Create_OversizeDocument_ThrowsTooLargeAndStoresNothing()
    {
        var pk = NewPartition();
        var big = Body(new { text = new string('x', (int)DocumentLimits.MaxDocumentBytes) });

        var error = await Assert.ThrowsAsync<DocumentTooLargeException>(() => Store.CreateAsync(new DocumentWrite("big", pk, "report", big)));
        await Assert.ThrowsAsync<DocumentTooLargeException>(() => Store.UpsertAsync(new DocumentWrite("big", pk, "report", big)));

        Assert.Contains("big", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.ReadAsync(pk, "big"));
    }

    [Fact]
    public async Task Create_DocumentOfExactlyTheLimitInStoredBytes_IsStoredAndOneByteMoreIsNot()
    {
        // The limit counts the UTF-8 bytes stored (compact, letters unescaped): "ó" is two bytes, not a six-byte escape.
        var pk = NewPartition();
        var envelope = System.Text.Encoding.UTF8.GetByteCount("exact" + pk + "report") + "{\"text\":\"\"}".Length;
        var room = (int)DocumentLimits.MaxDocumentBytes - envelope;
        var exact = new string('ó', room / 2) + new string('x', room % 2);
        var body = JsonSerializer.SerializeToElement(new { text = exact }, StorageJson.Options);

        await Store.CreateAsync(new DocumentWrite("exact", pk, "report", body));
        await Assert.ThrowsAsync<DocumentTooLargeException>(() => Store.CreateAsync(new DocumentWrite("exact2", pk, "report", body)));

        Assert.Equal(exact, (await Store.ReadAsync(pk, "exact"))!.Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Create_DocumentJustUnderLimit_IsStored()
    {
        var pk = NewPartition();
        var body = Body(new { text = new string('x', (int)DocumentLimits.MaxDocumentBytes - 2048) });

        await Store.CreateAsync(new DocumentWrite("large", pk, "report", body));

        Assert.Equal(body.GetProperty("text").GetString(), (await Store.ReadAsync(pk, "large"))!.Body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Create_UnicodeBody_RoundTripsExactly()
    {
        var pk = $"plan|alcaldía-de-bogotá-{Guid.NewGuid():N}|2025";
        const string Text = "Participación ciudadana — rendición de cuentas: ñandú, ÁÉÍÓÚ, 日本語, emoji 🎉👩🏽‍💻, \"comillas\" \\ barra \u0001";

        await Store.CreateAsync(new DocumentWrite("año-2025", pk, "plan", Body(new { text = Text, nested = new { tilde = "ñ" } })));

        var read = await Store.ReadAsync(pk, "año-2025");
        Assert.Equal(Text, read!.Body.GetProperty("text").GetString());
        Assert.Equal("ñ", read.Body.GetProperty("nested").GetProperty("tilde").GetString());
        Assert.Equal(Text, Assert.Single(await ToListAsync(Store.QueryAsync(pk))).Body.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("c?d#e")]
    [InlineData("50%25 off")]
    [InlineData("back\\slash")]
    [InlineData("espacio y ñ")]
    [InlineData("pipe|colon:comma,")]
    public async Task Create_IdWithSpecialCharacters_ReadsQueriesAndDeletes(string id)
    {
        var pk = NewPartition();
        var created = await Store.CreateAsync(new DocumentWrite(id, pk, "space", Body(new { id })));

        Assert.Equal(id, (await Store.ReadAsync(pk, id))!.Id);
        Assert.Equal([id], await IdsAsync(Store.QueryAsync(pk)));
        await Store.ReplaceAsync(new DocumentWrite(id, pk, "space", Body(new { id, v = 2 })), created.ETag);
        Assert.Contains(await ToListAsync(Store.ReadAllAsync()), d => d.PartitionKey == pk && d.Id == id);
        Assert.True(await Store.DeleteAsync(pk, id));
        Assert.Null(await Store.ReadAsync(pk, id));
    }

    [Fact]
    public async Task Writes_EveryWrite_GetsAUniqueETag()
    {
        var pk = NewPartition();
        var etags = new HashSet<string>(StringComparer.Ordinal);
        var current = await Store.CreateAsync(new DocumentWrite("e", pk, "progress", Body(new { v = 0 })));
        etags.Add(current.ETag);
        for (var i = 1; i <= 10; i++)
        {
            current = i % 2 == 0
                ? await Store.ReplaceAsync(new DocumentWrite("e", pk, "progress", Body(new { v = i })), current.ETag)
                : await Store.UpsertAsync(new DocumentWrite("e", pk, "progress", Body(new { v = i })));
            Assert.True(etags.Add(current.ETag), $"ETag {current.ETag} repeated at write {i}");
        }
    }

    [Fact]
    public async Task UpdateWithRetry_ManyParallelWriters_LoseNoUpdate()
    {
        var pk = NewPartition();
        var counters = new DocumentCollection<Counter>(Store, "progress");
        await counters.CreateAsync(pk, "counter", new Counter(0));

        const int Writers = 16;
        const int Increments = 25;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < Increments; i++)
            {
                await counters.UpdateWithRetryAsync(pk, "counter", c => c with { Value = c.Value + 1 });
            }
        })));

        var final = await counters.GetAsync(pk, "counter");
        Assert.Equal(Writers * Increments, final!.Value.Value);
    }

    [Fact]
    public async Task CheckHealth_OpenStore_IsHealthy()
    {
        var health = await Store.CheckHealthAsync();

        Assert.True(health.IsHealthy, health.Description);
    }

    protected static async Task<List<StoredDocument>> ToListAsync(IAsyncEnumerable<StoredDocument> documents)
    {
        var list = new List<StoredDocument>();
        await foreach (var document in documents)
        {
            list.Add(document);
        }

        return list;
    }

    protected static async Task<List<string>> IdsAsync(IAsyncEnumerable<StoredDocument> documents)
        => (await ToListAsync(documents)).Select(d => d.Id).ToList();

    public sealed record Counter(int Value);

    [Fact]
    public async Task QueryAsync_PartitionOfManyPages_ReturnsEveryDocumentOfTheType()
    {
        // A year of reports is thousands of documents in one partition: every page must come back, typed or not.
        var pk = NewPartition();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1_200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            await Store.CreateAsync(new DocumentWrite($"doc-{i:0000}", pk, i % 10 == 0 ? "space" : "report", Body(new { i })), token));

        var all = 0;
        await foreach (var document in Store.QueryAsync(pk))
        {
            all++;
        }

        var spaces = 0;
        await foreach (var document in Store.QueryAsync(pk, "space"))
        {
            spaces++;
        }

        Assert.Equal((1_200, 120), (all, spaces));
    }
}
