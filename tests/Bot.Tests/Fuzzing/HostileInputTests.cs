using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Bot.Tests.Wizard;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Tests.Fuzzing;

/// <summary>
/// Sends a storm of malformed and hostile activities to the real host over HTTP and checks that it never answers 5xx,
/// never fails a turn, never apologises for input that is merely invalid, keeps answering, and changes nothing stored.
/// The number of cases is PARTICIPABOT_FUZZ_CASES (default 1,000); the seed is PARTICIPABOT_FUZZ_SEED (default 20260630).
/// </summary>
public sealed class HostileInputTests
{
    private const int DefaultCases = 1_000;
    private const int DefaultSeed = 20260630;
    private const string Tenant = "8c1a1f4e-2f6b-4d2e-9a7e-5b0c6d7e8f90";

    [Fact]
    public async Task Fuzz_HostileActivities_NoServerErrorNoFailedTurnAndStateUnchanged()
    {
        var cases = EnvInt("PARTICIPABOT_FUZZ_CASES", DefaultCases);
        var seed = EnvInt("PARTICIPABOT_FUZZ_SEED", DefaultSeed);
        var errors = new ErrorLog();
        using var factory = WizardChat.NewFactory(configure: services =>
        {
            services.AddSingleton<ILoggerProvider>(errors);

            // The storm is sent faster than a Teams tenant would; a full queue (503 "busy") is not what is tested here.
            services.PostConfigure<ConversationOptions>(o => o.QueueCapacity = 100_000);

            // Anonymous Development mode still enforces the tenant list: activities from another tenant are refused.
            services.PostConfigure<BotOptions>(o => o.AllowedTenants = [Tenant]);
        });

        // A report submitted before the storm, and the plan, must read back unchanged afterwards.
        var chat = new WizardChat(factory);
        await WizardFlowTests.StartAsync(chat);
        await WizardFlowTests.FillToReviewAsync(chat);
        await chat.ExecuteAsync("report.submit");
        var report = await chat.SingleReportAsync();
        var plans = factory.Services.GetRequiredService<IPlanRepository>();
        var reports = factory.Services.GetRequiredService<IReportRepository>();
        var planBefore = Snapshot(await plans.GetAsync("mintrabajo", 2026));
        var reportBefore = Snapshot(await reports.GetAsync("mintrabajo", 2026, report.Id));
        var reportCountBefore = (await reports.ListAsync("mintrabajo", 2026)).Count;
        errors.Clear();

        using var client = factory.CreateClient();
        var failures = new List<string>();
        var cardActions = new List<(FuzzCase Case, HttpStatusCode Status, string Body)>();
        var statuses = new Dictionary<int, int>();
        foreach (var fuzz in new ActivityFuzzer(seed).Generate(cases))
        {
            using var content = new ByteArrayContent(fuzz.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), content);
            var body = await response.Content.ReadAsStringAsync();
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            // 501 with no body is the protocol's answer to an invoke name no handler knows (Teams shows nothing).
            if ((int)response.StatusCode >= 500 && !(response.StatusCode == HttpStatusCode.NotImplemented && body.Length == 0))
            {
                failures.Add($"{fuzz.Name}: HTTP {(int)response.StatusCode} {Shorten(body)}");
            }

            if (fuzz.Operator == "overCap" && response.StatusCode != HttpStatusCode.RequestEntityTooLarge)
            {
                failures.Add($"{fuzz.Name}: {fuzz.Body.Length} bytes answered {(int)response.StatusCode}, not 413");
            }

            if (fuzz.Operator == "otherTenant" && response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{fuzz.Name}: another tenant answered {(int)response.StatusCode}, not 403");
            }

            if (body.Contains(Texts.Apology.Es, StringComparison.Ordinal))
            {
                failures.Add($"{fuzz.Name}: the invoke answer apologised for an internal error");
            }

            if (response.StatusCode == HttpStatusCode.OK && IsCardExecute(fuzz.Body))
            {
                cardActions.Add((fuzz, response.StatusCode, body));
            }
        }

        await QuiesceAsync(factory.Connector);

