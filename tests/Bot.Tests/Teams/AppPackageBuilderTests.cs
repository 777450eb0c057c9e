using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using ParticipaBot.Bot.Teams;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Teams;

public sealed class AppPackageBuilderTests
{
    internal const string BotId = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    internal const string ManifestId = "0b9f8e7d-6c5b-4a39-8281-706f5e4d3c2b";

    internal static TeamsAppOptions ValidOptions()
    {
        var options = new TeamsAppOptions
        {
            AppId = ManifestId,
            Version = "1.2.3",
            ShortName = "ParticipaBot",
            FullName = "ParticipaBot: participación ciudadana",
            Developer = new TeamsAppDeveloper
            {
                Name = "Alcaldía de Ejemplo",
                WebsiteUrl = "https://www.ejemplo.gov.co",
                PrivacyUrl = "https://www.ejemplo.gov.co/privacidad",
                TermsOfUseUrl = "https://www.ejemplo.gov.co/terminos",
            },
        };
        options.ValidDomains.Add("evidencias.ejemplo.gov.co");
        return options;
    }

    internal static Dictionary<string, byte[]> BuildFiles(TeamsAppOptions? options = null) =>
        AppPackageBuilder.Build(options ?? ValidOptions(), BotId).ToDictionary(f => f.Name, f => f.Content);

    internal static JsonObject Manifest(Dictionary<string, byte[]> files) =>
        JsonNode.Parse(files[AppPackageBuilder.ManifestFileName])!.AsObject();

