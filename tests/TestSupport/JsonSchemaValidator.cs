using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParticipaBot.TestSupport;

/// <summary>One failed rule: where in the document (JSON pointer), which keyword, and ajv's message.</summary>
public sealed record JsonSchemaError(
    [property: JsonPropertyName("instancePath")] string InstancePath,
    [property: JsonPropertyName("keyword")] string Keyword,
    [property: JsonPropertyName("message")] string? Message);

/// <summary>The verdict for one document.</summary>
public sealed record JsonSchemaResult(string Name, bool IsValid, IReadOnlyList<JsonSchemaError> Errors)
{
    public override string ToString() =>
        IsValid ? $"{Name}: valid" : $"{Name}: " + string.Join("; ", Errors.Select(e => $"{e.InstancePath} {e.Keyword} {e.Message}"));
}

/// <summary>
/// Validates JSON documents against a JSON Schema (draft-06 or draft-07; draft-04 schemas are read as draft-07) with ajv
/// from tools/node_modules, through tests/TestSupport/js/validate-json-schema.cjs: many documents, one node process.
/// </summary>
public static class JsonSchemaValidator
{
    public static string ScriptPath => Path.Combine(RepositoryPaths.Root, "tests", "TestSupport", "js", "validate-json-schema.cjs");

    /// <summary>Validates in-memory documents; <paramref name="documents"/> maps a name (for messages) to its JSON text.</summary>
    public static async Task<IReadOnlyList<JsonSchemaResult>> ValidateAsync(
        string schemaPath, IReadOnlyList<KeyValuePair<string, string>> documents, CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("participabot-schema-");
        try
        {
            var files = new List<string>();
            for (var i = 0; i < documents.Count; i++)
            {
                var file = Path.Combine(directory.FullName, $"{i:D4}.json");
                await File.WriteAllTextAsync(file, documents[i].Value, cancellationToken);
                files.Add(file);
            }

            var results = await ValidateFilesAsync(schemaPath, files, cancellationToken);
            return [.. results.Select((r, i) => r with { Name = documents[i].Key })];
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Validates files on disk; results come back in the order of <paramref name="files"/>.</summary>
    public static async Task<IReadOnlyList<JsonSchemaResult>> ValidateFilesAsync(
        string schemaPath, IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(schemaPath))
        {
            throw new FileNotFoundException("JSON schema not found.", schemaPath);
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ScriptPath);
        start.ArgumentList.Add(schemaPath);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        start.Environment["NODE_TOOLS_MODULES"] = Path.Combine(RepositoryPaths.Root, "tools", "node_modules");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"Schema validation failed to run (exit {process.ExitCode}): {await stderr}");
        }

        var raw = JsonSerializer.Deserialize<List<RawResult>>(output)
            ?? throw new InvalidOperationException("The validator printed no results.");
        return [.. raw.Select(r => new JsonSchemaResult(r.File, r.Valid, r.Errors ?? []))];
    }

    private sealed record RawResult(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("valid")] bool Valid,
        [property: JsonPropertyName("errors")] List<JsonSchemaError>? Errors);
}