        foreach (var sent in factory.Connector.All().Where(s => s.Conversation.ConversationId.Contains("fuzz-", StringComparison.Ordinal)))
        {
            if (sent.AllText.Contains(Texts.Apology.Es, StringComparison.Ordinal) || sent.AllText.Contains(Texts.Apology.En, StringComparison.Ordinal))
            {
                failures.Add($"seed {seed}, conversation {sent.Conversation.ConversationId}: the bot apologised for an internal error");
            }
        }

        failures.AddRange(errors.Entries.Select(e => $"seed {seed}: logged error: {e}"));

        // Every card action the bot accepted was answered with something the user can read (a card or a message).
        foreach (var (fuzz, _, body) in cardActions)
        {
            if (body.Length == 0 && factory.Connector.SentTo(fuzz.ConversationId).Count == 0)
            {
                failures.Add($"{fuzz.Name}: a card action got no answer at all");
            }
        }

        // The storm reaches the handlers, not only the parser: a good share is accepted, and every refusal kind occurs.
        var tally = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        Assert.True(statuses.GetValueOrDefault(200) > cases / 4, "Too few accepted: " + tally);
        Assert.True(statuses.ContainsKey(400) && statuses.ContainsKey(403) && statuses.ContainsKey(413), "Missing refusals: " + tally);
        Assert.True(cardActions.Count > cases / 20, $"Too few card actions accepted ({cardActions.Count}): " + tally);

        Assert.True(failures.Count == 0, $"{failures.Count} failure(s) of {cases} cases:\n" + string.Join("\n", failures.Distinct().Take(40)));

        // Still alive and still itself.
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var after = new WizardChat(factory);
        await after.SayAsync("ayuda");
        Assert.NotNull(after.Card);
        Assert.Contains("reportar", WizardChat.AllText(after.Card), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(planBefore, Snapshot(await plans.GetAsync("mintrabajo", 2026)));
        Assert.Equal(reportBefore, Snapshot(await reports.GetAsync("mintrabajo", 2026, report.Id)));
        Assert.Equal(reportCountBefore, (await reports.ListAsync("mintrabajo", 2026)).Count);
    }

    [Fact]
    public void Generate_SameSeed_SameCases()
    {
        var first = new ActivityFuzzer(7).Generate(200).ToList();
        var second = new ActivityFuzzer(7).Generate(200).ToList();
        Assert.Equal(first.Select(c => c.Name), second.Select(c => c.Name));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Body, pair.Second.Body));
        Assert.True(first.Select(c => c.Operator).Distinct().Count() >= 12, "The operators are all used.");
    }

    [Fact]
    public void Parse_NullListItems_AreDropped()
    {
        var body = """{"type":"message","serviceUrl":"https://smba.trafficmanager.net/amer/","conversation":{"id":"a:1"},"entities":[null,{"type":"clientInfo","locale":"en-US"}],"attachments":[null],"membersAdded":[null],"membersRemoved":[null,{"id":"28:x"}]}""";

        var activity = MessagesEndpoint.Parse(System.Text.Encoding.UTF8.GetBytes(body));

        Assert.NotNull(activity);
        Assert.Equal("en-US", Assert.Single(activity.Entities!).Locale);
        Assert.Empty(activity.Attachments!);
        Assert.Empty(activity.MembersAdded!);
        Assert.Equal("28:x", Assert.Single(activity.MembersRemoved!).Id);
    }

    private static bool IsCardExecute(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == "adaptiveCard/action"
                && json.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "invoke";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Waits until the queued turns are done: nothing new sent for two seconds.</summary>
    private static async Task QuiesceAsync(RecordingConnectorClient connector)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = -1;
        while (DateTime.UtcNow < deadline)
        {
            var count = connector.All().Count;
            if (count == last)
            {
                return;
            }

            last = count;
            await Task.Delay(2_000);
        }
    }

    private static string Snapshot<T>(T value) => JsonSerializer.Serialize(value);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    /// <summary>Records every log entry at Error or above (a failed turn is logged there even when no one is told).</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _entries = new();

        public IReadOnlyCollection<string> Entries => _entries;

        public void Clear() => _entries.Clear();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    entries.Enqueue($"{category} [{eventId.Id}] {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
