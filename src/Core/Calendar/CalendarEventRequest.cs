using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ParticipaBot.Core.Calendar;

/// <summary>
/// What the calendar needs to know about one scheduled participation space. The notifications engine maps a
/// space to this record; a calendar gateway (Microsoft Graph) turns it into an event with invitations.
/// </summary>
/// <param name="SpaceId">The space's stable id.</param>
/// <param name="Version">The space's schedule version; a rescheduled or re-created space gets a new one.</param>
/// <param name="Subject">The event's title.</param>
/// <param name="Objective">The space's objective, shown in the invitation's body.</param>
/// <param name="Start">When it starts (any offset; sent as Bogotá time).</param>
/// <param name="End">When it ends; later than <paramref name="Start"/>.</param>
/// <param name="Location">A place ("Auditorio piso 3") or null.</param>
/// <param name="OnlineLink">The link of a virtual or hybrid space, or null.</param>
/// <param name="AttendeeEmails">Required attendees (people, or a group's mail address).</param>
/// <param name="IsVirtual">True for a virtual space: the event becomes an online (Teams) meeting.</param>
/// <param name="BotLink">A deep link back to the space in the bot, or null.</param>
public sealed record CalendarEventRequest(
    string SpaceId,
    int Version,
    string Subject,
    string? Objective,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Location,
    Uri? OnlineLink,
    IReadOnlyList<string> AttendeeEmails,
    bool IsVirtual,
    Uri? BotLink = null)
{
    /// <summary>
    /// A deterministic id for (space, version): a GUID string built from the SHA-256 of both, so that a create
    /// retried after a timeout is recognised by the calendar service and no second event appears.
    /// </summary>
    public string TransactionId => TransactionIdFor(SpaceId, Version);

    /// <summary>The deterministic transaction id of (space, version); see <see cref="TransactionId"/>.</summary>
    public static string TransactionIdFor(string spaceId, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spaceId);
        var text = string.Create(CultureInfo.InvariantCulture, $"participabot/space/{spaceId}/v{version}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        var bytes = hash[..16].ToArray();

        // Mark it as a version 8 (custom) RFC 9562 UUID so it reads as a well-formed GUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    /// <summary>Problems that make the request unusable, in Spanish then English; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(SpaceId))
        {
            problems.Add("Falta el identificador del espacio. / The space id is missing.");
        }

        if (string.IsNullOrWhiteSpace(Subject))
        {
            problems.Add("Falta el asunto del evento. / The event subject is missing.");
        }

        if (End <= Start)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"El fin ({End:O}) debe ser posterior al inicio ({Start:O}). / The end must be after the start."));
        }

        foreach (var email in AttendeeEmails)
        {
            if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
            {
                problems.Add($"Correo de asistente no válido: '{email}'. / Invalid attendee email.");
            }
        }

        return problems;
    }
}

/// <summary>Identifies an event in the calendar service: keep both with the space to update or cancel it later.</summary>
/// <param name="EventId">The service's event id (changes if the event moves between calendars).</param>
/// <param name="ICalUId">The iCalendar UID, shared by every attendee's copy.</param>
public sealed record CalendarEventReference(string EventId, string? ICalUId);

/// <summary>
/// The calendar port: puts participation spaces in the organizer's calendar and invites the attendees.
/// Implemented with Microsoft Graph in the host.
/// </summary>
public interface ICalendarGateway
{
    /// <summary>False when no organizer mailbox is configured: callers skip calendar work instead of failing.</summary>
    bool IsConfigured { get; }

    /// <summary>Creates the event; a retry with the same (space, version) returns the same event.</summary>
    Task<CalendarEventReference> CreateAsync(CalendarEventRequest request, CancellationToken cancellationToken);

    /// <summary>Sends only what differs between <paramref name="previous"/> and <paramref name="updated"/>; nothing when equal.</summary>
    Task<CalendarEventReference> UpdateAsync(string eventId, CalendarEventRequest previous, CalendarEventRequest updated, CancellationToken cancellationToken);

    /// <summary>Cancels the event and sends <paramref name="comment"/> to the attendees.</summary>
    Task CancelAsync(string eventId, string? comment, CancellationToken cancellationToken);
}
