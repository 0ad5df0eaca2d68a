using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Delegations;
using PerijinanBot.Dialogs.Reminders;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Dialogs.Tests.Sop;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Dialogs.Tests.TypedText;

/// <summary>
/// Every card and chat message that can show something a person typed, built with <see cref="Typing"/>: the SOP scenes
/// (every step form, every reason), a kegiatan a Plh. handles from start to cancellation (the typed basis in every sentence
/// that names who acted), and the cards and messages outside the SOP (agenda, dokumen, peran, plh, reminders, digest).
/// </summary>
internal static class TypedScenes
{
    private static readonly DateTimeOffset Expires = new(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);
    private static readonly Uri Pdf = new("https://bot.example/unduh/tok1/Laporan-Kegiatan-FAS-2026-0001.pdf");

    public static IEnumerable<(string Name, JsonObject Card)> Cards(Typing t)
    {
        foreach (var (name, build) in SopScenes.All.Concat(RescheduleScenes.All))
        {
            yield return (name, build(t));
        }

        foreach (var scene in Plh(t).Concat(Reminders(t)).Concat(Outside(t)))
        {
            yield return scene;
        }
    }

    /// <summary>Chat messages (textFormat markdown) that quote what was typed, as the Bot sends them after parsing, and raw.</summary>
    public static IEnumerable<(string Name, string Text)> Messages(string typed)
    {
        var parsed = CommandParser.Parse(typed).Text;
        var argument = CommandParser.Parse("status " + typed).Argument;
        yield return ("unknown command, parsed", Texts.UnknownCommand(parsed));
        yield return ("unknown command", Texts.UnknownCommand(typed));
        yield return ("number needed, parsed", SopTexts.NumberNeeded(CommandKind.Status, argument));
        yield return ("number needed", SopTexts.NumberNeeded(CommandKind.Status, typed));
        yield return ("not found", SopTexts.NotFound(typed));
        yield return ("agenda period, parsed", AgendaTexts.BadPeriod(CommandParser.Parse("agenda " + typed).Argument));
        yield return ("agenda period", AgendaTexts.BadPeriod(typed));
        yield return ("laporan period", ComplianceTexts.BadPeriod(typed));
    }

