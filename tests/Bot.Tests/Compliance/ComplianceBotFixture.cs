using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Compliance;

/// <summary>
/// The real host with configured roles (not Development's "everyone is everything"), a clock fixed at
/// <see cref="ComplianceTestData.Now"/>, the test plan and reports stored, and one channel bound to Planeación.
/// </summary>
public sealed class ComplianceBotFixture : IAsyncLifetime
{
    /// <summary>The aadObjectId of the test activities' user: a delegate of Atención only.</summary>
    public const string DelegateAad = "6f0c2f3a-8d3b-4e1a-9c51-1a2b3c4d5e6f";
    public const string CoordinatorAad = "0c00d000-0000-4000-8000-00000000c00d";
    public const string BoundChannel = "19:planeacion-channel@thread.tacv2";

    private readonly BotFactory _root = new();
    private WebApplicationFactory<Program>? _factory;

    public ManualTimeProvider Clock { get; } = new(ComplianceTestData.Now);

    internal RecordingConnectorClient Connector => _root.Connector;

    /// <summary>The data directory of this host's SQLite store: a second host on it is a second instance of the same bot.</summary>
    internal string DataDirectory => _root.DataDirectory;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        _factory = _root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Compliance:ConversationAreas:0:ConversationId", BoundChannel);
            builder.UseSetting("Compliance:ConversationAreas:0:Area", ComplianceTestData.Planeacion);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IRoleResolver>();
                var roles = new RoleOptions { Coordinators = [CoordinatorAad] };
                roles.Delegates[ComplianceTestData.Atencion] = [DelegateAad];
                services.AddSingleton<IRoleResolver>(new RoleResolver(roles));
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        });
        Client = _factory.CreateClient();
        await Services.GetRequiredService<IPlanRepository>().SaveAsync(ComplianceTestData.Plan());
        foreach (var report in ComplianceTestData.Reports())
        {
            await Services.GetRequiredService<IReportRepository>().CreateAsync("mintrabajo", report);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _root.DisposeAsync();
    }

    /// <summary>A message from <paramref name="aad"/> in a fresh personal chat, or in <paramref name="channel"/>; returns the conversation id.</summary>
    public async Task<string> SayAsync(string text, string aad = DelegateAad, string? channel = null)
    {
        var (activity, conversationId) = channel is null
            ? TestActivities.LoadFresh("message-personal.json")
            : TestActivities.LoadFresh("message-channel-mention.json");
        if (channel is not null)
        {
            conversationId = channel + ";messageid=" + Guid.NewGuid().ToString("N");
            activity["conversation"]!["id"] = conversationId;
            text = "<at>ParticipaBot</at> " + text;
        }

        activity["text"] = text;
        activity["from"]!["aadObjectId"] = aad;
        var response = await Client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));
        response.EnsureSuccessStatusCode();
        return conversationId;
    }

    /// <summary>An Action.Execute press with any data (as a forging client would send it); returns the invoke response body.</summary>
    public async Task<JsonElement> PressAsync(string verb, JsonObject data, string aad = DelegateAad, string? conversationId = null, string? conversationType = null)
    {
        var (activity, _) = TestActivities.LoadFresh("invoke-card-action.json");
        activity["id"] = "f:" + Guid.NewGuid().ToString("N");
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data;
        activity["from"]!["aadObjectId"] = aad;
        if (conversationId is not null)
        {
            activity["conversation"]!["id"] = conversationId;
            activity["conversation"]!["conversationType"] = conversationType ?? "channel";
        }

        var response = await Client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }

    /// <summary>Posts any invoke activity (e.g. fileConsent/invoke) and returns the HTTP response.</summary>
    public Task<HttpResponseMessage> InvokeAsync(JsonObject activity) =>
        Client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));
}
