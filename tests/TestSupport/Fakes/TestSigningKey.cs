using System.Buffers.Text;
using System.Security.Cryptography;

namespace ParticipaBot.TestSupport.Fakes;

/// <summary>An RSA key made at test time, published as a JWK (with Bot Framework endorsements when given).</summary>
public sealed class TestSigningKey : IDisposable
{
    public TestSigningKey(string keyId, IReadOnlyList<string>? endorsements, string? issuer = null)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        Issuer = issuer;
        Rsa = RSA.Create(2048);
    }

    public string KeyId { get; }

    public IReadOnlyList<string>? Endorsements { get; }

    /// <summary>The Entra-style "issuer" field of the JWK, e.g. "https://login.microsoftonline.com/{tenantid}/v2.0".</summary>
    public string? Issuer { get; }

    public RSA Rsa { get; }

    /// <summary>The public key as SubjectPublicKeyInfo DER, e.g. to forge an HS256 token "signed with the public key".</summary>
    public byte[] PublicKeyBytes => Rsa.ExportSubjectPublicKeyInfo();

    public Dictionary<string, object?> ToJwk()
    {
        var parameters = Rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object?>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["x5t"] = KeyId,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = Endorsements;
        }

        if (Issuer is not null)
        {
            jwk["issuer"] = Issuer;
        }

        return jwk;
    }

    public void Dispose() => Rsa.Dispose();
}
