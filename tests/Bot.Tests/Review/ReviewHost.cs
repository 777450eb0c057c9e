using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParticipaBot.Bot.Protocol;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Review;

/// <summary>A user of the review tests: their ids and their own personal chat with the bot.</summary>
internal sealed record TestUser(string AadObjectId, string TeamsId, string Name)
{
    public string ConversationId { get; } = "a:" + Guid.NewGuid().ToString("N");
}

/// <summary>
/// The real host over SQLite (BotFactory) with configured roles instead of Development's "everyone is everything", and a
/// manual clock registered as <see cref="TimeProvider"/>. The sample plan of 2026 is seeded at start.
/// </summary>
public sealed class ReviewHost : IDisposable
{
    public const string Tenant = "8c1a1f4e-2f6b-4d2e-9a7e-5b0c6d7e8f90";
    public const string ReportArea = "Grupo de Atención al Ciudadano";
    public const string OtherArea = "Oficina de Comunicaciones";
    public static readonly DateTimeOffset Start = new(2026, 3, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly BotFactory _inner = new();
    private int _created;
    private int _spaces;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;

    public ReviewHost()
    {
        var plan = ParticipaBot.Bot.SampleData.SampleData.Build("mintrabajo", 2026);
        ActivityArea = plan.Activities.First(a => a.LeaderArea is not null).LeaderArea!;
        var roles = new RoleOptions
        {
            Coordinators = [Coordinator.AadObjectId],
            InternalControl = [Control.AadObjectId],
            Delegates = new Dictionary<string, IList<string>>
            {
                [ReportArea] = [Delegate.AadObjectId],
                [ActivityArea] = [Delegate.AadObjectId],
                [OtherArea] = [Outsider.AadObjectId],
            },
        };
        _factory = _inner.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<IRoleResolver>();
            services.AddSingleton<IRoleResolver>(new RoleResolver(roles));
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
        }));
        _client = _factory.CreateClient();
    }

    public ManualTimeProvider Time { get; } = new(Start);

    public ListLoggerProvider Logs { get; } = new();

    public string ActivityArea { get; }

    internal TestUser Coordinator { get; } = new("coord-aad", "29:coord", "Carlos Coordinador");

    internal TestUser Delegate { get; } = new("delegate-aad", "29:delegate", "Diana Delegada");

    internal TestUser Control { get; } = new("control-aad", "29:control", "Inés Control");

    internal TestUser Outsider { get; } = new("outsider-aad", "29:outsider", "Óscar Otra Área");

    internal RecordingConnectorClient Connector => _inner.Connector;

    internal IServiceProvider Services => _factory.Services;

    internal IReportRepository Reports => Services.GetRequiredService<IReportRepository>();

    internal IPlanRepository Plans => Services.GetRequiredService<IPlanRepository>();

    /// <summary>A typed message from the user in their personal chat; returns what the bot sent back to it.</summary>
    internal async Task<SentActivity> SayAsync(TestUser user, string text, string locale = "es-CO")
    {
        var before = Connector.SentTo(user.ConversationId).Count;
        var activity = Activity(user, "message", locale);
        activity["text"] = text;
        var response = await _client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await Connector.WaitForAsync(user.ConversationId, before + 1);
        return sent[before];
    }

    /// <summary>An Action.Submit press (the fallback path): a message whose value carries the verb and data; returns the reply.</summary>
    internal async Task<SentActivity> SubmitAsync(TestUser user, string verb, JsonObject data, string? activityId = null)
    {
        var before = Connector.SentTo(user.ConversationId).Count;
        var activity = Activity(user, "message", "es-CO", activityId);
        var value = (JsonObject)data.DeepClone();
        value["verb"] = verb;
        activity["value"] = value;
        var response = await _client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Connector.WaitForAsync(user.ConversationId, before + 1))[before];
    }

    /// <summary>The bot installed in the user's personal scope.</summary>
    internal async Task InstallAsync(TestUser user)
    {
        var activity = Activity(user, "installationUpdate", "en-US");
        activity["action"] = "add";
        var response = await _client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Connector.WaitForAsync(user.ConversationId);
    }

    /// <summary>An Action.Execute press; returns the invoke response body (type and value).</summary>
    /// <param name="activityId">The activity's id; the same id twice is Teams delivering one activity again.</param>
    internal async Task<InvokeResult> ExecuteAsync(TestUser user, string verb, JsonObject data, string locale = "es-CO", string? activityId = null)
    {
        var activity = Activity(user, "invoke", locale, activityId);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() }, ["trigger"] = "manual" };
        var response = await _client.PostAsync(new Uri(MessagesEndpoint.Route, UriKind.Relative), TestActivities.Content(activity));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return new InvokeResult((int)response.StatusCode, body.GetProperty("type").GetString()!, body.GetProperty("value"));
    }

    /// <summary>Stores a complete, submitted report of <see cref="ReportArea"/> held on 10 March 2026, sent by the delegate.</summary>
    /// <param name="spaceId">A space of the plan to report; by default a space of its own, outside the plan.</param>
    internal async Task<ParticipationReport> CreateReportAsync(ReportStatus status = ReportStatus.Enviado, bool withAnswer = false, string area = ReportArea, string? spaceId = null)
    {
        var values = ValidValues(area);
        if (!withAnswer)
        {
            foreach (var key in values.Keys.Where(k => k.StartsWith("answers.", StringComparison.Ordinal)).ToList())
            {
                values.Remove(key);
            }
        }

        var id = "rep-" + Guid.NewGuid().ToString("N")[..10];
        // A scheduled space has one report: each report of the fixture gets a space of its own.
        spaceId ??= string.Create(CultureInfo.InvariantCulture, $"ESP-{Interlocked.Increment(ref _spaces):000}");
        values["space.id"] = spaceId;
        var draft = new ReportDraft { Id = id, Year = 2026, CurrentStep = ReportSteps.Review, Values = values };
        var context = new ReportValidationContext(new DateOnly(2026, 3, 20), 2026, new HashSet<string>([area]), new HashSet<string>([spaceId]), Catalogs.Default);
        var built = ReportBuilder.Build(ReportForm.Default, draft, context);
        Assert.True(built.Succeeded, string.Join("\n", built.Validation.Errors.Select(e => e.Key + ": " + e.Message.Es)));
        // Each report a little later than the previous one, so "most recent first" lists show the newest.
        var sentAt = Start.AddSeconds(Interlocked.Increment(ref _created));
        var report = ReportHistory.Record(ReportForm.Default, null, built.Report! with { Status = status, SubmittedAt = sentAt, FirstSubmittedAt = sentAt, SubmittedBy = Delegate.AadObjectId }, Delegate.Name, sentAt);
        var (stored, created) = await Reports.CreateAsync("mintrabajo", report);
        Assert.True(created);
        return stored.Value;
    }

    /// <summary>A sent report whose submitter is someone else than the test delegate.</summary>
    internal async Task<ParticipationReport> ReportsWithSubmitterAsync(string submitter)
    {
        var report = await CreateReportAsync();
        var stored = await Reports.GetAsync("mintrabajo", 2026, report.Id);
        return (await Reports.ReplaceAsync("mintrabajo", report with { SubmittedBy = submitter }, stored!.ETag)).Value;
    }

    internal async Task<ParticipationReport> ReportAsync(string id) => (await Reports.GetAsync("mintrabajo", 2026, id))!.Value;

    internal static JsonObject ReportData(ParticipationReport report) => new() { ["reportId"] = report.Id, ["year"] = "2026" };

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _inner.Dispose();
    }

    private JsonObject Activity(TestUser user, string type, string locale, string? activityId = null) => new()
    {
        ["type"] = type,
        ["id"] = activityId ?? "act-" + Guid.NewGuid().ToString("N"),
        ["timestamp"] = Time.GetUtcNow().ToString("O"),
        ["serviceUrl"] = "https://smba.trafficmanager.net/amer/",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = user.TeamsId, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
        ["conversation"] = new JsonObject { ["id"] = user.ConversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["recipient"] = new JsonObject { ["id"] = "28:00000000-0000-0000-0000-0000000000b0", ["name"] = "ParticipaBot" },
        ["locale"] = locale,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    private static Dictionary<string, string> ValidValues(string area) => new(StringComparer.Ordinal)
    {
        ["space.id"] = "ESP-001",
        ["name"] = "Mesa de trabajo con sindicatos del sector",
        ["heldOn.from"] = "2026-03-10",
        ["area.leader"] = area,
        ["modality.mode"] = "PRESENCIAL",
        ["place.venue"] = "Sede principal, sala 3",
        ["place.municipality"] = "Bogotá D.C.",
        ["format"] = "TALLER",
        ["spaceKind"] = "CONSULTA_CIUDADANA",
        ["phase"] = "FORMULACION",
        ["level"] = "CONSULTA",
        ["activitiesDone"] = "Presentación del proyecto de política y trabajo en tres mesas temáticas.",
        ["valueGroups.actorTypes"] = "SINDICATOS",
        ["participants.total"] = "35",
        ["goals.0"] = "Política pública de trabajo decente",
        ["items.0.kind"] = "PROPUESTA",
        ["items.0.text"] = "Incluir a los trabajadores rurales en la política.",
        ["items.1.kind"] = "OBSERVACION",
        ["items.1.text"] = "El horario no favorece a quienes trabajan.",
        ["answers.0.decision"] = "ACOGIDA",
        ["answers.0.who"] = "Dirección de Políticas",
        ["answers.0.date"] = "2026-03-15",
        ["result.text"] = "Se recogieron 12 aportes que ajustan el borrador de la política.",
        ["result.category"] = "INSUMO_DIAGNOSTICO",
        ["evidence.0.kind"] = "ACTA",
        ["evidence.0.url"] = "https://intranet.example.gov.co/actas/2026-03-10.pdf",
    };
}

/// <summary>An invoke response: the HTTP status, the body's type (card or message) and value.</summary>
internal sealed record InvokeResult(int Status, string Type, JsonElement Value)
{
    public bool IsCard => Type == ContentTypes.AdaptiveCard;

    /// <summary>The message, or every string of the card (decoded, so accents compare as written).</summary>
    public string Text => string.Join(" ", Strings(Value));

    /// <summary>The input with that id on the returned card, or null.</summary>
    public JsonElement? Input(string id) => Find(Value, e => e.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String && i.GetString() == id);

    /// <summary>Every action (Action.Execute) of the card with that verb.</summary>
    public IReadOnlyList<JsonElement> Actions(string verb) => [.. All(Value).Where(e => e.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String && v.GetString() == verb && e.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute")];

    /// <summary>The text blocks right after the input with that id (where the card shows its errors).</summary>
    public string ErrorsAfter(string id)
    {
        foreach (var array in All(Value).SelectMany(e => e.EnumerateObject()).Where(p => p.Value.ValueKind == JsonValueKind.Array).Select(p => p.Value))
        {
            var items = array.EnumerateArray().ToList();
            var index = items.FindIndex(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String && i.GetString() == id);
            if (index >= 0)
            {
                return string.Join(" ", items.Skip(index + 1)
                    .TakeWhile(e => e.TryGetProperty("color", out var c) && c.GetString() == "Attention")
                    .Select(e => e.GetProperty("text").GetString()));
            }
        }

        return string.Empty;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static IEnumerable<JsonElement> All(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            foreach (var child in element.EnumerateObject().SelectMany(p => All(p.Value)))
            {
                yield return child;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in element.EnumerateArray().SelectMany(All))
            {
                yield return child;
            }
        }
    }

    private static JsonElement? Find(JsonElement element, Func<JsonElement, bool> predicate)
    {
        foreach (var candidate in All(element))
        {
            if (predicate(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
