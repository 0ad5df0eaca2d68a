using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>
/// The cards of <c>jadwal</c>, walked through the real engine: the form, a refused form, the answer, the participants'
/// notice and the riwayat. The same scenes feed the golden files, the size budget and the typed-text checks.
/// </summary>
internal static class RescheduleScenes
{
    public const string Reason = "Narasumber dari DPMPTSP berhalangan pada tanggal semula.";

    /// <summary>Every card of the feature, walked through the real engine, for each way of typing.</summary>
    public static IReadOnlyDictionary<string, Func<Typing, JsonObject>> All { get; } = new Dictionary<string, Func<Typing, JsonObject>>
    {
        ["sop-reschedule"] = t =>
        {
            var (office, kegiatan) = AtStep6(t);
            return RescheduleCard.Build(office.Views.Reschedule(kegiatan, SopOffice.Definition));
        },
        ["sop-reschedule-refused"] = t =>
        {
            // A Sunday picked: the card comes back as sent, with the calendar's reason and the nearest working day on top.
            var (office, kegiatan) = AtStep6(t);
            var draft = Draft(t, ("2026-07-19", "13:00"), "Ruang Rapat Bidang Perijinan");
            var refusal = office.Refuse(kegiatan, Command(Staff.Rina, kegiatan, draft));
            return RescheduleCard.Build(office.Views.Reschedule(kegiatan, SopOffice.Definition, draft, refusal.Message));
        },
        ["sop-reschedule-done"] = t =>
        {
            var (office, kegiatan) = Moved(t, Staff.Hendra);
            return RescheduleCard.Build(office.Views.Rescheduled(kegiatan, SopOffice.Definition));
        },
        ["sop-notice-rescheduled"] = t =>
        {
            var (office, kegiatan) = Moved(t, Staff.Hendra);
            return NoticeCard.Build(office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Single().View);
        },
        ["sop-riwayat-rescheduled"] = t =>
        {
            var (office, kegiatan) = Moved(t, Staff.Hendra);
            office.Clock.Advance(TimeSpan.FromMinutes(15));
            return HistoryCard.Build(office.Views.History(kegiatan, SopOffice.Definition));
        },
    };

    /// <summary>Step 6 waiting for the Ketua, ten minutes after the disposition.</summary>
    public static (SopOffice Office, Kegiatan Kegiatan) AtStep6(Typing typing)
    {
        var office = new SopOffice(typing);
        var kegiatan = office.WalkTo(6);
        office.Clock.Advance(TimeSpan.FromMinutes(10));
        return (office, kegiatan);
    }

    /// <summary><paramref name="by"/> moves the facilitation a day later, to the meeting room.</summary>
    public static (SopOffice Office, Kegiatan Kegiatan) Moved(Typing typing, string by)
    {
        var (office, kegiatan) = AtStep6(typing);
        kegiatan = office.Accept(kegiatan, Command(by, kegiatan, Draft(typing, ("2026-07-16", "13:30"), "Ruang Rapat Bidang Perijinan")));
        return (office, kegiatan);
    }

    /// <summary>What the card sends: the jadwal from its two pickers (date, time), or one typed text from an older card.</summary>
    public static Dictionary<string, string?> Draft(Typing typing, (string Date, string Time) picked, string tempat, string? alasan = null) => new()
    {
        [DateTimeInput.DateId(SopVerbs.NewJadwalInput)] = picked.Date,
        [DateTimeInput.TimeId(SopVerbs.NewJadwalInput)] = picked.Time,
        [SopVerbs.NewTempatInput] = typing.Text(300, tempat),
        [SopVerbs.AlasanInput] = alasan ?? typing.Text(RescheduleRules.MaxReasonLength, Reason),
    };

    public static Dictionary<string, string?> Draft(Typing typing, string typed, string tempat, string? alasan = null) => new()
    {
        [SopVerbs.NewJadwalInput] = typed,
        [SopVerbs.NewTempatInput] = typing.Text(300, tempat),
        [SopVerbs.AlasanInput] = alasan ?? typing.Text(RescheduleRules.MaxReasonLength, Reason),
    };

    /// <summary>The command the bot makes of what the card sent: the pickers joined, as <c>StepCardTurns</c> does.</summary>
    public static Reschedule Command(string by, Kegiatan kegiatan, Dictionary<string, string?> draft) =>
        new(by, 6, kegiatan.Version, DateTimeInput.Joined(draft, SopVerbs.NewJadwalInput), draft[SopVerbs.NewTempatInput], draft[SopVerbs.AlasanInput]);
}
