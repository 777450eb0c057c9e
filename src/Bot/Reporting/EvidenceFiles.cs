using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace ParticipaBot.Bot.Reporting;

/// <summary>Rules for files sent as evidence (section "ReportWizard").</summary>
internal sealed class ReportWizardOptions
{
    public const string SectionName = "ReportWizard";

    /// <summary>The largest file kept as evidence, in bytes (25 MB by default).</summary>
    [Range(1, 250_000_000)]
    public long MaxEvidenceFileBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Extensions refused as evidence: programs and scripts.</summary>
    public IList<string> BlockedExtensions { get; init; } =
    [
        ".exe", ".bat", ".cmd", ".com", ".ps1", ".psm1", ".sh", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".wsh", ".msi", ".msp",
        ".dll", ".scr", ".pif", ".cpl", ".jar", ".hta", ".reg", ".lnk", ".apk", ".app", ".py", ".pl", ".rb",
    ];
}

/// <summary>A file a user sent in personal chat: a reference only (the bot never downloads it).</summary>
internal sealed record EvidenceFileReference(string Name, string? ContentType, long? Size);

/// <summary>Reads Teams file attachments and decides whether a file may be kept as evidence.</summary>
internal static class EvidenceFiles
{
    /// <summary>The content type of a file a user sent to the bot in personal chat.</summary>
    public const string TeamsFileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The files of a message: name, file type and size when Teams gave one (content {downloadUrl, uniqueId, fileType}).</summary>
    public static IReadOnlyList<EvidenceFileReference> Read(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var files = new List<EvidenceFileReference>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (!string.Equals(attachment.ContentType, TeamsFileDownloadInfo, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = Path.GetFileName((attachment.Name ?? string.Empty).Trim());
            string? fileType = null;
            long? size = null;
            if (attachment.Content is { ValueKind: JsonValueKind.Object } content)
            {
                fileType = content.TryGetProperty("fileType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                foreach (var sizeName in new[] { "size", "fileSize" })
                {
                    if (content.TryGetProperty(sizeName, out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var bytes) && bytes >= 0)
                    {
                        size = bytes;
                    }
                }
            }

            if (name.Length == 0)
            {
                name = "archivo" + (fileType is null ? string.Empty : "." + fileType);
            }

            files.Add(new EvidenceFileReference(name.Length > 255 ? name[..255] : name, fileType?.ToLowerInvariant(), size));
        }

        return files;
    }

    /// <summary>Why the file is refused (executable type, too large), in the user's language, or null when it may be kept.</summary>
    public static string? Refusal(EvidenceFileReference file, ReportWizardOptions options, UserLanguage language)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        var extensions = new[] { Path.GetExtension(file.Name), file.ContentType is { Length: > 0 } t ? "." + t.TrimStart('.') : string.Empty };
        var blocked = extensions.FirstOrDefault(e => e.Length > 0 && options.BlockedExtensions.Contains(e, StringComparer.OrdinalIgnoreCase));
        if (blocked is not null)
        {
            return Texts.WizardFileRefusedType.Format(language, file.Name, blocked.ToLowerInvariant());
        }

        if (file.Size is { } size && size > options.MaxEvidenceFileBytes)
        {
            return Texts.WizardFileRefusedSize.Format(language, file.Name, FileSizes.Describe(size, language), FileSizes.Describe(options.MaxEvidenceFileBytes, language));
        }

        return null;
    }

    /// <summary>The evidence kind a file most likely is, from its name and type ("acta", "asistencia", photos, recordings).</summary>
    public static string GuessKind(string name, string? type)
    {
        var folded = Core.Text.TextFolding.Fold(name);
        var extension = (type ?? Path.GetExtension(name).TrimStart('.')).ToLowerInvariant();
        if (folded.Contains("asistencia", StringComparison.Ordinal) || folded.Contains("attendance", StringComparison.Ordinal))
        {
            return "LISTA_ASISTENCIA";
        }

        if (folded.Contains("acta", StringComparison.Ordinal) || folded.Contains("minutes", StringComparison.Ordinal))
        {
            return "ACTA";
        }

        return extension switch
        {
            "jpg" or "jpeg" or "png" or "gif" or "heic" or "webp" => "FOTOGRAFIAS",
            "mp4" or "mov" or "mp3" or "m4a" or "wav" or "webm" => "GRABACION",
            "ppt" or "pptx" or "key" or "odp" => "PRESENTACION",
            _ => "OTRO",
        };
    }
}

/// <summary>Files sent to the bot in personal chat become evidence of the report in progress.</summary>
internal sealed class EvidenceAttachmentHandler(ReportWizard wizard, IOptions<ReportWizardOptions> options) : IAttachmentHandler
{
    public async Task<bool> TryHandleAsync(TurnContext context)
    {
        if (!context.IsPersonal)
        {
            return false;
        }

        var files = EvidenceFiles.Read(context.Activity);
        if (files.Count == 0)
        {
            return false;
        }

        foreach (var file in files)
        {
            await wizard.AddFileAsync(context, file, _ => EvidenceFiles.Refusal(file, options.Value, context.Language));
        }

        _ = CultureInfo.InvariantCulture;
        return true;
    }
}
