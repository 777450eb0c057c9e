using ParticipaBot.Bot.Compliance;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Exports;
using ParticipaBot.Bot.Graph;
using ParticipaBot.Bot.Health;
using ParticipaBot.Bot.Notifications;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Reporting;
using ParticipaBot.Bot.Review;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Hosting;

/// <summary>Builds the web host: reads like a table of contents, one Add/Map call per concern.</summary>
internal static class BotHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddParticipaBotStorage(builder.Configuration);
        builder.Services.AddBotProtocol(builder.Configuration, builder.Environment);
        builder.Services.AddConversations(builder.Configuration);
        builder.Services.AddPlanning(builder.Configuration, builder.Environment);
        builder.Services.AddGraphCalendar(builder.Configuration);
        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddReportWizard();
        builder.Services.AddReview();
        builder.Services.AddCompliance();
        builder.Services.AddHealth();

        var app = builder.Build();
        app.MapHealth();
        app.MapBotMessages();
        app.MapExports();
        return app;
    }
}
