using System.Globalization;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportBuilderTests
{
    private static readonly ReportForm Form = ReportForm.Default;

    [Fact]
    public void Build_ValidDraft_BuildsTheReport()
    {
        var report = ReportTestData.ValidReport();

        Assert.Equal("rep-1", report.Id);
        Assert.Equal(2026, report.Year);
        Assert.Equal(ReportStatus.Borrador, report.Status);
        Assert.Equal("ESP-001", report.SpaceId);
        Assert.Equal(new DateOnly(2026, 3, 10), report.HeldFrom);
        Assert.Null(report.HeldTo);
        Assert.Equal("GRUPO_ATENCION", report.LeaderArea);
        Assert.Equal(new[] { "OAP" }, report.SupportAreas);
        Assert.Equal(new[] { "SINDICATOS", "TRABAJADORES" }, report.ActorTypes);
        Assert.Equal(new[] { "MUJERES" }, report.PopulationFocus);
        Assert.Equal(new ParticipantCount(35, 20, 15, null) { ByGroup = report.Participants.ByGroup }, report.Participants);
        Assert.Equal(10, report.Participants.ByGroup["SINDICATOS"]);
        Assert.Equal(2, report.Goals.Count);
        Assert.Equal(2, report.Items.Count);
        Assert.Equal(ItemKind.Propuesta, report.Items[0].Kind);
        Assert.Equal(new ItemAnswer(AnswerDecision.AcogidaParcial, "Se incluye en la fase dos por presupuesto.", "Dirección de Políticas", new DateOnly(2026, 3, 20)), report.Items[0].Answer);
        Assert.Null(report.Items[1].Answer);
        Assert.Equal("INSUMO_DIAGNOSTICO", report.Result.Category);
        Assert.Equal(new Commitment("Publicar la versión ajustada", "Oficina Asesora de Planeación", new DateOnly(2026, 9, 30), CommitmentStatus.Pendiente), report.Commitments.Single());
        Assert.Equal(87.5m, report.ParticipantEvaluation!.SatisfactionPercent);
        Assert.Equal(2, report.Evidence.Count);
        Assert.Equal(new EvidenceFile("lista.pdf", "application/pdf", 12345), report.Evidence[1].File);
        Assert.Equal(new Uri("https://www.example.gov.co/participa/resultados"), report.Publication!.Link);
        Assert.True(report.DifferentialFocus.Applied);
    }

    [Fact]
    public void Build_InvalidDraft_ReturnsErrorsAndNoReport()
    {
        var values = ReportTestData.ValidValues();
        values["heldOn.from"] = "2027-01-01";
        var draft = ReportTestData.ValidDraft() with { Values = values };

        var result = ReportBuilder.Build(Form, draft, ReportTestData.Context());

        Assert.False(result.Succeeded);
        Assert.Null(result.Report);
        Assert.NotEmpty(result.Validation.For(ReportFields.HeldOn));
    }

    [Fact]
    public void Build_CodesTypedInOtherCase_AreStoredInTheCatalogSpelling()
    {
        var values = ReportTestData.ValidValues();
        values["format"] = "taller";
        values["valueGroups.actorTypes"] = "sindicatos,Trabajadores";
        values["participantEvaluation.satisfaction"] = "87,5";

        var report = ReportBuilder.Build(Form, ReportTestData.ValidDraft() with { Values = values }, ReportTestData.Context()).Report!;

        Assert.Equal("TALLER", report.Format);
        Assert.Equal(new[] { "SINDICATOS", "TRABAJADORES" }, report.ActorTypes);
        Assert.Equal(87.5m, report.ParticipantEvaluation!.SatisfactionPercent);
    }

    [Fact]
    public void ToValues_OfABuiltReport_GivesBackTheDraftValues()
    {
        var values = ReportValues.ToValues(ReportTestData.ValidReport());

        Assert.Equal("BORRADOR", values["status"]);
        values.Remove("status");
        Assert.Equal(ReportTestData.ValidValues().OrderBy(kv => kv.Key), values.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Build_UnscheduledSpace_KeepsTheReasonAndNoSpaceId()
    {
        var values = ReportTestData.ValidValues();
        values.Remove("space.id");
        values["space.unscheduled"] = "true";
        values["space.reason"] = "Invitación de la gobernación";

        var report = ReportBuilder.Build(Form, ReportTestData.ValidDraft() with { Values = values }, ReportTestData.Context()).Report!;

        Assert.Null(report.SpaceId);
        Assert.Equal("Invitación de la gobernación", report.UnscheduledReason);
    }

    [Fact]
    public void Export_Row_AlignedWithColumnsAndLabelledInTheLanguage()
    {
        var report = ReportTestData.ValidReport();
        var columns = ReportExport.Columns(Form);

        var spanish = ReportExport.Row(Form, report, ReportTestData.MintrabajoCatalogs, new CultureInfo("es-CO"));
        var english = ReportExport.Row(Form, report, ReportTestData.MintrabajoCatalogs, new CultureInfo("en-US"));

        Assert.Equal(27, columns.Count);
        Assert.Equal(columns.Count, columns.Select(c => c.Name).Distinct().Count());
        Assert.Equal(columns.Count, spanish.Count);
        string Cell(IReadOnlyList<string> row, string name) => row[columns.ToList().FindIndex(c => c.Name == name)];
        Assert.Equal("rep-1", Cell(spanish, "reporte_id"));
        Assert.Equal("Taller", Cell(spanish, "formato"));
        Assert.Equal("Workshop", Cell(english, "formato"));
        Assert.Equal("Sindicatos, Trabajadores; Enfoque poblacional: Mujeres", Cell(spanish, "grupos_valor"));
        Assert.Equal("35; Mujeres: 20; Hombres: 15; Sindicatos: 10", Cell(spanish, "participantes"));
        Assert.Equal("Política pública de trabajo decente | Formalización laboral", Cell(spanish, "temas_metas"));
        Assert.Equal("Borrador", Cell(spanish, "estado_reporte"));
    }
}
