using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportChoicesTests
{
    private static readonly ReportForm Form = ReportForm.Default;

    [Fact]
    public void Options_EveryChoiceOffered_IsAcceptedByTheValidator()
    {
        var context = ReportTestData.Context() with { KnownAreas = new HashSet<string>(["GRUPO_ATENCION", "OAP"]) };
        foreach (var field in Form.Fields.Where(f => !f.SystemManaged))
        {
            foreach (var part in field.Parts.Where(p => p.Kind is PartKind.Choice or PartKind.MultiChoice))
            {
                var options = ReportChoices.Options(part, context);
                Assert.NotEmpty(options);
                foreach (var option in options)
                {
                    var values = ReportTestData.ValidValues();
                    values[field.KeyOf(part)] = option.Code;
                    values.Remove("space.unscheduled");
                    var errors = ReportValidator.ValidateAll(Form, values, context).ForKey(field.KeyOf(part));
                    Assert.True(errors.Count == 0, $"{field.KeyOf(part)}={option.Code}: {string.Join(" ", errors.Select(e => e.Message.Es))}");
                }
            }
        }
    }

    [Fact]
    public void Options_LeaderArea_OnlyTheUsersAreas() =>
        Assert.Equal(new[] { "GRUPO_ATENCION" }, ReportChoices.Options(Form.Field(ReportFields.Area).Part("leader"), ReportTestData.Context()).Select(o => o.Code));

    [Fact]
    public void Options_ActorTypes_IncludeTheEntityExtension() =>
        Assert.Contains(ReportChoices.Options(Form.Field(ReportFields.ValueGroups).Part("actorTypes"), ReportTestData.Context()), o => o.Code == "PENSIONADOS");
}
