using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class VocabularyTests
{
    [Fact]
    public void Extend_MintrabajoActorTypes_AddsAfterDefaultsAndKeepsOthers()
    {
        var catalogs = ReportTestData.MintrabajoCatalogs;
        var actors = catalogs.Get(VocabularyIds.ActorType);

        Assert.True(actors.Contains("TRABAJADORES"));
        Assert.True(actors.Contains("pensionados"));
        Assert.Equal("PENSIONADOS", actors.Entries[^1].Code);
        Assert.Equal(DefaultVocabularies.ActorType.Entries.Count + 3, actors.Entries.Count);
        Assert.False(Catalogs.Default.Get(VocabularyIds.ActorType).Contains("TRABAJADORES"));
        Assert.Same(Catalogs.Default.Get(VocabularyIds.Phase), catalogs.Get(VocabularyIds.Phase));
    }

    [Theory]
    [InlineData("taller")]
    [InlineData("Mixto ")]
    [InlineData("con espacio")]
    [InlineData("")]
    public void Constructor_InvalidCode_Throws(string code) =>
        Assert.Throws<ArgumentException>(() => new Vocabulary("x", LocalizedText.Empty, [new VocabularyEntry(code, LocalizedText.Empty, 1)]));

    [Fact]
    public void Extend_RepeatedCode_Throws() =>
        Assert.Throws<ArgumentException>(() => Catalogs.Default.Extend(VocabularyIds.Format, ("TALLER", "Taller", "Workshop")));

    [Theory]
    [InlineData("AUDIENCIA_PUBLICA")]
    [InlineData("audiencia publica")]
    [InlineData("Audiencia Pública")]
    [InlineData("Public hearing")]
    public void FindByCodeOrLabel_CodeOrFoldedLabel_FindsEntry(string text) =>
        Assert.Equal("AUDIENCIA_PUBLICA", DefaultVocabularies.Format.FindByCodeOrLabel(text)?.Code);

    [Fact]
    public void Level_IsOrdinalFromInformationToSocialOversight()
    {
        Assert.True(DefaultVocabularies.Level.IsOrdinal);
        Assert.Equal(new[] { "INFORMACION", "CONSULTA", "COLABORACION", "EMPODERAMIENTO", "CONTROL_SOCIAL" }, DefaultVocabularies.Level.Entries.Select(e => e.Code));
    }

    [Fact]
    public void Defaults_DomainLists_HaveTheExpectedSizes()
    {
        Assert.Equal(4, DefaultVocabularies.Phase.Entries.Count);
        Assert.Equal(6, DefaultVocabularies.SpaceKind.Entries.Count);
        Assert.Equal(3, DefaultVocabularies.Modality.Entries.Count);
        Assert.Equal(12, DefaultVocabularies.Format.Entries.Count);
        Assert.Equal(13, DefaultVocabularies.ActorType.Entries.Count);
        Assert.Equal(12, DefaultVocabularies.PopulationFocus.Entries.Count);
        Assert.Equal(5, DefaultVocabularies.ItemKind.Entries.Count);
        Assert.Equal(5, DefaultVocabularies.AnswerDecision.Entries.Count);
        Assert.Equal(5, DefaultVocabularies.ResultCategory.Entries.Count);
    }

    [Fact]
    public void ReportCodes_EveryEnumValue_RoundTripsThroughItsVocabularyCode()
    {
        Assert.All(Enum.GetValues<ReportStatus>(), v => { Assert.True(DefaultVocabularies.ReportStatus.Contains(v.ToCode())); Assert.True(ReportCodes.TryParse(v.ToCode(), out ReportStatus back)); Assert.Equal(v, back); });
        Assert.All(Enum.GetValues<ItemKind>(), v => { Assert.True(DefaultVocabularies.ItemKind.Contains(v.ToCode())); Assert.True(ReportCodes.TryParse(v.ToCode(), out ItemKind back)); Assert.Equal(v, back); });
        Assert.All(Enum.GetValues<AnswerDecision>(), v => { Assert.True(DefaultVocabularies.AnswerDecision.Contains(v.ToCode())); Assert.True(ReportCodes.TryParse(v.ToCode(), out AnswerDecision back)); Assert.Equal(v, back); });
        Assert.All(Enum.GetValues<CommitmentStatus>(), v => { Assert.True(DefaultVocabularies.CommitmentStatus.Contains(v.ToCode())); Assert.True(ReportCodes.TryParse(v.ToCode(), out CommitmentStatus back)); Assert.Equal(v, back); });
        Assert.All(Enum.GetValues<ProgressStatus>(), v => { Assert.True(DefaultVocabularies.ProgressStatus.Contains(v.ToCode())); Assert.True(ReportCodes.TryParse(v.ToCode(), out ProgressStatus back)); Assert.Equal(v, back); });
        Assert.False(ReportCodes.TryParse("PUBLICADO", out ReportStatus _));
    }

    [Fact]
    public void LocalizedText_For_EnglishCultureGetsEnglishOtherwiseSpanish()
    {
        var text = new LocalizedText("Hola", "Hello");

        Assert.Equal("Hello", text.For(new System.Globalization.CultureInfo("en-US")));
        Assert.Equal("Hola", text.For(new System.Globalization.CultureInfo("es-CO")));
        Assert.Equal("Hola", text.For(null));
    }

    [Fact]
    public void LocalizedText_Filled_FormatsEachLanguageWithItsCultureAndKeepsTheId()
    {
        var text = new LocalizedText("test.total", "Total: {0:N1} el {1:d}", "Total: {0:N1} on {1:d}");

        var filled = text.Filled(1234.5, new DateOnly(2026, 3, 9));

        Assert.Equal("Total: 1.234,5 el 9/03/2026", filled.Es);
        Assert.Equal("Total: 1,234.5 on 3/9/2026", filled.En);
        Assert.Equal("test.total", filled.Id);
        Assert.Null(new LocalizedText("Hola", "Hello").Id);
    }
}
