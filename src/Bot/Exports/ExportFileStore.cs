using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Exports;

/// <summary>
/// Finished exports kept for a short time in the document store, until the user accepts the upload or follows the
/// link: every instance behind the endpoint can hand over a file another one made. A file is its own partition
/// ("export|{id}"): its content in chunks (well under a document's size limit once in base64), then the entry naming
/// it, written last so that an entry always has its chunks. Everything expires with the link (the store's time to
/// live), so nothing needs cleaning up. Ids are random (128 bits).
/// </summary>
internal sealed class ExportFileStore(IDocumentStore store, IOptions<ExportOptions> options)
{
    /// <summary>Bytes of a file per document: 1 MiB is about 1.4 MB in base64, under the 2 MB a Cosmos DB item may hold.</summary>
    internal const int ChunkBytes = 1024 * 1024;

    private const string EntryId = "file";

    private readonly DocumentCollection<ExportEntry> _entries = new(store, "exportFile");
    private readonly DocumentCollection<ExportChunk> _chunks = new(store, "exportChunk");

    public TimeSpan Lifetime => TimeSpan.FromMinutes(options.Value.LinkLifetimeMinutes);

    /// <summary>Keeps <paramref name="file"/> for <see cref="Lifetime"/>; only <paramref name="owner"/> may accept its upload.</summary>
    public async Task<string> SaveAsync(ExportFile file, string? owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var partition = PartitionKeys.Export(id);
        var timeToLive = (int)Lifetime.TotalSeconds;
        var chunks = Math.Max(1, (file.Content.Length + ChunkBytes - 1) / ChunkBytes);
        for (var index = 0; index < chunks; index++)
        {
            var data = file.Content.AsSpan(index * ChunkBytes, Math.Min(ChunkBytes, file.Content.Length - (index * ChunkBytes))).ToArray();
            await _chunks.CreateAsync(partition, ChunkId(index), new ExportChunk(data), timeToLive, cancellationToken);
        }

        await _entries.CreateAsync(partition, EntryId, new ExportEntry(file.Name, file.ContentType, file.Content.Length, chunks, owner), timeToLive, cancellationToken);
        return id;
    }

    /// <summary>The file, or null when the id is malformed, unknown or expired.</summary>
    public async Task<ExportFile?> GetAsync(string id, CancellationToken cancellationToken) =>
        await GetEntryAsync(id, cancellationToken) is { } entry ? await ReadAsync(id, entry, cancellationToken) : null;

    /// <summary>
    /// The file when <paramref name="user"/> asked for it; null when the id is malformed, unknown or expired, or the
    /// file is someone else's (a consent context can be replayed by anyone in the chat).
    /// </summary>
    public async Task<ExportFile?> GetForAsync(string id, string? user, CancellationToken cancellationToken) =>
        await GetEntryAsync(id, cancellationToken) is { } entry && (entry.Owner is null || string.Equals(entry.Owner, user, StringComparison.OrdinalIgnoreCase))
            ? await ReadAsync(id, entry, cancellationToken)
            : null;

    /// <summary>Removes the file now (delivered or declined); the entry first, so that no reader finds it half removed.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (await GetEntryAsync(id, cancellationToken) is not { } entry)
        {
            return;
        }

        var partition = PartitionKeys.Export(id);
        await _entries.DeleteAsync(partition, EntryId, cancellationToken: cancellationToken);
        for (var index = 0; index < entry.Chunks; index++)
        {
            await _chunks.DeleteAsync(partition, ChunkId(index), cancellationToken: cancellationToken);
        }
    }

    private async Task<ExportEntry?> GetEntryAsync(string id, CancellationToken cancellationToken) =>
        IsId(id) ? (await _entries.GetAsync(PartitionKeys.Export(id), EntryId, cancellationToken))?.Value : null;

    private async Task<ExportFile?> ReadAsync(string id, ExportEntry entry, CancellationToken cancellationToken)
    {
        var content = new byte[entry.Size];
        var offset = 0;
        for (var index = 0; index < entry.Chunks; index++)
        {
            // A chunk gone while the entry lives: expired between the two reads, or removed by a delivery meanwhile.
            if (await _chunks.GetAsync(PartitionKeys.Export(id), ChunkId(index), cancellationToken) is not { } chunk
                || offset + chunk.Value.Data.Length > content.Length)
            {
                return null;
            }

            chunk.Value.Data.CopyTo(content, offset);
            offset += chunk.Value.Data.Length;
        }

        return offset == content.Length ? new ExportFile(entry.Name, entry.ContentType, content) : null;
    }

    private static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static string ChunkId(int index) => "chunk|" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private sealed record ExportEntry(string Name, string ContentType, int Size, int Chunks, string? Owner);

    private sealed record ExportChunk(byte[] Data);
}