    [Fact]
    public void Build_ValidConfiguration_FillsEveryPlaceholderFromConfiguration()
    {
        var files = BuildFiles();
        var manifest = Manifest(files);

        Assert.Equal(BotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(ManifestId, (string?)manifest["id"]);
        Assert.Equal("1.2.3", (string?)manifest["version"]);
        Assert.Equal("ParticipaBot", (string?)manifest["name"]!["short"]);
        Assert.Equal("Alcaldía de Ejemplo", (string?)manifest["developer"]!["name"]);
        Assert.Equal(["evidencias.ejemplo.gov.co"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        foreach (var name in new[] { "manifest.json", "es.json", "en.json" })
        {
            Assert.DoesNotContain("{{", Encoding.UTF8.GetString(files[name]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_ValidConfiguration_DeclaresScopesCommandsAndSpanishDefault()
    {
        var manifest = Manifest(BuildFiles());
        var bot = manifest["bots"]![0]!;
        var lists = bot["commandLists"]!.AsArray();

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(["reportar", "continuar", "mis pendientes", "estado", "exportar", "ayuda"], lists[0]!["commands"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.Equal(["estado", "notificar aquí", "dejar de notificar", "ayuda"], lists[1]!["commands"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.Equal("es", (string?)manifest["localizationInfo"]!["defaultLanguageTag"]);
        Assert.Equal("en", (string?)manifest["localizationInfo"]!["additionalLanguages"]![0]!["languageTag"]);
    }

    [Fact]
    public void Build_EnglishLocalization_UsesTheBotsEnglishCommandNames()
    {
        var english = JsonNode.Parse(BuildFiles()["en.json"])!.AsObject();

        Assert.Equal("my pending items", (string?)english["bots[0].commandLists[0].commands[2].title"]);
        Assert.Equal("notify here", (string?)english["bots[0].commandLists[1].commands[1].title"]);
    }

    [Fact]
    public void Build_DescriptionOverride_ReplacesSpanishTextOnly()
    {
        var options = ValidOptions();
        options.ShortDescription = "Participación ciudadana de la Alcaldía.";

        var files = BuildFiles(options);

        Assert.Equal(options.ShortDescription, (string?)Manifest(files)["description"]!["short"]);
        Assert.Equal(options.ShortDescription, (string?)JsonNode.Parse(files["es.json"])!["description.short"]);
        Assert.NotEqual(options.ShortDescription, (string?)JsonNode.Parse(files["en.json"])!["description.short"]);
    }

    [Fact]
    public void WriteZip_ValidConfiguration_PutsManifestIconsAndLocalizationAtTheRoot()
    {
        using var buffer = new MemoryStream();
        AppPackageBuilder.WriteZip(AppPackageBuilder.Build(ValidOptions(), BotId), buffer);
        buffer.Position = 0;

        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["color.png", "en.json", "es.json", "manifest.json", "outline.png"], names);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(reader.ReadToEnd())!;
        var referenced = new[]
        {
            (string?)manifest["icons"]!["color"],
            (string?)manifest["icons"]!["outline"],
            (string?)manifest["localizationInfo"]!["defaultLanguageFile"],
            (string?)manifest["localizationInfo"]!["additionalLanguages"]![0]!["file"],
        };
        Assert.All(referenced, path => Assert.Contains(path, names));
    }

    [Fact]
    public void Build_Icons_HaveTeamsSizes()
    {
        var files = BuildFiles();

        Assert.Equal((192, 192), PngImage.ReadSize(files["color.png"]));
        Assert.Equal((32, 32), PngImage.ReadSize(files["outline.png"]));
    }

    [Fact]
    public void Build_OutlineIcon_IsWhiteOnTransparentOnly()
    {
        var outline = PngImage.Decode(BuildFiles()["outline.png"]);
        var visible = 0;

        for (var y = 0; y < outline.Height; y++)
        {
            for (var x = 0; x < outline.Width; x++)
            {
                var (r, g, b, a) = outline[x, y];
                if (a == 0)
                {
                    continue;
                }

                visible++;
                Assert.True(r == 255 && g == 255 && b == 255, $"pixel ({x},{y}) is ({r},{g},{b},{a}); visible outline pixels must be pure white");
            }
        }

        Assert.InRange(visible, 100, (32 * 32) - 100);
        Assert.Equal(0, outline[0, 31].A); // transparent background, not a white square
    }

    [Fact]
    public void Build_ColorIcon_IsAnOpaqueFullColourSquare()
    {
        var color = PngImage.Decode(BuildFiles()["color.png"]);

        Assert.All(Enumerable.Range(0, color.Width * color.Height), i => Assert.Equal(255, color.Rgba[(i * 4) + 3]));
        var corner = color[0, 0];
        Assert.False(corner.R == corner.G && corner.G == corner.B, "the background should be the accent colour, not grey");
    }

    [Fact]
    public void Build_IconsInPackage_AreTheCommittedFiles()
    {
        var files = BuildFiles();

        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "manifest", "color.png")), files["color.png"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "manifest", "outline.png")), files["outline.png"]);
    }

    [Theory]
    [InlineData(null, "Falta Bot:AppId")]
    [InlineData("not-a-guid", "Bot:AppId 'not-a-guid' no es un GUID")]
    public void Validate_BadBotId_NamesBotAppId(string? botId, string expected)
    {
        var problems = AppPackageBuilder.Validate(ValidOptions(), botId);

        var problem = Assert.Single(problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.Contains("GUID", problem, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, Action<TeamsAppOptions>> Spoilers = new()
    {
        ["TeamsApp:ShortName tiene 31 caracteres; el máximo de Teams es 30"] = o => o.ShortName = new string('P', 31),
        ["TeamsApp:FullName tiene 101 caracteres; el máximo de Teams es 100"] = o => o.FullName = new string('P', 101),
        ["TeamsApp:ShortDescription tiene 81 caracteres; el máximo de Teams es 80"] = o => o.ShortDescription = new string('d', 81),
        ["TeamsApp:Developer:Name tiene 33 caracteres; el máximo de Teams es 32"] = o => o.Developer.Name = new string('n', 33),
        ["TeamsApp:Version '1.0' no es una versión"] = o => o.Version = "1.0",
        ["TeamsApp:AppId 'x' no es un GUID"] = o => o.AppId = "x",
        ["TeamsApp:Developer:PrivacyUrl 'http://ejemplo.gov.co' debe ser una URL https"] = o => o.Developer.PrivacyUrl = "http://ejemplo.gov.co",
        ["TeamsApp:AccentColor 'azul' no es un color"] = o => o.AccentColor = "azul",
        ["TeamsApp:ValidDomains:1 'https://x.gov.co' debe ser un dominio"] = o => o.ValidDomains.Add("https://x.gov.co"),
    };

    public static TheoryData<string> OverLimit => new(Spoilers.Keys);

    [Theory]
    [MemberData(nameof(OverLimit))]
    public void Validate_ValueBeyondTeamsLimit_IsRefusedWithItsKey(string expected)
    {
        var options = ValidOptions();
        Spoilers[expected](options);

        var problem = Assert.Single(AppPackageBuilder.Validate(options, BotId));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        Assert.Contains(" / ", problem, StringComparison.Ordinal); // English follows the Spanish
        Assert.Throws<AppPackageException>(() => AppPackageBuilder.Build(options, BotId));
    }

    [Fact]
    public void Validate_ValuesAtTheLimit_AreAccepted()
    {
        var options = ValidOptions();
        options.ShortName = new string('P', 30);
        options.ShortDescription = new string('d', 80);

        Assert.Empty(AppPackageBuilder.Validate(options, BotId));
        Assert.Equal(options.ShortName, (string?)Manifest(BuildFiles(options))["name"]!["short"]);
    }
}
