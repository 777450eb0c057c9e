using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Tests.Support;

/// <summary>
/// The real host in Development with no app id. The connector is a recording seam; the authenticator is the host's own
/// when one is registered, else an anonymous stand-in. Two test-only handlers fail on purpose ("fallar", verb "test.fail").
/// </summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDataDirectory;
    private readonly TimeProvider? _time;
    private readonly Action<IServiceCollection>? _configure;

    public BotFactory()
        : this(null)
    {
    }

    /// <summary>A host on an existing data directory (a restart: the directory is left for the next host) and, optionally, a fixed clock.</summary>
    internal BotFactory(string? dataDirectory, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        _configure = configure;
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("participabot-bot-tests-").FullName;
        _time = time;
    }

    internal RecordingConnectorClient Connector { get; } = new();

    /// <summary>The conversation references the installation handler was given, as "added|..." or "removed|...".</summary>
    internal InstallationLog Installations { get; } = new();

    /// <summary>A fresh SQLite data directory per factory, so no run sees another's documents.</summary>
    internal string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);

        // The notifications engine ticks on its own; tests of notifications drive it explicitly.
        builder.UseSetting("Notifications:Enabled", "false");
        builder.ConfigureTestServices(services =>
        {
            services.TryAddSingleton<IInboundAuthenticator, AnonymousAuthenticator>();
            services.RemoveAll<IConnectorClient>();
            services.AddSingleton<IConnectorClient>(Connector);
            services.AddCommandHandler<FailingCommandHandler>();
            services.AddCardActionHandler<FailingCardActionHandler>();
            services.AddSingleton(Installations);
            services.AddInstallationHandler<RecordingInstallationHandler>();
            services.AddInvokeHandler<EchoInvokeHandler>();
            services.AddSingleton<SlowInvokeHandler.Completions>();
            services.AddInvokeHandler<SlowInvokeHandler>();
            if (_time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(_time);
            }

            _configure?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataDirectory)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing host; the temp folder is cleaned by the OS.
            }
        }
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

internal sealed class InstallationLog
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Event, ConversationReference Conversation, TurnUser User)> _events = new();

    public void Add(string name, ConversationReference conversation, TurnUser user) => _events.Enqueue((name, conversation, user));

    public IReadOnlyList<(string Event, ConversationReference Conversation, TurnUser User)> For(string conversationId) =>
        [.. _events.Where(e => e.Conversation.ConversationId == conversationId)];
}

/// <summary>Records what an installation handler sees, as a later feature storing conversation references would.</summary>
internal sealed class RecordingInstallationHandler(InstallationLog log) : IInstallationHandler
{
    public Task OnBotAddedAsync(TurnContext context)
    {
        log.Add("added", context.Conversation, context.User);
        return Task.CompletedTask;
    }

    public Task OnBotRemovedAsync(TurnContext context)
    {
        log.Add("removed", context.Conversation, context.User);
        return Task.CompletedTask;
    }
}

/// <summary>An invoke handler for a test-only invoke name: answers with the user's language.</summary>
internal sealed class EchoInvokeHandler : IInvokeHandler
{
    public string Name => "test/echo";

    public Task HandleAsync(TurnContext context)
    {
        context.InvokeResponse = InvokeResponse.Message(context.Language.ToLocale());
        return Task.CompletedTask;
    }
}

/// <summary>An invoke that takes longer than a short budget; records when it really finished.</summary>
internal sealed class SlowInvokeHandler(SlowInvokeHandler.Completions completions) : IInvokeHandler
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    public string Name => "test/slow";

    public async Task HandleAsync(TurnContext context)
    {
        await Task.Delay(Duration, context.CancellationToken);
        context.InvokeResponse = InvokeResponse.Message("done");
        completions.Finished.TrySetResult();
    }

    internal sealed class Completions
    {
        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
