using System.Text.Json;
using ParticipaBot.Storage.Sqlite;

namespace ParticipaBot.Storage.Tests;

public sealed class DocumentCollectionTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly SqliteDocumentStore _store;

    public DocumentCollectionTests() => _store = new SqliteDocumentStore(Path.Combine(_directory.Path, "participabot.db"));

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    public enum SpaceStatus
    {
        Planned,
        InProgress,
    }

    public sealed record Space(string Name, SpaceStatus Status, string? Notes = null);

    [Fact]
    public async Task Create_TypedValue_StoresCamelCaseWithStringEnumsAndNoNulls()
    {
        var spaces = new DocumentCollection<Space>(_store, "space");
        var pk = PartitionKeys.Plan("alcaldia-1", 2025);

        await spaces.CreateAsync(pk, "space-1", new Space("Audiencia pública", SpaceStatus.InProgress));

        var raw = await _store.ReadAsync(pk, "space-1");
        Assert.Equal("space", raw!.Type);
        Assert.Equal("inProgress", raw.Body.GetProperty("status").GetString());
        Assert.Equal("Audiencia pública", raw.Body.GetProperty("name").GetString());
        Assert.False(raw.Body.TryGetProperty("notes", out _));
        var typed = await spaces.GetAsync(pk, "space-1");
        Assert.Equal(new Space("Audiencia pública", SpaceStatus.InProgress), typed!.Value);
        Assert.Equal(raw.ETag, typed.ETag);
    }

    [Fact]
    public async Task RememberVersions_ReadOfTheVersionWritten_ReturnsTheSameValue_AnotherWritersVersion_IsRead()
    {
        var pk = PartitionKeys.Conversation("a:1");
        var mine = new DocumentCollection<Space>(_store, "space", rememberVersions: 8);
        var written = new Space("Mesa de trabajo", SpaceStatus.Planned);
        var created = await mine.CreateAsync(pk, "draft", written);

        var read = await mine.GetAsync(pk, "draft");

        // Not deserialised again: the very value of the version written.
        Assert.Same(created.Value, read!.Value);

        // Another instance (its own memory) changes the document: the new version is read, not the remembered one.
        var theirs = new DocumentCollection<Space>(_store, "space", rememberVersions: 8);
        var changed = await theirs.ReplaceAsync(pk, "draft", written with { Status = SpaceStatus.InProgress }, created.ETag);
        var afterTheirs = await mine.GetAsync(pk, "draft");
        Assert.Equal(SpaceStatus.InProgress, afterTheirs!.Value.Status);
        Assert.Equal(changed.ETag, afterTheirs.ETag);
        Assert.Same(afterTheirs.Value, (await mine.GetAsync(pk, "draft"))!.Value);

        // Deleted and created again by the other instance: the new document, never the forgotten one.
        Assert.True(await mine.DeleteAsync(pk, "draft"));
        await theirs.CreateAsync(pk, "draft", new Space("Foro", SpaceStatus.Planned));
        Assert.Equal("Foro", (await mine.GetAsync(pk, "draft"))!.Value.Name);
    }

    [Fact]
    public async Task ReadWithAKnownETag_CurrentVersion_LeavesTheBodyUnread_AnyOtherVersion_ReadsIt()
    {
        var pk = PartitionKeys.Conversation("a:3");
        var spaces = new DocumentCollection<Space>(_store, "space");
        var first = await spaces.CreateAsync(pk, "draft", new Space("Mesa de trabajo", SpaceStatus.Planned));

        var current = await _store.ReadUtf8Async(pk, "draft", first.ETag, CancellationToken.None);
        Assert.Equal(first.ETag, current!.ETag);
        Assert.Empty(current.Body);

        var second = await spaces.ReplaceAsync(pk, "draft", first.Value with { Status = SpaceStatus.InProgress }, first.ETag);
        var changed = await _store.ReadUtf8Async(pk, "draft", first.ETag, CancellationToken.None);
        Assert.Equal(second.ETag, changed!.ETag);
        using var body = JsonDocument.Parse(changed.Body);
        Assert.Equal("inProgress", body.RootElement.GetProperty("status").GetString());
        Assert.NotEmpty((await _store.ReadUtf8Async(pk, "draft", null, CancellationToken.None))!.Body);
    }

    [Fact]
    public void RememberedVersions_PastItsCapacity_StartsOver_ANewVersionOfAKnownDocumentDoesNotCount()
    {
        var versions = new RememberedVersions<Space>(capacity: 2);
        var a = new Space("A", SpaceStatus.Planned);
        versions.Remember("pk", "a", "1", a);
        versions.Remember("pk", "b", "1", a);
        versions.Remember("pk", "a", "2", a);

        Assert.True(versions.TryGet("pk", "a", "2", out _));
        Assert.False(versions.TryGet("pk", "a", "1", out _));
        Assert.True(versions.TryGet("pk", "b", "1", out _));

        versions.Forget("pk", "b");
        versions.Remember("pk", "c", "1", a);
        Assert.True(versions.TryGet("pk", "a", "2", out _));

        versions.Remember("pk", "d", "1", a);
        Assert.False(versions.TryGet("pk", "a", "2", out _));
        Assert.True(versions.TryGet("pk", "d", "1", out _));
    }

    [Fact]
    public async Task RememberVersions_ReplacedBehindItsBackByAnotherType_IsRefused()
    {
        var pk = PartitionKeys.Conversation("a:2");
        var spaces = new DocumentCollection<Space>(_store, "space", rememberVersions: 8);
        var created = await spaces.CreateAsync(pk, "doc", new Space("A", SpaceStatus.Planned));
        await _store.DeleteAsync(pk, "doc");
        await _store.CreateAsync(new DocumentWrite("doc", pk, "plan", JsonSerializer.SerializeToElement(new { })));

        await Assert.ThrowsAsync<InvalidOperationException>(() => spaces.GetAsync(pk, "doc"));
        Assert.NotNull(created);
    }

    [Fact]
    public async Task Query_TypedCollection_ReturnsOnlyItsType()
    {
        var spaces = new DocumentCollection<Space>(_store, "space");
        var pk = PartitionKeys.Plan("alcaldia-1", 2025);
        await spaces.CreateAsync(pk, "space-2", new Space("B", SpaceStatus.Planned));
        await spaces.CreateAsync(pk, "space-1", new Space("A", SpaceStatus.Planned));
        await _store.CreateAsync(new DocumentWrite("plan", pk, "plan", JsonSerializer.SerializeToElement(new { })));

        var names = new List<string>();
        await foreach (var space in spaces.QueryAsync(pk))
        {
            names.Add(space.Value.Name);
        }

        Assert.Equal(["A", "B"], names);
    }

    [Fact]
    public async Task Get_DocumentOfOtherType_ThrowsNamingBothTypes()
    {
        var pk = PartitionKeys.Plan("alcaldia-1", 2025);
        await _store.CreateAsync(new DocumentWrite("plan", pk, "plan", JsonSerializer.SerializeToElement(new { })));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new DocumentCollection<Space>(_store, "space").GetAsync(pk, "plan"));

        Assert.Contains("'plan'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'space'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateWithRetry_Missing_ThrowsNotFound_AddOrUpdate_Creates()
    {
        var spaces = new DocumentCollection<Space>(_store, "space");
        var pk = PartitionKeys.Plan("alcaldia-1", 2025);

        await Assert.ThrowsAsync<DocumentNotFoundException>(() => spaces.UpdateWithRetryAsync(pk, "space-9", s => s));
        var created = await spaces.AddOrUpdateWithRetryAsync(pk, "space-9", s => s ?? new Space("Nuevo", SpaceStatus.Planned));
        var updated = await spaces.AddOrUpdateWithRetryAsync(pk, "space-9", s => s! with { Status = SpaceStatus.InProgress });

        Assert.Equal(SpaceStatus.Planned, created.Value.Status);
        Assert.Equal(SpaceStatus.InProgress, updated.Value.Status);
        Assert.NotEqual(created.ETag, updated.ETag);
    }

    [Fact]
    public void PartitionKeys_Build_DocumentedShapes()
    {
        Assert.Equal("plan|ent-1|2025", PartitionKeys.Plan("ent-1", 2025));
        Assert.Equal("notifications|ent-1|2025", PartitionKeys.Notifications("ent-1", 2025));
        Assert.Equal("conversation|19:abc@thread.v2", PartitionKeys.Conversation("19:abc@thread.v2"));
        Assert.Equal("tenant|t-1", PartitionKeys.Tenant("t-1"));
        Assert.Throws<ArgumentException>(() => PartitionKeys.Tenant(" "));
    }

    [Fact]
    public void DocumentIdComparer_OrdersByCodePoint_LikeSqliteBinary()
    {
        string[] ids = ["b", "a", "\uFFFD", "😀", "Z", "ñ"];

        var sorted = ids.Order(DocumentIdComparer.Instance).ToArray();

        // UTF-8 byte order: ASCII, then ñ (U+00F1), then U+FFFD, then the astral emoji (U+1F600).
        Assert.Equal(["Z", "a", "b", "ñ", "\uFFFD", "😀"], sorted);
    }

    [Fact]
    public async Task Create_IndentedSerializerOptions_StillStoresTheCompactForm()
    {
        // Only a serializer that writes the stored form has its bytes stored as they are; any other goes through the element.
        var indented = new JsonSerializerOptions(StorageJson.Options) { WriteIndented = true };
        var spaces = new DocumentCollection<Space>(_store, "space", indented);
        var pk = PartitionKeys.Plan("alcaldia-1", 2025);

        await spaces.CreateAsync(pk, "space-1", new Space("Audiencia pública", SpaceStatus.InProgress));

        Assert.Equal("{\"name\":\"Audiencia pública\",\"status\":\"inProgress\"}", (await _store.ReadAsync(pk, "space-1"))!.Body.GetRawText());
        Assert.Equal(new Space("Audiencia pública", SpaceStatus.InProgress), (await spaces.GetAsync(pk, "space-1"))!.Value);
    }

    [Fact]
    public async Task Create_OversizeValue_ThrowsTooLargeAndStoresNothing()
    {
        var spaces = new DocumentCollection<Space>(_store, "space");
        var pk = PartitionKeys.Plan("alcaldia-1", 2025);

        await Assert.ThrowsAsync<DocumentTooLargeException>(() => spaces.CreateAsync(pk, "big", new Space(new string('ñ', (int)DocumentLimits.MaxDocumentBytes / 2), SpaceStatus.Planned)));
        await Assert.ThrowsAsync<DocumentTooLargeException>(() => spaces.UpsertAsync(pk, "big", new Space(new string('ñ', (int)DocumentLimits.MaxDocumentBytes / 2), SpaceStatus.Planned)));

        Assert.Null(await _store.ReadAsync(pk, "big"));
    }

    [Fact]
    public async Task Get_BodyWrittenThroughTheElementWithEscapes_ReadsEqual()
    {
        // Rows written before typed writes stored the serializer's bytes (or by any caller with other escaping) read as before.
        var spaces = new DocumentCollection<Space>(_store, "space");
        var pk = PartitionKeys.Plan("alcaldia-1", 2025);
        using var body = JsonDocument.Parse("{ \"name\" : \"Audiencia p\\u00fablica \\ud83c\\udf89\", \"status\" : \"inProgress\", \"notes\" : null }");
        var written = await _store.CreateAsync(new DocumentWrite("space-1", pk, "space", body.RootElement));

        var read = await spaces.GetAsync(pk, "space-1");
        var replaced = await spaces.ReplaceAsync(pk, "space-1", read!.Value with { Notes = "ñ" }, read.ETag);

        Assert.Equal(new Space("Audiencia pública 🎉", SpaceStatus.InProgress), read.Value);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(new Space("Audiencia pública 🎉", SpaceStatus.InProgress, "ñ"), replaced.Value);
        Assert.Equal(replaced.Value, (await spaces.GetAsync(pk, "space-1"))!.Value);
    }
}
