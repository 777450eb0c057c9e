using ParticipaBot.EndToEnd.Tests.Infrastructure;

namespace ParticipaBot.EndToEnd.Tests;

/// <summary>The first minute of a new user: the bot greets them in the personal chat and explains its commands.</summary>
[Collection(PlaygroundTests.Name)]
public sealed class WelcomeAndHelpTests(PlaygroundFixture fixture)
{
    [Fact]
    public Task PersonalChat_Opened_ShowsWelcomeCardThenHelpOnAyuda() => fixture.RunAsync(nameof(PersonalChat_Opened_ShowsWelcomeCardThenHelpOnAyuda), async chat =>
    {
        await chat.OpenPersonalChatAsync();

        // Opening the Playground installs the app: the bot answers with its welcome card.
        var welcome = await chat.WaitForCardAsync("ParticipaBot");
        Assert.Contains("ayuda", await welcome.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        await chat.SendAsync("ayuda");

        var help = await chat.WaitForCardAsync("reportar");
        var text = await help.InnerTextAsync();
        Assert.Contains("mis pendientes", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("estado", text, StringComparison.OrdinalIgnoreCase);
    });
}
