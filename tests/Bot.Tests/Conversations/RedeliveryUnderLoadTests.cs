using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Tests.Review;
using ParticipaBot.Bot.Tests.Wizard;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using Xunit.Abstractions;

namespace ParticipaBot.Bot.Tests.Conversations;

/// <summary>
/// Redelivered activities and double clicks under load (issue 8), through the real HTTP endpoint: many delegates at
/// once fill in reports while Teams delivers every activity three times (twice at once, once more a moment later, with
/// one id) and every button is clicked twice (two ids, at once), on both card paths; coordinators double-click approve
/// and return. One report per flow, one stable number shown to both clicks, one reply per message, one notice per
/// review, and no 5xx. Sizes: PARTICIPABOT_REDELIVERY_FLOWS (delegates, default 16), PARTICIPABOT_REDELIVERY_ROUNDS
/// (reports per delegate, default 1), PARTICIPABOT_REDELIVERY_REVIEWS (reports reviewed, default 8).
/// </summary>
public sealed class RedeliveryUnderLoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Wizard_DelegatesWithRedeliveriesAndDoubleClicks_OneReportPerFlowSameNumberForBothClicks()
    {
        var flows = EnvInt("PARTICIPABOT_REDELIVERY_FLOWS", 16);
        var rounds = EnvInt("PARTICIPABOT_REDELIVERY_ROUNDS", 1);
        using var factory = WizardChat.NewFactory();
        var spaces = await AddSpacesAsync(factory, flows * rounds);
        var clock = Stopwatch.StartNew();
        var chats = Enumerable.Range(0, flows).Select(_ => new WizardChat(factory) { Redeliver = true, DoubleClick = true }).ToList();

        var submitted = await Task.WhenAll(chats.Select((chat, i) => FlowAsync(chat, execute: i % 2 == 0, spaces.Skip(i * rounds).Take(rounds).ToList())));
        var elapsed = clock.Elapsed;
        await Task.Delay(300);

        // One report per completed flow, each the one its draft points to.
        var reports = await factory.Services.GetRequiredService<IReportRepository>().ListAsync("mintrabajo", 2026);
        var ids = submitted.SelectMany(s => s).ToList();
        Assert.Equal(flows * rounds, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), reports.Select(r => r.Id).Order(StringComparer.Ordinal));

        // No 5xx, no apology; every message (typed or clicked) answered once, whatever number of times it arrived.
        var replies = 0;
        foreach (var chat in chats)
        {
            Assert.All(chat.Statuses, status => Assert.Equal(HttpStatusCode.OK, status));
            var sent = factory.Connector.SentTo(chat.ConversationId);
            Assert.DoesNotContain(sent, s => s.AllText.Contains(Texts.Apology.For(UserLanguage.Spanish), StringComparison.Ordinal));
            foreach (var id in chat.MessageIds.Distinct(StringComparer.Ordinal))
            {
                var answers = sent.Count(s => s.ReplyToId == id);
                Assert.True(answers == 1, $"{chat.ConversationId}: message {id} answered {answers} times");
                replies++;
            }

            Assert.Equal(sent.Count, sent.Count(s => s.ReplyToId is not null));
        }

        var deliveries = chats.Sum(c => c.Statuses.Count);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"redelivery: {flows} delegates × {rounds} reports, {deliveries} deliveries to /api/messages, {replies} messages answered once, {ids.Count} reports, {elapsed.TotalSeconds:F1} s"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Start_DoubleClickedAtOnce_BothClicksShowTheOneDraftStored(bool execute)
    {
        using var factory = WizardChat.NewFactory();
        var chat = new WizardChat(factory) { DoubleClick = true };
        await WizardChat.SamplePlanAsync(factory);
        await chat.SayAsync("reportar");

        await chat.PressAsync("report.start", null, "Reportar este", execute);

        // Two drafts would leave one of the two cards on a discarded draft ("Esa tarjeta ya no corresponde").
        var stored = await chat.DraftAsync();
        Assert.Equal(2, chat.LastClickCards.Count);
        Assert.All(chat.LastClickCards, card => Assert.Contains($"\"draftId\":\"{stored!.Id}\"", card!.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_ApproveAndReturnDoubleClickedAndRedelivered_OneVersionAndOneNoticeEach()
    {
        var count = EnvInt("PARTICIPABOT_REDELIVERY_REVIEWS", 8);
        using var host = new ReviewHost();
        await host.SayAsync(host.Delegate, "hola");
        var reports = new List<ParticipationReport>();
        for (var i = 0; i < count; i++)
        {
            reports.Add(await host.CreateReportAsync());
        }

        var before = host.Connector.SentTo(host.Delegate.ConversationId).Count;
        var coordinatorBefore = host.Connector.SentTo(host.Coordinator.ConversationId).Count;
        var messageIds = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Task.WhenAll(reports.Select((report, i) => DoubleClickAsync(host, report, approve: i % 2 == 0, execute: i % 4 < 2, messageIds)));
        // Action.Submit clicks are queued and run after their POST is answered, and all the reviews share the coordinator's
        // chat: wait for every answer and every notice, then a moment more for any that should not come.
        await host.Connector.WaitForAsync(host.Coordinator.ConversationId, coordinatorBefore + messageIds.Distinct(StringComparer.Ordinal).Count());
        await host.Connector.WaitForAsync(host.Delegate.ConversationId, before + count);
        await Task.Delay(300);

        foreach (var (report, i) in reports.Select((r, i) => (r, i)))
        {
            var stored = await host.ReportAsync(report.Id);
            Assert.Equal(i % 2 == 0 ? ReportStatus.Aprobado : ReportStatus.Devuelto, stored.Status);
            Assert.Equal(2, stored.Versions.Count);
        }

        // The delegate is told once per review.
        var notices = host.Connector.SentTo(host.Delegate.ConversationId).Skip(before).ToList();
        Assert.Equal((count + 1) / 2, notices.Count(n => n.AllText.Contains("fue aprobado", StringComparison.Ordinal)));
        Assert.Equal(count / 2, notices.Count(n => n.AllText.Contains("fue devuelto", StringComparison.Ordinal)));
        Assert.Equal(count, notices.Count);

        // Each Action.Submit click answered once, a redelivered one not again.
        var coordinator = host.Connector.SentTo(host.Coordinator.ConversationId).Skip(coordinatorBefore).ToList();
        foreach (var id in messageIds.Distinct(StringComparer.Ordinal))
        {
            Assert.Single(coordinator, s => s.ReplyToId == id);
        }

        Assert.DoesNotContain(coordinator, s => s.AllText.Contains(Texts.Apology.For(UserLanguage.Spanish), StringComparison.Ordinal));
    }

    /// <summary>
    /// A space of its own for every flow (a space already reported cannot be started again): copies of the sample
    /// plan's 18 June workshop, so the wizard's pre-filled values are the ones the flow helpers expect.
    /// </summary>
    private static async Task<IReadOnlyList<string>> AddSpacesAsync(BotFactory factory, int count)
    {
        var plan = await WizardChat.SamplePlanAsync(factory);
        var model = plan.Spaces.Single(s => s.Period.Start == new DateOnly(2026, 6, 18));
        var copies = Enumerable.Range(1, count).Select(i => model with { Id = $"{model.Id}-carga{i}", Name = $"{model.Name} (grupo {i})" }).ToList();
        await factory.Services.GetRequiredService<IPlanRepository>().SaveAsync(plan with { Spaces = [.. plan.Spaces, .. copies] });
        return [.. copies.Select(s => s.Id)];
    }

    /// <summary>Full report flows in one chat, one per space; returns the ids of the reports submitted.</summary>
    private static async Task<IReadOnlyList<string>> FlowAsync(WizardChat chat, bool execute, IReadOnlyList<string> spaceIds)
    {
        var ids = new List<string>();
        foreach (var spaceId in spaceIds)
        {
            await WizardFlowTests.StartAsync(chat, execute, spaceId);
            await WizardFlowTests.FillToReviewAsync(chat, execute);
            await chat.PressAsync("report.submit", null, null, execute);

            // Both clicks of the double click show the confirmation with the same number, the stored report's.
            var stored = await chat.Factory.Services.GetRequiredService<IReportDraftRepository>().GetAsync(chat.ConversationId);
            var id = stored?.Value.SubmittedReportId ?? throw new InvalidOperationException($"{chat.ConversationId}: not submitted");
            var number = ReportNumbers.For(id, 2026);
            Assert.Equal(2, chat.LastClickCards.Count);
            Assert.All(chat.LastClickCards, card => Assert.Contains($"Reporte {number} enviado", WizardChat.AllText(card), StringComparison.Ordinal));
            Assert.Equal(spaceId, (await chat.Factory.Services.GetRequiredService<IReportRepository>().GetAsync("mintrabajo", 2026, id))!.Value.SpaceId);
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>
    /// A coordinator's double click: the first click delivered twice with one id (at once), the second click with its
    /// own id; through Action.Execute or Action.Submit.
    /// </summary>
    private static async Task DoubleClickAsync(ReviewHost host, ParticipationReport report, bool approve, bool execute, System.Collections.Concurrent.ConcurrentQueue<string> messageIds)
    {
        var verb = approve ? "review.approve" : "review.confirmReturn";
        var data = ReviewHost.ReportData(report);
        if (!approve)
        {
            data["comment"] = "Falta el acta firmada.";
        }

        var first = "act-" + Guid.NewGuid().ToString("N");
        var second = "act-" + Guid.NewGuid().ToString("N");
        if (execute)
        {
            var results = await Task.WhenAll(
                host.ExecuteAsync(host.Coordinator, verb, data, activityId: first),
                host.ExecuteAsync(host.Coordinator, verb, data, activityId: first),
                host.ExecuteAsync(host.Coordinator, verb, data, activityId: second));
            Assert.All(results, r => Assert.Equal(200, r.Status));
            Assert.Single(results.Take(2), r => r.Text == Texts.ActionAlreadyReceived.For(UserLanguage.Spanish));
            Assert.DoesNotContain(results, r => r.Text.Contains("InternalError", StringComparison.Ordinal));
            return;
        }

        messageIds.Enqueue(first);
        messageIds.Enqueue(second);
        await Task.WhenAll(
            host.SubmitAsync(host.Coordinator, verb, (JsonObject)data.DeepClone(), first),
            host.SubmitAsync(host.Coordinator, verb, (JsonObject)data.DeepClone(), first),
            host.SubmitAsync(host.Coordinator, verb, (JsonObject)data.DeepClone(), second));
    }

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
