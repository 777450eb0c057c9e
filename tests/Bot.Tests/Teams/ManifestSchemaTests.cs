using System.Text;
using System.Text.Json.Nodes;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Teams;

/// <summary>
/// The built package against Microsoft's saved v1.30 schemas. Every document is validated up front
/// in two node runs (compiling the manifest schema is the slow part), then each test reads its result.
/// </summary>
public sealed class ManifestSchemaTests(ManifestSchemaTests.Results results) : IClassFixture<ManifestSchemaTests.Results>
{
    public sealed class Results
    {
        public Results()
        {
            var files = AppPackageBuilderTests.BuildFiles();
            var manifest = Encoding.UTF8.GetString(files["manifest.json"]);

            var wrongVersion = JsonNode.Parse(manifest)!.AsObject();
            wrongVersion["manifestVersion"] = "9.99";
            var lowercaseScope = JsonNode.Parse(manifest)!.AsObject();
            lowercaseScope["bots"]![0]!["scopes"] = new JsonArray("groupchat");
            var atLimits = AppPackageBuilderTests.ValidOptions();
            atLimits.ShortName = new string('P', 30);
            atLimits.ShortDescription = new string('d', 80);
            atLimits.FullName = new string('F', 100);
            var manifests = ManifestSchemaValidator.ValidateAll(ManifestSchemaValidator.ManifestSchema,
            [
                manifest,
                wrongVersion.ToJsonString(),
                lowercaseScope.ToJsonString(),
                Encoding.UTF8.GetString(AppPackageBuilderTests.BuildFiles(atLimits)["manifest.json"]),
            ]);
            (Manifest, WrongVersion, LowercaseScope, AtLimits) = (manifests[0], manifests[1], manifests[2], manifests[3]);

            var unknownKey = JsonNode.Parse(files["en.json"])!.AsObject();
            unknownKey["name.nickname"] = "PB";
            var localizations = ManifestSchemaValidator.ValidateAll(ManifestSchemaValidator.LocalizationSchema,
            [
                Encoding.UTF8.GetString(files["es.json"]),
                Encoding.UTF8.GetString(files["en.json"]),
                unknownKey.ToJsonString(),
            ]);
            (Spanish, English, UnknownKey) = (localizations[0], localizations[1], localizations[2]);
        }

        public SchemaValidationResult Manifest { get; }

        public SchemaValidationResult WrongVersion { get; }

        public SchemaValidationResult LowercaseScope { get; }

        public SchemaValidationResult AtLimits { get; }

        public SchemaValidationResult Spanish { get; }

        public SchemaValidationResult English { get; }

        public SchemaValidationResult UnknownKey { get; }
    }

    [Fact]
    public void Build_ValidConfiguration_ManifestPassesV130Schema() =>
        Assert.True(results.Manifest.IsValid, results.Manifest.ToString());

    [Fact]
    public void Build_ValuesAtTeamsLimits_ManifestPassesV130Schema() =>
        Assert.True(results.AtLimits.IsValid, results.AtLimits.ToString());

    [Fact]
    public void Build_ValidConfiguration_SpanishLocalizationPassesSchema() =>
        Assert.True(results.Spanish.IsValid, results.Spanish.ToString());

    [Fact]
    public void Build_ValidConfiguration_EnglishLocalizationPassesSchema() =>
        Assert.True(results.English.IsValid, results.English.ToString());

    [Fact]
    public void Validate_ManifestVersionNotInSchema_Fails()
    {
        Assert.False(results.WrongVersion.IsValid);
        Assert.Contains(results.WrongVersion.Errors, e => e.StartsWith("/manifestVersion", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LowercaseGroupchatScope_Fails()
    {
        Assert.False(results.LowercaseScope.IsValid);
        Assert.Contains(results.LowercaseScope.Errors, e => e.StartsWith("/bots/0/scopes/0", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownLocalizationKey_Fails() =>
        Assert.False(results.UnknownKey.IsValid);
}
