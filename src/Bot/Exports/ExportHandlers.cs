using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Compliance;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Exports;

/// <summary>
/// "exportar [xlsx|csv|docx]": a "preparando…" message, then the file. In a personal chat the file goes to the
/// user's OneDrive through the file consent card; in group chats and channels (where the bot cannot ask for consent)
/// a signed download link that expires. What the file holds follows the same who-sees-what rule as the summary.
/// </summary>
internal sealed class ExportCommandHandler(StatusContext status, ExportFileStore files, ExportLinkSigner links) : ICommandHandler
{
    public CommandDescriptor Command => BotCommands.Export;

    public async Task HandleAsync(TurnContext context)
    {
        var language = context.Language;
        var argument = context.CommandArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (!ExportRenderer.TryParse(argument, out var format))
        {
            await context.RespondWithTextAsync(ComplianceTexts.ExportUnknownFormat.Filled(argument));
            return;
        }

        var extension = format.ToString().ToLowerInvariant();
        var preparing = ComplianceTexts.ExportPreparing.Format(language, extension);
        if (context.IsInvoke)
        {
            context.InvokeResponse = InvokeResponse.Message(preparing);
        }
        else
        {
            await context.ReplyAsync(TurnContext.MessageText(preparing));
        }

        var snapshot = await status.LoadAsync(context);
        if (snapshot is null)
        {
            await context.SendAsync(TurnContext.MessageText(ComplianceTexts.NoPlan.Format(language, status.Year)));
            return;
        }

        var file = ExportRenderer.Render(snapshot, format, language == UserLanguage.English, status.AccessFor(context));
        var id = await files.SaveAsync(file, Owner(context), context.CancellationToken);
        if (context.IsPersonal)
        {
            await context.SendAsync(FileConsentMessage(language, file, id, snapshot.Plan.Year));
            return;
        }

        var card = new AdaptiveCardBuilder()
            .Add(CardElements.Heading(ComplianceTexts.ExportLinkTitle.For(language)))
            .Add(CardElements.TextBlock(file.Name))
            .Add(CardElements.TextBlock(ComplianceTexts.ExportLinkBody.Format(language, (int)files.Lifetime.TotalMinutes), subtle: true))
            .AddAction(CardActions.OpenUrl(ComplianceTexts.ExportDownload.Format(language, extension), await links.CreateAsync(id, context.CancellationToken)))
            .WithFallbackText(ComplianceTexts.ExportLinkTitle.For(language))
            .Build();
        await context.SendCardAsync(card);
    }

    /// <summary>Who asked for a file: only they may accept its upload.</summary>
    internal static string? Owner(TurnContext context) => context.User.AadObjectId ?? context.User.Id;

    /// <summary>The file consent card (PROTOCOL.md §5): Teams asks the user, then sends fileConsent/invoke with the context back.</summary>
    public static Activity FileConsentMessage(UserLanguage language, ExportFile file, string id, int year) => new()
    {
        Type = ActivityTypes.Message,
        Attachments =
        [
            new Attachment
            {
                ContentType = ContentTypes.FileConsentCard,
                Name = file.Name,
                Content = JsonSerializer.SerializeToElement(new JsonObject
                {
                    ["description"] = ComplianceTexts.ExportConsentDescription.Format(language, year),
                    ["sizeInBytes"] = file.Content.LongLength,
                    ["acceptContext"] = new JsonObject { ["exportId"] = id },
                    ["declineContext"] = new JsonObject { ["exportId"] = id },
                }),
            },
        ],
    };
}

/// <summary>
/// fileConsent/invoke: on accept, PUT the bytes to the upload session Teams created in the user's OneDrive, then send
/// a file info card; on decline, drop the file and say so. The invoke is answered 200 either way.
/// </summary>
internal sealed class FileConsentInvokeHandler(ExportFileStore files, IHttpClientFactory httpClients) : IInvokeHandler
{
    public const string HttpClientName = "exports.upload";

    public string Name => InvokeNames.FileConsent;

    public async Task HandleAsync(TurnContext context)
    {
        context.InvokeResponse = InvokeResponse.Ok();
        if (context.Activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return;
        }

        var action = Read(value, "action");
        var id = value.TryGetProperty("context", out var consentContext) && consentContext.ValueKind == JsonValueKind.Object ? Read(consentContext, "exportId") : null;
        if (id is null)
        {
            return;
        }

        var file = await files.GetForAsync(id, ExportCommandHandler.Owner(context), context.CancellationToken);
        if (!string.Equals(action, "accept", StringComparison.OrdinalIgnoreCase))
        {
            if (file is not null)
            {
                await files.DeleteAsync(id, context.CancellationToken);
            }

            await context.SendAsync(TurnContext.MessageText(ComplianceTexts.ExportDeclined.For(context.Language)));
            return;
        }

        if (file is null)
        {
            await context.SendAsync(TurnContext.MessageText(ComplianceTexts.ExportExpired.For(context.Language)));
            return;
        }

        var upload = value.TryGetProperty("uploadInfo", out var info) && info.ValueKind == JsonValueKind.Object ? info : default;
        var uploadUrl = upload.ValueKind == JsonValueKind.Object ? Read(upload, "uploadUrl") : null;
        if (uploadUrl is null || !Uri.TryCreate(uploadUrl, UriKind.Absolute, out var target) || !IsAllowed(target))
        {
            await context.SendAsync(TurnContext.MessageText(ComplianceTexts.ExportUploadFailed.For(context.Language)));
            return;
        }

        using var content = new ByteArrayContent(file.Content);
        content.Headers.ContentRange = new ContentRangeHeaderValue(0, Math.Max(0, file.Content.LongLength - 1), file.Content.LongLength);
        content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        using var response = await httpClients.CreateClient(HttpClientName).PutAsync(target, content, context.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            await context.SendAsync(TurnContext.MessageText(ComplianceTexts.ExportUploadFailed.For(context.Language)));
            return;
        }

        await files.DeleteAsync(id, context.CancellationToken);
        await context.SendAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Attachments =
            [
                new Attachment
                {
                    ContentType = ContentTypes.FileInfoCard,
                    ContentUrl = Read(upload, "contentUrl"),
                    Name = Read(upload, "name") ?? file.Name,
                    Content = JsonSerializer.SerializeToElement(new JsonObject
                    {
                        ["uniqueId"] = Read(upload, "uniqueId"),
                        ["fileType"] = Read(upload, "fileType") ?? Path.GetExtension(file.Name).TrimStart('.'),
                    }),
                },
            ],
        });
    }

    // The upload session lives in OneDrive over HTTPS; plain HTTP only to this machine (local tools and tests).
    private static bool IsAllowed(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));

    private static string? Read(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
