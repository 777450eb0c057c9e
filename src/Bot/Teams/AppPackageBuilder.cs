using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ParticipaBot.Bot.Teams;

/// <summary>One file of the Teams app package, named as it sits at the root of the zip.</summary>
internal sealed record AppPackageFile(string Name, byte[] Content);

/// <summary>
/// Builds the Teams app package (manifest.json, its es/en localization files and the two icons, all
/// at the zip root) from the templates in manifest/, embedded in this assembly, and the configuration.
/// Every limit Teams enforces on the values we fill in is checked here, so a bad value is refused with
/// its configuration key instead of being rejected later by the Teams admin center.
/// </summary>
internal static partial class AppPackageBuilder
{
    public const string ManifestFileName = "manifest.json";

    private const string ResourcePrefix = "ParticipaBot.TeamsApp.";
    private static readonly string[] JsonTemplates = [ManifestFileName, "es.json", "en.json"];
    private static readonly string[] Icons = ["color.png", "outline.png"];

    // Entries get a fixed timestamp so that the same configuration always gives the same bytes.
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Everything wrong with the configuration, one bilingual line per problem; empty when it is usable.</summary>
    public static IReadOnlyList<string> Validate(TeamsAppOptions options, string? botId)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();

        RequireGuid(problems, "Bot:AppId", botId, "el GUID de la app de Entra registrada en Azure Bot", "the GUID of the Entra app registered with Azure Bot");
        RequireGuid(problems, "TeamsApp:AppId", options.AppId, "un GUID propio del paquete, estable entre versiones", "the package's own GUID, stable across versions");

        if (string.IsNullOrWhiteSpace(options.Version) || !SemVer().IsMatch(options.Version))
        {
            problems.Add($"TeamsApp:Version '{options.Version}' no es una versión mayor.menor.parche (p. ej. 1.0.0) / is not a major.minor.patch version (e.g. 1.0.0).");
        }

        RequireText(problems, "TeamsApp:ShortName", options.ShortName, 30, required: true);
        RequireText(problems, "TeamsApp:FullName", options.FullName, 100, required: true);
        RequireText(problems, "TeamsApp:FullNameEn", options.FullNameEn, 100, required: false);
        RequireText(problems, "TeamsApp:ShortDescription", options.ShortDescription, 80, required: false);
        RequireText(problems, "TeamsApp:FullDescription", options.FullDescription, 4000, required: false);
        RequireText(problems, "TeamsApp:Developer:Name", options.Developer.Name, 32, required: true);
        RequireHttpsUrl(problems, "TeamsApp:Developer:WebsiteUrl", options.Developer.WebsiteUrl);
        RequireHttpsUrl(problems, "TeamsApp:Developer:PrivacyUrl", options.Developer.PrivacyUrl);
        RequireHttpsUrl(problems, "TeamsApp:Developer:TermsOfUseUrl", options.Developer.TermsOfUseUrl);

        if (!string.IsNullOrEmpty(options.AccentColor) && !HexColor().IsMatch(options.AccentColor))
        {
            problems.Add($"TeamsApp:AccentColor '{options.AccentColor}' no es un color #RRGGBB / is not a #RRGGBB colour.");
        }

        if (options.ValidDomains.Count > 100)
        {
            problems.Add($"TeamsApp:ValidDomains tiene {options.ValidDomains.Count} dominios; el máximo es 100 / has {options.ValidDomains.Count} domains; the maximum is 100.");
        }

        for (var i = 0; i < options.ValidDomains.Count; i++)
        {
            var domain = options.ValidDomains[i];
            if (string.IsNullOrWhiteSpace(domain) || domain.Length > 2048 || domain.Contains("://", StringComparison.Ordinal) || domain.Any(char.IsWhiteSpace))
            {
                problems.Add($"TeamsApp:ValidDomains:{i} '{domain}' debe ser un dominio sin esquema, p. ej. *.entidad.gov.co / must be a domain without a scheme, e.g. *.entidad.gov.co.");
            }
        }

