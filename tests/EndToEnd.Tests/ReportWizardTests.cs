using Microsoft.Playwright;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Planning;
using ParticipaBot.EndToEnd.Tests.Infrastructure;
using ParticipaBot.TestSupport;

namespace ParticipaBot.EndToEnd.Tests;

/// <summary>A delegate reports a participation space by clicking and typing in the rendered cards.</summary>
[Collection(PlaygroundTests.Name)]
public sealed class ReportWizardTests(PlaygroundFixture fixture)
{
    [Fact]
    public Task Report_ClickedAndTypedInTheCards_IsStoredAsEntered() => fixture.RunAsync(nameof(Report_ClickedAndTypedInTheCards_IsStoredAsEntered), async chat =>
    {
        var space = await AddSpaceHeldTodayAsync("Mesa E2E con sindicatos");
        // The welcome card is sent once per conversation (to whichever page opened the chat first): not waited for here.
        await chat.OpenPersonalChatAsync();

        await StartAsync(chat, space.Name);
        await FillFromStepTwoToReviewAsync(chat, "Se revisó el plan con los sindicatos del sector.");
        var review = await chat.WaitForCardAsync("Revisión final");
        Assert.Contains("Publicar las memorias en el portal", await review.InnerTextAsync(), StringComparison.Ordinal);
        await ClickAsync(chat, review, "Enviar reporte");
        var confirmation = await chat.WaitForCardAsync("enviado");
        Assert.Contains("Qué sigue", await confirmation.InnerTextAsync(), StringComparison.Ordinal);

        var report = await ReportOfAsync(space);
        Assert.Equal(space.Name, report.Name);
        Assert.Equal("Se revisó el plan con los sindicatos del sector.", report.ActivitiesCarriedOut);
        Assert.Equal("Se acordó una agenda de trabajo.", report.Result.Text);
        Assert.Equal("AJUSTE_PLAN", report.Result.Category);
        Assert.Equal(30, report.Participants.Total);
        Assert.Equal("Publicar las memorias en el portal", Assert.Single(report.Items).Text);
        Assert.Equal("https://contoso.sharepoint.com/sites/participacion/acta-e2e.pdf", Assert.Single(report.Evidence).Link?.ToString());
        Assert.Equal(Core.Reporting.ReportStatus.Enviado, report.Status);
        Assert.Contains(Core.Reporting.ReportNumbers.For(report.Id, report.Year), await confirmation.InnerTextAsync(), StringComparison.Ordinal);
    });

    [Fact]
    public async Task Report_PageClosedMidway_ContinuesOnANewPage()
    {
        var space = await AddSpaceHeldTodayAsync("Taller E2E interrumpido");
        await fixture.RunAsync(nameof(Report_PageClosedMidway_ContinuesOnANewPage) + "-1", async chat =>
        {
            await chat.OpenPersonalChatAsync();
            await StartAsync(chat, space.Name);
            var step2 = await NextAsync(chat, "Paso 2 de 7");
            await ClickAsync(chat, step2, "Guardar y seguir");
            var step3 = await chat.WaitForCardAsync("Paso 3 de 7");
            await PlaygroundPage.FillCardInputAsync(step3, "Actividades realizadas", "Texto escrito antes de cerrar la página.");
            await PlaygroundPage.FillCardInputAsync(step3, "Resultado", "Se acordó una agenda de trabajo.");
            await chat.SelectCardChoiceAsync(step3, "Categoría del resultado", "Ajuste a plan, proyecto o norma");
            await ClickAsync(chat, step3, "Guardar y seguir");
            await chat.WaitForCardAsync("Paso 4 de 7");
        });

        await fixture.RunAsync(nameof(Report_PageClosedMidway_ContinuesOnANewPage) + "-2", async chat =>
        {
            await chat.OpenPersonalChatAsync();
            await chat.SendAsync("continuar");
            var step4 = await chat.WaitForCardAsync("Paso 4 de 7");
            await FillFromStepFourToReviewAsync(chat, step4);
            var review = await chat.WaitForCardAsync("Revisión final");
            Assert.Contains("Texto escrito antes de cerrar la página.", await review.InnerTextAsync(), StringComparison.Ordinal);
            await ClickAsync(chat, review, "Enviar reporte");
            await chat.WaitForCardAsync("enviado");
        });

        var report = await ReportOfAsync(space);
        Assert.Equal("Texto escrito antes de cerrar la página.", report.ActivitiesCarriedOut);
        Assert.Equal(30, report.Participants.Total);
    }

