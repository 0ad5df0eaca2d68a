using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Graph.Models;
using PerijinanBot.Dialogs.Meetings;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Meetings;

/// <summary>One attendee: the name shown and the mailbox invited.</summary>
internal sealed record Invitee(string Name, string Upn);

/// <summary>
/// The facilitation's event as the kegiatan says it should be now: made from the current state each time, so the handler only
/// compares and sends the difference. <see cref="Start"/> and <see cref="End"/> are WIB instants.
/// </summary>
internal sealed record CalendarInvitation(
    string Subject,
    string BodyHtml,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Location,
    IReadOnlyList<Invitee> Attendees,
    string TransactionId)
{
    /// <summary>
    /// Graph's (Windows) id of WIB. The date-times are sent as WIB wall-clock times in this zone, so Outlook shows 09:00
    /// for a 09:00 jadwal instead of a UTC time converted back.
    /// </summary>
    public const string GraphTimeZone = "SE Asia Standard Time";

    private static class Fields
    {
        public const string Judul = "judul";
        public const string JenisFasilitasi = "jenisFasilitasi";
        public const string KabupatenKota = "kabupatenKota";
        public const string Jadwal = "jadwal";
        public const string Tempat = "tempat";
    }

    /// <summary>The invitation for the kegiatan as it stands, or null when it has no jadwal (nothing to put in a calendar).</summary>
    /// <param name="scope">Separates environments that share an organiser mailbox (the workflow's table prefix), so their kegiatan numbers never collide as transaction ids.</param>
    public static CalendarInvitation? For(Kegiatan kegiatan, SopDefinition definition, WorkCalendar calendar, PeopleDirectory people, TimeSpan duration, string scope)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(people);
        if (kegiatan.DateTimeValue(Fields.Jadwal) is not { } jadwal)
        {
            return null;
        }

        var start = calendar.ToLocal(jadwal);
        var tempat = kegiatan.Value(Fields.Tempat)?.Trim() ?? "";
        var judul = kegiatan.Value(Fields.Judul)?.Trim() is { Length: > 0 } title ? title : InvitationTexts.DefaultSubject(kegiatan.Number);
        var attendees = new List<Invitee>();
        foreach (var participant in kegiatan.Participants())
        {
            // Only people the directory knows by mailbox can be invited; the rest still follow the kegiatan in Teams.
            if (people.Find(participant.Id) is { Upn: { Length: > 0 } upn } person
                && !attendees.Exists(a => string.Equals(a.Upn, upn.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                attendees.Add(new Invitee(person.Name, upn.Trim()));
            }
        }

        return new CalendarInvitation(judul, Body(kegiatan, definition, judul, tempat), start, start + duration, tempat, attendees, TransactionIdOf(scope, kegiatan.Number));
    }

    /// <summary>
    /// The same GUID for every attempt to create the event of one kegiatan: Graph makes no second event for a transaction id it
    /// has seen, so a create whose answer was lost can simply be sent again.
    /// </summary>
    public static string TransactionIdOf(string scope, string number)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"perijinanbot|calendar|{scope}|{number}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    /// <summary>The whole event, for the create.</summary>
    public Event ToEvent() => new()
    {
        Subject = Subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = BodyHtml },
        Start = At(Start),
        End = At(End),
        Location = new Location { DisplayName = Location },
        Attendees = [.. Attendees.Select(Attending)],
        IsOnlineMeeting = true,
        OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
        TransactionId = TransactionId,
    };

    /// <summary>The invited UPNs, lower-cased, sorted and joined: what is stored to see whether the team changed.</summary>
    public string AttendeeKey => string.Join(",", Attendees.Select(a => a.Upn.ToLowerInvariant()).Order(StringComparer.Ordinal));

    /// <summary>
    /// Only what a reschedule or a reassignment changes: the times and place, and the attendees when the team changed (a new
    /// holder of a step is invited). The body is left alone on purpose: Exchange has added the Teams join details to it, and
    /// sending the body again would remove them.
    /// </summary>
    public Event ToMove(CalendarEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var update = new Event
        {
            Start = At(Start),
            End = At(End),
            Location = new Location { DisplayName = Location },
        };
        if (!SameTeam(stored))
        {
            update.Attendees = [.. Attendees.Select(Attending)];
        }

        return update;
    }

    /// <summary>Whether the event as stored already says what this invitation says (then nothing is sent).</summary>
    public bool Matches(CalendarEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Start == Start && stored.End == End && string.Equals(stored.Location, Location, StringComparison.Ordinal) && SameTeam(stored);
    }

    private static Attendee Attending(Invitee invitee) => new()
    {
        Type = AttendeeType.Required,
        EmailAddress = new EmailAddress { Address = invitee.Upn, Name = invitee.Name },
    };

    // An event stored before attendees were kept counts as having today's team: it is not re-invited on a whim.
    private bool SameTeam(CalendarEvent stored) => stored.Attendees is null || string.Equals(stored.Attendees, AttendeeKey, StringComparison.Ordinal);

    private static DateTimeTimeZone At(DateTimeOffset wib) => new()
    {
        DateTime = wib.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = GraphTimeZone,
    };

    private static string Body(Kegiatan kegiatan, SopDefinition definition, string judul, string tempat)
    {
        var code = kegiatan.Value(Fields.JenisFasilitasi) ?? "";
        var jenis = definition.FindField(Fields.JenisFasilitasi)?.Field.Choices.FirstOrDefault(c => c.Value == code)?.Label is { Length: > 0 } label ? label : code;
        return InvitationTexts.Body(judul, jenis, KegiatanKoperasi.Names(kegiatan), kegiatan.Value(Fields.KabupatenKota), tempat, kegiatan.Number);
    }
}
