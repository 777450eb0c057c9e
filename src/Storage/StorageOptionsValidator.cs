using Microsoft.Extensions.Options;

namespace ParticipaBot.Storage;

/// <summary>Start-up validation of the Storage section, with messages an operator can act on.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                ValidateSqlite(options, failures);
                break;
            case StorageProvider.Cosmos:
                ValidateCosmos(options.Cosmos, failures);
                break;
            default:
                failures.Add($"Storage:Provider '{options.Provider}' no es válido; use Sqlite o Cosmos. / Storage:Provider must be Sqlite or Cosmos.");
                break;
        }

        if (options.BusyTimeoutMilliseconds is < 100 or > 600_000)
        {
            failures.Add("Storage:BusyTimeoutMilliseconds debe estar entre 100 y 600000. / must be between 100 and 600000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSqlite(StorageOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Storage:DataDirectory está vacío. / Storage:DataDirectory is empty.");
            return;
        }

        if (string.IsNullOrWhiteSpace(options.FileName) || options.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || options.FileName.Contains('/', StringComparison.Ordinal))
        {
            failures.Add($"Storage:FileName '{options.FileName}' no es un nombre de archivo válido. / is not a valid file name.");
            return;
        }

        try
        {
            var directory = Path.GetFullPath(options.DataDirectory);
            if (File.Exists(directory))
            {
                failures.Add($"Storage:DataDirectory '{directory}' es un archivo, no una carpeta. / is a file, not a folder.");
            }
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            failures.Add($"Storage:DataDirectory '{options.DataDirectory}' no es una ruta válida. / is not a valid path: {exception.Message}");
        }
    }

    private static void ValidateCosmos(CosmosStorageOptions cosmos, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(cosmos.Endpoint))
        {
            failures.Add("Falta Storage:Cosmos:Endpoint (variable Storage__Cosmos__Endpoint). / Storage:Cosmos:Endpoint is missing.");
        }
        else if (!Uri.TryCreate(cosmos.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
        {
            failures.Add($"Storage:Cosmos:Endpoint '{cosmos.Endpoint}' no es una URL https válida. / is not a valid https URL.");
        }
        else if (cosmos.AcceptLocalServerCertificate && !endpoint.IsLoopback)
        {
            failures.Add($"Storage:Cosmos:AcceptLocalServerCertificate solo se permite con un endpoint local (127.0.0.1, localhost), no '{endpoint.Host}'. / is allowed only for loopback endpoints.");
        }

        // An account key is Base64 (a resource token starts with "type=resource"); anything else would stop the SDK's
        // client with a format error and a stack trace. The message never repeats the value: it is a secret.
        if (!string.IsNullOrWhiteSpace(cosmos.Key) && !cosmos.Key.StartsWith("type=resource", StringComparison.OrdinalIgnoreCase)
            && !Convert.TryFromBase64String(cosmos.Key, new byte[cosmos.Key.Length], out _))
        {
            failures.Add("Storage:Cosmos:Key no es una clave de cuenta válida (Base64); cópiela de «Claves» de la cuenta, o déjela vacía para usar la identidad administrada. / Storage:Cosmos:Key is not a valid account key (Base64); copy it from the account's Keys, or leave it empty to use the managed identity.");
        }

        if (string.IsNullOrWhiteSpace(cosmos.Database))
        {
            failures.Add("Storage:Cosmos:Database está vacío. / Storage:Cosmos:Database is empty.");
        }

        if (string.IsNullOrWhiteSpace(cosmos.Container))
        {
            failures.Add("Storage:Cosmos:Container está vacío. / Storage:Cosmos:Container is empty.");
        }

        if (cosmos.Throughput is not 0 and < 400)
        {
            failures.Add("Storage:Cosmos:Throughput debe ser 0 (serverless) o al menos 400 RU/s. / must be 0 (serverless) or at least 400 RU/s.");
        }

        if (cosmos.RequestTimeoutSeconds is < 1 or > 600)
        {
            failures.Add("Storage:Cosmos:RequestTimeoutSeconds debe estar entre 1 y 600. / must be between 1 and 600.");
        }

        if (cosmos.SlowRequestMilliseconds is < 0 or > 600_000)
        {
            failures.Add("Storage:Cosmos:SlowRequestMilliseconds debe estar entre 0 (apagado) y 600000. / must be between 0 (off) and 600000.");
        }
    }
}
