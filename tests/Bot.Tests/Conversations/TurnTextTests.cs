using System.Text.Json;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;

namespace ParticipaBot.Bot.Tests.Conversations;

public sealed class TurnTextTests
{
    private const string BotId = "28:bot-app-id";

    [Theory]
    [InlineData("<at>ParticipaBot</at> ayuda", "ayuda")]
    [InlineData("<at>ParticipaBot</at>&nbsp;ayuda\n", "ayuda")]
    [InlineData("  <AT>ParticipaBot</AT>   mis   pendientes ", "mis pendientes")]
    [InlineData("reportar <at>ParticipaBot</at>", "reportar")]
    [InlineData("ayuda &amp; más", "ayuda & más")]
    [InlineData("<p>estado</p>", "estado")]
    [InlineData("", "")]
    public void Normalize_BotMentionAndMarkup_LeavesCommandText(string text, string expected)
    {
        var activity = Message(text, Mention("<at>ParticipaBot</at>", BotId, "ParticipaBot"));

        Assert.Equal(expected, TurnText.Normalize(activity));
    }

    [Fact]
    public void Normalize_OtherUserMention_KeepsTheirName()
    {
        var activity = Message(
            "<at>ParticipaBot</at> notificar a <at>Laura Gómez</at>",
            Mention("<at>ParticipaBot</at>", BotId, "ParticipaBot"),
            Mention("<at>Laura Gómez</at>", "29:laura", "Laura Gómez"));

        Assert.Equal("notificar a Laura Gómez", TurnText.Normalize(activity));
    }

    [Fact]
    public void Normalize_BotMentionWithoutEntity_IsStillRemoved()
    {
        var activity = Message("<at>ParticipaBot</at> help");

        Assert.Equal("help", TurnText.Normalize(activity));
    }

    [Fact]
    public void Normalize_MentionEntityWithoutText_UsesMentionedName()
    {
        var activity = Message("<at>Participa Bot</at> ayuda", new Entity { Type = "mention", Mentioned = new ChannelAccount { Id = BotId, Name = "Participa Bot" } });

        Assert.Equal("ayuda", TurnText.Normalize(activity));
    }

    [Theory]
    [InlineData("en-US", null, "en")]
    [InlineData("EN-gb", null, "en")]
    [InlineData("es-CO", "en-US", "es")]
    [InlineData(null, "en-US", "en")]
    [InlineData(null, "es-CO", "es")]
    [InlineData(null, null, "es")]
    [InlineData("fr-FR", null, "es")]
    public void Language_LocaleOrClientInfo_PicksSpanishUnlessEnglish(string? locale, string? clientInfoLocale, string expected)
    {
        var activity = Message("hola");
        activity.Locale = locale;
        if (clientInfoLocale is not null)
        {
            activity.Entities = [new Entity { Type = "clientInfo", Locale = clientInfoLocale }];
        }

        Assert.Equal(expected == "en" ? UserLanguage.English : UserLanguage.Spanish, TurnText.Language(activity));
    }

    [Fact]
    public void Parse_UnknownFields_AreKept()
    {
        var activity = MessagesEndpoint.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "unknown-type.json")));

        Assert.NotNull(activity);
        Assert.Equal("somethingNewFromTeams", activity.Type);
        Assert.Equal(JsonValueKind.Object, activity.ExtensionData!["futureField"].ValueKind);
    }

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new ChannelAccount { Id = BotId, Name = "ParticipaBot" },
        Entities = entities,
    };

    private static Entity Mention(string text, string id, string name) =>
        new() { Type = "mention", Text = text, Mentioned = new ChannelAccount { Id = id, Name = name } };
}
