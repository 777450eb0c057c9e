using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;

namespace ParticipaBot.Bot.Tests.Support;

/// <summary>
/// The real host in Development with no app id. The connector is a recording seam; the authenticator is the host's own
/// when one is registered, else an anonymous stand-in. Two test-only handlers fail on purpose ("fallar", verb "test.fail").
/// </summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    internal RecordingConnectorClient Connector { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureTestServices(services =>
        {
            services.TryAddSingleton<IInboundAuthenticator, AnonymousAuthenticator>();
            services.RemoveAll<IConnectorClient>();
            services.AddSingleton<IConnectorClient>(Connector);
            services.AddCommandHandler<FailingCommandHandler>();
            services.AddCardActionHandler<FailingCardActionHandler>();
        });
    }

    private sealed class AnonymousAuthenticator : IInboundAuthenticator
    {
        public Task<InboundAuthenticationResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
            Task.FromResult(InboundAuthenticationResult.Anonymous());
    }
}

internal sealed class FailingCommandHandler : ICommandHandler
{
    public static readonly CommandDescriptor Descriptor = new(
        "test.failCommand", ["fallar"], ["fail"], new LocalizedText("test.fail.title", "Fallar", "Fail"), new LocalizedText("test.fail.help", "Falla.", "Fails."), 999, ShowButton: false);

    public CommandDescriptor Command => Descriptor;

    public Task HandleAsync(TurnContext context) => throw new InvalidOperationException("secret internal detail");
}

internal sealed class FailingCardActionHandler : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = ["test.fail"];

    public Task HandleAsync(TurnContext context, CardAction action) => throw new InvalidOperationException("secret internal detail");
}
