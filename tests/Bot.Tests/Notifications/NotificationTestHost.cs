using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParticipaBot.Bot.Graph;
using ParticipaBot.Bot.Notifications;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Planning;
using ParticipaBot.Storage;
using ParticipaBot.Storage.Cosmos;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Notifications;

/// <summary>
/// One engine instance as the host wires it (protocol, Graph, planning, AddNotifications) with its own service provider,
/// over a store shared with other instances: the real connector client against the fake connector, the real Graph client
/// against the fake Graph server.
/// </summary>
internal sealed class NotificationTestHost : IDisposable
{
    public const string EntityId = "pruebas";
    public const string TenantId = "tenant-1";
    public const string Organizer = "participacion@entidad.gov.co";

    /// <summary>
    /// One folder per test run for every SQLite store these tests open (two hosts share a store by its name), deleted
    /// when the test process ends, so runs leave nothing behind in the temp directory.
    /// </summary>
    private static readonly Lazy<string> s_storeRoot = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("participabot-notify-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A store still open at exit: the system's temp cleaning takes the rest.
            }
        };
        return root;
    });

    private readonly ServiceProvider _provider;

    public NotificationTestHost(
        string instanceId,
        IDocumentStore store,
        TimeProvider time,
        string connectorServiceUrl,
        Uri? graphBaseUrl = null,
        IDictionary<string, string?>? overrides = null,
        ILoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Entity:Id"] = EntityId,
            ["Roles:Coordinators:0"] = "coordinadora@entidad.gov.co",
            ["Roles:Delegates:Planeación:0"] = "ana@entidad.gov.co",
            ["Roles:Delegates:Planeación:1"] = "luis@entidad.gov.co",
            ["Roles:Delegates:Comunicaciones:0"] = "marta@entidad.gov.co",
            ["Notifications:InstanceId"] = instanceId,
            ["Notifications:TenantId"] = TenantId,
            ["Notifications:Lease"] = "00:02:00",
            ["Notifications:RetryBaseDelay"] = "00:05:00",
            ["Notifications:RetryMaxDelay"] = "01:00:00",
            ["Notifications:MaxAttempts"] = "3",
            ["Bot:ConnectorMaxAttempts"] = "2",
            ["Bot:ConnectorBaseRetryDelay"] = "00:00:00.050",
            ["Bot:ConnectorMaxRetryDelay"] = "00:00:00.200",
            ["Bot:ConnectorAttemptTimeout"] = "00:00:05",
            ["Graph:RetryBaseDelay"] = "00:00:00.020",
            ["Graph:RetryMaxDelay"] = "00:00:00.100",
            ["Graph:AttemptTimeout"] = "00:00:05",
        };
        if (graphBaseUrl is not null)
        {
            settings["Graph:BaseUrl"] = graphBaseUrl.AbsoluteUri;
            settings["Graph:OrganizerMailbox"] = Organizer;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        ServiceUrl = connectorServiceUrl;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = new Environment();
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton(store);
        services.AddSingleton(time);
        services.AddBotProtocol(configuration, environment);
        services.Replace(ServiceDescriptor.Singleton<IAccessTokenProvider>(new StaticTokens()));
        services.AddGraphCalendar(configuration);
        services.AddPlanning(configuration, environment);
        services.AddNotifications(configuration);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string ServiceUrl { get; }

    public IServiceProvider Services => _provider;

    public IDocumentStore Store => _provider.GetRequiredService<IDocumentStore>();

    /// <summary>One engine tick, in its own scope as the hosted service runs it.</summary>
    public async Task<EngineRun> TickAsync(CancellationToken cancellationToken = default)
    {
        using var scope = _provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationEngine>().RunOnceAsync(cancellationToken);
    }

    public NotificationStore Notifications => _provider.GetRequiredService<NotificationStore>();

    public Task SavePlanAsync(Plan plan) => _provider.GetRequiredService<IPlanRepository>().SaveAsync(plan);

    /// <summary>Binds a channel to the plan (area null) or an area, as "notificar aquí" would.</summary>
    public Task BindAsync(string channelId, string? area = null) => Notifications.BindAsync(
        EntityId,
        new ChannelBinding(area, Channel(channelId), "General", ParticipaBot.Bot.Cards.UserLanguage.Spanish, "coordinadora", DateTimeOffset.UnixEpoch),
        CancellationToken.None);

    public ConversationReference Channel(string channelId) =>
        new(ServiceUrl, channelId, TenantId, "28:bot", "ParticipaBot", ConversationTypes.Channel);

    /// <summary>Registers a delegate; with <paramref name="personalConversationId"/> null the engine must create the chat.</summary>
    public Task AddUserAsync(string email, string teamsId, string? personalConversationId) =>
        _provider.GetRequiredService<IUserDirectory>().RecordAsync(
            TenantId,
            new DirectoryUser(
                teamsId,
                null,
                email,
                email,
                personalConversationId is null ? null : new PersonalConversation(ServiceUrl, personalConversationId, "28:bot", "ParticipaBot", "msteams"),
                DateTimeOffset.UnixEpoch));

    /// <summary>Disposes the provider and this instance's store client (the data stays for the other instance).</summary>
    public void Dispose()
    {
        var store = _provider.GetRequiredService<IDocumentStore>();
        _provider.Dispose();
        (store as IDisposable)?.Dispose();
    }

    public static IDocumentStore OpenStore(string provider, string name, CosmosDbServer? cosmos) => provider == "cosmos"
        ? DocumentStoreFactory.Create(new StorageOptions
        {
            Provider = StorageProvider.Cosmos,
            Cosmos =
            {
                Endpoint = cosmos!.Endpoint,
                Key = CosmosDbServer.Key,
                Database = "participabot-tests",
                Container = name,
                AcceptLocalServerCertificate = true,
                RequestTimeoutSeconds = 10,
            },
        })
        : DocumentStoreFactory.OpenSqlite(Path.Combine(s_storeRoot.Value, name, "store.db"));


    /// <summary>A plan with the given spaces (and one activity whose description is the spaces' objective).</summary>
    public static Plan Plan(int year, params ScheduledSpace[] spaces)
    {
        var planId = PlanIds.Plan(EntityId, year);
        var activity = new PlanActivity(
            PlanIds.Activity(planId, 1, 1), "1.1", "Rendir cuentas a la ciudadanía sobre la gestión", null, "Planeación", [],
            new PlannedPeriod(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            []);
        return new Plan(planId, EntityId, year, "Plan de participación", null,
            [new PlanComponent(PlanIds.Component(planId, 1), 1, "Rendición de cuentas", null, [activity])],
            spaces);
    }

    public static ScheduledSpace Space(string id, string name, DateOnly day, TimeOnly? time, string area = "Planeación", int version = 1) => new(
        id,
        PlanIds.Activity(PlanIds.Plan(EntityId, day.Year), 1, 1),
        name,
        "Rendición de cuentas",
        "SEGUIMIENTO_EVALUACION",
        "Consulta",
        "presencial",
        "Audiencia pública",
        ["Ciudadanía"],
        ["Jóvenes"],
        [],
        area,
        ["responsable@entidad.gov.co"],
        new PlannedPeriod(PeriodKind.ExactDate, day, day, day.ToString("d 'de' MMMM 'de' yyyy", System.Globalization.CultureInfo.GetCultureInfo("es-CO")), time),
        "Auditorio piso 3",
        null,
        null,
        Version: version);

    private sealed class StaticTokens : IAccessTokenProvider
    {
        public Task<string?> GetTokenAsync(string scope, CancellationToken cancellationToken) => Task.FromResult<string?>("test-token");
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "ParticipaBot.Bot";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
