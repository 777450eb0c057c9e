using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ParticipaBot.TestSupport.Fakes;

/// <summary>
/// A loopback Entra token endpoint over https (MSAL requires https authorities) with a self-signed certificate made
/// at test time: POST /{tenant}/oauth2/v2.0/token answers client-credential tokens and records each request's form.
/// Clients must trust <see cref="Certificate"/> explicitly.
/// </summary>
public sealed class FakeEntraTokenServer : LoopbackServer
{
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenRequests = new();
    private readonly ConcurrentQueue<string> _paths = new();
    private int _counter;

    private FakeEntraTokenServer(X509Certificate2 certificate) => Certificate = certificate;

    public static async Task<FakeEntraTokenServer> StartAsync()
    {
        var server = new FakeEntraTokenServer(CreateCertificate());
        await server.StartServerAsync(server.Certificate);
        return server;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>For Bot:AuthorityHost.</summary>
    public string AuthorityHost => BaseAddress;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests => [.. _tokenRequests];

    /// <summary>Every path requested, token or not (to diagnose discovery calls).</summary>
    public IReadOnlyList<string> Paths => [.. _paths];

    /// <summary>True when the certificate presented by a server is this fake's.</summary>
    public bool IsOwnCertificate(X509Certificate2? presented) => presented is not null && presented.Thumbprint == Certificate.Thumbprint;

    protected override async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        _paths.Enqueue(context.Request.Method + " " + path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        context.Response.ContentType = "application/json";
        if (context.Request.Method == "POST" && path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var form = await context.Request.ReadFormAsync();
            _tokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var n = Interlocked.Increment(ref _counter);
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = "fake-access-token-" + n,
            }));
            return;
        }

        if (segments.Length >= 2 && path.EndsWith("openid-configuration", StringComparison.Ordinal))
        {
            var tenant = segments[0];
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["token_endpoint"] = $"{BaseAddress}/{tenant}/oauth2/v2.0/token",
                ["issuer"] = $"{BaseAddress}/{tenant}/v2.0",
                ["authorization_endpoint"] = $"{BaseAddress}/{tenant}/oauth2/v2.0/authorize",
            }));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
