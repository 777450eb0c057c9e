using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Reporting;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Wizard;

public sealed class WizardRoleAndEvidenceTests(WizardHostFixture host) : IClassFixture<WizardHostFixture>
{
    private const string UserAadId = "6f0c2f3a-8d3b-4e1a-9c51-1a2b3c4d5e6f";

    [Fact]
    public async Task OtherArea_ForgedOnTheCardOrAtStart_IsRefusedAndLoggedWithoutTheText()
    {
        var logs = new ListLoggerProvider();
        using var factory = WizardChat.NewFactory(configure: services =>
        {
            services.RemoveAll<IRoleResolver>();
            var roles = new RoleOptions();
            roles.Delegates["Grupo de Atención Ciudadana"] = [UserAadId];
            services.AddSingleton<IRoleResolver>(new RoleResolver(roles));
            services.AddSingleton<ILoggerProvider>(logs);
        });
        var chat = new WizardChat(factory);
        await WizardFlowTests.StartAsync(chat);
        await chat.ExecuteAsync("report.next");

        var card = await chat.ExecuteAsync("report.next", WizardFlowTests.Values(("area.leader", "Oficina Asesora de Planeación")));

        var text = WizardChat.AllText(card);
        Assert.Contains("Paso 2 de 7", text, StringComparison.Ordinal);
        Assert.Contains("no puede reportar por otra dependencia («Oficina Asesora de Planeación»)", text, StringComparison.Ordinal);
        var leaderOptions = WizardChat.FindInput(card!, "area.leader")!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>());
        Assert.Equal(["Grupo de Atención Ciudadana"], leaderOptions);
        var refusal = Assert.Single(logs.Entries, e => e.EventId.Id == 5004);
        Assert.Contains(UserAadId, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Planeación", refusal.Message, StringComparison.Ordinal);

        // Even past the step: submitting with the forged area stored is refused and nothing is created.
        var drafts = factory.Services.GetRequiredService<IReportDraftRepository>();
        await chat.ExecuteAsync("report.next", WizardFlowTests.Values(("area.leader", "Grupo de Atención Ciudadana")));
        var stored = (await drafts.GetAsync(chat.ConversationId))!;
        var forged = stored.Value with
        {
            Draft = stored.Value.Draft with
            {
                CurrentStep = "revision",
                Values = new Dictionary<string, string>(stored.Value.Draft.Values) { ["area.leader"] = "Oficina Asesora de Planeación" },
            },
        };
        await drafts.SaveAsync(chat.ConversationId, forged, stored.ETag);
        var (_, review) = await chat.ExecuteRawAsync("report.submit", new JsonObject { ["draftId"] = stored.Value.Draft.Id, ["step"] = "revision" });
        Assert.Contains("no puede reportar por otra dependencia", WizardChat.AllText(review), StringComparison.Ordinal);
        Assert.Empty(await factory.Services.GetRequiredService<IReportRepository>().ListAsync("mintrabajo", 2026));
        Assert.Equal(2, logs.Entries.Count(e => e.EventId.Id == 5004));
    }

    [Fact]
    public async Task NoArea_TheUserIsToldWhoToAsk()
    {
        using var factory = WizardChat.NewFactory(configure: services =>
        {
            services.RemoveAll<IRoleResolver>();
            services.AddSingleton<IRoleResolver>(new RoleResolver(new RoleOptions()));
        });
        await WizardChat.SamplePlanAsync(factory);
        var chat = new WizardChat(factory);

        await chat.SayAsync("reportar");

        Assert.Contains("No figuras como enlace de ninguna dependencia", chat.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_SentInPersonalChat_AreKeptAsEvidenceReferencesOrRefused()
    {
        var chat = new WizardChat(host.Factory);
        await WizardChat.SamplePlanAsync(host.Factory);
        var sent = await chat.SendFilesAsync(("acta.pdf", "pdf", 1000));
        Assert.Contains("primero empieza un reporte", sent[0].Activity.Text, StringComparison.Ordinal);

        await WizardFlowTests.StartAsync(chat);
        sent = await chat.SendFilesAsync(("Acta reunión junio.pdf", "pdf", 120_000), ("instalar.exe", "exe", 2_000), ("grabacion.mp4", "mp4", 30L * 1024 * 1024), ("fotos.ZIP.ps1", "ps1", null));
        var texts = string.Join("\n", sent.Select(s => s.Activity.Text));
        Assert.Contains("Guardé «Acta reunión junio.pdf» (117,2 KB) como evidencia", texts, StringComparison.Ordinal);
        Assert.Contains("No acepto «instalar.exe»: los archivos ejecutables o de script (.exe)", texts, StringComparison.Ordinal);
        Assert.Contains("No acepto «grabacion.mp4»: pesa 30 MB y el máximo es 25 MB", texts, StringComparison.Ordinal);
        Assert.Contains("No acepto «fotos.ZIP.ps1»", texts, StringComparison.Ordinal);

        var draft = (await chat.DraftAsync())!;
        Assert.Equal("ACTA", draft.Value("evidence.0.kind"));
        Assert.Equal("Acta reunión junio.pdf", draft.Value("evidence.0.fileName"));
        Assert.Equal("pdf", draft.Value("evidence.0.contentType"));
        Assert.Equal("120000", draft.Value("evidence.0.size"));
        Assert.Null(draft.Value("evidence.0.url"));
        Assert.Null(draft.Value("evidence.1.fileName"));
    }

    [Fact]
    public async Task Reportar_InAChannel_AsksForThePersonalChat()
    {
        await WizardChat.SamplePlanAsync(host.Factory);
        var chat = new WizardChat(host.Factory, "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2", conversationType: "channel");

        var card = await chat.SayAsync("reportar");

        Assert.Null(card);
        Assert.Contains("chat personal", chat.LastText, StringComparison.Ordinal);
    }
}
