using System.Security.Cryptography;

namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// One RSA key from a JWK set, with the Bot Framework "endorsements" (channel ids the key may sign for; null when the
/// key has none, as Entra keys) and the Entra "issuer" template when published.
/// </summary>
internal sealed record SigningKey(string KeyId, RSAParameters Parameters, IReadOnlySet<string>? Endorsements, string? Issuer)
{
    /// <summary>RS256: SHA-256 with PKCS#1 v1.5 padding.</summary>
    public bool Verify(byte[] signedPart, byte[] signature)
    {
        using var rsa = RSA.Create(Parameters);
        return rsa.VerifyData(signedPart, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
