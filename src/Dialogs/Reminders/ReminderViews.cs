using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Dialogs.Reminders;

/// <param name="Kind">The reminder kind as stored ("soon", "overdue", …); also the id of the card's title, so a reader can tell cards apart.</param>
/// <param name="Attention">Late: drawn in the attention colour.</param>
public sealed record ReminderCardView(string Kind, string Title, string Lead, bool Attention, IReadOnlyList<LabelledValue> Rows, string Number);

/// <param name="BidangLine">For the Kepala Bidang and the Kepala Dinas: the open and late kegiatan of the Bidang.</param>
public sealed record DigestCardView(string Title, string DateLine, string? BidangLine, TasksCardView Tasks);

/// <summary>Builds what a reminder card says, from the kegiatan as it is when the reminder fires. Pure.</summary>
public static class ReminderViews
{
    /// <summary>The daily digest's title.</summary>
    public const string DigestTitle = "Ringkasan harian";

    public static ReminderCardView Reminder(Kegiatan kegiatan, SopDefinition definition, Reminder reminder, WorkCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(reminder);
        ArgumentNullException.ThrowIfNull(calendar);
        var record = kegiatan.Steps.LastOrDefault(r => r.Step == reminder.Step && r.Attempt == reminder.Attempt)
            ?? throw new ArgumentException($"kegiatan {kegiatan.Number} has no visit {reminder.Attempt} of step {reminder.Step}", nameof(reminder));
        var step = definition.Step(reminder.Step);
        var stepRef = SopPhrases.StepRef(step) + SopPhrases.Attempt(record.Attempt);
        var late = calendar.WorkingTimeBetween(record.DueAt, now);
        var left = calendar.WorkingTimeBetween(now, record.DueAt);
        var due = WibFormat.DateTime(record.DueAt);
        var holder = SopPhrases.RoleAndName(definition, step, record.Assignee);
        var (title, lead, attention) = reminder.Kind switch
        {
            ReminderKind.Soon => ("Pengingat: batas waktu segera tiba", $"Sisa {WibFormat.Duration(left)} waktu kerja untuk menyelesaikan {stepRef}.", false),
            ReminderKind.Due => ("Batas waktu tiba", $"Batas waktu {stepRef} jatuh pada {due}, yaitu sekarang. Mohon segera diselesaikan.", false),
            ReminderKind.Overdue when step.ClockStartsAtField is not null =>
                ("Mulainya kegiatan belum dicatat", $"Kegiatan dijadwalkan mulai {WibFormat.DateTime(record.ClockStartsAt)}, tetapi mulainya belum dicatat di kartu {SopPhrases.StepRef(step)}. Mohon segera dicatat.", true),
            ReminderKind.Overdue => ($"Terlambat {WibFormat.Duration(late)}", $"{Capital(stepRef)} sudah melewati batas waktu {due}. Mohon segera diselesaikan.", true),
            ReminderKind.Escalation => ("Eskalasi: langkah terlambat", Escalation(record, stepRef, holder, late, due), true),
            ReminderKind.JadwalDayBefore => ("Pengingat jadwal pelaksanaan", $"Fasilitasi dijadwalkan pada {WibFormat.DateTime(record.ClockStartsAt)}, hari kerja berikutnya. Mohon persiapkan pelaksanaannya.", false),
            _ => ("Jadwal pelaksanaan tiba", $"Fasilitasi dijadwalkan mulai {WibFormat.DateTime(record.ClockStartsAt)}. {Capital(holder)} mencatat di kartu {SopPhrases.StepRef(step)} saat kegiatan dimulai: mutu bakunya {WibFormat.Waktu(step.Waktu)} dihitung dari jadwal.", false),
        };

        var rows = new List<LabelledValue> { LabelledValue.Fixed("Nomor kegiatan", kegiatan.Number) };
        if (KegiatanKoperasi.Names(kegiatan) is { Length: > 0 } koperasi)
        {
            rows.Add(LabelledValue.Typed("Koperasi", koperasi, 1000));
        }

        rows.Add(LabelledValue.Fixed("Langkah", SopPhrases.StepOf(step, definition) + SopPhrases.Attempt(record.Attempt)));
        rows.Add(LabelledValue.Fixed("Pelaksana", holder));
        if (step.ClockStartsAtField is not null)
        {
            rows.Add(LabelledValue.Fixed("Jadwal", WibFormat.DateTime(record.ClockStartsAt)));
        }

        rows.Add(LabelledValue.Fixed("Batas waktu", due));
        rows.Add(LabelledValue.Fixed("Status", late > TimeSpan.Zero ? $"TERLAMBAT {WibFormat.Duration(late)} (waktu kerja)" : $"sisa {WibFormat.Duration(left)} waktu kerja"));
        return new ReminderCardView(reminder.KindName, title, lead, attention, rows, kegiatan.Number);
    }

    /// <summary>
    /// The holder's reminder as their Plh. or Plt. receives it: a last row says as what (<paramref name="title"/>, "Plh. Kepala
    /// Bidang …"), for whom, and on what basis.
    /// </summary>
    public static ReminderCardView ForStandIn(ReminderCardView view, string title, string holderName, string basis)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view with
        {
            Rows = [.. view.Rows, LabelledValue.Fixed("Anda menerima ini sebagai", $"{Markdown.Literal(title)} (menggantikan {holderName}), dasar: {Markdown.Literal(basis)}")],
        };
    }

    /// <summary>The digest's line for the Kepala Bidang and the Kepala Dinas: "Bidang Perijinan dan Kelembagaan: 2 kegiatan berjalan, 1 terlambat."</summary>
    public static string BidangLine(int open, int late) => $"Bidang Perijinan dan Kelembagaan: {open} kegiatan berjalan, {late} terlambat.";

    private static string Escalation(StepRecord record, string stepRef, string holder, TimeSpan late, string due) => record.Assignee is null
        ? $"{Capital(stepRef)} belum ada pelaksananya dan sudah terlambat {WibFormat.Duration(late)} dari batas waktu {due}. Mohon tunjuk pelaksana."
        : $"{holder} terlambat {WibFormat.Duration(late)} menyelesaikan {stepRef}. Batas waktunya {due}.";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
