using System.Text.Json.Nodes;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Cards;

/// <summary>Snapshots of the report wizard's cards (schema validation runs over the whole catalog in CardTests).</summary>
public sealed class WizardCardTests
{
    public static TheoryData<string> WizardCards() => [.. CardCatalog.All().Select(c => c.Key).Where(k => k.StartsWith("wizard-", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(WizardCards))]
    public void WizardCard_MatchesSnapshot(string name)
    {
        var card = CardCatalog.All().Single(c => c.Key == name).Value;
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "Bot.Tests", "Cards", "Snapshots");
        var path = Path.Combine(directory, name + ".json");
        var actual = CardTests.Normalize(card.ToJsonObject());
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual + "\n");
        }

        Assert.True(File.Exists(path), $"Snapshot missing: {path} (run with UPDATE_SNAPSHOTS=1 to create it).");
        Assert.Equal(CardTests.Normalize(JsonNode.Parse(File.ReadAllText(path))!), actual);
    }

    [Fact]
    public void WizardCards_EveryStepEmptyFilledAndWithErrors_InBothLanguages()
    {
        var names = CardCatalog.All().Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var suffix in new[] { "es", "en" })
        {
            for (var step = 1; step <= 7; step++)
            {
                Assert.Contains($"wizard-step{step}-empty.{suffix}", names);
                Assert.Contains($"wizard-step{step}-errors.{suffix}", names);
            }

            Assert.Contains($"wizard-review.{suffix}", names);
            Assert.Contains($"wizard-confirmation.{suffix}", names);
            Assert.Contains($"wizard-pending.{suffix}", names);
        }
    }

    [Fact]
    public void StepWithErrors_ShowsEachErrorInsideItsFieldsContainer()
    {
        var card = CardCatalog.All().Single(c => c.Key == "wizard-step2-errors.es").Value.ToJsonObject();
        var format = Containers(card).Single(c => c["items"]!.AsArray().Any(i => i?["id"]?.GetValue<string>() == "format"));

        Assert.Contains(format["items"]!.AsArray(), i => i?["color"]?.GetValue<string>() == "attention"
            && i["text"]!.GetValue<string>() == "⚠ «Formato»: «KARAOKE» no es una opción válida.");
    }

    private static IEnumerable<JsonObject> Containers(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(kv => kv.Value).SelectMany(Containers).Concat(obj["type"]?.GetValue<string>() == "Container" ? [obj] : []),
        JsonArray array => array.SelectMany(Containers),
        _ => [],
    };
}
