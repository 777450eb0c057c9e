using ParticipaBot.EndToEnd.Tests.Infrastructure;

namespace ParticipaBot.EndToEnd.Tests;

/// <summary>After submit and the schedule, as a Development user (every role) sees them in the Playground.</summary>
[Collection(PlaygroundTests.Name)]
public sealed class ReviewCommandsTests(PlaygroundFixture fixture)
{
    [Fact]
    public Task PersonalChat_ScheduleAndMyReports_ShowTheirCards() => fixture.RunAsync(nameof(PersonalChat_ScheduleAndMyReports_ShowTheirCards), async chat =>
    {
        await chat.OpenPersonalChatAsync();

        await chat.SendAsync("programar");
        var schedule = await chat.WaitForCardAsync("Agregar espacio");
        var text = await schedule.InnerTextAsync();
        Assert.Contains("Cronograma", text, StringComparison.Ordinal);
        Assert.Contains("Reprogramar", text, StringComparison.Ordinal);

        await chat.SendAsync("mis informes");
        await chat.WaitForCardAsync("Mis informes");
    });
}
