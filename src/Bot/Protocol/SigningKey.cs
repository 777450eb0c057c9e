using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// One RSA key from a JWK set, with the Bot Framework "endorsements" (channel ids the key may sign for; null when the
/// key has none, as Entra keys) and the Entra "issuer" template when published.
/// </summary>
internal sealed record SigningKey(string KeyId, RSAParameters Parameters, IReadOnlySet<string>? Endorsements, string? Issuer)
{
    // Per key instance (a refreshed JWK set makes new instances, so a rotated key's entries go with it).
    private static readonly ConditionalWeakTable<SigningKey, VerifiedSignatures> s_verified = [];

    /// <summary>
    /// RS256: SHA-256 with PKCS#1 v1.5 padding. The channel sends the same token with every activity for up to an hour,
    /// so a signature this key already verified over the very same bytes is not verified again: the answer is a pure
    /// function of key, bytes and signature (importing the key and verifying was a tenth of a turn's CPU).
    /// </summary>
    public bool Verify(byte[] signedPart, byte[] signature)
    {
        var verified = s_verified.GetValue(this, _ => new VerifiedSignatures());
        if (verified.Contains(signedPart, signature))
        {
            return true;
        }

        using var rsa = RSA.Create(Parameters);
        if (!rsa.VerifyData(signedPart, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return false;
        }

        verified.Add(signedPart, signature);
        return true;
    }

    /// <summary>Signatures verified by one key, with the exact bytes they were over; bounded (starts over when full).</summary>
    private sealed class VerifiedSignatures
    {
        private const int Capacity = 4096;
        private readonly ConcurrentDictionary<string, byte[]> _bySignature = new(StringComparer.Ordinal);

        public bool Contains(byte[] signedPart, byte[] signature) =>
            _bySignature.TryGetValue(Convert.ToBase64String(signature), out var bytes) && bytes.AsSpan().SequenceEqual(signedPart);

        public void Add(byte[] signedPart, byte[] signature)
        {
            if (_bySignature.Count >= Capacity)
            {
                _bySignature.Clear();
            }

            _bySignature[Convert.ToBase64String(signature)] = signedPart;
        }
    }
}
