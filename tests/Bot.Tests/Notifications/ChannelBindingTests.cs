using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParticipaBot.Bot.Notifications;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Core.Access;

namespace ParticipaBot.Bot.Tests.Notifications;

/// <summary>"notificar aquí", "dejar de notificar" and channel events over POST /api/messages, in a channel conversation.</summary>
public sealed class ChannelBindingTests : IClassFixture<BotFactory>, IDisposable
{
    private const string Coordinator = "6f0c2f3a-8d3b-4e1a-9c51-1a2b3c4d5e6f";
    private const string Delegate = "0d1e2f3a-0000-4000-8000-00000000d001";
    private const string TenantId = "8c1a1f4e-2f6b-4d2e-9a7e-5b0c6d7e8f90";

    private readonly BotFactory _factory;
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host;
    private readonly HttpClient _client;

    public ChannelBindingTests(BotFactory factory)
    {
        _factory = factory;

        // Real roles instead of Development's "everyone is coordinator": one coordinator, one delegate.
        _host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IRoleResolver>(
            new RoleResolver(new RoleOptions
            {
                Coordinators = [Coordinator],
                Delegates = new Dictionary<string, IList<string>> { ["Oficina de Comunicaciones"] = [Delegate] },
            })))));
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task NotifyHere_CoordinatorInChannel_BindsThePlanToTheChannelRoot()
    {
        var (activity, conversationId) = ChannelMessage("notificar aquí", Coordinator);

        await PostAsync(activity);

        var reply = Assert.Single(await _factory.Connector.WaitForAsync(conversationId));
        Assert.Equal("reply", reply.Operation);
        Assert.Contains("en este canal publicaré los espacios de participación del plan", reply.AllText, StringComparison.Ordinal);
        var binding = Assert.Single(await Bindings(), b => b.Conversation.ConversationId == Root(conversationId));
        Assert.Null(binding.Area);
        Assert.Equal((ConversationTypes.Channel, TenantId), (binding.Conversation.ConversationType, binding.Conversation.TenantId));
        Assert.Equal(Coordinator, binding.BoundBy);
    }

    [Fact]
    public async Task NotifyHere_WithAreaInEnglish_BindsTheAreaByItsCatalogName()
    {
        var (activity, conversationId) = ChannelMessage("notify here oficina de comunicaciones", Coordinator, "en-US");

        await PostAsync(activity);

        var reply = Assert.Single(await _factory.Connector.WaitForAsync(conversationId));
        Assert.Contains("area Oficina de Comunicaciones", reply.AllText, StringComparison.Ordinal);
        var binding = Assert.Single(await Bindings(), b => b.Conversation.ConversationId == Root(conversationId));
        Assert.Equal("Oficina de Comunicaciones", binding.Area);
    }

    [Fact]
    public async Task NotifyHere_UnknownArea_ExplainsAndBindsNothing()
    {
        var (activity, conversationId) = ChannelMessage("notificar aquí Área Inventada", Coordinator);

        await PostAsync(activity);

        var reply = Assert.Single(await _factory.Connector.WaitForAsync(conversationId));
        Assert.Contains("No conozco el área «Área Inventada»", reply.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(await Bindings(), b => b.Conversation.ConversationId == Root(conversationId));
    }

    [Fact]
    public async Task NotifyHere_Delegate_IsRefusedAndBindsNothing()
    {
        var (activity, conversationId) = ChannelMessage("notificar aquí", Delegate);

        await PostAsync(activity);

        var reply = Assert.Single(await _factory.Connector.WaitForAsync(conversationId));
        Assert.Contains("Solo los coordinadores", reply.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(await Bindings(), b => b.Conversation.ConversationId == Root(conversationId));
    }

    [Fact]
    public async Task NotifyHere_InPersonalChat_AsksToUseAChannel()
    {
        var (activity, conversationId) = PersonalMessage("notificar aquí", Coordinator);

        await PostAsync(activity);

        var reply = Assert.Single(await _factory.Connector.WaitForAsync(conversationId));
        Assert.Contains("canal de un equipo", reply.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopNotifying_AfterBinding_RemovesTheBinding()
    {
        var (bind, conversationId) = ChannelMessage("notificar aquí", Coordinator);
        await PostAsync(bind);
        await _factory.Connector.WaitForAsync(conversationId);
        var stop = ChannelMessage("dejar de notificar", Coordinator, conversationId: conversationId).Activity;

        await PostAsync(stop);

        var replies = await _factory.Connector.WaitForAsync(conversationId, 2);
        Assert.Contains("dejé de notificar en este canal (todo el plan)", replies[1].AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(await Bindings(), b => b.Conversation.ConversationId == Root(conversationId));
    }

    [Fact]
    public async Task StopNotifying_Delegate_IsRefusedAndKeepsTheBinding()
    {
        var (bind, conversationId) = ChannelMessage("notificar aquí", Coordinator);
        await PostAsync(bind);
        await _factory.Connector.WaitForAsync(conversationId);

        await PostAsync(ChannelMessage("stop notifying", Delegate, "en-US", conversationId).Activity);

        var replies = await _factory.Connector.WaitForAsync(conversationId, 2);
        Assert.Contains("Only the plan's coordinators", replies[1].AllText, StringComparison.Ordinal);
        Assert.Contains(await Bindings(), b => b.Conversation.ConversationId == Root(conversationId));
    }

    [Fact]
    public async Task ConversationUpdate_ChannelCreatedThenRenamedThenDeleted_KeepsTheTenantsChannelList()
    {
        var teamId = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var channelId = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";

        await PostAsync(ChannelEventActivity("channelCreated", teamId, channelId, "Participación"));
        var created = await WaitForChannelAsync(channelId, c => c.Name == "Participación");
        await PostAsync(ChannelEventActivity("channelRenamed", teamId, channelId, "Participación ciudadana"));
        await WaitForChannelAsync(channelId, c => c.Name == "Participación ciudadana");
        await PostAsync(ChannelEventActivity("channelDeleted", teamId, channelId, "Participación ciudadana"));
        var deleted = await WaitForChannelAsync(channelId, c => c.IsDeleted);

        Assert.Equal((teamId, "Equipo de participación"), (created.TeamId, created.TeamName));
        Assert.Equal(channelId, deleted.Conversation.ConversationId);
    }

    [Fact]
    public async Task FailedNotifications_Delegate_IsRefused()
    {
        var (activity, conversationId) = PersonalMessage("notificaciones fallidas", Delegate);

        await PostAsync(activity);

        var reply = Assert.Single(await _factory.Connector.WaitForAsync(conversationId));
        Assert.Contains("Solo los coordinadores", reply.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedNotifications_Coordinator_AnswersWithTheListCard()
    {
        var (activity, conversationId) = PersonalMessage("notificaciones fallidas", Coordinator);

        await PostAsync(activity);

        var reply = Assert.Single(await _factory.Connector.WaitForAsync(conversationId));
        Assert.NotNull(reply.Card);
        Assert.Contains("Notificaciones que no se pudieron entregar", reply.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryFailed_CoordinatorPressesTheButton_ParkedClaimGetsANewRound()
    {
        var store = _host.Services.GetRequiredService<NotificationStore>();
        var year = Core.Calendar.BogotaTime.Today(TimeProvider.System).Year;
        var key = "ReportDue|retry-" + Guid.NewGuid().ToString("N") + "|20260302";
        var parked = new Core.Notifications.NotificationClaim(
            key, Core.Notifications.NotificationKind.ReportDue, "retry", Core.Notifications.ClaimState.Parked, "host-a",
            DateTimeOffset.UtcNow, 5, null, "Sin chat personal con: ana@entidad.gov.co", 1, [], DateTimeOffset.UtcNow);
        await store.Claims.CreateAsync(Storage.PartitionKeys.Notifications("mintrabajo", year), NotificationStore.ClaimId(key), parked);
        var (list, conversationId) = PersonalMessage("notificaciones fallidas", Coordinator);
        await PostAsync(list);
        var listed = Assert.Single(await _factory.Connector.WaitForAsync(conversationId));
        Assert.Contains(key, listed.AllText, StringComparison.Ordinal);
        Assert.Contains("Sin chat personal con: ana@entidad.gov.co", listed.AllText, StringComparison.Ordinal);

        var (submit, _) = TestActivities.LoadFresh("message-submit.json", a =>
        {
            a["conversation"]!["id"] = conversationId;
            a["from"]!["aadObjectId"] = Coordinator;
            a["value"] = new JsonObject { ["verb"] = NotificationCards.RetryFailedVerb };
        });
        await PostAsync(submit);

        var replies = await _factory.Connector.WaitForAsync(conversationId, 2);
        Assert.Contains("Se reintentarán", replies[1].AllText, StringComparison.Ordinal);
        var claim = (await store.ListClaimsAsync("mintrabajo", year, CancellationToken.None)).Single(c => c.Key == key);
        Assert.Equal((Core.Notifications.ClaimState.Failed, 0), (claim.State, claim.Attempts));
    }

    private static (JsonObject Activity, string ConversationId) ChannelMessage(string text, string aadObjectId, string locale = "es-CO", string? conversationId = null)
    {
        var (activity, fresh) = TestActivities.LoadFresh("message-channel-mention.json", a =>
        {
            a["text"] = "<at>ParticipaBot</at>&nbsp;" + text;
            a["from"]!["aadObjectId"] = aadObjectId;
            a["locale"] = locale;
            a["entities"]![1]!["locale"] = locale;
            a["id"] = Guid.NewGuid().ToString("N");
        });
        var id = conversationId ?? fresh + ";messageid=" + Guid.NewGuid().ToString("N")[..10];
        activity["conversation"]!["id"] = id;
        activity["channelData"]!["channel"]!["id"] = Root(id);
        return (activity, id);
    }

    private static (JsonObject Activity, string ConversationId) PersonalMessage(string text, string aadObjectId) =>
        TestActivities.LoadFresh("message-personal.json", a =>
        {
            a["text"] = text;
            a["from"]!["aadObjectId"] = aadObjectId;
        });

    private static JsonObject ChannelEventActivity(string eventType, string teamId, string channelId, string channelName)
    {
        var activity = TestActivities.Load("installation-team.json");
        activity["type"] = "conversationUpdate";
        activity["id"] = Guid.NewGuid().ToString("N");
        activity.Remove("action");
        activity["conversation"]!["id"] = teamId;
        activity["channelData"] = new JsonObject
        {
            ["eventType"] = eventType,
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = channelName },
            ["team"] = new JsonObject { ["id"] = teamId, ["name"] = "Equipo de participación" },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        };
        return activity;
    }

    private async Task<ChannelRecord> WaitForChannelAsync(string channelId, Func<ChannelRecord, bool> condition)
    {
        var store = _host.Services.GetRequiredService<NotificationStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (await store.GetChannelAsync(TenantId, channelId, CancellationToken.None) is { } channel && condition(channel))
            {
                return channel;
            }

            Assert.True(DateTime.UtcNow < deadline, "The channel record did not reach the expected state.");
            await Task.Delay(20);
        }
    }

    private Task<IReadOnlyList<ChannelBinding>> Bindings() =>
        _host.Services.GetRequiredService<NotificationStore>().ListBindingsAsync("mintrabajo", CancellationToken.None);

    private static string Root(string conversationId) => ChannelConversations.Root(conversationId);

    private Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        _client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));
}
