using System.Diagnostics;
using System.Text.Json;

namespace ParticipaBot.TestSupport;

/// <summary>The outcome of validating one JSON document against a schema.</summary>
public sealed record SchemaValidationResult(bool IsValid, IReadOnlyList<string> Errors)
{
    public override string ToString() => IsValid ? "valid" : string.Join(Environment.NewLine, Errors);
}

/// <summary>
/// Validates Teams app manifests and localization files against the saved v1.30 schemas with ajv
/// (draft-07 semantics, Unicode patterns), through tests/TestSupport/js/validate-manifest.cjs.
/// Fails loudly when node or ajv is missing: a schema test that silently passes proves nothing.
/// </summary>
public static class ManifestSchemaValidator
{
    public static string ManifestSchema => Path.Combine(RepositoryPaths.Shared, "schemas", "teams-manifest", "v1.30", "MicrosoftTeams.schema.json");

    public static string LocalizationSchema => Path.Combine(RepositoryPaths.Shared, "schemas", "teams-manifest", "v1.30", "MicrosoftTeams.Localization.schema.json");

    private static string Script => Path.Combine(RepositoryPaths.Root, "tests", "TestSupport", "js", "validate-manifest.cjs");

    public static SchemaValidationResult ValidateManifest(string json) => Validate(ManifestSchema, json);

    public static SchemaValidationResult ValidateLocalization(string json) => Validate(LocalizationSchema, json);

    public static SchemaValidationResult Validate(string schemaPath, string json) => ValidateAll(schemaPath, [json])[0];

    /// <summary>Validates several documents in one node process (compiling the schema takes most of the time).</summary>
    public static IReadOnlyList<SchemaValidationResult> ValidateAll(string schemaPath, IReadOnlyList<string> jsons)
    {
        ArgumentNullException.ThrowIfNull(jsons);
        if (!File.Exists(schemaPath))
        {
            throw new InvalidOperationException($"Schema not found: {schemaPath}");
        }

        if (!Directory.Exists(Path.Combine(RepositoryPaths.Root, "tools", "node_modules", "ajv")))
        {
            throw new InvalidOperationException("ajv is missing from tools/node_modules: run scripts/setup.sh.");
        }

        var directory = Directory.CreateTempSubdirectory("participabot-schema-").FullName;
        try
        {
            var start = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Script);
            start.ArgumentList.Add(schemaPath);
            for (var i = 0; i < jsons.Count; i++)
            {
                var file = Path.Combine(directory, $"{i}.json");
                File.WriteAllText(file, jsons[i]);
                start.ArgumentList.Add(file);
            }

            start.Environment["PARTICIPABOT_NODE_MODULES"] = Path.Combine(RepositoryPaths.Root, "tools", "node_modules");
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started (is Node.js installed?).");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("validate-manifest.cjs did not finish in 60 s.");
            }

            if (process.ExitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"validate-manifest.cjs failed (exit {process.ExitCode}): {stderr.Result}");
            }

            using var document = JsonDocument.Parse(stdout.Result);
            return document.RootElement.EnumerateArray()
                .Select(result => new SchemaValidationResult(
                    result.GetProperty("valid").GetBoolean(),
                    result.GetProperty("errors").EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()))
                .ToList();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
