using System.Text;
using System.Text.Json;
using ParticipaBot.Bot.Cli;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Tests.Cli;

public sealed class DataVerbsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "participabot-tests", Guid.NewGuid().ToString("N"));

    public DataVerbsTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task ExportThenImport_IntoEmptyStore_CopiesEveryDocument()
    {
        var source = DocumentStoreFactory.OpenSqlite(Path.Combine(_directory, "source.db"));
        var target = DocumentStoreFactory.OpenSqlite(Path.Combine(_directory, "target.db"));
        try
        {
            await source.CreateAsync(new DocumentWrite("plan", "plan|ent-1|2025", "plan", Body(new { nombre = "Estrategia de participación 2025" })));
            await source.CreateAsync(new DocumentWrite("space/1", "plan|ent-1|2025", "space", Body(new { n = 1 })));
            await source.CreateAsync(new DocumentWrite("draft", "conversation|abc", "draft", Body(new { t = "borrador" }), TimeToLiveSeconds: 3600));

            using var exported = new MemoryStream();
            var count = await DataVerbs.ExportAsync(source, exported, CancellationToken.None);
            var lines = Encoding.UTF8.GetString(exported.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var documents = DataVerbs.ParseLines(lines, DateTimeOffset.UtcNow);
            var imported = await DataVerbs.ImportAsync(target, documents, CancellationToken.None);

            Assert.Equal(3, count);
            Assert.Equal(3, imported);
            Assert.Contains("Estrategia de participación 2025", lines[^1] + lines[0] + lines[1], StringComparison.Ordinal);
            var plan = await target.ReadAsync("plan|ent-1|2025", "plan");
            Assert.Equal("Estrategia de participación 2025", plan!.Body.GetProperty("nombre").GetString());
            Assert.NotNull(await target.ReadAsync("plan|ent-1|2025", "space/1"));
            var draft = await target.ReadAsync("conversation|abc", "draft");
            Assert.NotNull(draft!.ExpiresAt);
        }
        finally
        {
            ((IDisposable)source).Dispose();
            ((IDisposable)target).Dispose();
        }
    }

    [Theory]
    [InlineData("{not json", 2, "JSON")]
    [InlineData("[1,2]", 2, "objeto")]
    [InlineData("{\"pk\":\"p\",\"type\":\"plan\",\"body\":{}}", 2, "\"id\"")]
    [InlineData("{\"id\":\"a\",\"pk\":\"p\",\"type\":\"plan\",\"body\":3}", 2, "\"body\"")]
    [InlineData("{\"id\":\"x\",\"pk\":\"p\",\"type\":\"plan\",\"body\":{}}", 2, "repetido")]
    public void ParseLines_MalformedLine_ThrowsNamingTheLine(string badLine, int expectedLine, string expectedText)
    {
        string[] lines = ["{\"id\":\"x\",\"pk\":\"p\",\"type\":\"plan\",\"body\":{}}", badLine, "{\"id\":\"y\",\"pk\":\"p\",\"type\":\"plan\",\"body\":{}}"];

        var error = Assert.Throws<ImportFormatException>(() => DataVerbs.ParseLines(lines, DateTimeOffset.UtcNow));

        Assert.Equal(expectedLine, error.LineNumber);
        Assert.Contains($"line {expectedLine}", error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedText, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportVerb_MalformedFile_WritesNothingAndExitsOne()
    {
        var file = Path.Combine(_directory, "bad.jsonl");
        var dataDirectory = Path.Combine(_directory, "data");
        await File.WriteAllLinesAsync(file, ["{\"id\":\"ok\",\"pk\":\"p\",\"type\":\"plan\",\"body\":{}}", "{broken"]);

        var exit = await DataVerbs.ImportAsync([file, $"--Storage:DataDirectory={dataDirectory}"]);

        Assert.Equal(1, exit);
        var store = DocumentStoreFactory.OpenSqlite(Path.Combine(dataDirectory, "participabot.db"));
        try
        {
            Assert.Null(await store.ReadAsync("p", "ok"));
        }
        finally
        {
            ((IDisposable)store).Dispose();
        }
    }

    [Fact]
    public async Task ExportAndImportVerbs_ThroughConfiguration_MoveDataBetweenDirectories()
    {
        var from = Path.Combine(_directory, "from");
        var to = Path.Combine(_directory, "to");
        var file = Path.Combine(_directory, "export.jsonl");
        var seed = DocumentStoreFactory.OpenSqlite(Path.Combine(from, "participabot.db"));
        await seed.CreateAsync(new DocumentWrite("a", "tenant|t1", "roster", Body(new { n = 1 })));
        ((IDisposable)seed).Dispose();

        Assert.Equal(0, await DataVerbs.ExportAsync(["--out", file, $"--Storage:DataDirectory={from}"]));
        Assert.Equal(0, await DataVerbs.ImportAsync([file, $"--Storage:DataDirectory={to}"]));

        var target = DocumentStoreFactory.OpenSqlite(Path.Combine(to, "participabot.db"));
        try
        {
            Assert.Equal(1, (await target.ReadAsync("tenant|t1", "a"))!.Body.GetProperty("n").GetInt32());
        }
        finally
        {
            ((IDisposable)target).Dispose();
        }
    }

    private static JsonElement Body(object value) => JsonSerializer.SerializeToElement(value);
}
