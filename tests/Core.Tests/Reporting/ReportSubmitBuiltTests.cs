using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Core.Tests.Reporting;

/// <summary>Submitting what the builder built answers as submitting the report (which validates it again).</summary>
public sealed class ReportSubmitBuiltTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 15, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string?> Changes() => new()
    {
        { "none", null },
        { "name", "  Mesa con espacios alrededor  " },
        { "format", "taller" },
        { "modality.mode", "presencial" },
        { "valueGroups.actorTypes", "sindicatos, SINDICATOS ,trabajadores" },
        { "participants.group.SINDICATOS", "10.0" },
        { "participantEvaluation.satisfaction", "87,5" },
        { "heldOn.to", "2026-03-10" },
        { "heldOn.from", " 2026-03-10 " },
        { "goals.0", null },
        { "items.1.kind", null },
        { "items.0.kind", null },
        { "items.5.kind", "PREGUNTA" },
        { "evidence.0.url", null },
        { "evidence.1.fileName", null },
        { "answers.0.decision", "EN_ESTUDIO" },
        { "publication.url", null },
        { "space.id", null },
        { "space.unscheduled", "true" },
        { "participants.women", "40" },
        { "status", "APROBADO" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Submit_BuiltDraft_AnswersAsSubmittingTheReport(string key, string? value)
    {
        var values = ReportTestData.ValidValues();
        if (key == "space.unscheduled")
        {
            values.Remove("space.id");
            values["space.reason"] = "Convocatoria extraordinaria.";
        }

        if (key == "items.5.kind")
        {
            values["items.5.text"] = "Otra pregunta tras un hueco.";
            values["answers.5.decision"] = "ACOGIDA";
            values["answers.5.date"] = "2026-03-21";
        }

        if (key != "none")
        {
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }

        var context = ReportTestData.Context(new DateOnly(2026, 4, 20));
        var built = ReportBuilder.Build(ReportForm.Default, ReportTestData.ValidDraft() with { Values = values }, context);

        var once = ReportWorkflow.Submit(built, ReportActorRole.Delegate, context, Now);

        if (built.Report is { } report)
        {
            var twice = ReportWorkflow.Submit(report, ReportActorRole.Delegate, context, Now, form: ReportForm.Default);
            Assert.Equal(twice.Succeeded, once.Succeeded);
            Assert.Equal(twice.Validation.Errors, once.Validation.Errors);
            Assert.Equal(twice.Refusal, once.Refusal);
            Assert.Equal(twice.Report?.Status, once.Report?.Status);
            Assert.Equal(twice.Report?.SubmittedAt, once.Report?.SubmittedAt);
        }
        else
        {
            Assert.False(once.Succeeded);
            Assert.Equal(built.Validation.Errors, once.Validation.Errors);
        }
    }
}
