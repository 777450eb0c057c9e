using System.Reflection;
using System.Text.RegularExpressions;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Tests.Review;

public sealed partial class ReviewTextsTests
{
    private static List<LocalizedText> Of(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(LocalizedText))
            .Select(f => (LocalizedText)f.GetValue(null)!)];

    [Fact]
    public void ReviewTexts_Ids_AreUniqueAcrossCatalogs()
    {
        var all = Of(typeof(ReviewTexts)).Concat(Of(typeof(Texts))).ToList();

        Assert.Empty(all.GroupBy(t => t.Id).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void ReviewTexts_EveryEntry_HasSpanishAndEnglishWithSamePlaceholders()
    {
        var texts = Of(typeof(ReviewTexts));
        Assert.True(texts.Count > 50);
        foreach (var text in texts)
        {
            Assert.False(string.IsNullOrEmpty(text.Id), text.Es);
            Assert.False(string.IsNullOrWhiteSpace(text.Es), text.Id);
            Assert.False(string.IsNullOrWhiteSpace(text.En), text.Id);
            Assert.Equal(Placeholders(text.Es), Placeholders(text.En));
        }
    }

    private static string Placeholders(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
