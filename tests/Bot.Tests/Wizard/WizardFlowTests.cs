using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Tests.Wizard;

/// <summary>One host (fresh data directory, fixed clock, sample plan) for the tests that do not submit.</summary>
public sealed class WizardHostFixture : IDisposable
{
    internal BotFactory Factory { get; } = WizardChat.NewFactory();

    public void Dispose() => Factory.Dispose();
}

/// <summary>The report wizard over HTTP, from "reportar" to the confirmation, on both card paths.</summary>
public sealed class WizardFlowTests(WizardHostFixture host) : IClassFixture<WizardHostFixture>
{
    internal static Dictionary<string, string?> Values(params (string Key, string? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>"reportar", then the first space due (or the space given): returns on step 1.</summary>
    internal static async Task StartAsync(WizardChat chat, bool execute = true, string? spaceId = null)
    {
        await WizardChat.SamplePlanAsync(chat.Factory);
        await chat.SayAsync("reportar");
        await chat.PressAsync("report.start", spaceId is null ? null : Values(("spaceId", spaceId)), chat.Locale.StartsWith("en", StringComparison.Ordinal) ? "Report this one" : "Reportar este", execute);
        Assert.Contains(chat.Locale.StartsWith("en", StringComparison.Ordinal) ? "Step 1 of 7" : "Paso 1 de 7", WizardChat.AllText(chat.Card), StringComparison.Ordinal);
    }

    /// <summary>Fills every step with valid values (confirming what was pre-filled) and returns on the review card.</summary>
    internal static async Task FillToReviewAsync(WizardChat chat, bool execute = true)
    {
        await chat.PressAsync("report.next", null, null, execute);
        await chat.PressAsync("report.next", null, null, execute);
        await chat.PressAsync("report.next", Values(
            ("activitiesDone", "Se presentó la caracterización y se trabajó en mesas por grupo de valor."),
            ("result.text", "Se identificaron tres necesidades de información de los sindicatos."),
            ("result.category", "INSUMO_DIAGNOSTICO")), null, execute);
        await chat.PressAsync("report.next", Values(("participants.total", "25"), ("participants.women", "12")), null, execute);
        await chat.PressAsync("report.next", Values(
            ("items.0.kind", "PROPUESTA"), ("items.0.text", "Publicar la caracterización en datos abiertos."), ("items.0.group", "SINDICATOS")), null, execute);
        await chat.PressAsync("report.next", null, null, execute);
        await chat.PressAsync("report.next", Values(("evidence.0.kind", "ACTA"), ("evidence.0.url", "https://contoso.sharepoint.com/sites/participacion/acta-20-feb.pdf")), null, execute);
        Assert.Contains(chat.Locale.StartsWith("en", StringComparison.Ordinal) ? "Final review" : "Revisión final", WizardChat.AllText(chat.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ActionExecute_FromReportarToConfirmation_StoresTheReport()
    {
        using var factory = WizardChat.NewFactory();
        var chat = new WizardChat(factory);
        var plan = await WizardChat.SamplePlanAsync(factory);
        // The most recent space held comes first: its cuatrimestre is still open.
        var space = plan.Spaces.Where(s => s.Period.Start <= DateOnly.FromDateTime(WizardChat.Today.Date)).OrderByDescending(s => s.Period.Start).First();

        await StartAsync(chat);
        await FillToReviewAsync(chat);
        var review = WizardChat.AllText(chat.Card);
        Assert.Contains("Publicar la caracterización en datos abiertos.", review, StringComparison.Ordinal);
        Assert.Contains("Propuesta", review, StringComparison.Ordinal);
        await chat.ExecuteAsync("report.submit");

        var report = await chat.SingleReportAsync();
        var text = WizardChat.AllText(chat.Card);
        Assert.Contains($"Reporte {ReportNumbers.For(report.Id, 2026)} enviado", text, StringComparison.Ordinal);
        Assert.Contains("Qué sigue", text, StringComparison.Ordinal);
        Assert.Equal(space.Id, report.SpaceId);
        Assert.Equal(space.Name, report.Name);
        Assert.Equal(new DateOnly(2026, 6, 18), report.HeldFrom);
        Assert.Equal(space.LeaderArea, report.LeaderArea);
        Assert.Equal("PRESENCIAL", report.Modality);
        Assert.Equal("ENCUENTRO_TERRITORIAL", report.Format);
        Assert.Equal("PLANEACION_PRESUPUESTO", report.Kind);
        Assert.Equal("IMPLEMENTACION", report.Phase);
        Assert.Contains("CAMPESINADO", report.PopulationFocus);
        Assert.Contains("SINDICATOS", report.ActorTypes);
        Assert.Equal(25, report.Participants.Total);
        Assert.Equal(12, report.Participants.Women);
        Assert.Equal(["Estrategia de participación ciudadana"], report.Goals);
        var item = Assert.Single(report.Items);
        Assert.Equal(ItemKind.Propuesta, item.Kind);
        Assert.Equal("SINDICATOS", item.ValueGroup);
        Assert.Equal("INSUMO_DIAGNOSTICO", report.Result.Category);
        var evidence = Assert.Single(report.Evidence);
        Assert.Equal("ACTA", evidence.Kind);
        Assert.Equal(ReportStatus.Enviado, report.Status);
        Assert.Equal(WizardChat.Today, report.FirstSubmittedAt);
        Assert.StartsWith("rep-2026-", report.Id, StringComparison.Ordinal);
        Assert.Single(report.Versions);

        // Reported spaces leave the list of spaces due.
        await chat.SayAsync("mis pendientes");
        Assert.DoesNotContain(space.Name, WizardChat.AllText(chat.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ActionSubmitInEnglish_FromReportToConfirmation_StoresTheReport()
    {
        using var factory = WizardChat.NewFactory();
        var chat = new WizardChat(factory, locale: "en-US");

        await StartAsync(chat, execute: false);
        await FillToReviewAsync(chat, execute: false);
        await chat.SubmitAsync("report.submit");

        var report = await chat.SingleReportAsync();
        Assert.Contains($"Report {ReportNumbers.For(report.Id, 2026)} submitted", WizardChat.AllText(chat.Card), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Enviado, report.Status);
        Assert.Equal(25, report.Participants.Total);
    }

    [Fact]
    public async Task Start_DeliveredAgainAfterTheDelegateMovedOn_ShowsTheDraftWhereItStands()
    {
        using var factory = WizardChat.NewFactory();
        var chat = new WizardChat(factory);
        await StartAsync(chat);
        var start = chat.LastActivityJson!;
        await chat.PressAsync("report.next", null, null, execute: true);
        var before = await chat.DraftAsync();

        var card = await chat.DeliverAgainAsync(start);

        Assert.Contains("Paso 2 de 7", WizardChat.AllText(card), StringComparison.Ordinal);
        // Remembered as a fingerprint: the channel's id, however long, is not copied into every later write of the draft.
        var stored = await factory.Services.GetRequiredService<IReportDraftRepository>().GetAsync(chat.ConversationId);
        Assert.Matches("^[0-9a-f]{64}$", stored!.Value.StartActivityId);
        var after = await chat.DraftAsync();
        Assert.Equal(before!.Id, after!.Id);
        Assert.Equal(before.CurrentStep, after.CurrentStep);
        Assert.Equal(before.Values, after.Values);
    }

    [Fact]
    public async Task Submit_DoubleClickAndRedelivery_CreatesOneReport()
    {
        using var factory = WizardChat.NewFactory();
        var chat = new WizardChat(factory);
        await StartAsync(chat);
        await FillToReviewAsync(chat);
        var review = chat.Card!;

        var first = new WizardChat(factory, chat.ConversationId);
        var second = new WizardChat(factory, chat.ConversationId);
        first.Card = review;
        second.Card = review;
        await Task.WhenAll(first.ExecuteAsync("report.submit"), second.ExecuteAsync("report.submit"));
        await chat.SubmitAsync("report.submit");

        var report = await chat.SingleReportAsync();
        var number = ReportNumbers.For(report.Id, 2026);
        Assert.Contains(number, WizardChat.AllText(first.Card), StringComparison.Ordinal);
        Assert.Contains(number, WizardChat.AllText(second.Card), StringComparison.Ordinal);
        Assert.Contains(number, WizardChat.AllText(chat.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_TwoDraftsOfOneSpaceAtOnce_OneReportAndTheOtherToldWithItsDraftKept()
    {
        using var factory = WizardChat.NewFactory();
        var spanish = new WizardChat(factory);
        var english = new WizardChat(factory, locale: "en-US");
        // Both start the same space (the first due) before either submits: the start check lets both through.
        await StartAsync(spanish);
        await StartAsync(english);
        await FillToReviewAsync(spanish);
        await FillToReviewAsync(english);
        var spaceId = (await spanish.DraftAsync())!.Value("space.id");
        Assert.Equal(spaceId, (await english.DraftAsync())!.Value("space.id"));

        await Task.WhenAll(spanish.ExecuteAsync("report.submit"), english.ExecuteAsync("report.submit"));

        var report = await spanish.SingleReportAsync();
        var number = ReportNumbers.For(report.Id, 2026);
        var (winner, loser) = report.Id == (await spanish.DraftAsync())!.Id ? (spanish, english) : (english, spanish);
        Assert.Contains(number, WizardChat.AllText(winner.Card), StringComparison.Ordinal);
        var told = WizardChat.AllText(loser.Card);
        Assert.Contains(loser == spanish ? "Revisión final" : "Final review", told, StringComparison.Ordinal);
        Assert.Contains(loser == spanish
            ? $"No se pudo enviar: el espacio «{report.Name}» ya está cubierto por el reporte {number}"
            : $"Could not submit: the space \"{report.Name}\" is already covered by report {number}", told, StringComparison.Ordinal);
        Assert.Contains(loser == spanish ? "Tu borrador se conservó" : "Your draft was kept", told, StringComparison.Ordinal);
        Assert.NotNull(WizardChat.FindAction(loser.Card!, "report.cancel"));

        // Nothing typed is lost, and the draft is not taken for submitted.
        var stored = await factory.Services.GetRequiredService<IReportDraftRepository>().GetAsync(loser.ConversationId);
        Assert.Null(stored!.Value.SubmittedReportId);
        Assert.Equal(spaceId, stored.Value.Draft.Value("space.id"));
        Assert.Equal("Publicar la caracterización en datos abiertos.", stored.Value.Draft.Value("items.0.text"));

        // The way forward the card names: the space step, ticked «No programado», then submit.
        await loser.ExecuteAsync("report.edit", null, loser == spanish ? "Espacio" : "Space");
        var review = await loser.ExecuteAsync("report.next", Values(
            ("space.id", null), ("space.unscheduled", "true"), ("space.reason", "Se realizó una segunda sesión no prevista en el cronograma.")));
        Assert.Contains(loser == spanish ? "Revisión final" : "Final review", WizardChat.AllText(review), StringComparison.Ordinal);
        await loser.ExecuteAsync("report.submit");

        var reports = await factory.Services.GetRequiredService<IReportRepository>().ListAsync("mintrabajo", 2026);
        Assert.Equal(2, reports.Count);
        Assert.Single(reports, r => r.SpaceId == spaceId);
        Assert.Single(reports, r => r.SpaceId is null);
    }

    [Fact]
    public async Task Start_SpaceReportedMeanwhile_IsRefusedWithTheReportNumber()
    {
        using var factory = WizardChat.NewFactory();
        var first = new WizardChat(factory);
        await StartAsync(first);
        await FillToReviewAsync(first);
        var second = new WizardChat(factory);
        await WizardChat.SamplePlanAsync(factory);
        await second.SayAsync("reportar");
        await first.ExecuteAsync("report.submit");

        // The second delegate's picker still offers the space: starting it now names the report that covers it.
        await second.ExecuteAsync("report.start", null, "Reportar este");

        var report = await first.SingleReportAsync();
        Assert.Contains($"Ese espacio ya fue reportado ({ReportNumbers.For(report.Id, 2026)})", second.LastText, StringComparison.Ordinal);
        Assert.Null(await second.DraftAsync());
    }

    [Fact]
    public async Task Step_InvalidValues_ShowsErrorsNextToFieldsAndKeepsWhatWasTyped()
    {
        var chat = new WizardChat(host.Factory);
        await StartAsync(chat);
        var longName = new string('x', 201);

        var card = await chat.ExecuteAsync("report.next", Values(("name", longName)));

        var text = WizardChat.AllText(card);
        Assert.Contains("Paso 1 de 7", text, StringComparison.Ordinal);
        Assert.Contains("Revisa 1 campo(s)", text, StringComparison.Ordinal);
        Assert.Equal(longName, WizardChat.FindInput(card!, "name")!["value"]!.GetValue<string>());
        var container = ContainerOf(card!, "name");
        Assert.Contains(container["items"]!.AsArray(), i => i!["color"]?.GetValue<string>() == "attention"
            && i["text"]!.GetValue<string>().Contains("«Nombre del espacio»: tiene 201 caracteres; el máximo es 200.", StringComparison.Ordinal));

        // Step 3 with nothing typed: each required field says what is missing, the typed text stays.
        await chat.ExecuteAsync("report.next", Values(("name", "Mesa de trabajo con sindicatos")));
        await chat.ExecuteAsync("report.next");
        card = await chat.ExecuteAsync("report.next", Values(("activitiesDone", "Agenda y mesas"), ("result.category", "NO_EXISTE")));
        text = WizardChat.AllText(card);
        Assert.Contains("Paso 3 de 7", text, StringComparison.Ordinal);
        Assert.Contains("«Resultado de la participación»: falta «Resultado».", text, StringComparison.Ordinal);
        Assert.Contains("«NO_EXISTE» no es una opción válida", text, StringComparison.Ordinal);
        Assert.Equal("Agenda y mesas", WizardChat.FindInput(card!, "activitiesDone")!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task SpaceStep_NotScheduledTickedWhileTheListStillShowsTheSpace_AdvancesWithoutTheSpace()
    {
        var chat = new WizardChat(host.Factory);
        await StartAsync(chat);
        var chosen = WizardChat.FindInput(chat.Card!, "space.id")!["value"]!.GetValue<string>();

        // The card sends the space the list still shows (a Teams dropdown cannot be emptied) with the tick and a reason.
        var card = await chat.ExecuteAsync("report.next", Values(("space.unscheduled", "true"), ("space.reason", "Se hizo en otra fecha, a pedido de la veeduría.")));

        Assert.Contains("Paso 2 de 7", WizardChat.AllText(card), StringComparison.Ordinal);
        var draft = (await chat.DraftAsync())!;
        Assert.False(string.IsNullOrEmpty(chosen));
        Assert.Null(draft.Value("space.id"));
        Assert.Equal("true", draft.Value("space.unscheduled"));
    }

    [Fact]
    public async Task BackAndEdit_FromTheReview_ChangeAStepAndReturnToTheReview()
    {
        var chat = new WizardChat(host.Factory);
        await StartAsync(chat);
        await chat.ExecuteAsync("report.next");
        var card = await chat.ExecuteAsync("report.back");
        Assert.Contains("Paso 1 de 7", WizardChat.AllText(card), StringComparison.Ordinal);

        await FillToReviewAsync(chat);
        card = await chat.ExecuteAsync("report.edit", null, "Espacio");
        Assert.Contains("Paso 1 de 7", WizardChat.AllText(card), StringComparison.Ordinal);
        Assert.NotNull(WizardChat.FindAction(card!, "report.next", "Guardar y volver a la revisión"));

        card = await chat.ExecuteAsync("report.next", Values(("name", "Mesa de caracterización (nombre corregido)")));
        var text = WizardChat.AllText(card);
        Assert.Contains("Revisión final", text, StringComparison.Ordinal);
        Assert.Contains("Mesa de caracterización (nombre corregido)", text, StringComparison.Ordinal);

        card = await chat.ExecuteAsync("report.back");
        Assert.Contains("Paso 7 de 7", WizardChat.AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListEntries_AddAndRemove_KeepTheOthers()
    {
        var chat = new WizardChat(host.Factory);
        await StartAsync(chat);
        await chat.ExecuteAsync("report.next");
        await chat.ExecuteAsync("report.next");
        await chat.ExecuteAsync("report.next", Values(("activitiesDone", "a"), ("result.text", "b"), ("result.category", "AJUSTE_PLAN")));
        await chat.ExecuteAsync("report.next", Values(("participants.total", "10")));

        await chat.ExecuteAsync("report.add", Values(("items.0.kind", "OBSERVACION"), ("items.0.text", "Primera")));
        await chat.ExecuteAsync("report.add", Values(("items.1.kind", "PROPUESTA"), ("items.1.text", "Segunda"), ("answers.1.decision", "EN_ESTUDIO")));
        var card = await chat.ExecuteAsync("report.add", Values(("items.2.kind", "RECOMENDACION"), ("items.2.text", "Tercera")));
        var text = WizardChat.AllText(card);
        Assert.Contains("1. Observación / Primera", text, StringComparison.Ordinal);
        Assert.NotNull(WizardChat.FindInput(card!, "items.3.text"));

        card = await chat.ExecuteAsync("report.remove", null, "Quitar 1.");
        text = WizardChat.AllText(card);
        Assert.DoesNotContain("Primera", text, StringComparison.Ordinal);
        Assert.Contains("1. Propuesta / Segunda", text, StringComparison.Ordinal);
        Assert.Contains("2. Recomendación / Tercera", text, StringComparison.Ordinal);
        Assert.Contains("En estudio", text, StringComparison.Ordinal);

        var draft = (await chat.DraftAsync())!;
        Assert.Equal("Segunda", draft.Value("items.0.text"));
        Assert.Equal("EN_ESTUDIO", draft.Value("answers.0.decision"));
        Assert.Null(draft.Value("items.2.text"));
    }

    [Fact]
    public async Task Cancel_RemovesTheDraft()
    {
        var chat = new WizardChat(host.Factory);
        await StartAsync(chat);
        await chat.ExecuteAsync("report.next");

        var card = await chat.ExecuteAsync("report.cancel");
        Assert.Contains("Cancelé el reporte en curso", WizardChat.AllText(card), StringComparison.Ordinal);

        card = await chat.SayAsync("CONTINUAR");
        Assert.Contains("No tienes un reporte en curso", WizardChat.AllText(card), StringComparison.Ordinal);
        Assert.Null(await chat.DraftAsync());
    }

    [Fact]
    public async Task Continue_AfterARestart_ResumesWhereTheDelegateStopped()
    {
        var directory = Directory.CreateTempSubdirectory("participabot-wizard-restart-").FullName;
        try
        {
            string conversationId;
            using (var first = WizardChat.NewFactory(directory))
            {
                var chat = new WizardChat(first);
                conversationId = chat.ConversationId;
                await StartAsync(chat);
                await chat.ExecuteAsync("report.next");
                await chat.ExecuteAsync("report.next");
                await chat.ExecuteAsync("report.next", Values(("activitiesDone", "Lo que alcancé a escribir")));
            }

            using var second = WizardChat.NewFactory(directory);
            var resumed = new WizardChat(second, conversationId);
            var card = await resumed.SayAsync("Continuár");

            Assert.Contains("Paso 3 de 7", WizardChat.AllText(card), StringComparison.Ordinal);
            Assert.Equal("Lo que alcancé a escribir", WizardChat.FindInput(card!, "activitiesDone")!["value"]!.GetValue<string>());
            card = await resumed.ExecuteAsync("report.next", Values(("result.text", "Resultado"), ("result.category", "AJUSTE_PLAN")));
            Assert.Contains("Paso 4 de 7", WizardChat.AllText(card), StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing host; the temp folder is cleaned by the OS.
            }
        }
    }

    [Theory]
    [InlineData(1, "space.id", "ESP-999", "no es un espacio programado de la vigencia 2026")]
    [InlineData(2, "heldOn.from", "10/03/2026", "«10/03/2026» no es una fecha válida (AAAA-MM-DD)")]
    [InlineData(2, "heldOn.from", "2026-07-15", "la fecha 2026-07-15 está en el futuro")]
    [InlineData(2, "heldOn.from", "2025-12-01", "está fuera de la vigencia 2026")]
    [InlineData(2, "format", "KARAOKE", "«Formato»: «KARAOKE» no es una opción válida.")]
    [InlineData(2, "area.leader", "OFICINA_JURIDICA", "no puede reportar por otra dependencia («OFICINA_JURIDICA»)")]
    [InlineData(3, "activitiesDone", null, "tiene 4001 caracteres; el máximo es 4000")]
    [InlineData(4, "participants.total", "treinta", "«treinta» no es un número")]
    public async Task ForgedValue_IsRefusedAndTheStepDoesNotAdvance(int step, string key, string? value, string expected)
    {
        var chat = new WizardChat(host.Factory);
        await StartAsync(chat);
        for (var i = 1; i < step; i++)
        {
            await chat.ExecuteAsync("report.next", step >= 3 && i == 3
                ? Values(("activitiesDone", "a"), ("result.text", "b"), ("result.category", "AJUSTE_PLAN"))
                : null);
        }

        var forged = chat.Card!.DeepClone().AsObject();
        var data = (WizardChat.FindAction(forged, "report.next")!["data"]!.DeepClone() as JsonObject)!;
        foreach (var (id, current) in WizardChat.InputValues(forged))
        {
            data[id] = current?.DeepClone();
        }

        data[key] = value ?? new string('a', 4001);
        var (status, card) = await chat.ExecuteRawAsync("report.next", data);

        Assert.Equal(HttpStatusCode.OK, status);
        var text = WizardChat.AllText(card);
        Assert.Contains($"Paso {step} de 7", text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedKeysOfOtherStepsAndUnknownSpaces_AreNotStored()
    {
        var chat = new WizardChat(host.Factory);
        await StartAsync(chat);
        var data = (WizardChat.FindAction(chat.Card!, "report.next")!["data"]!.DeepClone() as JsonObject)!;
        data["format"] = "TALLER";
        data["status"] = "APROBADO";
        data["evil.key"] = "x";
        await chat.ExecuteRawAsync("report.next", data);

        var draft = (await chat.DraftAsync())!;
        Assert.Equal("ENCUENTRO_TERRITORIAL", draft.Value("format"));
        Assert.Null(draft.Value("status"));
        Assert.Null(draft.Value("evil.key"));

        var (_, card) = await chat.ExecuteRawAsync("report.start", new JsonObject { ["spaceId"] = "ESP-999" });
        Assert.Contains("Ese espacio no está en el cronograma de la vigencia 2026", WizardChat.AllText(card), StringComparison.Ordinal);

        (_, card) = await chat.ExecuteRawAsync("report.next", new JsonObject { ["draftId"] = "rep-2026-otro", ["step"] = "espacio" });
        Assert.Null(card is null ? null : "card");
        Assert.Contains("ya no corresponde", chat.LastText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_PressedTwiceOnTheSameCard_AdvancesOnce()
    {
        var chat = new WizardChat(host.Factory);
        await StartAsync(chat);
        var step1 = chat.Card!;

        await chat.SubmitAsync("report.next");
        chat.Card = step1;
        var card = await chat.SubmitAsync("report.next", Values(("name", "Otro nombre desde una tarjeta vieja")));

        Assert.Contains("Paso 2 de 7", WizardChat.AllText(card), StringComparison.Ordinal);
        var draft = (await chat.DraftAsync())!;
        Assert.Equal("datos", draft.CurrentStep);
        Assert.NotEqual("Otro nombre desde una tarjeta vieja", draft.Value("name"));
    }

    [Fact]
    public async Task Pending_ShowsTheDraftAndTheSpacesDue()
    {
        var chat = new WizardChat(host.Factory, locale: "en-US");
        await StartAsync(chat);

        var card = await chat.SayAsync("my pending");

        var text = WizardChat.AllText(card);
        Assert.Contains("My pending items", text, StringComparison.Ordinal);
        Assert.Contains("Report in progress", text, StringComparison.Ordinal);
        Assert.Contains("Taller con organizaciones sociales sobre el formato de reporte", text, StringComparison.Ordinal);
        Assert.NotNull(WizardChat.FindAction(card!, "continue"));
    }

    private static JsonObject ContainerOf(JsonObject card, string inputId) =>
        Descendants(card).First(n => n["type"]?.GetValue<string>() == "Container"
            && n["items"] is JsonArray items && items.Any(i => i?["id"]?.GetValue<string>() == inputId));

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Select(kv => kv.Value).SelectMany(Descendants).Prepend(obj),
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };
}
