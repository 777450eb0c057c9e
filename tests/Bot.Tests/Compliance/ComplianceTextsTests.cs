using System.Reflection;
using System.Text.RegularExpressions;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Compliance;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Tests.Compliance;

public sealed partial class ComplianceTextsTests
{
    [Fact]
    public void ComplianceTexts_EveryEntry_UniqueIdSpanishAndEnglishWithSamePlaceholders()
    {
        var texts = typeof(ComplianceTexts).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(LocalizedText))
            .Select(f => (LocalizedText)f.GetValue(null)!)
            .ToList();
        var shared = typeof(Texts).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(LocalizedText))
            .Select(f => ((LocalizedText)f.GetValue(null)!).Id)
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(texts.Count > 30);
        Assert.Equal(texts.Count, texts.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var text in texts)
        {
            Assert.DoesNotContain(text.Id, shared);
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
