using System.Reflection;
using System.Text.RegularExpressions;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Tests.Conversations;

public sealed partial class TextsTests
{
    private static IReadOnlyList<LocalizedText> All() =>
        [.. typeof(Texts).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(LocalizedText))
            .Select(f => (LocalizedText)f.GetValue(null)!)];

    [Fact]
    public void Texts_Ids_AreUnique()
    {
        var duplicates = All().GroupBy(t => t.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Texts_EveryEntry_HasSpanishAndEnglishWithSamePlaceholders()
    {
        var texts = All();
        Assert.True(texts.Count > 20);
        foreach (var text in texts)
        {
            Assert.False(string.IsNullOrEmpty(text.Id), text.Es);
            Assert.False(string.IsNullOrWhiteSpace(text.Es), text.Id);
            Assert.False(string.IsNullOrWhiteSpace(text.En), text.Id);
            Assert.Equal(Placeholders(text.Es), Placeholders(text.En));
        }
    }

    [Fact]
    public void Format_Spanish_UsesColombianCulture()
    {
        var text = new LocalizedText("t", "{0:N1}", "{0:N1}");

        Assert.Equal("1.234,5", text.Format(UserLanguage.Spanish, 1234.5));
        Assert.Equal("1,234.5", text.Format(UserLanguage.English, 1234.5));
    }

    private static string Placeholders(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
