using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ParticipaBot.Core.Calendar;

namespace ParticipaBot.Bot.Graph;

/// <summary>Turns a space's <see cref="CalendarEventRequest"/> into Graph payloads: a full create, or a PATCH of what changed.</summary>
internal sealed class GraphEventMapper(GraphOptions options)
{
    private const string TeamsProvider = "teamsForBusiness";

    // Escapes markup but keeps accented letters readable in the invitation's source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public GraphEventPayload ToCreate(CalendarEventRequest request)
    {
        var teamsMeeting = WantsTeamsMeeting(request);
        return new GraphEventPayload
        {
            Subject = request.Subject,
            Body = BuildBody(request),
            Start = ToGraphTime(request.Start),
            End = ToGraphTime(request.End),
            Location = BuildLocation(request),
            Attendees = BuildAttendees(request),
            IsReminderOn = true,
            ReminderMinutesBeforeStart = options.ReminderMinutesBeforeStart,
            IsOnlineMeeting = teamsMeeting ? true : null,
            OnlineMeetingProvider = teamsMeeting ? TeamsProvider : null,
            ResponseRequested = true,

            // A public participation space is convened for a date; attendees may decline but not renegotiate it.
            AllowNewTimeProposals = false,
            TransactionId = request.TransactionId,
        };
    }

    /// <summary>The fields that differ, or null when nothing the event shows has changed.</summary>
    public GraphEventPayload? ToPatch(CalendarEventRequest previous, CalendarEventRequest updated)
    {
        var patch = new GraphEventPayload();
        var changed = false;
        if (!string.Equals(previous.Subject, updated.Subject, StringComparison.Ordinal))
        {
            patch = patch with { Subject = updated.Subject };
            changed = true;
        }

        var body = BuildBody(updated);
        if (!string.Equals(BuildBody(previous).Content, body.Content, StringComparison.Ordinal))
        {
            patch = patch with { Body = body };
            changed = true;
        }

        // Start and end travel together so Graph never sees an end before the start mid-update.
        if (previous.Start != updated.Start || previous.End != updated.End)
        {
            patch = patch with { Start = ToGraphTime(updated.Start), End = ToGraphTime(updated.End) };
            changed = true;
        }

        var location = BuildLocation(updated);
        if (BuildLocation(previous) != location)
        {
            // An empty display name clears the location: a null member is not sent at all.
            patch = patch with { Location = location ?? new GraphLocation(string.Empty) };
            changed = true;
        }

        var attendees = BuildAttendees(updated);
        if (!BuildAttendees(previous).Select(Key).SequenceEqual(attendees.Select(Key), StringComparer.OrdinalIgnoreCase))
        {
            patch = patch with { Attendees = attendees };
            changed = true;
        }

        if (WantsTeamsMeeting(previous) != WantsTeamsMeeting(updated))
        {
            var teamsMeeting = WantsTeamsMeeting(updated);
            patch = patch with { IsOnlineMeeting = teamsMeeting, OnlineMeetingProvider = teamsMeeting ? TeamsProvider : null };
            changed = true;
        }

        return changed ? patch : null;

        static string Key(GraphAttendee attendee) => attendee.EmailAddress.Address;
    }

    public static GraphDateTimeTimeZone ToGraphTime(DateTimeOffset instant) =>
        new(BogotaTime.ToBogota(instant).DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), BogotaTime.IanaId);

    // A virtual space with its own link (a livestream, another platform) keeps that link; one without gets a Teams meeting.
    private static bool WantsTeamsMeeting(CalendarEventRequest request) => request.IsVirtual && request.OnlineLink is null;

    private static GraphItemBody BuildBody(CalendarEventRequest request)
    {
        var html = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(request.Objective))
        {
            html.Append("<p><strong>Objetivo:</strong> ").Append(Html.Encode(request.Objective)).Append("</p>");
        }

        if (!string.IsNullOrWhiteSpace(request.Location))
        {
            html.Append("<p><strong>Lugar:</strong> ").Append(Html.Encode(request.Location)).Append("</p>");
        }

        if (request.OnlineLink is { } link)
        {
            var encoded = Html.Encode(link.AbsoluteUri);
            html.Append("<p><strong>Enlace:</strong> <a href=\"").Append(encoded).Append("\">").Append(encoded).Append("</a></p>");
        }

        if (request.BotLink is { } botLink)
        {
            html.Append("<p><a href=\"").Append(Html.Encode(botLink.AbsoluteUri)).Append("\">Ver el espacio en ParticipaBot</a></p>");
        }

        return new GraphItemBody(GraphItemBody.Html, html.ToString());
    }

    private static GraphLocation? BuildLocation(CalendarEventRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.Location))
        {
            return new GraphLocation(request.Location.Trim());
        }

        return request.OnlineLink is { } link ? new GraphLocation(link.AbsoluteUri) : null;
    }

    private List<GraphAttendee> BuildAttendees(CalendarEventRequest request)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(options.OrganizerMailbox))
        {
            // The organizer is never its own attendee.
            seen.Add(options.OrganizerMailbox.Trim());
        }

        var attendees = new List<GraphAttendee>();
        foreach (var address in request.AttendeeEmails.Concat(options.ExtraAttendees))
        {
            var trimmed = address.Trim();
            if (trimmed.Length > 0 && seen.Add(trimmed))
            {
                attendees.Add(new GraphAttendee(new GraphEmailAddress(trimmed), GraphAttendee.Required));
            }
        }

        return attendees;
    }
}
