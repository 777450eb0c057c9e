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
            configure: s => s.AddHttpClient(MsalAccessTokenProvider.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (_, certificate, _, _) => entra.IsOwnCertificate(certificate),
                }));
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
    public async Task GetToken_NoAppId_ReturnsNull()
    {
        await using var services = ProtocolServices.Build(new Dictionary<string, string?>(), "Development");

        Assert.Null(await services.GetRequiredService<IAccessTokenProvider>().GetTokenAsync("https://api.botframework.com/.default", CancellationToken.None));
    }
}
