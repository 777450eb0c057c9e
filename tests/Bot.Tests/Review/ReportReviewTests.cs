using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Tests.Review;

public sealed class ReportReviewTests(ReviewHost host) : IClassFixture<ReviewHost>
{
    [Fact]
    public async Task PersonalMessage_AnyUser_IsRecordedInRosterWithConversation()
    {
        await host.SayAsync(host.Control, "ayuda");

        var directory = host.Services.GetRequiredService<IUserDirectory>();
        var user = await directory.FindAsync(ReviewHost.Tenant, host.Control.AadObjectId);
        Assert.NotNull(user);
        Assert.Equal(host.Control.TeamsId, user.UserId);
        Assert.Equal(host.Control.Name, user.Name);
        Assert.Equal(host.Control.ConversationId, user.Conversation?.ConversationId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", user.Conversation?.ServiceUrl);
    }

    [Fact]
    public async Task Installation_InPersonalScope_RecordsUserWithLocale()
    {
        var newcomer = new TestUser("newcomer-aad", "29:newcomer", "Nora Nueva");

        await host.InstallAsync(newcomer);

        var user = await host.Services.GetRequiredService<IUserDirectory>().FindAsync(ReviewHost.Tenant, "29:newcomer");
        Assert.Equal(newcomer.ConversationId, user?.Conversation?.ConversationId);
        Assert.Equal("newcomer-aad", user?.AadObjectId);
        Assert.Equal("en-US", user?.Locale);
    }

    [Fact]
    public async Task View_ThroughSubmitFallback_RepliesWithReportCard()
    {
        var report = await host.CreateReportAsync();

        var reply = await host.SubmitAsync(host.Control, "review.view", ReviewHost.ReportData(report));

        Assert.Equal("reply", reply.Operation);
        Assert.Contains(report.Name, reply.AllText, StringComparison.Ordinal);
        Assert.Contains("review.history", reply.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("review.approve", reply.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_IsLoggedWithoutWhatTheUserTyped()
    {
        var report = await host.CreateReportAsync();

        await host.ExecuteAsync(host.Control, "review.confirmReturn", new JsonObject { ["reportId"] = report.Id, ["year"] = "2026", ["comment"] = "SECRETO-4711" });

        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 6001 && e.Message.Contains("review.confirmReturn", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains("SECRETO-4711", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MyReports_Delegate_ListsReportWithStatusAndButtons()
    {
        var report = await host.CreateReportAsync();

        var reply = await host.SayAsync(host.Delegate, "mis informes");

        Assert.Contains(report.Id, reply.AllText, StringComparison.Ordinal);
        Assert.Contains("Enviado", reply.AllText, StringComparison.Ordinal);
        Assert.Contains("review.edit", reply.AllText, StringComparison.Ordinal);
        Assert.Contains("review.history", reply.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyReports_InternalControl_SeesReportsWithoutEditButtons()
    {
        var report = await host.CreateReportAsync();

        var reply = await host.SayAsync(host.Control, "my reports", "en-US");

        Assert.Contains(report.Id, reply.AllText, StringComparison.Ordinal);
        Assert.Contains("My reports", reply.AllText, StringComparison.Ordinal);
        Assert.Contains("review.history", reply.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("review.edit", reply.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToApprove_DelegateOrInternalControl_AreRefused()
    {
        var byDelegate = await host.SayAsync(host.Delegate, "por aprobar");
        var byControl = await host.SayAsync(host.Control, "to approve", "en-US");

        Assert.Contains("Solo la coordinación", byDelegate.AllText, StringComparison.Ordinal);
        Assert.Contains("Internal control can view, but not approve or edit", byControl.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_ByCoordinator_ApprovesRecordsVersionAndTellsDelegate()
    {
        var report = await host.CreateReportAsync();
        await host.SayAsync(host.Delegate, "hola");
        var listed = await host.SayAsync(host.Coordinator, "por aprobar");
        Assert.Contains(report.Name, listed.AllText, StringComparison.Ordinal);
        var before = host.Connector.SentTo(host.Delegate.ConversationId).Count;

        var result = await host.ExecuteAsync(host.Coordinator, "review.approve", ReviewHost.ReportData(report));

        Assert.Contains("Aprobaste", result.Text, StringComparison.Ordinal);
        var stored = await host.ReportAsync(report.Id);
        Assert.Equal(ReportStatus.Aprobado, stored.Status);
        var version = stored.Versions[^1];
        Assert.Equal(2, version.Number);
        Assert.Equal(host.Coordinator.Name, version.Who);
        Assert.Contains("status", version.ChangedFieldIds);
        var sent = await host.Connector.WaitForAsync(host.Delegate.ConversationId, before + 1);
        var notice = sent[before];
        Assert.Equal("send", notice.Operation);
        Assert.Contains("fue aprobado", notice.AllText, StringComparison.Ordinal);
        Assert.Equal(host.Delegate.TeamsId, notice.Activity.Recipient?.Id);
    }

    [Fact]
    public async Task Approve_SubmitterInRosterWithoutPersonalChat_CreatesOneAndRemembersIt()
    {
        var directory = host.Services.GetRequiredService<IUserDirectory>();
        await directory.RecordAsync(ReviewHost.Tenant, new DirectoryUser("29:listed", "listed-aad", "Lina Listada", null, null, host.Time.GetUtcNow()));
        var report = await host.ReportsWithSubmitterAsync("listed-aad");

        var result = await host.ExecuteAsync(host.Coordinator, "review.approve", ReviewHost.ReportData(report));

        Assert.Contains("Aprobaste", result.Text, StringComparison.Ordinal);
        var user = await directory.FindAsync(ReviewHost.Tenant, "listed-aad");
        var conversationId = user?.Conversation?.ConversationId;
        Assert.StartsWith("a:created-", conversationId, StringComparison.Ordinal);
        var sent = await host.Connector.WaitForAsync(conversationId!, 2);
        Assert.Equal("create", sent[0].Operation);
        Assert.Equal("29:listed", sent[0].Activity.Recipient?.Id);
        Assert.Equal("send", sent[1].Operation);
        Assert.Contains("fue aprobado", sent[1].AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_SubmitterNeverSeen_SavesAndTellsCoordinatorTheDelegateWasNotNotified()
    {
        var report = await host.ReportsWithSubmitterAsync("unknown-aad");
        var before = host.Connector.SentTo(host.Coordinator.ConversationId).Count;

        await host.ExecuteAsync(host.Coordinator, "review.approve", ReviewHost.ReportData(report));

        Assert.Equal(ReportStatus.Aprobado, (await host.ReportAsync(report.Id)).Status);
        var sent = await host.Connector.WaitForAsync(host.Coordinator.ConversationId, before + 1);
        Assert.Contains("No pude avisar", sent[before].AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_WithoutComment_ShowsErrorNextToCommentAndChangesNothing()
    {
        var report = await host.CreateReportAsync();

        var card = await host.ExecuteAsync(host.Coordinator, "review.return", ReviewHost.ReportData(report));
        Assert.True(card.IsCard);
        Assert.NotNull(card.Input("comment"));
        var refused = await host.ExecuteAsync(host.Coordinator, "review.confirmReturn", new JsonObject { ["reportId"] = report.Id, ["year"] = "2026", ["comment"] = "  " });

        Assert.True(refused.IsCard);
        Assert.Contains("escriba un comentario", refused.ErrorsAfter("comment"), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Enviado, (await host.ReportAsync(report.Id)).Status);
    }

    [Fact]
    public async Task Return_WithComment_ReturnsAndTellsDelegateTheComment()
    {
        var report = await host.CreateReportAsync();
        await host.SayAsync(host.Delegate, "hola");
        var before = host.Connector.SentTo(host.Delegate.ConversationId).Count;

        var result = await host.ExecuteAsync(host.Coordinator, "review.confirmReturn", new JsonObject { ["reportId"] = report.Id, ["year"] = "2026", ["comment"] = "Falta el acta firmada." });

        Assert.Contains("Devolviste", result.Text, StringComparison.Ordinal);
        var stored = await host.ReportAsync(report.Id);
        Assert.Equal(ReportStatus.Devuelto, stored.Status);
        Assert.Equal("Falta el acta firmada.", stored.ReturnComment);
        var notice = (await host.Connector.WaitForAsync(host.Delegate.ConversationId, before + 1))[before];
        Assert.Contains("fue devuelto", notice.AllText, StringComparison.Ordinal);
        Assert.Contains("Falta el acta firmada.", notice.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_SubmittedReport_CreatesVersionAndHistoryListsIt()
    {
        var report = await host.CreateReportAsync(ReportStatus.Aprobado);
        var card = await host.ExecuteAsync(host.Delegate, "review.edit", ReviewHost.ReportData(report));
        Assert.True(card.IsCard);
        Assert.Equal(report.Name, card.Input("name")?.GetProperty("value").GetString());

        var data = ReviewHost.ReportData(report);
        data["name"] = report.Name;
        data["activitiesDone"] = report.ActivitiesCarriedOut;
        data["participants.total"] = "40";
        data["result.text"] = report.Result.Text;
        var saved = await host.ExecuteAsync(host.Delegate, "review.saveEdit", data);

        Assert.Contains("versión 2", saved.Text, StringComparison.Ordinal);
        var stored = await host.ReportAsync(report.Id);
        Assert.Equal(40, stored.Participants.Total);
        Assert.Equal(ReportStatus.Enviado, stored.Status);
        var version = stored.Versions[^1];
        Assert.Equal(host.Delegate.Name, version.Who);
        Assert.Equal(host.Time.GetUtcNow(), version.When);
        Assert.Contains("participants", version.ChangedFieldIds);
        Assert.DoesNotContain("name", version.ChangedFieldIds);
        // A card without the space inputs (sent before they were on it) leaves the space as it was.
        Assert.Equal(report.SpaceId, stored.SpaceId);
        Assert.DoesNotContain("space", version.ChangedFieldIds);

        var history = await host.ExecuteAsync(host.Control, "review.history", ReviewHost.ReportData(report));
        Assert.Contains("Versión 2", history.Text, StringComparison.Ordinal);
        Assert.Contains("Versión 1", history.Text, StringComparison.Ordinal);
        Assert.Contains("Participantes", history.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditCard_OffersTheAreasFreeSpaces_AndSavingAnotherMovesTheReportAndItsClaim()
    {
        var plan = (await host.Plans.GetAsync("mintrabajo", 2026))!;
        var areaSpaces = SpacesOfArea(plan, host.ActivityArea);
        var taken = await host.CreateReportAsync(area: host.ActivityArea, spaceId: areaSpaces[0].Id);
        var report = await host.CreateReportAsync(area: host.ActivityArea);
        var target = areaSpaces[1];

        var card = await host.ExecuteAsync(host.Delegate, "review.edit", ReviewHost.ReportData(report));

        var offered = Choices(card, "space.id");
        Assert.Contains(report.SpaceId!, offered);
        Assert.Contains(target.Id, offered);
        Assert.DoesNotContain(taken.SpaceId!, offered);
        Assert.All(plan.Spaces.Where(s => !areaSpaces.Contains(s)), s => Assert.DoesNotContain(s.Id, offered));
        Assert.Equal(report.SpaceId, card.Input("space.id")?.GetProperty("value").GetString());
        Assert.Contains(target.Name, card.Text, StringComparison.Ordinal);
        Assert.Contains(target.ActivityId!, Choices(card, "activity"));

        var data = EditData(report);
        data["space.id"] = target.Id;
        data["activity"] = target.ActivityId;
        var saved = await host.ExecuteAsync(host.Delegate, "review.saveEdit", data);

        Assert.Contains("versión 2", saved.Text, StringComparison.Ordinal);
        var stored = await host.ReportAsync(report.Id);
        Assert.Equal(target.Id, stored.SpaceId);
        Assert.Equal(target.ActivityId, stored.ActivityId);
        Assert.Contains("space", stored.Versions[^1].ChangedFieldIds);
        var held = await host.Reports.ReportedSpacesAsync("mintrabajo", 2026);
        Assert.Equal(report.Id, held[target.Id].ReportId);
        Assert.False(held.ContainsKey(report.SpaceId!), "the old space is let go, so it can be reported again");
    }

    [Fact]
    public async Task SaveEdit_ForgedSpaceOfAnotherAreaOrHeldByAnotherReport_IsRefusedOnTheCardAndNothingChanges()
    {
        var plan = (await host.Plans.GetAsync("mintrabajo", 2026))!;
        var areaSpaces = SpacesOfArea(plan, host.ActivityArea);
        var otherArea = plan.Spaces.First(s => !areaSpaces.Contains(s));
        // The last space of the area (the test above takes the first two; the fixture's store is shared).
        var taken = await host.CreateReportAsync(area: host.ActivityArea, spaceId: areaSpaces[^1].Id);
        var report = await host.CreateReportAsync(area: host.ActivityArea);

        foreach (var forged in new[] { otherArea.Id, taken.SpaceId! })
        {
            var data = EditData(report);
            data["space.id"] = forged;
            var result = await host.ExecuteAsync(host.Delegate, "review.saveEdit", data);

            Assert.True(result.IsCard, forged);
            Assert.Contains($"«{forged}» no es un espacio programado", result.Text, StringComparison.Ordinal);
            var stored = await host.ReportAsync(report.Id);
            Assert.Equal(report.SpaceId, stored.SpaceId);
            Assert.Single(stored.Versions);
        }

        Assert.Equal(taken.Id, (await host.Reports.ReportedSpacesAsync("mintrabajo", 2026))[taken.SpaceId!].ReportId);
    }

    [Fact]
    public async Task SaveEdit_MarkedNotScheduled_NeedsAReasonThenLetsTheSpaceGo()
    {
        var report = await host.CreateReportAsync();
        var data = EditData(report);
        // The dropdown still shows the old space: ticking «No programado» is what counts.
        data["space.unscheduled"] = "true";

        var refused = await host.ExecuteAsync(host.Delegate, "review.saveEdit", data, locale: "en-US");
        Assert.True(refused.IsCard);
        Assert.Contains("explain why the space was not scheduled", refused.Text, StringComparison.Ordinal);
        Assert.Equal(report.SpaceId, (await host.ReportAsync(report.Id)).SpaceId);

        data["space.reason"] = "Lo pidió la veeduría local con una semana de aviso.";
        await host.ExecuteAsync(host.Delegate, "review.saveEdit", data);

        var stored = await host.ReportAsync(report.Id);
        Assert.Null(stored.SpaceId);
        Assert.Equal("Lo pidió la veeduría local con una semana de aviso.", stored.UnscheduledReason);
        Assert.False((await host.Reports.ReportedSpacesAsync("mintrabajo", 2026)).ContainsKey(report.SpaceId!));
    }

    [Fact]
    public async Task SaveEdit_InvalidTotal_ShowsErrorNextToFieldAndKeepsReport()
    {
        var report = await host.CreateReportAsync();
        var data = ReviewHost.ReportData(report);
        data["name"] = report.Name;
        data["activitiesDone"] = report.ActivitiesCarriedOut;
        data["participants.total"] = "muchos";
        data["result.text"] = report.Result.Text;

        var result = await host.ExecuteAsync(host.Delegate, "review.saveEdit", data);

        Assert.True(result.IsCard);
        Assert.NotEmpty(result.ErrorsAfter("participants.total"));
        Assert.Single((await host.ReportAsync(report.Id)).Versions);
    }

    [Fact]
    public async Task Edit_AfterPeriodClosed_RefusedUntilCoordinatorUnlocks()
    {
        var report = await host.CreateReportAsync();
        host.Time.SetUtcNow(new DateTimeOffset(2026, 5, 4, 15, 0, 0, TimeSpan.Zero));
        try
        {
            var refused = await host.ExecuteAsync(host.Delegate, "review.edit", ReviewHost.ReportData(report));
            Assert.Contains("cerró el 2026-04-30", refused.Text, StringComparison.Ordinal);

            var byDelegate = await host.ExecuteAsync(host.Delegate, "review.unlock", ReviewHost.ReportData(report));
            Assert.Contains("Solo la coordinación", byDelegate.Text, StringComparison.Ordinal);
            Assert.False((await host.ReportAsync(report.Id)).Unlocked);

            var view = await host.ExecuteAsync(host.Coordinator, "review.view", ReviewHost.ReportData(report));
            Assert.Single(view.Actions("review.unlock"));
            var unlocked = await host.ExecuteAsync(host.Coordinator, "review.unlock", ReviewHost.ReportData(report));
            Assert.True(unlocked.IsCard);
            Assert.True((await host.ReportAsync(report.Id)).Unlocked);

            var editable = await host.ExecuteAsync(host.Delegate, "review.edit", ReviewHost.ReportData(report));
            Assert.True(editable.IsCard);
            Assert.NotNull(editable.Input("participants.total"));
        }
        finally
        {
            host.Time.SetUtcNow(ReviewHost.Start);
        }
    }

    [Fact]
    public async Task ForgedCoordinatorActions_ByDelegateOrInternalControl_AreRefusedAndNothingChanges()
    {
        var report = await host.CreateReportAsync();
        var data = ReviewHost.ReportData(report);

        var approveByDelegate = await host.ExecuteAsync(host.Delegate, "review.approve", data);
        var approveByControl = await host.ExecuteAsync(host.Control, "review.approve", data);
        var returnByControl = await host.ExecuteAsync(host.Control, "review.confirmReturn", new JsonObject { ["reportId"] = report.Id, ["year"] = "2026", ["comment"] = "x" });
        var editByControl = await host.ExecuteAsync(host.Control, "review.edit", data);
        var editByOtherArea = await host.ExecuteAsync(host.Outsider, "review.saveEdit", new JsonObject { ["reportId"] = report.Id, ["year"] = "2026", ["name"] = "Otro" });

        Assert.Contains("Solo la coordinación", approveByDelegate.Text, StringComparison.Ordinal);
        Assert.Contains("no aprobar ni editar", approveByControl.Text, StringComparison.Ordinal);
        Assert.Contains("no aprobar ni editar", returnByControl.Text, StringComparison.Ordinal);
        Assert.Contains("no aprobar ni editar", editByControl.Text, StringComparison.Ordinal);
        Assert.Contains("No encontré ese informe", editByOtherArea.Text, StringComparison.Ordinal);
        var stored = await host.ReportAsync(report.Id);
        Assert.Equal(ReportStatus.Enviado, stored.Status);
        Assert.Single(stored.Versions);
    }

    [Fact]
    public async Task AnswerProposals_ListsPendingAndStoresValidatedAnswersAsNewVersion()
    {
        var report = await host.CreateReportAsync();
        var list = await host.SayAsync(host.Delegate, "responder propuestas");
        Assert.Contains(report.Name, list.AllText, StringComparison.Ordinal);

        var card = await host.ExecuteAsync(host.Delegate, "review.answers", ReviewHost.ReportData(report));
        Assert.NotNull(card.Input("answers.0.decision"));
        var data = ReviewHost.ReportData(report);
        data["answers.0.decision"] = "NO_ACOGIDA";
        data["answers.0.justification"] = "Excede la competencia del ministerio.";
        data["answers.0.who"] = "Dirección de Políticas";
        data["answers.0.date"] = "2026-03-18";
        data["answers.1.decision"] = "EN_ESTUDIO";
        var saved = await host.ExecuteAsync(host.Delegate, "review.saveAnswers", data);

        Assert.Contains("Guardé las respuestas", saved.Text, StringComparison.Ordinal);
        var stored = await host.ReportAsync(report.Id);
        Assert.Equal(AnswerDecision.NoAcogida, stored.Items[0].Answer?.Decision);
        Assert.Equal(new DateOnly(2026, 3, 18), stored.Items[0].Answer?.AnsweredOn);
        Assert.Equal(AnswerDecision.EnEstudio, stored.Items[1].Answer?.Decision);
        Assert.Equal(2, stored.Versions.Count);
        Assert.Contains("answers", stored.Versions[^1].ChangedFieldIds);
    }

    [Theory]
    [InlineData("answers.0.decision", "ACEPTADA_A_MEDIAS", "answers.0.decision")]
    [InlineData("answers.0.decision", "NO_ACOGIDA", "answers.0.justification")]
    [InlineData("answers.7.decision", "ACOGIDA", "answers.7.decision")]
    public async Task SaveAnswers_ForgedOrIncomplete_RefusedOnCardAndNotStored(string key, string value, string errorKey)
    {
        var report = await host.CreateReportAsync();
        var data = ReviewHost.ReportData(report);
        data[key] = value;
        data["answers.0.date"] = "2026-03-18";

        var result = await host.ExecuteAsync(host.Delegate, "review.saveAnswers", data);

        Assert.True(result.IsCard);
        Assert.Contains("Revisa los campos señalados", result.Text, StringComparison.Ordinal);
        if (result.Input(errorKey) is not null)
        {
            Assert.NotEmpty(result.ErrorsAfter(errorKey));
        }

        var stored = await host.ReportAsync(report.Id);
        Assert.Null(stored.Items[0].Answer);
        Assert.Single(stored.Versions);
    }

    /// <summary>The plan's spaces a report of the area may name (the space's area, else its activity's).</summary>
    private static List<ScheduledSpace> SpacesOfArea(Plan plan, string area)
    {
        var spaces = plan.Spaces.Where(s => (s.LeaderArea ?? plan.FindActivity(s.ActivityId!)?.LeaderArea) == area).ToList();
        Assert.True(spaces.Count >= 3 && spaces.Count < plan.Spaces.Count, $"the sample plan has three spaces of {area}, and others");
        return spaces;
    }

    /// <summary>What the edit card sends back unchanged: its space step and content, as stored.</summary>
    private static JsonObject EditData(ParticipationReport report)
    {
        var data = ReviewHost.ReportData(report);
        data["space.id"] = report.SpaceId;
        data["space.unscheduled"] = "false";
        data["space.reason"] = string.Empty;
        data["activity"] = report.ActivityId;
        data["name"] = report.Name;
        data["activitiesDone"] = report.ActivitiesCarriedOut;
        data["participants.total"] = report.Participants.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        data["result.text"] = report.Result.Text;
        return data;
    }

    private static List<string> Choices(InvokeResult card, string id) =>
        [.. card.Input(id)!.Value.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!)];
}