    private static async Task StartAsync(PlaygroundPage chat, string spaceName)
    {
        await chat.SendAsync("reportar");
        var picker = await chat.WaitForCardAsync(spaceName);
        await chat.MarkBeforeLastAsync();
        // The button under this space's name (other spaces may be due too).
        await picker.Locator($"xpath=.//*[contains(normalize-space(.), '{spaceName}') and not(*)]/following::button[1]").ClickAsync();
        var step1 = await chat.WaitForCardAsync("Paso 1 de 7");
        Assert.Contains(spaceName, await step1.InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task<ILocator> NextAsync(PlaygroundPage chat, string expect)
    {
        var step = await chat.WaitForCardAsync("Paso 1 de 7");
        await ClickAsync(chat, step, "Guardar y seguir");
        return await chat.WaitForCardAsync(expect);
    }

    private static async Task FillFromStepTwoToReviewAsync(PlaygroundPage chat, string activities)
    {
        var step2 = await NextAsync(chat, "Paso 2 de 7");
        await ClickAsync(chat, step2, "Guardar y seguir");
        var step3 = await chat.WaitForCardAsync("Paso 3 de 7");
        await PlaygroundPage.FillCardInputAsync(step3, "Actividades realizadas", activities);
        await PlaygroundPage.FillCardInputAsync(step3, "Resultado", "Se acordó una agenda de trabajo.");
        await chat.SelectCardChoiceAsync(step3, "Categoría del resultado", "Ajuste a plan, proyecto o norma");
        await ClickAsync(chat, step3, "Guardar y seguir");
        var step4 = await chat.WaitForCardAsync("Paso 4 de 7");
        await FillFromStepFourToReviewAsync(chat, step4);
    }

    private static async Task FillFromStepFourToReviewAsync(PlaygroundPage chat, ILocator step4)
    {
        await PlaygroundPage.FillCardInputAsync(step4, "Total de participantes", "30");
        await ClickAsync(chat, step4, "Guardar y seguir");
        var step5 = await chat.WaitForCardAsync("Paso 5 de 7");
        await chat.SelectCardChoiceAsync(step5, "Tipo", "Propuesta");
        await PlaygroundPage.FillCardInputAsync(step5, "Aporte", "Publicar las memorias en el portal");
        await ClickAsync(chat, step5, "Guardar y seguir");
        var step6 = await chat.WaitForCardAsync("Paso 6 de 7");
        await ClickAsync(chat, step6, "Guardar y seguir");
        var step7 = await chat.WaitForCardAsync("Paso 7 de 7");
        await chat.SelectCardChoiceAsync(step7, "Tipo de evidencia", "Acta o ayuda de memoria");
        await PlaygroundPage.FillCardInputAsync(step7, "Enlace", "https://contoso.sharepoint.com/sites/participacion/acta-e2e.pdf");
        await ClickAsync(chat, step7, "Guardar y seguir");
    }

    /// <summary>Clicks a card button; the answer may replace the card in place (Action.Execute), so waits look at it too.</summary>
    private static async Task ClickAsync(PlaygroundPage chat, ILocator card, string title)
    {
        await chat.MarkBeforeLastAsync();
        await PlaygroundPage.ClickCardButtonAsync(card, title);
    }

    private async Task<ScheduledSpace> AddSpaceHeldTodayAsync(string name)
    {
        await using var store = new BotDataStore(fixture.DataDirectory);
        var today = BogotaTime.Today(TimeProvider.System);
        Plan? plan = null;
        for (var i = 0; i < 100 && plan is null; i++)
        {
            plan = await store.Plans.GetAsync("mintrabajo", today.Year);
            if (plan is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(plan);
        var activity = plan.Activities.First();
        var unique = $"{name} {Guid.NewGuid().ToString("N")[..6]}";
        var space = new ScheduledSpace(
            PlanIds.Space(plan.Id, unique, today), activity.Id, unique, "consulta ciudadana", "FORMULACION", "consulta", "presencial", "mesa de trabajo",
            ["sindicatos"], [], ["Estrategia de participación ciudadana"], activity.LeaderArea, [],
            new PlannedPeriod(PeriodKind.ExactDate, today, today, "hoy"), "Bogotá", null, null);
        await store.Plans.SaveAsync(plan with { Spaces = [.. plan.Spaces, space] });
        // The bot serves the plan from memory for up to 5 s (docs/data-model.md, "Read caches"): a change made by
        // another process, as here and as `participabot import-schedule` does, is seen once that window has passed.
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        return space;
    }

    private async Task<Core.Reporting.ParticipationReport> ReportOfAsync(ScheduledSpace space)
    {
        await using var store = new BotDataStore(fixture.DataDirectory);
        var reports = await store.Reports.ListAsync("mintrabajo", BogotaTime.Today(TimeProvider.System).Year);
        return Assert.Single(reports, r => r.SpaceId == space.Id);
    }
}