        return problems;
    }

    /// <summary>The package's files with every placeholder filled in; throws <see cref="AppPackageException"/> on bad configuration.</summary>
    public static IReadOnlyList<AppPackageFile> Build(TeamsAppOptions options, string? botId)
    {
        var problems = Validate(options, botId);
        if (problems.Count > 0)
        {
            throw new AppPackageException(problems);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BOT_ID"] = Guid.Parse(botId!).ToString("D"),
            ["APP_ID"] = Guid.Parse(options.AppId!).ToString("D"),
            ["VERSION"] = options.Version,
            ["SHORT_NAME"] = options.ShortName,
            ["FULL_NAME"] = options.FullName,
            ["FULL_NAME_EN"] = string.IsNullOrWhiteSpace(options.FullNameEn) ? options.FullName : options.FullNameEn,
            ["DEVELOPER_NAME"] = options.Developer.Name!,
            ["DEVELOPER_WEBSITE_URL"] = options.Developer.WebsiteUrl!,
            ["DEVELOPER_PRIVACY_URL"] = options.Developer.PrivacyUrl!,
            ["DEVELOPER_TERMS_URL"] = options.Developer.TermsOfUseUrl!,
        };

        var files = new List<AppPackageFile>();
        foreach (var name in JsonTemplates)
        {
            var document = JsonNode.Parse(ReadResource(name))!.AsObject();
            Fill(document, values, name);
            ApplyOverrides(document, options, name);
            files.Add(new AppPackageFile(name, JsonSerializer.SerializeToUtf8Bytes(document, WriteOptions)));
        }

        files.AddRange(Icons.Select(name => new AppPackageFile(name, ReadResource(name))));
        return files;
    }

    /// <summary>Writes the package as a zip with every file at its root, as Teams expects.</summary>
    public static void WriteZip(IReadOnlyList<AppPackageFile> files, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var file in files)
        {
            var entry = zip.CreateEntry(file.Name, CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            using var stream = entry.Open();
            stream.Write(file.Content);
        }
    }

    private static void Fill(JsonNode node, Dictionary<string, string> values, string fileName)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = Substitute(text, values, fileName);
                    }
                    else if (child is not null)
                    {
                        Fill(child, values, fileName);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = Substitute(text, values, fileName);
                    }
                    else if (array[i] is { } child)
                    {
                        Fill(child, values, fileName);
                    }
                }

                break;
        }
    }

    private static string Substitute(string text, Dictionary<string, string> values, string fileName) =>
        Placeholder().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"{fileName}: unknown placeholder {match.Value}"));

    private static void ApplyOverrides(JsonObject document, TeamsAppOptions options, string fileName)
    {
        // Descriptions given in configuration are Spanish: they replace the default language only.
        if (fileName == ManifestFileName)
        {
            if (!string.IsNullOrWhiteSpace(options.ShortDescription))
            {
                document["description"]!["short"] = options.ShortDescription;
            }

            if (!string.IsNullOrWhiteSpace(options.FullDescription))
            {
                document["description"]!["full"] = options.FullDescription;
            }

            if (!string.IsNullOrEmpty(options.AccentColor))
            {
                document["accentColor"] = options.AccentColor;
            }

            document["validDomains"] = new JsonArray([.. options.ValidDomains.Select(d => (JsonNode?)JsonValue.Create(d))]);
        }
        else if (fileName == "es.json")
        {
            if (!string.IsNullOrWhiteSpace(options.ShortDescription))
            {
                document["description.short"] = options.ShortDescription;
            }

            if (!string.IsNullOrWhiteSpace(options.FullDescription))
            {
                document["description.full"] = options.FullDescription;
            }
        }
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(AppPackageBuilder).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"Embedded Teams app file '{name}' is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void RequireGuid(List<string> problems, string key, string? value, string whatEs, string whatEn)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"Falta {key} ({whatEs}) / {key} is missing ({whatEn}).");
        }
        else if (!Guid.TryParseExact(value, "D", out _))
        {
            problems.Add($"{key} '{value}' no es un GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) / is not a GUID.");
        }
    }

    private static void RequireText(List<string> problems, string key, string? value, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add($"Falta {key} / {key} is missing.");
            }

            return;
        }

        // UTF-16 length: what the schema's maxLength and Teams count for the Spanish and English texts used here.
        var length = value.Length;
        if (length > maxLength)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{key} tiene {length} caracteres; el máximo de Teams es {maxLength} / has {length} characters; the Teams maximum is {maxLength}."));
        }
    }

    private static void RequireHttpsUrl(List<string> problems, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"Falta {key} (una URL https) / {key} is missing (an https URL).");
        }
        else if (value.Length > 2048 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{key} '{value}' debe ser una URL https absoluta / must be an absolute https URL.");
        }
    }

    [GeneratedRegex(@"\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemVer();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
