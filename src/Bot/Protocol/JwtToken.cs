using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// A compact-serialized JWS (RFC 7515) split into its parts. Parsing checks only the shape; the caller decides
/// whether to trust anything in it (signature, issuer, lifetime).
/// </summary>
internal sealed class JwtToken
{
    private JwtToken(JsonElement header, JsonElement payload, byte[] signedPart, byte[] signature)
    {
        Header = header;
        Payload = payload;
        SignedPart = signedPart;
        Signature = signature;
    }

    public JsonElement Header { get; }

    public JsonElement Payload { get; }

    /// <summary>ASCII bytes of "header.payload", the input of the signature.</summary>
    public byte[] SignedPart { get; }

    public byte[] Signature { get; }

    public string? Algorithm => GetString(Header, "alg");

    public string? KeyId => GetString(Header, "kid");

    public string? Issuer => GetClaim("iss");

    public string? GetClaim(string name) => GetString(Payload, name);

    /// <summary>The aud claim as a list: a single string or an array of strings.</summary>
    public IReadOnlyList<string> Audiences
    {
        get
        {
            if (!Payload.TryGetProperty("aud", out var aud))
            {
                return [];
            }

            return aud.ValueKind switch
            {
                JsonValueKind.String => [aud.GetString()!],
                JsonValueKind.Array => [.. aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)],
                _ => [],
            };
        }
    }

    public DateTimeOffset? ExpiresAt => GetTime("exp");

    public DateTimeOffset? NotBefore => GetTime("nbf");

    /// <summary>Parses "header.payload.signature"; null when the text is not a well-formed JWS with JSON objects.</summary>
    public static JwtToken? TryParse(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 16 * 1024)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return null;
        }

        try
        {
            var header = ParseObject(parts[0]);
            var payload = ParseObject(parts[1]);
            if (header is null || payload is null)
            {
                return null;
            }

            var signature = Base64Url.DecodeFromChars(parts[2]);
            var signedPart = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            return new JwtToken(header.Value, payload.Value, signedPart, signature);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? ParseObject(string part)
    {
        var bytes = Base64Url.DecodeFromChars(part);
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
    }

    private DateTimeOffset? GetTime(string name)
    {
        if (!Payload.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds))
        {
            return null;
        }

        return seconds is < 0 or > 253402300799 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
