using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Cli;

/// <summary>
/// export-data and import-data: every document as JSON lines, between files and the configured provider
/// (SQLite ↔ Cosmos DB moves). They read the host's configuration (appsettings, environment, --Key=Value)
/// without starting the web server.
/// </summary>
internal static class DataVerbs
{
    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> ExportAsync(string[] args)
    {
        string? outPath = null;
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--out" or "-o")
            {
                if (i + 1 >= args.Length)
                {
                    await Console.Error.WriteLineAsync("Falta el archivo después de --out / missing file after --out.");
                    return 2;
                }

                outPath = args[++i];
            }
            else
            {
                hostArgs.Add(args[i]);
            }
        }

        return await WithStoreAsync(hostArgs.ToArray(), async store =>
        {
            var count = 0;
            var stream = outPath is null ? Console.OpenStandardOutput() : File.Create(outPath + ".tmp");
            await using (stream)
            {
                count = await ExportAsync(store, stream, CancellationToken.None);
            }

            if (outPath is not null)
            {
                // Written beside and renamed, so a failed export never leaves a truncated file under the real name.
                File.Move(outPath + ".tmp", outPath, overwrite: true);
            }

            await Console.Error.WriteLineAsync($"Exportados {count} documentos / exported {count} documents{(outPath is null ? "." : $" → {outPath}")}");
            return 0;
        });
    }

    public static async Task<int> ImportAsync(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (file is null)
        {
            await Console.Error.WriteLineAsync("Uso / usage: participabot import-data ARCHIVO.jsonl [--Storage:Provider=...]");
            return 2;
        }

        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"No existe el archivo '{file}' / file not found.");
            return 2;
        }

        var hostArgs = args.Where(a => !ReferenceEquals(a, file)).ToArray();
        IReadOnlyList<DocumentWrite> documents;
        try
        {
            documents = ParseLines(await File.ReadAllLinesAsync(file, Encoding.UTF8), DateTimeOffset.UtcNow);
        }
        catch (ImportFormatException exception)
        {
            await Console.Error.WriteLineAsync($"{file}: {exception.Message} Nada fue importado / nothing was imported.");
            return 1;
        }

        return await WithStoreAsync(hostArgs, async store =>
        {
            var written = await ImportAsync(store, documents, CancellationToken.None);
            var partitions = documents.Select(d => d.PartitionKey).Distinct(StringComparer.Ordinal).Count();
            await Console.Error.WriteLineAsync($"Importados {written} documentos en {partitions} particiones / imported {written} documents into {partitions} partitions.");
            return 0;
        });
    }

    /// <summary>Writes every live document as one JSON object per line; returns how many.</summary>
    public static async Task<int> ExportAsync(IDocumentStore store, Stream output, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var writer = new Utf8JsonWriter(output, LineOptions);
        await foreach (var document in store.ReadAllAsync(cancellationToken))
        {
            writer.Reset();
            writer.WriteStartObject();
            writer.WriteString("id", document.Id);
            writer.WriteString("pk", document.PartitionKey);
            writer.WriteString("type", document.Type);
            writer.WriteString("etag", document.ETag);
            writer.WriteString("lastModified", document.LastModified);
            if (document.ExpiresAt is { } expires)
            {
                writer.WriteString("expiresAt", expires);
            }

            writer.WritePropertyName("body");
            document.Body.WriteTo(writer);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
            output.WriteByte((byte)'\n');
            count++;
        }

        await output.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>Validates every line first (so a bad file writes nothing), then returns the documents to upsert.</summary>
    public static IReadOnlyList<DocumentWrite> ParseLines(IReadOnlyList<string> lines, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var documents = new List<DocumentWrite>(lines.Count);
        var seen = new HashSet<(string, string)>();
        for (var index = 0; index < lines.Count; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonElement root;
            try
            {
                using var json = JsonDocument.Parse(line);
                root = json.RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw new ImportFormatException(lineNumber, $"no es JSON válido / is not valid JSON ({exception.Message}).");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ImportFormatException(lineNumber, "no es un objeto JSON / is not a JSON object.");
            }

            var id = RequiredString(root, "id", lineNumber);
            var pk = RequiredString(root, "pk", lineNumber);
            var type = RequiredString(root, "type", lineNumber);
            if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
            {
                throw new ImportFormatException(lineNumber, "falta \"body\" o no es un objeto / \"body\" is missing or not an object.");
            }

            int? ttl = null;
            if (root.TryGetProperty("expiresAt", out var expiresAt) && expiresAt.ValueKind != JsonValueKind.Null)
            {
                if (expiresAt.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(expiresAt.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires))
                {
                    throw new ImportFormatException(lineNumber, "\"expiresAt\" no es una fecha ISO 8601 / is not an ISO 8601 date.");
                }

                var remaining = (expires - now).TotalSeconds;
                if (remaining <= 0)
                {
                    continue; // already expired: an export taken earlier should not resurrect it.
                }

                ttl = (int)Math.Ceiling(Math.Min(remaining, int.MaxValue));
            }

            if (!seen.Add((pk, id)))
            {
                throw new ImportFormatException(lineNumber, $"el documento '{id}' de la partición '{pk}' está repetido / is duplicated.");
            }

            var document = new DocumentWrite(id, pk, type, body, ttl);
            try
            {
                DocumentLimits.EnsureWithinLimit(document, DocumentLimits.SerializeBody(body).Length);
            }
            catch (DocumentTooLargeException exception)
            {
                throw new ImportFormatException(lineNumber, exception.Message);
            }

            documents.Add(document);
        }

        return documents;
    }

    /// <summary>Upserts every document; returns how many.</summary>
    public static async Task<int> ImportAsync(IDocumentStore store, IReadOnlyList<DocumentWrite> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            await store.UpsertAsync(document, cancellationToken);
        }

        return documents.Count;
    }

    private static string RequiredString(JsonElement root, string name, int lineNumber)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ImportFormatException(lineNumber, $"falta \"{name}\" o no es un texto / \"{name}\" is missing or not a string.");

    private static async Task<int> WithStoreAsync(string[] hostArgs, Func<IDocumentStore, Task<int>> run)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
        // appsettings beside the executable, then the current folder's (as when serving from it), then environment and args.
        builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(hostArgs);
        // Standard output may carry the export itself: every log line goes to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddParticipaBotStorageCore();
        using var host = builder.Build();
        IDocumentStore store;
        try
        {
            store = host.Services.GetRequiredService<IDocumentStore>();
            _ = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures)
            {
                await Console.Error.WriteLineAsync(failure);
            }

            return 1;
        }
        catch (DocumentStoreException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }

        try
        {
            return await run(store);
        }
        catch (DocumentStoreException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
        catch (IOException exception)
        {
            await Console.Error.WriteLineAsync($"Error de archivo / file error: {exception.Message}");
            return 1;
        }
    }
}

/// <summary>A line of an import file that cannot be loaded; the message names the line.</summary>
internal sealed class ImportFormatException(int lineNumber, string reason)
    : Exception($"línea / line {lineNumber}: {reason}")
{
    public int LineNumber { get; } = lineNumber;
}
