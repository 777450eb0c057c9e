using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Protocol;

namespace ParticipaBot.Bot.Tests.Protocol;

public sealed class BotOptionsValidationTests
{
    [Fact]
    public async Task Start_NoAppIdOutsideDevelopment_RefusesWithClearMessage()
    {
        using var host = BuildHost("Production", new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Bot:AppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoAppIdInDevelopment_StartsAnonymously()
    {
        using var host = BuildHost("Development", new Dictionary<string, string?>());

        await host.StartAsync();
        await host.StopAsync();

        Assert.True(host.Services.GetRequiredService<IOptions<BotOptions>>().Value.IsAnonymous);
    }

    [Fact]
    public async Task Start_SingleTenantWithSecret_Starts()
    {
        using var host = BuildHost("Production", ProtocolServices.SingleTenant());

        await host.StartAsync();
        await host.StopAsync();
    }

    [Theory]
    [InlineData("SingleTenant", null, "secret", "Bot:TenantId")]
    [InlineData("SingleTenant", ProtocolServices.TenantId, null, "Bot:ClientSecret")]
    [InlineData("UserAssignedMsi", null, null, "Bot:TenantId")]
    [InlineData("UserAssignedMsi", ProtocolServices.TenantId, "secret", "UserAssignedMsi")]
    [InlineData("MultiTenant", null, null, "Bot:ClientSecret")]
    public void Validate_IncompleteRegistration_NamesTheMissingKey(string appType, string? tenantId, string? secret, string expected)
    {
        var options = new BotOptions { AppId = ProtocolServices.AppId, AppType = Enum.Parse<BotAppType>(appType), TenantId = tenantId, ClientSecret = secret };

        var result = Validator("Production").Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HttpAuthorityHost_Fails()
    {
        var options = new BotOptions { AppId = "a", TenantId = "t", ClientSecret = "s", AuthorityHost = "http://127.0.0.1:5000" };

        Assert.True(Validator("Production").Validate(null, options).Failed);
    }

    [Fact]
    public void Validate_EntraTemplateWithoutTenantPlaceholder_Fails()
    {
        var options = new BotOptions { AppId = "a", TenantId = "t", ClientSecret = "s", EntraMetadataUrlTemplate = "https://example.test/metadata" };

        Assert.True(Validator("Production").Validate(null, options).Failed);
    }

    [Theory]
    [InlineData(BotCloud.Public, "https://login.botframework.com/v1/.well-known/openidconfiguration", "https://api.botframework.com", "https://login.microsoftonline.com/t1")]
    [InlineData(BotCloud.UsGov, "https://login.botframework.azure.us/v1/.well-known/openidconfiguration", "https://api.botframework.us", "https://login.microsoftonline.us/t1")]
    [InlineData(BotCloud.China, "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration", "https://api.botframework.azure.cn", "https://login.partner.microsoftonline.cn/t1")]
    public void Cloud_Defaults_FollowPublishedEndpoints(BotCloud cloud, string metadata, string issuer, string authority)
    {
        var options = new BotOptions { Cloud = cloud, TenantId = "t1" };

        Assert.Equal(metadata, options.EffectiveOpenIdMetadataUrl);
        Assert.Equal(issuer, options.EffectiveTokenIssuer);
        Assert.Equal(issuer + "/.default", options.EffectiveOutboundScope);
        Assert.Equal(authority, options.Authority);
    }

    [Fact]
    public void Cloud_Overrides_WinOverDefaults()
    {
        var options = new BotOptions { TenantId = "t1", OpenIdMetadataUrl = "http://127.0.0.1:1/m", TokenIssuer = "https://issuer.test", AuthorityHost = "https://127.0.0.1:2/", EntraMetadataUrlTemplate = "http://127.0.0.1:3/{tenantId}/m" };

        Assert.Equal("http://127.0.0.1:1/m", options.EffectiveOpenIdMetadataUrl);
        Assert.Equal("https://issuer.test", options.EffectiveTokenIssuer);
        Assert.Equal("https://127.0.0.1:2/t1", options.Authority);
        Assert.Equal("http://127.0.0.1:3/t1/m", options.EntraMetadataUrl);
    }

    [Fact]
    public void MultiTenantWithoutTenant_UsesLegacyBotFrameworkTenant()
    {
        Assert.Equal("https://login.microsoftonline.com/botframework.com", new BotOptions { AppType = BotAppType.MultiTenant }.Authority);
    }

    [Fact]
    public void AllowedTenants_EmptyWithoutTenantId_AllowsAny()
    {
        Assert.Empty(new BotOptions().EffectiveAllowedTenants);
        Assert.Equal(["t1"], new BotOptions { TenantId = "t1" }.EffectiveAllowedTenants);
        Assert.Equal(["t2"], new BotOptions { TenantId = "t1", AllowedTenants = ["t2"] }.EffectiveAllowedTenants);
    }

    [Fact]
    public void AllowedServiceUrlHosts_LoopbackOnlyInDevelopment()
    {
        var options = new BotOptions();

        Assert.Contains("127.0.0.1", options.EffectiveServiceUrlHosts(isDevelopment: true));
        Assert.DoesNotContain("127.0.0.1", options.EffectiveServiceUrlHosts(isDevelopment: false));
        Assert.Contains("smba.trafficmanager.net", options.EffectiveServiceUrlHosts(isDevelopment: false));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://europe.smba.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/", false)]
    [InlineData("https://evilsmba.trafficmanager.net/", false)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://user@smba.trafficmanager.net/amer/", false)]
    [InlineData("not a url", false)]
    public void ServiceUrlPolicy_ProductionDefaults(string serviceUrl, bool allowed)
    {
        Assert.Equal(allowed, ServiceUrlPolicy.IsAllowed(serviceUrl, new BotOptions().EffectiveServiceUrlHosts(isDevelopment: false)));
    }

    private static BotOptionsValidator Validator(string environmentName)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environmentName, DisableDefaults = true });
        return new BotOptionsValidator(builder.Environment);
    }

    private static IHost BuildHost(string environmentName, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environmentName, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddBotProtocol(builder.Configuration, builder.Environment);
        return builder.Build();
    }
}
