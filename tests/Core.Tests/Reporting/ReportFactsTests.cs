using ParticipaBot.Core.Compliance;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportFactsTests
{
    [Theory]
    [InlineData(ReportStatus.Borrador, false)]
    [InlineData(ReportStatus.Devuelto, false)]
    [InlineData(ReportStatus.Enviado, true)]
    [InlineData(ReportStatus.Aprobado, true)]
    public void ToFact_OnlySentOrApprovedReports_Count(ReportStatus status, bool counts) =>
        Assert.Equal(counts, ReportFacts.ToFact(ReportTestData.ValidReport() with { Status = status }) is not null);

    [Fact]
    public void ToFact_SubmittedReport_CarriesWhatTheIndicatorsRead()
    {
        var sent = ReportWorkflow.Apply(ReportTestData.ValidReport(), ReportAction.Submit, ReportActorRole.Delegate,
            new DateOnly(2026, 3, 13), new DateTimeOffset(2026, 3, 14, 2, 0, 0, TimeSpan.Zero)).Report!;

        var fact = ReportFacts.ToFact(sent)!;

        Assert.Equal(new DateOnly(2026, 3, 13), fact.SubmittedOn);
        Assert.Equal("GRUPO_ATENCION", fact.Area);
        Assert.Equal(new[] { "SINDICATOS", "TRABAJADORES", "MUJERES" }, fact.ValueGroups);
        Assert.Equal(new[] { Uptake.Partial, Uptake.Pending }, fact.Items.Select(i => i.Uptake));
        Assert.Equal(new DateOnly(2026, 3, 20), fact.Items[0].AnsweredOn);
        Assert.False(fact.Items[1].IsAnswered);
        Assert.False(fact.Commitments.Single().IsMet);
        Assert.True(fact.HasEvidence);
        Assert.True(fact.HasPublication);
        Assert.Equal(35, fact.Participants);
        Assert.Equal(87.5m, fact.SatisfactionPercent);
    }

    [Fact]
    public void ToFact_ResubmittedAfterReturn_KeepsTheFirstSubmissionDay()
    {
        var report = ReportTestData.ValidReport();
        var first = new DateTimeOffset(2026, 3, 12, 15, 0, 0, TimeSpan.Zero);
        var sent = ReportWorkflow.Apply(report, ReportAction.Submit, ReportActorRole.Delegate, new DateOnly(2026, 3, 12), first).Report!;
        var returned = ReportWorkflow.Apply(sent, ReportAction.Return, ReportActorRole.Coordinator, new DateOnly(2026, 3, 13), first.AddDays(1), comment: "Falta el acta").Report!;
        var resent = ReportWorkflow.Apply(returned, ReportAction.Submit, ReportActorRole.Delegate, new DateOnly(2026, 3, 20), first.AddDays(8)).Report!;

        Assert.Equal(new DateOnly(2026, 3, 12), ReportFacts.ToFact(resent)!.SubmittedOn);
        Assert.Equal(first.AddDays(8), resent.SubmittedAt);
    }

    [Theory]
    [InlineData(AnswerDecision.Acogida, Uptake.Full)]
    [InlineData(AnswerDecision.AcogidaParcial, Uptake.Partial)]
    [InlineData(AnswerDecision.NoAcogida, Uptake.NotTaken)]
    [InlineData(AnswerDecision.NoAplica, Uptake.NotTaken)]
    [InlineData(AnswerDecision.EnEstudio, Uptake.Pending)]
    public void UptakeOf_Decision_MapsToTheIndicatorsCategory(AnswerDecision decision, Uptake expected) =>
        Assert.Equal(expected, ReportFacts.UptakeOf(new ItemAnswer(decision, null, null, new DateOnly(2026, 3, 1))));

    [Fact]
    public void ToMilestone_Percentage_BecomesAFraction() =>
        Assert.Equal(new MilestoneFact(2, 0.4m), ReportFacts.ToMilestone(new ActivityProgress("A", 2026, 2, ProgressStatus.EnCurso, 40, [], null)));
}
