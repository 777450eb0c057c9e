using System.Text.Json;
using System.Text.Json.Nodes;
using ParticipaBot.Bot.Cards;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Cards;

public sealed class CardTests
{
    private static string SnapshotDirectory => Path.Combine(RepositoryPaths.Root, "tests", "Bot.Tests", "Cards", "Snapshots");

    [Fact]
    public async Task AllCards_ValidateAgainstAdaptiveCard15Schema()
    {
        await CardSchemaValidator.AssertValidAsync(CardCatalog.All());
    }

    [Fact]
    public void Execute_DataWithVerbNumbersAndNull_CarriesDataAndSubmitFallbackWithVerbFirst()
    {
        var data = new CardObject { ["draftId"] = "d-1", ["verb"] = "forged", ["n"] = 2.5, ["on"] = true, ["none"] = CardValue.Null, ["list"] = new JsonArray("a", "ñ") };

        var action = CardActions.Execute("Siguiente <paso>", "report.next", data);
        var empty = CardActions.Execute("Cancelar", "report.cancel");

        Assert.Equal(
            """{"type":"Action.Execute","title":"Siguiente \u003Cpaso\u003E","verb":"report.next","data":{"draftId":"d-1","verb":"forged","n":2.5,"on":true,"none":null,"list":["a","ñ"]},"fallback":{"type":"Action.Submit","title":"Siguiente \u003Cpaso\u003E","data":{"verb":"report.next","draftId":"d-1","n":2.5,"on":true,"none":null,"list":["a","ñ"]}}}""",
            action.ToString());
        Assert.Equal("report.next", action.ToJsonObject()["fallback"]!["data"]!["verb"]!.GetValue<string>());
        Assert.Equal(
            """{"type":"Action.Execute","title":"Cancelar","verb":"report.cancel","data":{},"fallback":{"type":"Action.Submit","title":"Cancelar","data":{"verb":"report.cancel"}}}""",
            empty.ToString());
        Assert.Equal("forged", data.ToJsonObject()["verb"]!.GetValue<string>());
    }

    [Fact]
    public void CardObject_NameSetAgain_ReplacesItsValueInPlace_AndACopyChangesAlone()
    {
        var data = new CardObject(1) { ["draftId"] = "d-1", ["step"] = "2", ["n"] = 3 };
        var copy = data.Copy(extraCapacity: 1);

        data["draftId"] = "d-2";
        copy["field"] = "items";

        Assert.Equal("""{"draftId":"d-2","step":"2","n":3}""", data.ToString());
        Assert.Equal("""{"draftId":"d-1","step":"2","n":3,"field":"items"}""", copy.ToString());
    }

    [Fact]
    public async Task CardSchemaValidator_InvalidCard_ReportsWhereItFails()
    {
        var card = new AdaptiveCardBuilder().Add(new CardObject { ["type"] = "TextBlok", ["text"] = "x" }).Build().ToJsonObject();
        var withUnknownRootKey = new AdaptiveCardBuilder().Add(CardElements.TextBlock("x")).Build().ToJsonObject();
        withUnknownRootKey["colour"] = "red";
        var withTeamsExtension = new AdaptiveCardBuilder().Add(CardElements.TextBlock("x")).FullWidth().Build().ToJsonObject();

        var results = await CardSchemaValidator.ValidateAsync(
        [
            KeyValuePair.Create("typo", card),
            KeyValuePair.Create("unknown-key", withUnknownRootKey),
            KeyValuePair.Create("msteams", withTeamsExtension),
        ]);

        Assert.False(results[0].IsValid);
        Assert.Contains(results[0].Errors, e => e.InstancePath == "/body/0/type");
        Assert.False(results[1].IsValid);
        Assert.True(results[2].IsValid, results[2].ToString());
    }

    /// <summary>Every card of the catalog has a snapshot: a new card cannot slip in without one.</summary>
    public static TheoryData<string> CardNames => [.. CardCatalog.All().Select(c => c.Key)];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_MatchesSnapshot(string name)
    {
        var card = CardCatalog.All().Single(c => c.Key == name).Value;
        var actual = Normalize(card.ToJsonObject());
        var path = Path.Combine(SnapshotDirectory, name + ".json");

        // Set UPDATE_SNAPSHOTS=1 to rewrite the expected files after an intended change, then review the diff.
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(SnapshotDirectory);
            File.WriteAllText(path, actual + "\n");
        }

        Assert.True(File.Exists(path), $"Snapshot missing: {path} (run with UPDATE_SNAPSHOTS=1 to create it).");
        var expected = Normalize(JsonNode.Parse(File.ReadAllText(path))!);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Build_CardOverSizeLimit_Throws()
    {
        var builder = new AdaptiveCardBuilder();
        for (var i = 0; i < 300; i++)
        {
            builder.Add(CardElements.TextBlock(new string('x', 100)));
        }

        var exception = Assert.Throws<CardTooLargeException>(() => builder.Build());
        Assert.Contains("limit is 28672 bytes", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllCards_AreWellUnderSizeLimit()
    {
        foreach (var (name, card) in CardCatalog.All())
        {
            Assert.True(card.SizeInBytes < AdaptiveCardBuilder.MaxSizeBytes / 2, name);
        }
    }

    [Fact]
    public void Build_Always_WritesSchemaAndVersion15()
    {
        var card = new AdaptiveCardBuilder().Add(CardElements.TextBlock("x")).Build().ToJsonObject();

        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card["$schema"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
    }

    [Fact]
    public void Execute_Always_FallsBackToSubmitWithSameVerbAndData()
    {
        var action = CardActions.Execute("Guardar", "report.save", new CardObject { ["draftId"] = "d1" }).ToJsonObject();

        Assert.Equal("Action.Execute", action["type"]!.GetValue<string>());
        Assert.Equal("report.save", action["verb"]!.GetValue<string>());
        var fallback = action["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
        Assert.Equal("report.save", fallback["data"]!["verb"]!.GetValue<string>());
        Assert.Equal("d1", fallback["data"]!["draftId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inputs_WithLabelsAndValidation_ValidateAgainstSchema()
    {
        var card = new AdaptiveCardBuilder()
            .Add(CardElements.InputText("name", "Nombre del espacio", isRequired: true, errorMessage: "Escribe el nombre.", maxLength: 200))
            .Add(CardElements.InputChoiceSet("groups", "Grupos de valor", [("Ciudadanía", "citizens"), ("Academia", "academia")], isRequired: true, isMultiSelect: true))
            .Add(CardElements.InputDate("date", "Fecha", isRequired: true))
            .Add(CardElements.InputNumber("attendees", "Asistentes", min: 0))
            .Add(CardElements.InputToggle("virtual", "Fue virtual"))
            .Add(CardElements.ActionSet([CardActions.Execute("Guardar", "report.save")]))
            .Build()
            .ToJsonObject();

        Assert.Equal("Nombre del espacio", card["body"]![0]!["label"]!.GetValue<string>());
        Assert.True(card["body"]![0]!["isRequired"]!.GetValue<bool>());
        Assert.Equal("Grupos de valor", card["body"]![1]!["errorMessage"]!.GetValue<string>());
        await CardSchemaValidator.AssertValidAsync([KeyValuePair.Create("inputs", card)]);
    }

    private static readonly JsonSerializerOptions SnapshotOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string Normalize(JsonNode node) => JsonSerializer.Serialize(node, SnapshotOptions).ReplaceLineEndings("\n");
}
