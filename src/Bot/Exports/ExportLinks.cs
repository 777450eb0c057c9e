using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ParticipaBot.Bot.Exports;

/// <summary>Section "Exports": the signing key of download links, their lifetime and the bot's public address.</summary>
internal sealed class ExportOptions
{
    public const string SectionName = "Exports";

    /// <summary>Base64 HMAC key (at least 32 bytes); when empty a random key is made at start-up (links then die with the process).</summary>
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
internal sealed class ExportLinkSigner
{
    private readonly byte[] _key;
    private readonly ExportOptions _options;
    private readonly TimeProvider _time;

    public ExportLinkSigner(IOptions<ExportOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _key = string.IsNullOrWhiteSpace(_options.SigningKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(_options.SigningKey);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException("Exports:SigningKey debe tener al menos 32 bytes en base64 / must be at least 32 bytes (base64).");
        }
    }

    public Uri Create(string id)
    {
        var expires = (_time.GetUtcNow() + TimeSpan.FromMinutes(_options.LinkLifetimeMinutes)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var baseUrl = _options.PublicBaseUrl.ToString().TrimEnd('/');
        return new Uri($"{baseUrl}/exports/{Uri.EscapeDataString(id)}?exp={expires}&sig={Sign(id, expires)}");
    }

    /// <summary>True when the signature matches and the link has not expired.</summary>
    public bool IsValid(string id, string? expires, string? signature)
    {
        if (string.IsNullOrEmpty(expires) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(id, expires));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            && DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253_402_300_799)) >= _time.GetUtcNow();
    }

    private string Sign(string id, string expires)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(id + "\n" + expires));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
