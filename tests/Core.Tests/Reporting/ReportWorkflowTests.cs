using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ReportWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 4, 20);
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 14, 0, 0, TimeSpan.Zero);

    private static ParticipationReport Report(ReportStatus status) => ReportTestData.ValidReport() with { Status = status };

    private static TransitionResult Apply(ReportStatus from, ReportAction action, ReportActorRole role, string? comment = null, DateOnly? today = null, bool unlocked = false) =>
        ReportWorkflow.Apply(Report(from), action, role, today ?? Today, Now, unlocked, comment);

    [Theory]
    [InlineData(ReportStatus.Borrador, ReportAction.Submit, ReportActorRole.Delegate, ReportStatus.Enviado)]
    [InlineData(ReportStatus.Devuelto, ReportAction.Submit, ReportActorRole.Delegate, ReportStatus.Enviado)]
    [InlineData(ReportStatus.Enviado, ReportAction.Approve, ReportActorRole.Coordinator, ReportStatus.Aprobado)]
    [InlineData(ReportStatus.Borrador, ReportAction.Edit, ReportActorRole.Delegate, ReportStatus.Borrador)]
    [InlineData(ReportStatus.Aprobado, ReportAction.Edit, ReportActorRole.Delegate, ReportStatus.Enviado)]
    public void Apply_AllowedTransition_MovesToTheNextStatus(ReportStatus from, ReportAction action, ReportActorRole role, ReportStatus expected)
    {
        var result = Apply(from, action, role);

        Assert.True(result.Succeeded, result.Refusal?.Es);
        Assert.Equal(expected, result.Report!.Status);
    }

    [Theory]
    [InlineData(ReportStatus.Enviado, ReportAction.Approve, ReportActorRole.Delegate)]
    [InlineData(ReportStatus.Borrador, ReportAction.Approve, ReportActorRole.Coordinator)]
    [InlineData(ReportStatus.Aprobado, ReportAction.Return, ReportActorRole.Coordinator)]
    [InlineData(ReportStatus.Enviado, ReportAction.Submit, ReportActorRole.Delegate)]
    [InlineData(ReportStatus.Aprobado, ReportAction.Submit, ReportActorRole.Coordinator)]
    [InlineData(ReportStatus.Borrador, ReportAction.Edit, ReportActorRole.InternalControl)]
    [InlineData(ReportStatus.Borrador, ReportAction.Submit, ReportActorRole.InternalControl)]
    public void Apply_ForbiddenTransition_RefusedInBothLanguages(ReportStatus from, ReportAction action, ReportActorRole role)
    {
        var result = Apply(from, action, role);

        Assert.False(result.Succeeded);
        Assert.StartsWith("No se puede", result.Refusal!.Es, StringComparison.Ordinal);
        Assert.StartsWith("You cannot", result.Refusal.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_SetsTheSubmissionInstant() =>
        Assert.Equal(Now, Apply(ReportStatus.Borrador, ReportAction.Submit, ReportActorRole.Delegate).Report!.SubmittedAt);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Return_WithoutComment_Refused(string? comment)
    {
        var result = Apply(ReportStatus.Enviado, ReportAction.Return, ReportActorRole.Coordinator, comment);

        Assert.False(result.Succeeded);
        Assert.Contains("comentario", result.Refusal!.Es, StringComparison.Ordinal);
    }

    [Fact]
    public void Return_OversizeComment_Refused() =>
        Assert.False(Apply(ReportStatus.Enviado, ReportAction.Return, ReportActorRole.Coordinator, new string('x', 2001)).Succeeded);

    [Fact]
    public void ReturnThenResubmitThenApprove_FullCycle_EndsApprovedWithoutComment()
    {
        var returned = Apply(ReportStatus.Enviado, ReportAction.Return, ReportActorRole.Coordinator, " Falta el acta. ").Report!;
        Assert.Equal(ReportStatus.Devuelto, returned.Status);
        Assert.Equal("Falta el acta.", returned.ReturnComment);

        var resent = ReportWorkflow.Apply(returned, ReportAction.Submit, ReportActorRole.Delegate, Today, Now).Report!;
        var approved = ReportWorkflow.Apply(resent, ReportAction.Approve, ReportActorRole.Coordinator, Today, Now).Report!;

        Assert.Equal(ReportStatus.Aprobado, approved.Status);
        Assert.Null(approved.ReturnComment);
    }

    [Theory]
    [InlineData("2026-03-10", "2026-04-30", false, 0, false)]
    [InlineData("2026-03-10", "2026-05-01", false, 0, true)]
    [InlineData("2026-03-10", "2026-05-01", true, 0, false)]
    [InlineData("2026-03-10", "2026-05-05", false, 5, false)]
    [InlineData("2026-05-02", "2026-08-31", false, 0, false)]
    [InlineData("2026-08-31", "2026-09-01", false, 0, true)]
    [InlineData("2026-12-15", "2027-01-01", false, 0, true)]
    public void IsLocked_AfterTheCuatrimestreCloses_LockedUnlessUnlocked(string held, string today, bool unlocked, int grace, bool expected) =>
        Assert.Equal(expected, ReportLock.IsLocked(DateOnly.Parse(held, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), unlocked, grace));

    [Fact]
    public void IsLocked_EntityWithQuarters_UsesItsCalendar()
    {
        var quarters = new ParticipaBot.Core.Calendar.CuatrimestreCalendar([3, 6, 9, 12]);

        Assert.True(ReportLock.IsLocked(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 1), unlocked: false, periods: quarters));
        Assert.False(ReportLock.IsLocked(new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 1), unlocked: false));
    }

    [Fact]
    public void Apply_EditAfterTheCuatrimestreClosed_RefusedNamingTheCutOff()
    {
        var result = Apply(ReportStatus.Borrador, ReportAction.Edit, ReportActorRole.Delegate, today: new DateOnly(2026, 5, 2));

        Assert.False(result.Succeeded);
        Assert.Contains("2026-04-30", result.Refusal!.Es, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SubmitAfterCloseButUnlocked_Allowed() =>
        Assert.True(Apply(ReportStatus.Borrador, ReportAction.Submit, ReportActorRole.Delegate, today: new DateOnly(2026, 5, 2), unlocked: true).Succeeded);

    [Fact]
    public void Apply_ApproveAfterClose_StillAllowed() =>
        Assert.True(Apply(ReportStatus.Enviado, ReportAction.Approve, ReportActorRole.Coordinator, today: new DateOnly(2026, 9, 2)).Succeeded);
}
