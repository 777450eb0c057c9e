using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Exports;

/// <summary>
/// Finished exports kept for a short time under the data directory ("exports/"), until the user accepts the upload or
/// follows the link. Ids are random (128 bits); expired files are removed whenever a new one is written.
/// </summary>
internal sealed class ExportFileStore(IOptions<StorageOptions> storage, IOptions<ExportOptions> options, TimeProvider time)
{
    private sealed record Meta(string Name, string ContentType, DateTimeOffset Expires);

    private string Directory => Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "exports");

    public TimeSpan Lifetime => TimeSpan.FromMinutes(options.Value.LinkLifetimeMinutes);

    public async Task<string> SaveAsync(ExportFile file, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        RemoveExpired();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var meta = new Meta(file.Name, file.ContentType, time.GetUtcNow() + Lifetime);
        await File.WriteAllBytesAsync(Path.Combine(Directory, id + ".bin"), file.Content, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Directory, id + ".json"), JsonSerializer.Serialize(meta), cancellationToken);
        return id;
    }

    /// <summary>The file, or null when the id is malformed, unknown or expired.</summary>
    public async Task<ExportFile?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var metaPath = Path.Combine(Directory, id + ".json");
        var binPath = Path.Combine(Directory, id + ".bin");
        if (!File.Exists(metaPath) || !File.Exists(binPath))
        {
            return null;
        }

        var meta = JsonSerializer.Deserialize<Meta>(await File.ReadAllTextAsync(metaPath, cancellationToken));
        if (meta is null || meta.Expires < time.GetUtcNow())
        {
            return null;
        }

        return new ExportFile(meta.Name, meta.ContentType, await File.ReadAllBytesAsync(binPath, cancellationToken));
    }

    public void Delete(string id)
    {
        if (id.Length == 32 && id.All(char.IsAsciiHexDigitLower))
        {
            File.Delete(Path.Combine(Directory, id + ".bin"));
            File.Delete(Path.Combine(Directory, id + ".json"));
        }
    }

    private void RemoveExpired()
    {
        foreach (var metaPath in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            try
            {
                var meta = JsonSerializer.Deserialize<Meta>(File.ReadAllText(metaPath));
                if (meta is null || meta.Expires < time.GetUtcNow())
                {
                    Delete(Path.GetFileNameWithoutExtension(metaPath));
                }
            }
            catch (Exception exception) when (exception is IOException or JsonException)
            {
                // Another request removing or writing the same file; the next clean-up tries again.
            }
        }
    }
}
