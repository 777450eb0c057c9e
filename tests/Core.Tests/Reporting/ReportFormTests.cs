using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportFormTests
{
    private static readonly ReportForm Form = ReportForm.Default;

    [Fact]
    public void Default_Fields_CoverTheTwentyFiveDomainFieldsOnceEach()
    {
        Assert.Equal(Enumerable.Range(1, 25), Form.Fields.Select(f => f.Number).Order());
        Assert.Equal(25, Form.Fields.Select(f => f.Id).Distinct().Count());
        Assert.Equal(25, Form.Fields.Select(f => f.ExportColumn).Distinct().Count());
    }

    [Fact]
    public void Default_MintrabajoMinimumContents_AreTheFiveRequiredOnes()
    {
        var minimum = Form.Fields.Where(f => f.MinimumContent).Select(f => f.Id).Order().ToList();

        Assert.Equal(
            new[] { ReportFields.ActivitiesDone, ReportFields.Goals, ReportFields.Items, ReportFields.Result, ReportFields.ValueGroups }.Order(),
            minimum);
        Assert.All(Form.Fields.Where(f => f.MinimumContent), f => Assert.True(f.Required, f.Id));
    }

    [Fact]
    public void Default_Steps_EightInOrderEachWithFieldsAndTheReviewLast()
    {
        Assert.Equal(Enumerable.Range(1, 8), Form.Steps.Select(s => s.Number));
        Assert.All(Form.Steps, s => Assert.NotEmpty(Form.FieldsOf(s.Id)));
        Assert.Equal(ReportSteps.Review, Form.Steps[^1].Id);
        Assert.Equal(new[] { ReportFields.Status }, Form.FieldsOf(ReportSteps.Review).Select(f => f.Id));
        Assert.Null(Form.Next(ReportSteps.Review));
        Assert.Equal(ReportSteps.Details, Form.Next(ReportSteps.Space)!.Id);
        Assert.Equal(ReportSteps.Space, Form.Previous(ReportSteps.Details)!.Id);
    }

    [Fact]
    public void Default_EveryLabelAndPart_HasSpanishAndEnglish()
    {
        foreach (var field in Form.Fields)
        {
            Assert.False(string.IsNullOrWhiteSpace(field.Label.Es), field.Id);
            Assert.False(string.IsNullOrWhiteSpace(field.Label.En), field.Id);
            Assert.NotEmpty(field.Parts.Concat(field.EntryParts));
            Assert.All(field.Parts.Concat(field.EntryParts), p => Assert.False(string.IsNullOrWhiteSpace(p.Label.Es) || string.IsNullOrWhiteSpace(p.Label.En), field.Id));
        }
    }

    [Fact]
    public void Default_EveryVocabulary_ExistsInTheDefaultCatalogs()
    {
        var ids = Form.Fields.SelectMany(f => f.Parts.Concat(f.EntryParts)).Select(p => p.VocabularyId).OfType<string>().Distinct();

        Assert.All(ids, id => Assert.True(Catalogs.Default.TryGet(id, out _), id));
    }

    [Fact]
    public void Default_ListFields_HaveEntryPartsAndOthersDoNot()
    {
        Assert.All(Form.Fields, f => Assert.Equal(f.IsList, f.EntryParts.Count > 0));
    }

    [Theory]
    [InlineData("name", "name", null)]
    [InlineData("heldOn.from", "heldOn", "from")]
    [InlineData("items.2.text", "items", "text")]
    [InlineData("items.none", "items", "none")]
    [InlineData("goals.0", "goals", "")]
    [InlineData("participants.group.MUJERES", "participants", "group")]
    public void Match_WellFormedKey_FindsFieldAndPart(string key, string field, string? part)
    {
        var match = Form.Match(key);

        Assert.NotNull(match);
        Assert.Equal(field, match.Field.Id);
        Assert.Equal(part ?? string.Empty, match.Part.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nombre")]
    [InlineData("name.extra")]
    [InlineData("heldOn")]
    [InlineData("heldOn.from.x")]
    [InlineData("items.x.text")]
    [InlineData("items.01.text")]
    [InlineData("items.-1.text")]
    [InlineData("items.0.secret")]
    [InlineData("goals.0.text")]
    [InlineData("participants.group")]
    public void Match_MalformedKey_ReturnsNull(string key) => Assert.Null(Form.Match(key));

    [Fact]
    public void TextParts_DefaultLimits_Are200And4000()
    {
        Assert.Equal(200, Form.Field(ReportFields.Name).Parts[0].MaxLength);
        Assert.Equal(4000, Form.Field(ReportFields.ActivitiesDone).Parts[0].MaxLength);
    }
}
