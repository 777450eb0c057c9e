using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportDraftTests
{
    private static readonly ReportForm Form = ReportForm.Default;

    private static ReportDraft Empty() => ReportDraft.Start("rep-9", 2026, Form, null, ReportTestData.MintrabajoCatalogs);

    [Fact]
    public void Start_WithPrefill_FillsFromTheSpaceAndSortsValueGroupsByAxis()
    {
        var prefill = new ReportPrefill
        {
            SpaceId = "ESP-001",
            ActivityId = "ACT-3",
            Name = "Mesa con sindicatos",
            PlannedDate = new DateOnly(2026, 3, 10),
            LeaderArea = "GRUPO_ATENCION",
            Modality = "PRESENCIAL",
            Place = "Sede principal",
            Format = "TALLER",
            Kind = "CONSULTA_CIUDADANA",
            Phase = "FORMULACION",
            Level = "CONSULTA",
            TargetValueGroups = ["sindicatos", "MUJERES", "TRABAJADORES", "DESCONOCIDO"],
            Goals = ["Trabajo decente", " "],
        };

        var draft = ReportDraft.Start("rep-1", 2026, Form, prefill, ReportTestData.MintrabajoCatalogs);

        Assert.Equal(ReportSteps.Space, draft.CurrentStep);
        Assert.Equal("ESP-001", draft.Value("space.id"));
        Assert.Equal("2026-03-10", draft.Value("heldOn.from"));
        Assert.Null(draft.Value("heldOn.to"));
        Assert.Equal("SINDICATOS,TRABAJADORES", draft.Value("valueGroups.actorTypes"));
        Assert.Equal("MUJERES", draft.Value("valueGroups.populationFocus"));
        Assert.Equal("Trabajo decente", draft.Value("goals.0"));
        Assert.Null(draft.Value("goals.1"));
        Assert.All(draft.Values.Keys, k => Assert.NotNull(Form.Match(k)));
    }

    [Fact]
    public void Start_EveryPrefillSourceOfTheForm_IsFilled()
    {
        var prefill = new ReportPrefill
        {
            SpaceId = "S",
            ActivityId = "A",
            Name = "N",
            PlannedDate = new DateOnly(2026, 1, 2),
            LeaderArea = "L",
            Modality = "VIRTUAL",
            Place = "P",
            Format = "FORO",
            Kind = "CONTROL_SOCIAL",
            Phase = "DIAGNOSTICO",
            Level = "INFORMACION",
            TargetValueGroups = ["MEDIOS"],
            Goals = ["G"],
        };

        var draft = ReportDraft.Start("r", 2026, Form, prefill, ReportTestData.MintrabajoCatalogs);

        var filled = draft.Values.Keys.Select(k => Form.Match(k)!.Field.Id).ToHashSet();
        Assert.All(Form.Fields.Where(f => f.Prefill != PrefillSource.None), f => Assert.Contains(f.Id, filled));
    }

    [Fact]
    public void Start_PrefillWithPublishedLabels_MapsThemToCodes()
    {
        var prefill = new ReportPrefill
        {
            Modality = "presencial",
            Format = "Mesa de trabajo",
            Kind = "rendición de cuentas",
            Phase = "SEGUIMIENTO_EVALUACION",
            Level = "involucramiento / colaboración",
            TargetValueGroups = ["cooperación/ONG", "comunidades NARP", "Pensionados", "grupo inventado"],
        };

        var draft = ReportDraft.Start("r", 2026, Form, prefill, ReportTestData.MintrabajoCatalogs);

        Assert.Equal("PRESENCIAL", draft.Value("modality.mode"));
        Assert.Equal("MESA_TRABAJO", draft.Value("format"));
        Assert.Equal("RENDICION_CUENTAS", draft.Value("spaceKind"));
        Assert.Equal("SEGUIMIENTO_EVALUACION", draft.Value("phase"));
        Assert.Equal("COLABORACION", draft.Value("level"));
        Assert.Equal("COOPERACION_ONG,PENSIONADOS", draft.Value("valueGroups.actorTypes"));
        Assert.Equal("NARP", draft.Value("valueGroups.populationFocus"));
    }

    [Fact]
    public void Apply_InvalidValue_IsKeptSoNothingTypedIsLost()
    {
        var draft = Empty().Apply(Form, ReportSteps.Details, new Dictionary<string, string> { ["heldOn.from"] = "ayer", ["format"] = "KARAOKE" });

        Assert.Equal("ayer", draft.Value("heldOn.from"));
        Assert.Equal("KARAOKE", draft.Value("format"));
    }

    [Fact]
    public void Apply_KeysOfOtherStepsUnknownOrSystemManaged_AreDropped()
    {
        var draft = Empty().Apply(Form, ReportSteps.Space, new Dictionary<string, string>
        {
            ["name"] = "Taller",
            ["participants.total"] = "9",
            ["status"] = "APROBADO",
            ["name.extra"] = "x",
            ["verb"] = "next",
        });

        Assert.Equal(new[] { "name" }, draft.Values.Keys);
    }

    [Fact]
    public void Apply_EntryBeyondMaximumOrMalformedCode_IsDropped()
    {
        var draft = Empty()
            .Apply(Form, ReportSteps.Contributions, new Dictionary<string, string> { ["items.50.text"] = "x", ["items.49.text"] = "y" })
            .Apply(Form, ReportSteps.Participants, new Dictionary<string, string> { ["participants.group.<script>"] = "1", ["participants.group.mujeres"] = "2" });

        Assert.Equal(new[] { "items.49.text", "participants.group.mujeres" }, draft.Values.Keys.Order());
    }

    [Fact]
    public void Apply_FieldSubmittedAgain_ReplacesItsEntriesAndKeepsOtherFields()
    {
        var first = Empty().Apply(Form, ReportSteps.Contributions, new Dictionary<string, string>
        {
            ["items.0.kind"] = "QUEJA",
            ["items.0.text"] = "uno",
            ["items.1.kind"] = "PREGUNTA",
            ["items.1.text"] = "dos",
            ["answers.0.decision"] = "EN_ESTUDIO",
        });

        var second = first.Apply(Form, ReportSteps.Contributions, new Dictionary<string, string>
        {
            ["items.0.kind"] = "QUEJA",
            ["items.0.text"] = "uno corregido",
            ["items.1.kind"] = "",
            ["items.1.text"] = "",
        });

        Assert.Equal("uno corregido", second.Value("items.0.text"));
        Assert.Null(second.Value("items.1.text"));
        Assert.Equal("EN_ESTUDIO", second.Value("answers.0.decision"));
    }

    [Fact]
    public void Apply_HugeValue_IsCapped()
    {
        var draft = Empty().Apply(Form, ReportSteps.WhatHappened, new Dictionary<string, string> { ["activitiesDone"] = new string('x', 1_000_000) });

        Assert.Equal(ReportDraft.MaxStoredValueLength, draft.Value("activitiesDone")!.Length);
    }

    [Fact]
    public void MoveTo_UnknownStep_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => Empty().MoveTo(Form, "pagos"));

    [Fact]
    public void FromReport_StoredReport_GivesTheSameValuesBack()
    {
        var report = ReportTestData.ValidReport();

        var draft = ReportDraft.FromReport(report, Form);

        Assert.Equal(ReportValues.ToValues(report), draft.Values);
        Assert.True(ReportValidator.ValidateAll(Form, draft.Values, ReportTestData.Context()).IsValid);
    }
}