    /// <summary>Yusuf acts for Hendra at every turn of the Kepala Bidang: Tidak, Setuju, jadwal, alihkan, batal.</summary>
    private static IEnumerable<(string, JsonObject)> Plh(Typing t)
    {
        var office = new SopOffice(t) { Staffing = Staff.With(t.YusufForHendra) };
        var definition = SopOffice.Definition;
        var kegiatan = office.WalkTo(4);
        office.Clock.Advance(TimeSpan.FromMinutes(5));
        kegiatan = office.Accept(kegiatan, new Reject(Staff.Yusuf, 4, kegiatan.Version, t.Reason("Judul perlu diperbaiki.")));
        foreach (var card in Notices(office, kegiatan, "plh tidak"))
        {
            yield return card;
        }

        yield return ("plh tidak: outcome", OutcomeCard.Build(office.Views.Outcome(kegiatan, definition, 4)));
        yield return ("plh tidak: step 3 again", office.StepCardFor(kegiatan, Staff.Rina));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Rina, 3, kegiatan.Version, t.Verify("rekomendasi", "Judul sudah diperbaiki.")));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Yusuf, 4, kegiatan.Version, t.Verify("catatanKoreksi", "Sudah sesuai.")));
        foreach (var card in Notices(office, kegiatan, "plh setuju"))
        {
            yield return card;
        }

        yield return ("plh setuju: outcome", OutcomeCard.Build(office.Views.Outcome(kegiatan, definition, 4)));
        yield return ("plh setuju: step 5", office.StepCardFor(kegiatan, Staff.Siti));
        yield return ("plh setuju: status", StatusCard.Build(office.Views.Status(kegiatan, definition)));
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Siti, 5, kegiatan.Version, t.Verify("disposisiKepalaDinas", "Laksanakan.")));
        foreach (var card in Notices(office, kegiatan, "disposisi after plh"))
        {
            yield return card;
        }

        office.Clock.Advance(TimeSpan.FromMinutes(10));
        kegiatan = office.Accept(kegiatan, new Reschedule(Staff.Yusuf, 6, kegiatan.Version, "2026-07-16 13:30",
            t.Text(300, "Ruang Rapat Bidang Perijinan"), t.Text(RescheduleRules.MaxReasonLength, "Narasumber berhalangan.")));
        foreach (var card in Notices(office, kegiatan, "plh jadwal"))
        {
            yield return card;
        }

        yield return ("plh jadwal: card", RescheduleCard.Build(office.Views.Rescheduled(kegiatan, definition)));
        yield return ("plh jadwal: step 6", office.StepCardFor(kegiatan, Staff.Rina));
        kegiatan = office.Accept(kegiatan, new Reassign(Staff.Yusuf, 6, kegiatan.Version, Staff.Yusuf, t.Reason("Rina cuti pada tanggal pelaksanaan.")));
        foreach (var card in Notices(office, kegiatan, "plh alihkan"))
        {
            yield return card;
        }

        yield return ("plh alihkan: card", ReassignCard.Build(office.Views.Reassigned(kegiatan, definition)));
        office.Clock.Advance(TimeSpan.FromMinutes(10));
        var old = kegiatan;
        kegiatan = office.Accept(kegiatan, new Cancel(Staff.Yusuf, kegiatan.Version, t.Reason("Koperasi menunda permohonan IUSP.")));
        foreach (var card in Notices(office, kegiatan, "batal"))
        {
            yield return card;
        }

        yield return ("batal: outcome", OutcomeCard.Build(office.Views.Outcome(kegiatan, definition, 6)));
        yield return ("batal: status", StatusCard.Build(office.Views.Status(kegiatan, definition)));
        yield return ("batal: riwayat", HistoryCard.Build(office.Views.History(kegiatan, definition)));
        yield return ("batal: step card", office.StepCardFor(kegiatan, Staff.Rina));
        var stale = office.Refuse(kegiatan, new RecordExecution(Staff.Yusuf, 6, old.Version, t.Execution()));
        yield return ("batal: stale card", RefusalCard.Build(office.Views.Refusal(stale, kegiatan, definition)));
    }

    /// <summary>Reminders about a step whose koperasi was typed, to the assignee and to their Plh., and the daily digest.</summary>
    private static IEnumerable<(string, JsonObject)> Reminders(Typing t)
    {
        var office = new SopOffice(t) { Staffing = Staff.With(t.YusufForHendra) };
        var kegiatan = office.WalkTo(4);
        office.Clock.Advance(TimeSpan.FromHours(3));
        var now = office.Clock.GetUtcNow();
        var reminder = new Reminder(4, 1, ReminderKind.Escalation, 1, now, ReminderAudience.Superior);
        var view = ReminderViews.Reminder(kegiatan, SopOffice.Definition, reminder, WorkCalendar.Default, now);
        yield return ("reminder", ReminderCard.Build(view));
        yield return ("reminder to the Plh.", ReminderCard.Build(ReminderViews.ForStandIn(view, "Plh. Kepala Bidang Perijinan dan Kelembagaan", "Hendra Gunawan", t.YusufForHendra.BasisText)));
        var tasks = office.Views.Tasks([(kegiatan, SopOffice.Definition)], Staff.Yusuf);
        yield return ("digest", DigestCard.Build(new DigestCardView(ReminderViews.DigestTitle, "Senin, 13 Juli 2026", ReminderViews.BidangLine(1, 1), tasks)));
    }

    /// <summary>The cards outside the SOP that show typed text: the SRIKANDI number, the judul, the Plh. basis.</summary>
    private static IEnumerable<(string, JsonObject)> Outside(Typing t)
    {
        var nomor = t.Text(AgendaCard.MaxNomorLength, "B-512/DISKOPUKM-B/XI/2026");
        var perihal = t.Text(300, "Laporan kegiatan fasilitasi IUSP KSP Maju Bersama");
        var row = new AgendaRow(2026, 2, new DateOnly(2026, 11, 24), nomor, true, perihal, "Kepala Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat", AgendaTexts.Pengolah("Budi Santoso", null), "FAS-2026-0001", Pdf);
        var choice = new AgendaChoice("2026-2", AgendaTexts.Choice(2, nomor, "FAS-2026-0001", "laporan"));
        yield return ("agenda", AgendaCard.Build(new AgendaCardView("November 2026", "bulan", [row], 1, null, Expires, [choice],
            Notice: AgendaTexts.Saved(nomor, 2, "FAS-2026-0001", AgendaTexts.LaporanUpdated), DraftEntry: "2026-2", DraftNomor: nomor)));
        yield return ("agenda refused", AgendaCard.Build(new AgendaCardView("November 2026", "bulan", [row], 1, null, Expires, [choice],
            Error: AgendaTexts.Duplicate(nomor), DraftEntry: "2026-2", DraftNomor: nomor)));
        yield return ("dokumen", DocumentsCard.Build(new DocumentsView("FAS-2026-0001",
            [DocumentTexts.Caption(DocumentTexts.LaporanName, nomor), DocumentTexts.Caption(DocumentTexts.DisposisiName, nomor)],
            [new("Unduh Laporan (PDF)", Pdf)], Expires)));
        yield return ("undangan", UndanganCard.Build(new UndanganCardView("FAS-2026-0001", 2026, 3, nomor, true, perihal, Expires,
            new DocumentsView("FAS-2026-0001", [DocumentTexts.Caption(DocumentTexts.UndanganName, nomor)], [new("Unduh Undangan (PDF)", Pdf)], Expires),
            Notice: UndanganCard.Saved(nomor), DraftNomor: nomor)));
        yield return ("peran: step left without its holder", RolesCard.LeftRole(new LeftRoleView("FAS-2026-0007", t.Text(200, "Fasilitasi IUSP KSP Maju Bersama"),
            2, "Penyiapan data dukung", "Anggota Tim Kerja", "Budi Santoso", "Ketua Tim Kerja", ToAdmins: false)));

        var today = new DateOnly(2026, 11, 26);
        var item = new DelegationItem("a1", "Hendra Gunawan", "Kepala Bidang Perijinan dan Kelembagaan", "Rina Marlina", today, today.AddDays(2),
            t.Text(DelegationCard.MaxBasisLength, "800/123/DISKOPUKM.B/2026"), MayEnd: true);
        var form = new DelegationForm([new(Staff.Hendra, DelegationTexts.Choice("Hendra Gunawan", ["Kepala Bidang"]))], [new(Staff.Rina, "Rina Marlina")]);
        yield return ("plh", DelegationCard.Build(new DelegationCardView(today, [item], form, new DelegationDraft(Basis: item.Basis), DelegationTexts.Added(item, told: true))));
        yield return ("plh appointed", DelegationCard.Appointed(item, "Agus Pratama"));
        yield return ("plh ended", DelegationCard.Ended(item, "Agus Pratama", today.AddDays(1)));
    }

    private static IEnumerable<(string, JsonObject)> Notices(SopOffice office, Kegiatan kegiatan, string after) =>
        office.Views.Notices(office.Events, kegiatan, SopOffice.Definition).Select(n => ($"{after}: notice {n.Kind}", NoticeCard.Build(n.View)));
}
