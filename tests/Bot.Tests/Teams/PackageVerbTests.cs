using System.IO.Compression;
using System.Text.Json.Nodes;
using ParticipaBot.Bot.Cli;

namespace ParticipaBot.Bot.Tests.Teams;

public sealed class PackageVerbTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("participabot-package-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string[] Configuration(string botId) =>
    [
        $"--Bot:AppId={botId}",
        $"--TeamsApp:AppId={AppPackageBuilderTests.ManifestId}",
        "--TeamsApp:Version=2.0.1",
        "--TeamsApp:Developer:Name=Gobernación de Ejemplo",
        "--TeamsApp:Developer:WebsiteUrl=https://www.ejemplo.gov.co",
        "--TeamsApp:Developer:PrivacyUrl=https://www.ejemplo.gov.co/privacidad",
        "--TeamsApp:Developer:TermsOfUseUrl=https://www.ejemplo.gov.co/terminos",
    ];

    [Fact]
    public async Task RunAsync_ValidConfiguration_WritesZipWithConfiguredBotId()
    {
        var file = Path.Combine(_directory, "out", "app.zip");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await PackageVerb.RunAsync(["--out", file, .. Configuration(AppPackageBuilderTests.BotId)], output, error);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error.ToString());
        using var zip = ZipFile.OpenRead(file);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
        Assert.Equal(AppPackageBuilderTests.BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("2.0.1", (string?)manifest["version"]);
        Assert.Contains(file, output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".tmp"));
    }

    [Fact]
    public async Task RunAsync_BotIdNotAGuid_ExitsNonZeroWithBilingualMessageAndNoFile()
    {
        var file = Path.Combine(_directory, "app.zip");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await PackageVerb.RunAsync([$"--out={file}", .. Configuration("mi-bot")], output, error);

        Assert.NotEqual(0, exit);
        var message = error.ToString();
        Assert.Contains("No se creó el paquete", message, StringComparison.Ordinal);
        Assert.Contains("the Teams app package was not written", message, StringComparison.Ordinal);
        Assert.Contains("Bot:AppId 'mi-bot' no es un GUID", message, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task RunAsync_OutWithoutFile_IsAUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await PackageVerb.RunAsync(["--out"], output, error);

        Assert.Equal(2, exit);
        Assert.Contains("--out", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageAndWritesNothing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await PackageVerb.RunAsync(["--help"], output, error);

        Assert.Equal(0, exit);
        Assert.Contains("participabot package [--out", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.ToString());
    }
}
