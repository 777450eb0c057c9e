using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ParticipaBot.TestSupport.Fakes;

/// <summary>Builds compact JWTs for tests, including deliberately broken ones.</summary>
public static class TestJwt
{
    /// <summary>An RS256 token signed by the key; header kid defaults to the key's id (pass "" to leave it out).</summary>
    public static string Create(TestSigningKey key, IDictionary<string, object?> claims, string? kid = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var header = new Dictionary<string, object?> { ["alg"] = "RS256", ["typ"] = "JWT" };
        var effectiveKid = kid ?? key.KeyId;
        if (effectiveKid.Length > 0)
        {
            header["kid"] = effectiveKid;
        }

        var signingInput = Part(header) + "." + Part(claims);
        var signature = key.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>A token with any header, signed with HMAC-SHA256 over the given secret (or unsigned when secret is null).</summary>
    public static string CreateUnsafe(IDictionary<string, object?> header, IDictionary<string, object?> claims, byte[]? hmacSecret)
    {
        var signingInput = Part(header) + "." + Part(claims);
        var signature = hmacSecret is null ? string.Empty : Base64Url.EncodeToString(HMACSHA256.HashData(hmacSecret, Encoding.ASCII.GetBytes(signingInput)));
        return signingInput + "." + signature;
    }

    /// <summary>Replaces the payload of a signed token, keeping its header and signature.</summary>
    public static string WithPayload(string token, IDictionary<string, object?> claims)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        return parts[0] + "." + Part(claims) + "." + parts[2];
    }

    public static long UnixTime(DateTimeOffset time) => time.ToUnixTimeSeconds();

    private static string Part(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
