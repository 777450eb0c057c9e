using System.Net;
using Microsoft.Extensions.Options;

namespace ParticipaBot.Bot.Graph;

/// <summary>Microsoft Graph calendar settings (section "Graph"); see docs/calendar.md.</summary>
internal sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>
    /// The Graph root. Global cloud by default; US Government: https://graph.microsoft.us/v1.0;
    /// China (21Vianet): https://microsoftgraph.chinacloudapi.cn/v1.0. Tests point it at a loopback fake.
    /// </summary>
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    /// <summary>The app-only token scope; change it with <see cref="BaseUrl"/> for a national cloud.</summary>
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>The mailbox (UPN or object id) that organizes every event. Empty: calendar invitations are off.</summary>
    public string? OrganizerMailbox { get; set; }

    /// <summary>Addresses invited to every event besides the space's own attendees (e.g. the planning office's group).</summary>
    public IList<string> ExtraAttendees { get; } = [];

    /// <summary>The organizer copy's reminder, in minutes before the start (Graph's own default is 15).</summary>
    public int ReminderMinutesBeforeStart { get; set; } = 60;

    /// <summary>Outlook allows 4 concurrent requests per app per mailbox; more only earns 429s.</summary>
    public int MaxConcurrentCallsPerMailbox { get; set; } = 4;

    /// <summary>Attempts per call, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first back-off after a 503/504 or a timeout; doubled on each further attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off between attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited out in-process: the call fails as transient instead.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(OrganizerMailbox);
}

/// <summary>Checks the section at start-up with messages an operator can act on (Spanish first).</summary>
internal sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var failures = new List<string>();
        var baseUrl = options.BaseUrl;
        if (baseUrl is null || !baseUrl.IsAbsoluteUri
            || !(baseUrl.Scheme == Uri.UriSchemeHttps || (baseUrl.Scheme == Uri.UriSchemeHttp && IsLoopback(baseUrl))))
        {
            failures.Add($"Graph:BaseUrl debe ser una URL https absoluta (http solo en loopback); se recibió '{baseUrl}'. / Graph:BaseUrl must be an absolute https URL.");
        }

        if (string.IsNullOrWhiteSpace(options.Scope))
        {
            failures.Add("Graph:Scope no puede estar vacío. / Graph:Scope must not be empty.");
        }

        foreach (var address in options.ExtraAttendees)
        {
            if (string.IsNullOrWhiteSpace(address) || !address.Contains('@', StringComparison.Ordinal))
            {
                failures.Add($"Graph:ExtraAttendees tiene un correo no válido: '{address}'. / Graph:ExtraAttendees holds an invalid address.");
            }
        }

        if (options.ReminderMinutesBeforeStart is < 0 or > 40320)
        {
            failures.Add("Graph:ReminderMinutesBeforeStart debe estar entre 0 y 40320 (4 semanas). / must be within 0–40320.");
        }

        if (options.MaxConcurrentCallsPerMailbox is < 1 or > 4)
        {
            failures.Add("Graph:MaxConcurrentCallsPerMailbox debe estar entre 1 y 4 (límite de Outlook). / must be within 1–4 (Outlook's limit).");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add("Graph:MaxAttempts debe estar entre 1 y 20. / must be within 1–20.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay || options.MaxRetryAfter < TimeSpan.Zero)
        {
            failures.Add("Graph:RetryBaseDelay, RetryMaxDelay y MaxRetryAfter deben ser positivos y RetryMaxDelay >= RetryBaseDelay. / retry delays must be positive and ordered.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add("Graph:AttemptTimeout debe ser mayor que cero. / Graph:AttemptTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
}
