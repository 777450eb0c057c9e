using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Exports;

/// <summary>Section "Exports": the signing key of download links, their lifetime and the bot's public address.</summary>
internal sealed class ExportOptions
{
    public const string SectionName = "Exports";

    /// <summary>
    /// Base64 HMAC key (at least 32 bytes). When empty, a random key is made once and kept in the document store, so
    /// that every instance signs and checks links alike.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Minutes a download link and its file live (default 15).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1440)]
    public int LinkLifetimeMinutes { get; set; } = 15;

    /// <summary>The bot's public base address (e.g. https://participabot.example.gov.co); links are built on it.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:3978");
}

/// <summary>
/// Signed, short-lived download links: GET /exports/{id}?exp={unix seconds}&amp;sig={HMAC-SHA256(id "\n" exp), base64url}.
/// The signature binds the id to its expiry, so neither can be changed; comparison is constant-time.
/// </summary>
internal sealed class ExportLinkSigner(IOptions<ExportOptions> options, IOptions<EntityOptions> entity, IDocumentStore store, TimeProvider time)
{
    // The key's document id and type: one per entity.
    private const string KeyDocumentId = "exportSigningKey";

    private readonly ExportOptions _options = options.Value;

    // The configured key at once; otherwise the stored key's read, shared by every caller and read again only if it failed.
    private Task<byte[]>? _key = string.IsNullOrWhiteSpace(options.Value.SigningKey) ? null : Task.FromResult(Convert.FromBase64String(options.Value.SigningKey));

    public async Task<Uri> CreateAsync(string id, CancellationToken cancellationToken)
    {
        var expires = (time.GetUtcNow() + TimeSpan.FromMinutes(_options.LinkLifetimeMinutes)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var baseUrl = _options.PublicBaseUrl.ToString().TrimEnd('/');
        return new Uri($"{baseUrl}/exports/{Uri.EscapeDataString(id)}?exp={expires}&sig={Sign(await KeyAsync(cancellationToken), id, expires)}");
    }

    /// <summary>True when the signature matches and the link has not expired.</summary>
    public async Task<bool> IsValidAsync(string id, string? expires, string? signature, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(await KeyAsync(cancellationToken), id, expires));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            && DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253_402_300_799)) >= time.GetUtcNow();
    }

    /// <summary>The configured key (validated at start-up), else the entity's stored one, made by whichever instance asked first.</summary>
    private Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        var key = _key;
        if (key is null || key.IsFaulted || key.IsCanceled)
        {
            var read = StoredKeyAsync();
            key = Interlocked.CompareExchange(ref _key, read, key) == key ? read : _key!;
        }

        return key.WaitAsync(cancellationToken);
    }

    private async Task<byte[]> StoredKeyAsync()
    {
        var keys = new DocumentCollection<StoredKey>(store, KeyDocumentId);
        var partition = PartitionKeys.Entity(entity.Value.Id);
        if (await keys.GetAsync(partition, KeyDocumentId) is { } stored)
        {
            return stored.Value.Key;
        }

        try
        {
            return (await keys.CreateAsync(partition, KeyDocumentId, new StoredKey(RandomNumberGenerator.GetBytes(32)))).Value.Key;
        }
        catch (DocumentConflictException)
        {
            // Another instance made it first: that one is the key.
            return (await keys.GetAsync(partition, KeyDocumentId))!.Value.Key;
        }
    }

    private static string Sign(byte[] key, string id, string expires)
    {
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id + "\n" + expires));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private sealed record StoredKey(byte[] Key);
}
