using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Storage;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Wizard;

/// <summary>
/// The store round trips a wizard turn costs (docs/benchmarks.md, "Load"): a step is one read and one write of the
/// draft (a repeated step is answered like a double click, so it needs no redelivery receipt); the plan, the user's roster entry and the reported spaces come from memory
/// within their freshness window, so nothing a turn reads grows with the number of reports stored.
/// </summary>
public sealed class TurnStoreBudgetTests
{
    [Fact]
    public async Task WizardStep_Turn_ReadsAndWritesTheDraftOnce()
    {
        CountingDocumentStore? counting = null;
        using var factory = WizardChat.NewFactory(configure: services => Decorate(services, inner => counting = new CountingDocumentStore(inner)));
        var chat = new WizardChat(factory);
        await WizardFlowTests.StartAsync(chat);
        for (var step = 2; step <= 3; step++)
        {
            counting!.Reset();
            await chat.PressAsync("report.next", null, null, execute: true);

            Assert.Contains($"Paso {step} de 7", WizardChat.AllText(chat.Card), StringComparison.Ordinal);
            Assert.Equal(["read|reportDraft|current", "replace|reportDraft"], counting.Calls);
        }
    }

    [Fact]
    public async Task WizardStart_Turn_WritesOnlyTheDraft()
    {
        // The report number comes reserved ahead (ReportNumberPool) and the draft records the start, which stands for a
        // redelivery receipt: the draft is the start's one write once the plan's first start filled the reserve.
        CountingDocumentStore? counting = null;
        using var factory = WizardChat.NewFactory(configure: services => Decorate(services, inner => counting = new CountingDocumentStore(inner)));
        await WizardFlowTests.StartAsync(new WizardChat(factory));
        var chat = new WizardChat(factory);
        await chat.SayAsync("reportar");
        counting!.Reset();

        await chat.PressAsync("report.start", null, "Reportar este", execute: true);

        Assert.Contains("Paso 1 de 7", WizardChat.AllText(chat.Card), StringComparison.Ordinal);
        Assert.Equal(["create|reportDraft"], counting.Calls.Where(IsWrite));
    }

    [Fact]
    public async Task WizardCancel_Turn_KeepsItsRedeliveryReceipt()
    {
        // Cancelling (like adding or removing an entry) is not repeat-safe: its redelivery is stopped by the receipt.
        CountingDocumentStore? counting = null;
        using var factory = WizardChat.NewFactory(configure: services => Decorate(services, inner => counting = new CountingDocumentStore(inner)));
        var chat = new WizardChat(factory);
        await WizardFlowTests.StartAsync(chat);
        counting!.Reset();

        await chat.PressAsync("report.cancel", null, null, execute: true);

        Assert.Equal("create|activityReceipt", counting.Calls[0]);
        Assert.Contains(counting.Calls, call => call.StartsWith("delete|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reportar_Repeated_ListsTheReportsOnceAndNeverTheUserAgain()
    {
        CountingDocumentStore? counting = null;
        using var factory = WizardChat.NewFactory(configure: services => Decorate(services, inner => counting = new CountingDocumentStore(inner)));
        var chat = new WizardChat(factory);
        await WizardChat.SamplePlanAsync(factory);
        await chat.SayAsync("reportar");
        counting!.Reset();

        await chat.SayAsync("reportar");

        Assert.Contains("Reportar este", WizardChat.AllText(chat.Card), StringComparison.Ordinal);
        Assert.Equal(["create|activityReceipt", "read|reportDraft|current"], counting.Calls);
    }

    private static bool IsWrite(string call) =>
        call.StartsWith("create|", StringComparison.Ordinal) || call.StartsWith("replace|", StringComparison.Ordinal)
        || call.StartsWith("upsert|", StringComparison.Ordinal) || call.StartsWith("delete|", StringComparison.Ordinal);

    private static void Decorate(IServiceCollection services, Func<IDocumentStore, IDocumentStore> decorate)
    {
        var descriptor = services.Last(d => d.ServiceType == typeof(IDocumentStore));
        services.Remove(descriptor);
        services.AddSingleton(provider => decorate((IDocumentStore)descriptor.ImplementationFactory!(provider)));
    }
}
