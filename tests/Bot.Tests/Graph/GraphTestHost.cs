using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Graph;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Calendar;
using ParticipaBot.TestSupport.Graph;

namespace ParticipaBot.Bot.Tests.Graph;

/// <summary>One fake Graph server for a test class; reset before each test.</summary>
public sealed class FakeGraphServerFixture : IAsyncLifetime
{
    public FakeGraphServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FakeGraphServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Hands out numbered tokens and remembers the scopes asked for.</summary>
internal sealed class FakeTokenProvider : IAccessTokenProvider
{
    private int _issued;

    public ConcurrentQueue<string> Scopes { get; } = new();

    public string? NextToken { get; set; } = "graph-token-1";

    public Task<string?> GetTokenAsync(string scope, CancellationToken cancellationToken)
    {
        Scopes.Enqueue(scope);
        Interlocked.Increment(ref _issued);
        return Task.FromResult(NextToken);
    }
}

/// <summary>The client as the host builds it (AddGraphCalendar), pointed at the fake.</summary>
internal sealed class GraphTestHost : IDisposable
{
    public const string Organizer = "participacion@entidad.gov.co";

    private readonly ServiceProvider _provider;

    public GraphTestHost(FakeGraphServer server, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = server.BaseUrl.AbsoluteUri,
            ["Graph:OrganizerMailbox"] = Organizer,
            ["Graph:ExtraAttendees:0"] = "planeacion@entidad.gov.co",
            ["Graph:RetryBaseDelay"] = "00:00:00.020",
            ["Graph:RetryMaxDelay"] = "00:00:00.100",
            ["Graph:AttemptTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<IAccessTokenProvider>(Tokens);
        services.AddGraphCalendar(configuration);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTokenProvider Tokens { get; } = new();

    public ICalendarGateway Gateway => _provider.GetRequiredService<ICalendarGateway>();

    public GraphCalendarClient Client => _provider.GetRequiredService<GraphCalendarClient>();

    public static CalendarEventRequest Space(string spaceId = "space-001", int version = 1, bool isVirtual = false) => new(
        SpaceId: spaceId,
        Version: version,
        Subject: "Audiencia pública de rendición de cuentas",
        Objective: "Presentar los resultados de la gestión 2026 & recibir propuestas <ciudadanas>",
        Start: DateTimeOffset.Parse("2026-09-01T14:00:00Z", CultureInfo.InvariantCulture),
        End: DateTimeOffset.Parse("2026-09-01T16:30:00Z", CultureInfo.InvariantCulture),
        Location: isVirtual ? null : "Auditorio piso 3",
        OnlineLink: null,
        AttendeeEmails: ["ana.perez@entidad.gov.co", "Planeacion@entidad.gov.co", "luis.gomez@entidad.gov.co"],
        IsVirtual: isVirtual,
        BotLink: new Uri("https://teams.microsoft.com/l/entity/participabot/espacios?space=space-001"));

    public void Dispose() => _provider.Dispose();
}
