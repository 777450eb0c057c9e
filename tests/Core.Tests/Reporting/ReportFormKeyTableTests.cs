using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Tests.Reporting;

/// <summary>The keys parsed once when a form is built answer exactly as parsing them each time would.</summary>
public sealed class ReportFormKeyTableTests
{
    [Fact]
    public void Match_EveryShapeOfKey_AnswersAsParsing()
    {
        var form = ReportForm.Default;
        var keys = new List<string> { string.Empty, ".", "x", "items.", "items..text", "items.01.text", "items.-1.text", "items.1e2.text", "items.2.text.x", "ITEMS.0.TEXT", "participants.group", "participants.group.", "participants.group.JOVENES", "participants.group.a.b", "space.id.", " space.id", new string('a', 201) };
        foreach (var field in form.Fields)
        {
            keys.Add(field.Id);
            keys.Add(field.Id + ".");
            keys.Add(field.Id + ".nope");
            foreach (var part in field.Parts)
            {
                keys.Add(field.KeyOf(part));
                keys.Add(field.KeyOf(part) + ".CODE");
            }

            // Beyond the maximum too: those keys are not in the table but still name an entry.
            for (var index = 0; index < field.MaxEntries + 3; index++)
            {
                keys.Add($"{field.Id}.{index}");
                foreach (var part in field.EntryParts)
                {
                    keys.Add(field.KeyOf(index, part));
                    keys.Add(field.KeyOf(index, part) + ".x");
                }
            }
        }

        foreach (var key in keys)
        {
            Assert.Equal(form.Parse(key), form.Match(key));
        }

        Assert.Contains(keys, k => form.Match(k) is { Index: >= 50 });
        Assert.Contains(keys, k => form.Match(k) is { Code: "CODE" });
    }

    [Fact]
    public void KeyOf_EveryInputAndEntry_AnswersAsTheField()
    {
        var form = ReportForm.Default;
        var stranger = form.Field(ReportFields.Commitments).EntryParts[0];
        foreach (var field in form.Fields)
        {
            foreach (var part in field.Parts.Append(stranger))
            {
                Assert.Equal(field.KeyOf(part), form.KeyOf(field, part));
            }

            foreach (var part in field.EntryParts.Append(stranger))
            {
                for (var index = -1; index < field.MaxEntries + 2; index++)
                {
                    Assert.Equal(field.KeyOf(index, part), form.KeyOf(field, index, part));
                }
            }
        }

        // A field of another form (equal or not) gets its keys built as the field builds them.
        var copy = form.Field(ReportFields.Items) with { Id = "otros" };
        Assert.Equal("otros.3.text", form.KeyOf(copy, 3, copy.EntryParts[1]));
        Assert.Equal("otros.none", form.KeyOf(copy, copy.Parts[0]));
    }

    [Fact]
    public void Match_FormOfItsOwn_UsesItsOwnFieldsAndLimits()
    {
        // A form built from another definition must not answer with the default form's keys or maximum.
        var label = new LocalizedText("Lista", "List");
        var field = new FormField
        {
            Id = "notes", Number = 1, StepId = "one", ExportColumn = "notas", Kind = FieldKind.TextList, Label = label,
            Rules = [new MaxEntriesRule(2)],
            EntryParts = [new(string.Empty, PartKind.Text, label)],
        };
        var form = new ReportForm([new FormStep("one", 1, label, label)], [field]);

        Assert.Same(field, form.Match("notes.1")!.Field);
        Assert.Equal(5, form.Match("notes.5")!.Index);
        Assert.Null(form.Match("items.0.text"));
        Assert.Equal(form.Parse("notes.5"), form.Match("notes.5"));
    }

    [Fact]
    public void ValidateStep_AnswersCheckedAgainstTheDraft_SameAsWithTheStepAppliedFirst()
    {
        // The step's rules that look at other steps see the draft as it will be stored once the step is applied.
        var form = ReportForm.Default;
        var context = ReportTestData.Context();
        var draft = ReportTestData.ValidDraft();
        var step = form.Field(ReportFields.Answers).StepId;
        var cases = new[]
        {
            new Dictionary<string, string>(StringComparer.Ordinal) { ["answers.0.decision"] = "ACOGIDA", ["answers.0.date"] = "2020-01-01" },
            new Dictionary<string, string>(StringComparer.Ordinal) { ["answers.3.decision"] = "ACOGIDA", ["answers.3.date"] = "2026-06-01" },
            new Dictionary<string, string>(StringComparer.Ordinal) { ["items.0.kind"] = "PROPUESTA", ["items.0.text"] = "Otra", ["answers.1.decision"] = "EN_ESTUDIO" },
            new Dictionary<string, string>(StringComparer.Ordinal) { ["items.none"] = "true", ["answers.0.decision"] = "ACOGIDA", ["answers.0.date"] = "2026-06-01" },
        };

        var compared = 0;
        foreach (var submitted in cases)
        {
            var result = ReportValidator.ValidateStep(form, step, submitted, context, draft.Values);
            var applied = draft.Apply(form, step, submitted);
            var expected = ReportValidator.ValidateAll(form, applied.Values, context).Errors.Where(e => form.Field(e.FieldId).StepId == step && submitted.ContainsKey(e.Key));

            Assert.All(expected, e => Assert.Contains(e, result.Errors));
            compared += expected.Count();
        }

        Assert.True(compared > 0);
    }
}
