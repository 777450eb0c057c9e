using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Moq;
using ParticipaBot.Bot.Exports;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Storage;
using ParticipaBot.TestSupport.Fakes;

namespace ParticipaBot.Bot.Tests.Compliance;

/// <summary>Summaries, drill-downs and exports through the real host, with roles: a delegate never sees another area.</summary>
public sealed class StatusAndExportTests(ComplianceBotFixture bot) : IClassFixture<ComplianceBotFixture>
{
    private const string Atencion = ComplianceTestData.Atencion;
    private const string Planeacion = ComplianceTestData.Planeacion;

    [Fact]
    public async Task Estado_DelegateInPersonalChat_EntityFiguresAndOwnAreaOnly()
    {
        var conversation = await bot.SayAsync("estado");

        var sent = Assert.Single(await bot.Connector.WaitForAsync(conversation));
        Assert.Contains("Estado del plan 2026", sent.AllText, StringComparison.Ordinal);
        // Entity I1: 2 of 4 spaces planned up to 15 Sep have a counted report.
        Assert.Contains("🔴 50 % (2/4)", sent.AllText, StringComparison.Ordinal);
        Assert.Contains(Atencion, sent.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Planeacion, sent.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(ComplianceTestData.SecretSpace, sent.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("estado Oficina Asesora de Planeación")]
    [InlineData("resumen planeacion C2")]
    [InlineData("status planeación second term")]
    public async Task Estado_DelegateAsksForAnotherArea_Refused(string text)
    {
        var conversation = await bot.SayAsync(text);

        var sent = Assert.Single(await bot.Connector.WaitForAsync(conversation));
        Assert.Contains("No puedes ver las cifras de esa dependencia", sent.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("%", sent.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status.scope")]
    [InlineData("status.overdue")]
    [InlineData("status.proposals")]
    [InlineData("status.held")]
    public async Task Press_ForgedAreaOfAnotherArea_Refused(string verb)
    {
        foreach (var forged in new[] { Planeacion, "oficina asesora de planeacion", "  OFICINA ASESORA DE PLANEACIÓN " })
        {
            var body = await bot.PressAsync(verb, new JsonObject { ["area"] = forged, ["period"] = "1" });

            var text = body.AllStrings();
            Assert.Contains("No puedes ver las cifras de esa dependencia", text, StringComparison.Ordinal);
            Assert.DoesNotContain(ComplianceTestData.SecretSpace, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ComplianceTestData.SecretProposal, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Press_ListsWithoutArea_ShowOnlyTheDelegatesArea()
    {
        var overdue = (await bot.PressAsync("status.overdue", [])).AllStrings();
        var proposals = (await bot.PressAsync("status.proposals", [])).AllStrings();
        var held = (await bot.PressAsync("status.held", [])).AllStrings();

        Assert.Contains("Feria de servicio", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain(ComplianceTestData.SecretSpace, overdue, StringComparison.Ordinal);
        Assert.DoesNotContain(ComplianceTestData.SecretProposal, proposals, StringComparison.Ordinal);
        Assert.Contains("Convocatoria tardía", held, StringComparison.Ordinal);
        Assert.DoesNotContain("Consulta del plan institucional", held, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Press_CoordinatorDrillsIntoAnyArea_SeesIt()
    {
        var card = (await bot.PressAsync("status.scope", new JsonObject { ["area"] = Planeacion }, ComplianceBotFixture.CoordinatorAad)).AllStrings();
        var overdue = (await bot.PressAsync("status.overdue", new JsonObject { ["area"] = Planeacion }, ComplianceBotFixture.CoordinatorAad)).AllStrings();

        Assert.Contains(Planeacion, card, StringComparison.Ordinal);
        // Planeación: P1 held, P2 overdue → 1 of 2.
        Assert.Contains("(1/2)", card, StringComparison.Ordinal);
        Assert.Contains(ComplianceTestData.SecretSpace, overdue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estado_CoordinatorInUnboundChannel_EntityAggregatesOnly()
    {
        var conversation = await bot.SayAsync("¿cómo vamos?", ComplianceBotFixture.CoordinatorAad, channel: "19:general@thread.tacv2");

        var sent = Assert.Single(await bot.Connector.WaitForAsync(conversation));
        Assert.Contains("🔴 50 % (2/4)", sent.AllText, StringComparison.Ordinal);
        Assert.Contains("solo se muestran cifras de toda la entidad", sent.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Atencion, sent.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Planeacion, sent.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("status.overdue", sent.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Press_InChannelBoundToPlaneacion_ThatAreaOnly()
    {
        var channel = ComplianceBotFixture.BoundChannel + ";messageid=1";

        var own = (await bot.PressAsync("status.scope", new JsonObject { ["area"] = Planeacion }, ComplianceBotFixture.CoordinatorAad, channel)).AllStrings();
        var other = (await bot.PressAsync("status.scope", new JsonObject { ["area"] = Atencion }, ComplianceBotFixture.CoordinatorAad, channel)).AllStrings();
        var delegateThere = (await bot.PressAsync("status.scope", new JsonObject { ["area"] = Planeacion }, ComplianceBotFixture.DelegateAad, channel)).AllStrings();

        Assert.Contains("(1/2)", own, StringComparison.Ordinal);
        Assert.Contains("No puedes ver", other, StringComparison.Ordinal);
        Assert.Contains("No puedes ver", delegateThere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exportar_InChannel_SignedLinkDownloadsAndTamperedOrExpiredIsRefused()
    {
        var conversation = await bot.SayAsync("exportar", ComplianceBotFixture.CoordinatorAad, channel: "19:general@thread.tacv2");

        var sent = await bot.Connector.WaitForAsync(conversation, 2);
        Assert.Contains("Preparando el archivo xlsx", sent[0].AllText, StringComparison.Ordinal);
        var url = new Uri(sent[1].Card!.Value.GetProperty("actions")[0].GetProperty("url").GetString()!);
        var relative = url.PathAndQuery;

        using var download = await bot.Client.GetAsync(new Uri(relative, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            // In an unbound channel: entity and period indicators, no space or report rows.
            var sheets = workbook.WorkbookPart!.WorksheetParts.Count();
            Assert.Equal(4, sheets);
        }

        var tampered = relative[..^2] + (relative[^2] == 'A' ? "BB" : "AA");
        Assert.Equal(HttpStatusCode.Forbidden, (await bot.Client.GetAsync(new Uri(tampered, UriKind.Relative))).StatusCode);
        var otherId = relative.Replace("/exports/", "/exports/0", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await bot.Client.GetAsync(new Uri(otherId, UriKind.Relative))).StatusCode);

        // A validly signed link to an unknown file.
        var signer = bot.Services.GetRequiredService<ExportLinkSigner>();
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Client.GetAsync(new Uri((await signer.CreateAsync(new string('a', 32), CancellationToken.None)).PathAndQuery, UriKind.Relative))).StatusCode);

        bot.Clock.Advance(TimeSpan.FromMinutes(16));
        try
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await bot.Client.GetAsync(new Uri(relative, UriKind.Relative))).StatusCode);
        }
        finally
        {
            bot.Clock.Advance(TimeSpan.FromMinutes(-16));
        }
    }

    [Fact]
    public async Task Exportar_InPersonalChat_FileConsentAcceptUploadsBytesAndSendsFileInfoCard()
    {
        await using var upload = await FakeUploadServer.StartAsync();
        var conversation = await bot.SayAsync("exportar docx", ComplianceBotFixture.CoordinatorAad);
        var sent = await bot.Connector.WaitForAsync(conversation, 2);
        var consent = Assert.Single(sent[1].Activity.Attachments!);
        Assert.Equal(ContentTypes.FileConsentCard, consent.ContentType);
        var size = consent.Content!.Value.GetProperty("sizeInBytes").GetInt64();
        var exportId = consent.Content.Value.GetProperty("acceptContext").GetProperty("exportId").GetString();

        var invoke = FileConsentInvoke(conversation, "accept", exportId!, upload.BaseAddress + "/upload/session-1");
        var response = await bot.InvokeAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var put = Assert.Single(upload.Requests);
        Assert.Equal("PUT", put.Method);
        Assert.Equal(size, put.Body.LongLength);
        Assert.Equal($"bytes 0-{size - 1}/{size}", put.ContentRange);
        using (var document = WordprocessingDocument.Open(new MemoryStream(put.Body), false))
        {
            Assert.Contains("Indicadores de cumplimiento", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        var info = (await bot.Connector.WaitForAsync(conversation, 3))[2];
        var attachment = Assert.Single(info.Activity.Attachments!);
        Assert.Equal(ContentTypes.FileInfoCard, attachment.ContentType);
        Assert.Equal("https://contoso-my.sharepoint.com/personal/evaluacion.docx", attachment.ContentUrl);
        Assert.Equal("u-1", attachment.Content!.Value.GetProperty("uniqueId").GetString());

        // The file is gone once delivered: a replayed accept uploads nothing more.
        await bot.InvokeAsync(FileConsentInvoke(conversation, "accept", exportId!, upload.BaseAddress + "/upload/session-1"));
        Assert.Single(upload.Requests);
    }

    [Fact]
    public async Task Exportar_TwoInstances_EitherServesTheLinkAndTheUploadButOnlyToWhoAsked()
    {
        await using var upload = await FakeUploadServer.StartAsync();
        await using var other = new BotFactory(bot.DataDirectory, bot.Clock);
        using var otherClient = other.CreateClient();

        // A link signed by this instance downloads from the other one.
        var channel = await bot.SayAsync("exportar csv", ComplianceBotFixture.CoordinatorAad, channel: "19:general@thread.tacv2");
        var link = new Uri((await bot.Connector.WaitForAsync(channel, 2))[1].Card!.Value.GetProperty("actions")[0].GetProperty("url").GetString()!);
        using var download = await otherClient.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("Indicador", await download.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // A file made here, its consent answered there: by someone else in the chat, nothing uploaded and nothing dropped.
        var personal = await bot.SayAsync("exportar docx", ComplianceBotFixture.CoordinatorAad);
        var consent = (await bot.Connector.WaitForAsync(personal, 2))[1].Activity.Attachments![0].Content!.Value;
        var exportId = consent.GetProperty("acceptContext").GetProperty("exportId").GetString()!;
        foreach (var action in new[] { "accept", "decline" })
        {
            var stranger = FileConsentInvoke(personal, action, exportId, upload.BaseAddress + "/upload/session-2");
            stranger["from"]!["aadObjectId"] = ComplianceBotFixture.DelegateAad;
            Assert.Equal(HttpStatusCode.OK, (await otherClient.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(stranger))).StatusCode);
        }

        Assert.Empty(upload.Requests);
        var accepted = FileConsentInvoke(personal, "accept", exportId, upload.BaseAddress + "/upload/session-2");
        Assert.Equal(HttpStatusCode.OK, (await otherClient.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(accepted))).StatusCode);
        Assert.Equal(consent.GetProperty("sizeInBytes").GetInt64(), Assert.Single(upload.Requests).Body.LongLength);
    }

    [Fact]
    public async Task ExportLink_StoreUnavailable_503NotAFailure()
    {
        // The signing key is kept in the store when none is configured: a store that does not answer is a retry, not a 500.
        var down = new Mock<IDocumentStore>();
        down.Setup(store => store.ReadAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StoreUnavailableException("store down"));
        await using var host = new BotFactory(dataDirectory: null, bot.Clock, services =>
        {
            services.RemoveAll<ExportLinkSigner>();
            services.AddSingleton(sp => new ExportLinkSigner(
                sp.GetRequiredService<IOptions<ExportOptions>>(), sp.GetRequiredService<IOptions<EntityOptions>>(), down.Object, sp.GetRequiredService<TimeProvider>()));
        });
        using var client = host.CreateClient();

        var response = await client.GetAsync(new Uri($"/exports/{new string('a', 32)}?exp=9999999999&sig=abc", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task ExportFiles_LargerThanAChunk_ReadBackWholeUntilTheyExpire()
    {
        var files = bot.Services.GetRequiredService<ExportFileStore>();
        var content = new byte[(2 * ExportFileStore.ChunkBytes) + 12_345];
        new Random(7).NextBytes(content);

        var id = await files.SaveAsync(new ExportFile("grande.bin", "application/octet-stream", content), "owner", CancellationToken.None);

        Assert.Equal(content, (await files.GetAsync(id, CancellationToken.None))!.Content);
        Assert.Equal(content, (await files.GetForAsync(id, "OWNER", CancellationToken.None))!.Content);
        Assert.Null(await files.GetForAsync(id, "someone-else", CancellationToken.None));
        Assert.Null(await files.GetAsync("../" + id[3..], CancellationToken.None));
        bot.Clock.Advance(files.Lifetime + TimeSpan.FromSeconds(1));
        try
        {
            Assert.Null(await files.GetAsync(id, CancellationToken.None));
        }
        finally
        {
            bot.Clock.Advance(-(files.Lifetime + TimeSpan.FromSeconds(1)));
        }
    }

    [Fact]
    public async Task Exportar_FileConsentDeclined_Acknowledged()
    {
        var conversation = await bot.SayAsync("exportar csv", ComplianceBotFixture.CoordinatorAad);
        var sent = await bot.Connector.WaitForAsync(conversation, 2);
        var exportId = sent[1].Activity.Attachments![0].Content!.Value.GetProperty("declineContext").GetProperty("exportId").GetString();

        var response = await bot.InvokeAsync(FileConsentInvoke(conversation, "decline", exportId!, null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await bot.Connector.WaitForAsync(conversation, 3))[2];
        Assert.Contains("no guardé el archivo", reply.AllText, StringComparison.Ordinal);
    }

    private static JsonObject FileConsentInvoke(string conversationId, string action, string exportId, string? uploadUrl)
    {
        var (activity, _) = TestActivities.LoadFresh("invoke-card-action.json");
        activity["name"] = InvokeNames.FileConsent;
        activity["id"] = "f:" + Guid.NewGuid().ToString("N");
        activity["conversation"]!["id"] = conversationId;
        activity["from"]!["aadObjectId"] = ComplianceBotFixture.CoordinatorAad;
        var value = new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = action,
            ["context"] = new JsonObject { ["exportId"] = exportId },
        };
        if (uploadUrl is not null)
        {
            value["uploadInfo"] = new JsonObject
            {
                ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/evaluacion.docx",
                ["name"] = "evaluacion.docx",
                ["uploadUrl"] = uploadUrl,
                ["uniqueId"] = "u-1",
                ["fileType"] = "docx",
            };
        }

        activity["value"] = value;
        return activity;
    }
}

internal static class JsonText
{
    /// <summary>Every string in the JSON (property values, unescaped), joined: what the user could read.</summary>
    public static string AllStrings(this JsonElement element) => string.Join(" ", Strings(element));

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}

/// <summary>The OneDrive upload session on loopback: records each PUT (bytes and Content-Range) and answers 201.</summary>
internal sealed class FakeUploadServer : LoopbackServer
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Method, byte[] Body, string? ContentRange)> _requests = new();

    public IReadOnlyList<(string Method, byte[] Body, string? ContentRange)> Requests => [.. _requests];

    public static async Task<FakeUploadServer> StartAsync()
    {
        var server = new FakeUploadServer();
        await server.StartServerAsync();
        return server;
    }

    protected override async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        _requests.Enqueue((context.Request.Method, buffer.ToArray(), context.Request.Headers.ContentRange.ToString()));
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new { id = "drive-item-1", name = "evaluacion.docx" });
    }
}
