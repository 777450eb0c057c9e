using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Review;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Bot.Tests.Wizard;
using ParticipaBot.Core.Access;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Review;

/// <summary>
/// Roles configured by UPN, as docs/operations.md shows them: Teams activities carry only the Teams user id and the
/// Entra object id, so the bot finds the UPN (roster, else the connector's member call) once per user.
/// </summary>
public sealed class UserPrincipalNameRolesTests
{
    // The user of WizardChat's activities.
    private const string TeamsUserId = "29:1a2b3c-user";
    private const string AadObjectId = "6f0c2f3a-8d3b-4e1a-9c51-1a2b3c4d5e6f";
    private const string TenantId = "8c1a1f4e-2f6b-4d2e-9a7e-5b0c6d7e8f90";
    private const string Upn = "Laura.Gomez@entidad.gov.co";
    private const string Area = "Grupo de Atención Ciudadana";
    private const string NoArea = "No figuras como enlace de ninguna dependencia";

    private static BotFactory Factory(string delegateEntry, ListLoggerProvider? logs = null) => WizardChat.NewFactory(configure: services =>
    {
        services.RemoveAll<IRoleResolver>();
        var roles = new RoleOptions();
        roles.Delegates[Area] = [delegateEntry];
        services.AddSingleton<IRoleResolver>(new RoleResolver(roles));
        if (logs is not null)
        {
            services.AddSingleton<ILoggerProvider>(logs);
        }
    });

    private static ChannelAccount Member(string? upn) => new()
    {
        Id = TeamsUserId,
        AadObjectId = AadObjectId,
        Name = "Laura Gómez",
        ExtensionData = upn is null ? null : new Dictionary<string, JsonElement> { ["userPrincipalName"] = JsonSerializer.SerializeToElement(upn) },
    };

    [Fact]
    public async Task DelegateByUpn_StartsAReport_TheUpnAskedOnceAndKeptInTheRoster()
    {
        using var factory = Factory("laura.gomez@ENTIDAD.gov.co");
        factory.Connector.Members[TeamsUserId] = Member(Upn);
        await WizardChat.SamplePlanAsync(factory);
        var chat = new WizardChat(factory);

        var card = await chat.SayAsync("reportar");
        await chat.SayAsync("reportar");

        Assert.NotNull(card);
        Assert.DoesNotContain(NoArea, WizardChat.AllText(card) + chat.LastText, StringComparison.Ordinal);
        var call = Assert.Single(factory.Connector.MemberCalls);
        Assert.Equal((chat.ConversationId, TeamsUserId), call);
        var known = await factory.Services.GetRequiredService<IUserDirectory>().FindAsync(TenantId, TeamsUserId);
        Assert.Equal(Upn, known?.Upn);
    }

    [Fact]
    public async Task UpnAlreadyInTheRoster_NoMemberCall()
    {
        using var factory = Factory(Upn);
        await factory.Services.GetRequiredService<IUserDirectory>().RecordAsync(
            TenantId, new DirectoryUser(TeamsUserId, AadObjectId, "Laura Gómez", Upn, null, WizardChat.Today));
        await WizardChat.SamplePlanAsync(factory);
        var chat = new WizardChat(factory);

        var card = await chat.SayAsync("reportar");

        Assert.NotNull(card);
        Assert.Empty(factory.Connector.MemberCalls);
    }

    [Fact]
    public async Task RolesByObjectIdOnly_NoMemberCall()
    {
        using var factory = Factory(AadObjectId);
        await WizardChat.SamplePlanAsync(factory);
        var chat = new WizardChat(factory);

        var card = await chat.SayAsync("reportar");

        Assert.NotNull(card);
        Assert.Empty(factory.Connector.MemberCalls);
    }

    [Fact]
    public async Task MemberCallFails_UserToldTheyHaveNoArea_AskedAgainOnlyAfterAWhile()
    {
        var logs = new ListLoggerProvider();
        using var factory = Factory(Upn, logs);
        await WizardChat.SamplePlanAsync(factory);
        var chat = new WizardChat(factory);

        // Not a member the connector knows: 404, and the turn goes on without the UPN.
        await chat.SayAsync("reportar");
        Assert.Contains(NoArea, chat.LastText, StringComparison.Ordinal);
        Assert.All(chat.Statuses, status => Assert.Equal(System.Net.HttpStatusCode.OK, status));
        Assert.Contains(logs.Entries, e => e.EventId.Id == 6010 && e.Exception is ConnectorException);

        // Within the next minutes the missing UPN is remembered, not asked for on every turn.
        factory.Connector.Members[TeamsUserId] = Member(Upn);
        await chat.SayAsync("reportar");
        Assert.Contains(NoArea, chat.LastText, StringComparison.Ordinal);
        Assert.Single(factory.Connector.MemberCalls);

        ((ManualTimeProvider)factory.Services.GetRequiredService<TimeProvider>()).Advance(UserPrincipalNames.MissingFor + TimeSpan.FromSeconds(1));
        var card = await chat.SayAsync("reportar");
        Assert.NotNull(card);
        Assert.Equal(2, factory.Connector.MemberCalls.Count);
    }

    [Fact]
    public async Task CoordinatorByUpn_InAChannel_AskedOnTheTeam()
    {
        using var factory = WizardChat.NewFactory(configure: services =>
        {
            services.RemoveAll<IRoleResolver>();
            services.AddSingleton<IRoleResolver>(new RoleResolver(new RoleOptions { Coordinators = [Upn] }));
        });
        factory.Connector.Members[TeamsUserId] = Member(Upn);
        using var client = factory.CreateClient();
        var (activity, conversationId) = TestActivities.LoadFresh("message-channel-mention.json", a => a["text"] = "<at>ParticipaBot</at> notificaciones fallidas");

        var response = await client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));

        response.EnsureSuccessStatusCode();
        var answer = Assert.Single(await factory.Connector.WaitForAsync(conversationId));
        Assert.DoesNotContain("Solo los coordinadores", answer.AllText, StringComparison.Ordinal);
        Assert.Contains("No hay notificaciones fallidas", answer.AllText, StringComparison.Ordinal);
        Assert.Equal(("19:general-channel@thread.tacv2", TeamsUserId), Assert.Single(factory.Connector.MemberCalls));
    }
}
