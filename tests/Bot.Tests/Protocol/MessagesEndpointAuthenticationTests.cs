using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Tests.Support;

namespace ParticipaBot.Bot.Tests.Protocol;

public sealed class MessagesEndpointAuthenticationTests(BotFactory factory) : IClassFixture<BotFactory>
{
    [Theory]
    [InlineData(401, HttpStatusCode.Unauthorized, "{\"error\":\"Unauthorized.\"}")]
    [InlineData(403, HttpStatusCode.Forbidden, "{\"error\":\"Forbidden.\"}")]
    public async Task Post_AuthenticatorRejects_ReturnsStatusWithoutReasonAndRunsNothing(int status, HttpStatusCode expected, string expectedBody)
    {
        using var rejecting = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IInboundAuthenticator>();
            services.AddSingleton<IInboundAuthenticator>(new RejectingAuthenticator(status));
        }));
        var client = rejecting.CreateClient();
        var (activity, conversationId) = TestActivities.LoadFresh("message-personal.json");

        var response = await client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expectedBody, await response.Content.ReadAsStringAsync());
        await Task.Delay(100);
        Assert.Empty(factory.Connector.SentTo(conversationId));
    }

    [Fact]
    public async Task Post_AuthenticatorThrows_Returns503WithoutInternals()
    {
        using var throwing = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IInboundAuthenticator>();
            services.AddSingleton<IInboundAuthenticator>(new RejectingAuthenticator(0));
        }));
        var client = throwing.CreateClient();
        var (activity, _) = TestActivities.LoadFresh("message-personal.json");

        var response = await client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("{\"error\":\"Service unavailable.\"}", await response.Content.ReadAsStringAsync());
    }

    private sealed class RejectingAuthenticator(int status) : IInboundAuthenticator
    {
        public Task<InboundAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
            status == 0 ? throw new HttpRequestException("keys endpoint https://internal.example/keys unreachable") : Task.FromResult(status == 403
                ? InboundAuthenticationResult.Forbidden("tenant 123 not in allowlist")
                : InboundAuthenticationResult.Unauthorized("signature invalid for kid abc"));
    }
}
