using System.Globalization;
using System.Text.Json.Serialization;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop.Reminders;

[JsonConverter(typeof(CamelCaseEnumConverter<ReminderKind>))]
public enum ReminderKind
{
    /// <summary>To the assignee: most of the waktu has passed.</summary>
    Soon,

    /// <summary>To the assignee: the due time has come.</summary>
    Due,

    /// <summary>To the assignee, repeated: the step is late.</summary>
    Overdue,

    /// <summary>To the holder of the superior role: the step is late by the escalation amount.</summary>
    Escalation,

    /// <summary>To the team: the jadwal is on the next working day.</summary>
    JadwalDayBefore,

    /// <summary>To the team: the jadwal is now.</summary>
    Jadwal,
}

/// <summary>Who a reminder is for; the bot resolves the people from the kegiatan and the directory when it fires.</summary>
public enum ReminderAudience
{
    Assignee,

    /// <summary>The holder of <see cref="Reminder.SuperiorRole"/>.</summary>
    Superior,

    /// <summary>The Ketua who started the kegiatan, the people assigned at the start (the Anggota) and the assignee.</summary>
    Team,
}

/// <summary>
/// One reminder of one visit to a step. Its identity is (kegiatan, <see cref="Step"/>, <see cref="Attempt"/>, <see cref="Kind"/>,
/// <see cref="Occurrence"/>, <see cref="Schedule"/>): the same reminder always gets the same identity, so it can be sent exactly once.
/// </summary>
/// <param name="Schedule">How many times the visit's jadwal was moved: a new jadwal brings a new ladder, whose reminders are
/// sent although the old jadwal's were.</param>
public sealed record Reminder(int Step, int Attempt, ReminderKind Kind, int Occurrence, DateTimeOffset FireAt, ReminderAudience Audience, Role? SuperiorRole = null, int Schedule = 0)
{
    /// <summary>"soon", "due", "overdue", "escalation", "jadwalDayBefore", "jadwal": the kind as stored and in dedupe keys.</summary>
    public string KindName => KindText(Kind);

    /// <summary>
    /// <c>{number}|{step}|{attempt}|{kind}|{n}</c>, with <c>|j{schedule}</c> after a rescheduling: the dedupe key of this
    /// reminder in kegiatan <paramref name="number"/>.
    /// </summary>
    public string DedupeKey(string number) => Schedule == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{number}|{Step}|{Attempt}|{KindName}|{Occurrence}")
        : string.Create(CultureInfo.InvariantCulture, $"{number}|{Step}|{Attempt}|{KindName}|{Occurrence}|j{Schedule}");

    public bool SameAs(Reminder other) =>
        other is not null && other.Step == Step && other.Attempt == Attempt && other.Kind == Kind && other.Occurrence == Occurrence && other.Schedule == Schedule;

    public static string KindText(ReminderKind kind) => kind switch
    {
        ReminderKind.JadwalDayBefore => "jadwalDayBefore",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static ReminderKind? ParseKind(string? text) =>
        Enum.GetValues<ReminderKind>().Cast<ReminderKind?>().FirstOrDefault(k => KindText(k!.Value) == text);
}
