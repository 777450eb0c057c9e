using Microsoft.Playwright;

namespace ParticipaBot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One browser page on the Agents Playground, with the few gestures the tests need. Selectors lean on
/// what the Playground exposes for accessibility (tree items, aria labels) and on the Adaptive Cards
/// renderer's stable class names (ac-adaptiveCard), not on generated CSS class names.
/// </summary>
public sealed class PlaygroundPage : IAsyncDisposable
{
    private readonly PlaygroundFixture _fixture;
    private readonly IBrowserContext _context;
    private readonly string _testName;

    internal PlaygroundPage(PlaygroundFixture fixture, IBrowserContext context, IPage page, string testName)
    {
        _fixture = fixture;
        _context = context;
        Page = page;
        _testName = testName;
    }

    // A bot message is the element that holds a message header with an author (the user's own messages
    // have a header without one); its content is the text or the rendered Adaptive Card beside the header.
    private const string BotMessageSelector = "[aria-label='Message header']:has([aria-label='Message author']) >> xpath=..";
    private const string CardSelector = ".ac-adaptiveCard";

    private int _mark;

    public IPage Page { get; }

    /// <summary>Every bot message in the open conversation, oldest first.</summary>
    public ILocator BotMessages => Page.Locator(BotMessageSelector);

    /// <summary>How long the wait helpers wait for the bot.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    /// <summary>Selects the personal chat with the bot and waits for its compose box.</summary>
    public async Task OpenPersonalChatAsync()
    {
        await Page.GetByRole(AriaRole.Treeitem, new() { Name = "Personal Chat", Exact = true }).ClickAsync();
        await Composer.WaitForAsync();
    }

    private ILocator Composer => Page.Locator("[role='textbox'][contenteditable='true']");

    /// <summary>Types a message and sends it with Enter; later waits only look at bot messages that arrive after it.</summary>
    public async Task SendAsync(string text)
    {
        _mark = await BotMessages.CountAsync();
        await Composer.ClickAsync();
        await Page.Keyboard.TypeAsync(text);
        await Page.Keyboard.PressAsync("Enter");
        await Page.Locator("[aria-label='Message header']:not(:has([aria-label='Message author'])) >> xpath=..")
            .Filter(new() { HasText = text }).Last.WaitForAsync();
    }

    /// <summary>Remembers how many bot messages are on screen: the next waits only look after them.</summary>
    public async Task MarkAsync() => _mark = await BotMessages.CountAsync();

    /// <summary>
    /// Moves the mark back over the last bot message: a card refreshed in place (Action.Execute) stays in its message,
    /// so the next wait must look at it again.
    /// </summary>
    public async Task MarkBeforeLastAsync() => _mark = Math.Max(0, await BotMessages.CountAsync() - 1);

    /// <summary>Waits for a bot message (text or card) that contains <paramref name="text"/>, after the last mark.</summary>
    public Task<ILocator> WaitForBotMessageAsync(string text) => WaitForAsync(text, card: false);

    /// <summary>Waits for an Adaptive Card from the bot that contains <paramref name="text"/>, after the last mark.</summary>
    public Task<ILocator> WaitForCardAsync(string text) => WaitForAsync(text, card: true);

    /// <summary>Clicks the card's action button with this title (Action.Submit, Action.Execute, ...).</summary>
    public static async Task ClickCardButtonAsync(ILocator card, string title)
    {
        ArgumentNullException.ThrowIfNull(card);
        await card.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync();
    }

    /// <summary>Fills the card input whose label is exactly <paramref name="label"/> (Input.Text, Input.Number, Input.Date).</summary>
    public static async Task FillCardInputAsync(ILocator card, string label, string value)
    {
        var input = await CardInputAsync(card, label);
        await input.FillAsync(value);
    }

    /// <summary>Picks <paramref name="choice"/> in the card's Input.ChoiceSet (compact style) labelled <paramref name="label"/>.</summary>
    public async Task SelectCardChoiceAsync(ILocator card, string label, string choice)
    {
        var input = await CardInputAsync(card, label);
        await input.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = choice, Exact = true }).ClickAsync();
    }

    private static async Task<ILocator> CardInputAsync(ILocator card, string label)
    {
        ArgumentNullException.ThrowIfNull(card);
        var labelElement = card.Locator("label").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\s*" + System.Text.RegularExpressions.Regex.Escape(label) + "\\s*\\*?\\s*$") });
        var id = await labelElement.First.GetAttributeAsync("for")
            ?? throw new InvalidOperationException($"The card has no input labelled '{label}'.");
        return card.Locator($"[id='{id}']");
    }

    private async Task<ILocator> WaitForAsync(string text, bool card)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var seen = new List<string>();
        while (true)
        {
            var count = await BotMessages.CountAsync();
            seen.Clear();
            for (var i = _mark; i < count; i++)
            {
                var message = BotMessages.Nth(i);
                // The second child holds the content; the first is the header (author, time).
                var target = card ? message.Locator(CardSelector) : message.Locator(":scope > div:nth-child(2)");
                if (card && await target.CountAsync() == 0)
                {
                    seen.Add("(text) " + await message.InnerTextAsync());
                    continue;
                }

                var content = await target.First.InnerTextAsync();
                seen.Add(content);
                if (content.Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    return target.First;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                var what = card ? "Adaptive Card" : "bot message";
                throw new TimeoutException(
                    $"No {what} containing '{text}' within {Timeout.TotalSeconds:0} s. Bot messages since the mark ({seen.Count}):{Environment.NewLine}" +
                    string.Join(Environment.NewLine + "---" + Environment.NewLine, seen) + Environment.NewLine +
                    "Last activities and the bot's answers: " + string.Join("; ", _fixture.Exchanges.TakeLast(6)));
            }

            await Task.Delay(250);
        }
    }

    public async Task<string> SaveFailureArtifactsAsync()
    {
        Directory.CreateDirectory(PlaygroundFixture.ArtifactsDirectory);
        var stem = Path.Combine(PlaygroundFixture.ArtifactsDirectory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Sanitize(_testName)}");
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true });
            await File.WriteAllTextAsync(stem + ".html", await Page.ContentAsync());
        }
        catch (PlaywrightException)
        {
            // The page may be gone; the logs below still help.
        }

        await File.WriteAllTextAsync(stem + "-bot.log", _fixture.BotOutput);
        await File.WriteAllTextAsync(stem + "-playground.log", _fixture.PlaygroundOutput);
        return stem + ".png";
    }

    private static string Sanitize(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
