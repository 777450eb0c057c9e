using System.Text.Json.Nodes;
using ParticipaBot.Bot.Cards;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Cards;

/// <summary>
/// Validates card JSON against the saved Adaptive Card 1.5 schema (draft-06, strict). The root "msteams" key is a Teams
/// extension the schema does not know, so it is removed first (PROTOCOL.md §4).
/// </summary>
internal static class CardSchemaValidator
{
    public static string SchemaPath => Path.Combine(RepositoryPaths.Shared, "schemas", "adaptive-cards", "1.5.0", "adaptive-card.json");

    public static Task<IReadOnlyList<JsonSchemaResult>> ValidateAsync(IEnumerable<KeyValuePair<string, JsonObject>> cards)
    {
        var documents = cards
            .Select(c =>
            {
                var copy = c.Value.DeepClone().AsObject();
                copy.Remove("msteams");
                return KeyValuePair.Create(c.Key, copy.ToJsonString());
            })
            .ToList();
        return JsonSchemaValidator.ValidateAsync(SchemaPath, documents);
    }

    /// <summary>Fails the test with every error of every invalid card.</summary>
    public static Task AssertValidAsync(IEnumerable<KeyValuePair<string, AdaptiveCard>> cards) =>
        AssertValidAsync(cards.Select(c => KeyValuePair.Create(c.Key, c.Value.ToJsonObject())));

    public static async Task AssertValidAsync(IEnumerable<KeyValuePair<string, JsonObject>> cards)
    {
        var results = await ValidateAsync(cards);
        var invalid = results.Where(r => !r.IsValid).ToList();
        Assert.True(invalid.Count == 0, string.Join(Environment.NewLine, invalid));
    }
}
