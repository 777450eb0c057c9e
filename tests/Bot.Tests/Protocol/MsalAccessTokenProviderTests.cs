using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.TestSupport.Fakes;

namespace ParticipaBot.Bot.Tests.Protocol;

public sealed class MsalAccessTokenProviderTests
{
    [Fact]
    public async Task GetToken_ClientSecret_FetchedFromAuthorityAndCached()
    {
        await using var entra = await FakeEntraTokenServer.StartAsync();
        await using var services = ProtocolServices.Build(
            ProtocolServices.SingleTenant(("Bot:AuthorityHost", entra.AuthorityHost)),
            configure: s => TrustFake(s, entra));
        var provider = services.GetRequiredService<IAccessTokenProvider>();

        var first = await provider.GetTokenAsync("https://api.botframework.com/.default", CancellationToken.None);
        var second = await provider.GetTokenAsync("https://api.botframework.com/.default", CancellationToken.None);

        Assert.Equal("fake-access-token-1", first);
        Assert.Equal(first, second);
        var request = Assert.Single(entra.TokenRequests);
        Assert.Equal("client_credentials", request["grant_type"]);
        Assert.Equal(ProtocolServices.AppId, request["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", request["scope"]);
        Assert.Contains($"POST /{ProtocolServices.TenantId}/oauth2/v2.0/token", entra.Paths);
    }

    [Fact]
    public async Task GetToken_Certificate_SendsSignedClientAssertionInsteadOfSecret()
    {
        await using var entra = await FakeEntraTokenServer.StartAsync();
        var pfx = Path.Combine(Path.GetTempPath(), "participabot-test-" + Guid.NewGuid().ToString("N") + ".pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=ParticipaBot test client", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "clave-de-prueba"));
        }

        try
        {
            var settings = ProtocolServices.SingleTenant(
                ("Bot:AuthorityHost", entra.AuthorityHost),
                ("Bot:CertificatePath", pfx),
                ("Bot:CertificatePassword", "clave-de-prueba"));
            settings.Remove("Bot:ClientSecret");
            await using var services = ProtocolServices.Build(settings, configure: s => TrustFake(s, entra));

            var token = await services.GetRequiredService<IAccessTokenProvider>().GetTokenAsync("https://graph.microsoft.com/.default", CancellationToken.None);

            Assert.NotNull(token);
            var form = Assert.Single(entra.TokenRequests);
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
            Assert.Equal(3, form["client_assertion"].Split('.').Length);
            Assert.False(form.ContainsKey("client_secret"));
            Assert.Equal("https://graph.microsoft.com/.default", form["scope"]);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static void TrustFake(IServiceCollection services, FakeEntraTokenServer entra) =>
        services.AddHttpClient(MsalAccessTokenProvider.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) => entra.IsOwnCertificate(certificate),
            });

    [Fact]
    public async Task GetToken_NoAppId_ReturnsNull()
    {
        await using var services = ProtocolServices.Build(new Dictionary<string, string?>(), "Development");

        Assert.Null(await services.GetRequiredService<IAccessTokenProvider>().GetTokenAsync("https://api.botframework.com/.default", CancellationToken.None));
    }
}
