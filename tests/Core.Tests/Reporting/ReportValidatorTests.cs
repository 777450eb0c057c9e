using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportValidatorTests
{
    private static readonly ReportForm Form = ReportForm.Default;

    private static ValidationResult ValidateWith(params (string Key, string? Value)[] changes)
    {
        var values = ReportTestData.ValidValues();
        foreach (var (key, value) in changes)
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

        return ReportValidator.ValidateAll(Form, values, ReportTestData.Context());
    }

    private static void AssertRefused(ValidationResult result, string key, string spanish)
    {
        Assert.False(result.IsValid);
        var errors = result.ForKey(key);
        Assert.True(errors.Count > 0, $"No error for {key}; got: {string.Join(" | ", result.Errors.Select(e => $"{e.Key}: {e.Message.Es}"))}");
        Assert.Contains(errors, e => e.Message.Es.Contains(spanish, StringComparison.Ordinal));
        Assert.All(errors, e =>
        {
            Assert.StartsWith("«", e.Message.Es, StringComparison.Ordinal);
            Assert.StartsWith("\"", e.Message.En, StringComparison.Ordinal);
            Assert.NotEqual(e.Message.Es, e.Message.En);
        });
    }

    [Fact]
    public void ValidateAll_CompleteValidValues_HasNoErrors()
    {
        var result = ReportValidator.ValidateAll(Form, ReportTestData.ValidValues(), ReportTestData.Context());

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => $"{e.Key}: {e.Message.Es}")));
    }

    public static TheoryData<string, string, string> ForgedValues() => new()
    {
        { "format", "KARAOKE", "«KARAOKE» no es una opción válida" },
        { "phase", "DIAGNOSTICO; DROP TABLE", "no es una opción válida" },
        { "level", "7", "no es una opción válida" },
        { "modality.mode", "TELEPATICA", "no es una opción válida" },
        { "valueGroups.actorTypes", "SINDICATOS,HACKERS", "«HACKERS» no es una opción válida" },
        { "items.0.kind", "ELOGIO", "no es una opción válida" },
        { "answers.0.decision", "IGNORADA", "no es una opción válida" },
        { "result.category", "OTRO", "no es una opción válida" },
        { "commitments.0.status", "OLVIDADO", "no es una opción válida" },
        { "evidence.0.kind", "MEME", "no es una opción válida" },
        { "heldOn.from", "2026-06-16", "la fecha 2026-06-16 está en el futuro" },
        { "heldOn.from", "2025-12-31", "fuera de la vigencia 2026" },
        { "heldOn.from", "10/03/2026", "no es una fecha válida (AAAA-MM-DD)" },
        { "heldOn.from", "2026-02-30", "no es una fecha válida" },
        { "answers.0.date", "2027-01-01", "está en el futuro" },
        { "publication.date", "2030-01-01", "está en el futuro" },
        { "commitments.0.due", "2029-01-01", "debe estar entre 2026 y 2027" },
        { "participants.total", "-3", "debe estar entre 0 y" },
        { "participants.total", "treinta", "«treinta» no es un número" },
        { "participants.total", "12.5", "debe ser un número entero" },
        { "participants.total", "1e6", "no es un número" },
        { "participants.women", "99999999", "debe estar entre 0 y" },
        { "participantEvaluation.satisfaction", "120", "debe estar entre 0 y 100" },
        { "evidence.1.size", "-1", "debe estar entre 0 y" },
        { "name", new string('x', 201), "tiene 201 caracteres; el máximo es 200" },
        { "activitiesDone", new string('x', 4001), "tiene 4001 caracteres; el máximo es 4000" },
        { "name", "Mesa\u0000con\u0007sindicatos", "caracteres de control" },
        { "place.link", "http://reunion.example.org", "no es un enlace https válido" },
        { "place.link", "javascript:alert(1)", "no es un enlace https válido" },
        { "evidence.0.url", "https://user:secret@example.org/acta.pdf", "no es un enlace https válido" },
        { "publication.url", "www.example.gov.co/resultados", "no es un enlace https válido" },
        { "publication.url", "https://example.org/" + new string('a', 2000), "el máximo es 2000" },
        { "area.leader", "OFICINA_JURIDICA", "no puede reportar por otra dependencia" },
        { "space.id", "ESP-999", "«ESP-999» no es un espacio programado de la vigencia 2026" },
        { "participants.group.HACKERS", "3", "«HACKERS» no es un grupo de valor" },
        { "items.none", "quizás", "no es sí/no" },
        { "differentialFocus.applied", "1", "no es sí/no" },
        { "items.50.text", "uno de más", "admite como máximo 50 entradas" },
        { "items.0.secret", "x", "no existe en este formulario" },
    };

    [Theory]
    [MemberData(nameof(ForgedValues))]
    public void ValidateAll_ForgedValue_RefusedWithClearMessage(string key, string value, string expectedSpanish) =>
        AssertRefused(ValidateWith((key, value)), key, expectedSpanish);

    public static TheoryData<string> RequiredFieldIds() => [.. ReportForm.Default.Fields.Where(f => f.Required).Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(RequiredFieldIds))]
    public void ValidateAll_RequiredFieldLeftBlank_Refused(string fieldId)
    {
        var values = ReportTestData.ValidValues();
        foreach (var key in values.Keys.Where(k => Form.Match(k)?.Field.Id == fieldId).ToList())
        {
            values[key] = "   ";
        }

        var result = ReportValidator.ValidateAll(Form, values, ReportTestData.Context());

        Assert.NotEmpty(result.For(fieldId));
    }

    [Fact]
    public void ValidateAll_NoValueGroupOnEitherAxis_RefusedAtLeastOne()
    {
        var result = ValidateWith(("valueGroups.actorTypes", null), ("valueGroups.populationFocus", null), ("participants.group.SINDICATOS", null), ("items.0.group", null));

        AssertRefused(result, "valueGroups", "elija al menos 1");
    }

    [Fact]
    public void ValidateAll_OnlyPopulationFocus_CountsAsAValueGroup() =>
        Assert.Empty(ValidateWith(("valueGroups.actorTypes", null)).For(ReportFields.ValueGroups));

    [Fact]
    public void ValidateAll_NoItemsAndNotDeclaredNone_Refused() =>
        AssertRefused(
            ValidateWith(("items.0.kind", null), ("items.0.text", null), ("items.0.group", null), ("items.1.kind", null), ("items.1.text", null),
                ("answers.0.decision", null), ("answers.0.justification", null), ("answers.0.who", null), ("answers.0.date", null)),
            "items",
            "registre al menos un aporte o marque «No se recibieron aportes»");

    [Fact]
    public void ValidateAll_NoneReceivedDeclared_Accepted() =>
        Assert.True(ValidateWith(("items.0.kind", null), ("items.0.text", null), ("items.0.group", null), ("items.1.kind", null), ("items.1.text", null),
            ("answers.0.decision", null), ("answers.0.justification", null), ("answers.0.who", null), ("answers.0.date", null), ("items.none", "true")).IsValid);

    [Fact]
    public void ValidateAll_NoneReceivedButItemsEntered_Refused() =>
        AssertRefused(ValidateWith(("items.none", "true")), "items.none", "no se recibieron aportes, pero registró aportes");

    [Fact]
    public void ValidateAll_ItemWithoutText_RefusedNamingTheEntry() =>
        AssertRefused(ValidateWith(("items.1.text", null)), "items.1.text", "entrada 2: falta «Aporte»");

    [Fact]
    public void ValidateAll_AnswerToMissingItem_Refused() =>
        AssertRefused(ValidateWith(("answers.5.decision", "ACOGIDA")), "answers.5.decision", "responde a un aporte que no existe");

    [Fact]
    public void ValidateAll_NotAdoptedWithoutJustification_Refused() =>
        AssertRefused(ValidateWith(("answers.0.decision", "NO_ACOGIDA"), ("answers.0.justification", null)), "answers.0.justification", "justifique");

    [Fact]
    public void ValidateAll_FinalDecisionWithoutDate_Refused() =>
        AssertRefused(ValidateWith(("answers.0.date", null)), "answers.0.date", "indique la fecha de la respuesta");

    [Fact]
    public void ValidateAll_UnderStudyWithoutDate_Accepted() =>
        Assert.True(ValidateWith(("answers.0.decision", "EN_ESTUDIO"), ("answers.0.date", null)).IsValid);

    [Fact]
    public void ValidateAll_AnswerBeforeTheSpace_Refused() =>
        AssertRefused(ValidateWith(("answers.0.date", "2026-03-01")), "answers.0.date", "anterior a la realización");

    [Fact]
    public void ValidateAll_ScheduledAndUnscheduledBoth_Refused() =>
        AssertRefused(ValidateWith(("space.unscheduled", "true"), ("space.reason", "Invitación de última hora")), "space.id", "no ambas cosas");

    [Fact]
    public void ValidateAll_UnscheduledWithReason_Accepted() =>
        Assert.True(ValidateWith(("space.id", null), ("space.unscheduled", "true"), ("space.reason", "Invitación de última hora")).IsValid);

    [Fact]
    public void ValidateAll_UnscheduledWithoutReason_Refused() =>
        AssertRefused(ValidateWith(("space.id", null), ("space.unscheduled", "true")), "space.reason", "explique por qué");

    [Fact]
    public void ValidateAll_LastDayBeforeFirst_Refused() =>
        AssertRefused(ValidateWith(("heldOn.to", "2026-03-09")), "heldOn.to", "anterior al primero");

    [Fact]
    public void ValidateAll_BreakdownBySexAboveTotal_Refused() =>
        AssertRefused(ValidateWith(("participants.otherSex", "5")), "participants.women", "suma 40, más que el total (35)");

    [Fact]
    public void ValidateAll_GroupCountAboveTotal_Refused() =>
        AssertRefused(ValidateWith(("participants.group.SINDICATOS", "36")), "participants.group.SINDICATOS", "supera el total");

    [Fact]
    public void ValidateAll_MoreSurveysThanParticipants_Refused() =>
        AssertRefused(ValidateWith(("participantEvaluation.surveys", "36")), "participantEvaluation.surveys", "más encuestas (36) que participantes (35)");

    [Fact]
    public void ValidateAll_EvidenceWithoutLinkOrFile_Refused() =>
        AssertRefused(ValidateWith(("evidence.0.url", null)), "evidence.0.url", "indique un enlace o adjunte un archivo");

    [Fact]
    public void ValidateAll_PublicationDateWithoutLink_Refused() =>
        AssertRefused(ValidateWith(("publication.url", null)), "publication.url", "la fecha y el enlace");

    [Fact]
    public void ValidateAll_DifferentialFocusWithoutDescription_Refused() =>
        AssertRefused(ValidateWith(("differentialFocus.description", null)), "differentialFocus.description", "describa cómo");

    [Fact]
    public void ValidateAll_NoPlaceNorLink_Refused() =>
        AssertRefused(ValidateWith(("place.venue", null), ("place.municipality", null)), "place.venue", "indique el lugar o el enlace");

    [Fact]
    public void ValidateAll_UnknownActivityWhenActivitiesKnown_Refused()
    {
        var context = ReportTestData.Context() with { KnownActivityIds = new HashSet<string>(["ACT-1"]) };

        var result = ReportValidator.ValidateAll(Form, ReportTestData.ValidValues(), context);

        AssertRefused(result, "activity", "no es una actividad del plan 2026");
    }

    [Fact]
    public void ValidateAll_SupportAreaOutsideKnownAreas_Refused()
    {
        var context = ReportTestData.Context() with { KnownAreas = new HashSet<string>(["GRUPO_ATENCION", "OAP"]) };

        Assert.True(ReportValidator.ValidateAll(Form, ReportTestData.ValidValues(), context).IsValid);
        var values = ReportTestData.ValidValues();
        values["area.support"] = "OAP,DESCONOCIDA";
        AssertRefused(ReportValidator.ValidateAll(Form, values, context), "area.support", "«DESCONOCIDA» no es una dependencia");
    }

    [Fact]
    public void ValidateAll_AreaOfUser_ComparedIgnoringCase() =>
        Assert.True(ValidateWith(("area.leader", "grupo_atencion")).IsValid);

    [Fact]
    public void ValidateAll_CodeInOtherCaseAndDecimalComma_Accepted() =>
        Assert.True(ValidateWith(("format", "taller"), ("participantEvaluation.satisfaction", "87,5")).IsValid);

    [Fact]
    public void ValidateAll_HugeEchoedValue_MessageStaysShort()
    {
        var result = ValidateWith(("format", new string('Z', 5000)));

        Assert.All(result.ForKey("format"), e => Assert.True(e.Message.Es.Length < 200));
    }

    [Fact]
    public void ValidateStep_KeysOfOtherSteps_AreIgnored()
    {
        var submitted = new Dictionary<string, string>
        {
            ["space.id"] = "ESP-001",
            ["name"] = "Taller",
            ["participants.total"] = "no es número",
            ["status"] = "APROBADO",
        };

        var result = ReportValidator.ValidateStep(Form, ReportSteps.Space, submitted, ReportTestData.Context());

        Assert.True(result.IsValid, string.Join("\n", result.Errors.Select(e => e.Message.Es)));
    }

    [Fact]
    public void ValidateStep_MissingRequiredOfThatStep_RefusedOthersNotAsked()
    {
        var result = ReportValidator.ValidateStep(Form, ReportSteps.Details, new Dictionary<string, string> { ["format"] = "TALLER" }, ReportTestData.Context());

        Assert.NotEmpty(result.For(ReportFields.HeldOn));
        Assert.NotEmpty(result.For(ReportFields.Phase));
        Assert.Empty(result.For(ReportFields.Format));
        Assert.All(result.Errors, e => Assert.Equal(ReportSteps.Details, Form.Field(e.FieldId).StepId));
    }

    [Fact]
    public void ValidateStep_CrossStepRule_UsesEarlierValues()
    {
        var earlier = new Dictionary<string, string> { ["heldOn.from"] = "2026-03-10", ["items.0.text"] = "x", ["items.0.kind"] = "QUEJA" };
        var submitted = new Dictionary<string, string> { ["items.0.text"] = "x", ["items.0.kind"] = "QUEJA", ["answers.0.decision"] = "ACOGIDA", ["answers.0.date"] = "2026-03-01" };

        var result = ReportValidator.ValidateStep(Form, ReportSteps.Contributions, submitted, ReportTestData.Context(), earlier);

        AssertRefused(result, "answers.0.date", "anterior a la realización");
    }

    [Fact]
    public void ValidateStep_ItemRemovedOnTheCard_AnswerToItRefusedDespiteTheDraft()
    {
        var earlier = new Dictionary<string, string> { ["items.0.text"] = "uno", ["items.0.kind"] = "QUEJA", ["items.1.text"] = "dos", ["items.1.kind"] = "QUEJA" };
        var submitted = new Dictionary<string, string> { ["items.0.text"] = "uno", ["items.0.kind"] = "QUEJA", ["answers.1.decision"] = "ACOGIDA" };

        var result = ReportValidator.ValidateStep(Form, ReportSteps.Contributions, submitted, ReportTestData.Context(), earlier);

        AssertRefused(result, "answers.1.decision", "responde a un aporte que no existe");
    }

    [Fact]
    public void ValidateComplete_BuiltReport_IsValid() =>
        Assert.True(ReportValidator.ValidateComplete(ReportTestData.ValidReport(), ReportTestData.Context()).IsValid);

    [Fact]
    public void ValidateComplete_ReportWithoutGoalsOrGroups_Refused()
    {
        var report = ReportTestData.ValidReport() with { Goals = [], ActorTypes = [], PopulationFocus = [], Participants = new ParticipantCount(35) };

        var result = ReportValidator.ValidateComplete(report, ReportTestData.Context());

        Assert.NotEmpty(result.For(ReportFields.Goals));
        Assert.NotEmpty(result.For(ReportFields.ValueGroups));
    }

    [Fact]
    public void ValidateComplete_NoItemsAndNoneNotDeclared_Refused()
    {
        var report = ReportTestData.ValidReport() with { Items = [], NoItemsReceived = false };

        Assert.NotEmpty(ReportValidator.ValidateComplete(report, ReportTestData.Context()).For(ReportFields.Items));
        Assert.True(ReportValidator.ValidateComplete(report with { NoItemsReceived = true }, ReportTestData.Context()).IsValid);
    }

    [Fact]
    public void ValidateComplete_NegativeTotal_Refused()
    {
        var report = ReportTestData.ValidReport() with { Participants = new ParticipantCount(-1) };

        Assert.NotEmpty(ReportValidator.ValidateComplete(report, ReportTestData.Context()).For(ReportFields.Participants));
    }
}
