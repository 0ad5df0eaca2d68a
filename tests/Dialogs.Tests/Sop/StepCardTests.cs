using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

public sealed class StepCardTests
{
    [Theory]
    [InlineData(2, Staff.Budi, new[] { "sop.submit", "sop.koperasi.open" }, false)]
    [InlineData(3, Staff.Rina, new[] { "sop.approve", "sop.reject" }, true)]
    [InlineData(4, Staff.Hendra, new[] { "sop.approve", "sop.reject" }, true)]
    [InlineData(5, Staff.Siti, new[] { "sop.approve", "sop.reject" }, false)]
    [InlineData(6, Staff.Rina, new[] { "sop.execute" }, true)]
    [InlineData(7, Staff.Budi, new[] { "sop.report" }, false)]
    public void The_assignee_gets_exactly_the_buttons_the_engine_permits_for_the_step(int step, string assignee, string[] verbs, bool mayCancel)
    {
        var card = SopScenes.StepFor(Typing.Normal, step, assignee);

        Assert.Equal(verbs, CardJson.Verbs(card));
        var cancel = CardJson.OfType(card, "Action.Submit").Where(a => ((string?)a["data"]?["command"])?.StartsWith("batal ", StringComparison.Ordinal) == true);
        Assert.Equal(mayCancel, cancel.Any());
    }

    [Theory]
    [InlineData(2, Staff.Rina)]
    [InlineData(2, Staff.Dewi)]
    [InlineData(3, Staff.Budi)]
    [InlineData(3, Staff.Yusuf)]
    [InlineData(4, Staff.Rina)]
    [InlineData(5, Staff.Hendra)]
    [InlineData(6, Staff.Siti)]
    [InlineData(7, Staff.Rina)]
    public void Someone_who_is_not_the_assignee_sees_the_step_but_no_inputs_and_no_decision_buttons(int step, string viewer)
    {
        var card = SopScenes.StepFor(Typing.Normal, step, viewer);

        Assert.Empty(CardJson.Inputs(card));
        Assert.Empty(CardJson.Verbs(card).Intersect(CardJson.DecisionVerbs));
        Assert.Empty(CardJson.OfType(card, "Action.ShowCard"));
        Assert.Contains("Kartu ini hanya untuk dilihat.", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sent_back_step_shows_who_sent_it_back_and_why_and_keeps_everything_entered()
    {
        var card = SopScenes.All["sop-step-2-sent-back"](Typing.Normal);
        var text = CardJson.Text(card);

        Assert.Contains("Dikembalikan oleh Rina Marlina pada Senin, 13 Juli 2026 08.57 WIB:", text, StringComparison.Ordinal);
        var reason = CardJson.OfType(card, "TextRun").Single(r => ((string)r["text"]!).StartsWith("Tempat belum pasti", StringComparison.Ordinal));
        Assert.Equal("Tempat belum pasti; mohon konfirmasi aula dan lampirkan daftar hadir.", (string?)reason["text"]);

        var typed = Typing.Normal.Data();
        foreach (var (id, value) in typed.Values)
        {
            Assert.Equal(value, (string?)CardJson.Input(card, id)["value"]);
        }

        Assert.Equal(("2026-07-15", "09:00"), ((string?)CardJson.Input(card, "jadwal.date")["value"], (string?)CardJson.Input(card, "jadwal.time")["value"]));
        Assert.Equal("disposisi,bahanMateri", (string?)CardJson.Input(card, "kelengkapan")["value"]);
        Assert.Contains("(perbaikan ke-1)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_submission_comes_back_with_what_was_typed_and_the_engine_s_reason_on_top()
    {
        var card = SopScenes.All["sop-step-2-refused"](Typing.Normal);

        var top = card["body"]![0]!;
        Assert.Equal("attention", (string?)top["style"]);
        Assert.Contains("Kelengkapan belum lengkap: Bahan/materi.", CardJson.Text(top), StringComparison.Ordinal);
        Assert.Equal("Hotel Kapuas Palace", (string?)CardJson.Input(card, "tempat")["value"]);
        Assert.Equal("disposisi", (string?)CardJson.Input(card, "kelengkapan")["value"]);
        Assert.Equal(("2026-07-15", "09:00"), ((string?)CardJson.Input(card, "jadwal.date")["value"], (string?)CardJson.Input(card, "jadwal.time")["value"]));
    }

    [Fact]
    public void A_Plh_is_told_whose_authority_they_use_and_on_what_basis()
    {
        var card = SopScenes.All["sop-step-4-plh"](Typing.Normal);

        Assert.Contains("Anda bertindak selaku Plh. Kepala Bidang Perijinan dan Kelembagaan (menggantikan Hendra Gunawan) berdasarkan Surat Perintah Nomor 800.1.11.1/12/DISKOPUKM/2026 tanggal 10 Juli 2026.", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Equal(["sop.approve", "sop.reject"], CardJson.Verbs(card));
    }

    [Fact]
    public void The_holder_acting_during_a_delegation_gets_no_Plh_note()
    {
        var office = new SopOffice { Staffing = Staff.With(Staff.YusufForHendra) };
        var kegiatan = office.WalkTo(4);

        var card = office.StepCardFor(kegiatan, Staff.Hendra);

        Assert.DoesNotContain("Plh.", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Equal(["sop.approve", "sop.reject"], CardJson.Verbs(card));
    }

    [Fact]
    public void Tidak_is_never_blocked_by_the_decision_s_own_inputs_but_needs_its_reason()
    {
        var card = SopScenes.StepFor(Typing.Normal, 3, Staff.Rina);

        var showCard = CardJson.OfType(card, "Action.ShowCard").Single();
        Assert.Equal("Tidak", (string?)showCard["title"]);
        var alasan = CardJson.Input(showCard, "alasan");
        Assert.Equal((true, 1000, true), ((bool?)alasan["isRequired"], (int?)alasan["maxLength"], (bool?)alasan["isMultiline"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)alasan["label"]));
        Assert.All(CardJson.Inputs(card).Where(i => (string?)i["id"] != "alasan"), i => Assert.Null(i["isRequired"]));
        Assert.Equal("sop.reject", CardJson.Verbs(showCard).Single());
    }

    [Fact]
    public void The_kelengkapan_is_one_multi_select_checklist_of_the_step_s_items()
    {
        var card = SopScenes.StepFor(Typing.Normal, 2, Staff.Budi);

        var checklist = CardJson.Input(card, "kelengkapan");
        Assert.Equal(("Input.ChoiceSet", true, "expanded"), ((string?)checklist["type"], (bool?)checklist["isMultiSelect"], (string?)checklist["style"]));
        Assert.Equal(["disposisi", "bahanMateri"], checklist["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.Null(checklist["isRequired"]);
    }

    [Fact]
    public void The_start_card_carries_the_SOP_and_when_it_was_opened_so_step_1_is_measured()
    {
        var office = new SopOffice();
        office.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 13, 1, 0, 0, TimeSpan.Zero));

        var start = CardJson.OfType(office.StartCardFor(Staff.Rina), "Action.Execute").Single();

        Assert.Equal("sop.start", (string?)start["verb"]);
        Assert.Equal("fasilitasi-perijinan", (string?)start["data"]!["definition"]);
        Assert.Equal("2026-07-13T08:00:00+07:00", (string?)start["data"]!["openedAt"]);
        Assert.Null(start["data"]!["kegiatan"]);
    }

    [Fact]
    public void Due_times_are_written_in_WIB_across_the_lunch_break_even_when_the_clock_runs_in_UTC()
    {
        var office = new SopOffice(start: new DateTimeOffset(2026, 7, 13, 4, 30, 0, TimeSpan.Zero)); // 11.30 WIB
        var kegiatan = office.Start();

        var onTime = CardJson.Text(office.StepCardFor(kegiatan, Staff.Budi));
        Assert.Contains("Batas waktu: Senin, 13 Juli 2026 13.30 WIB (sisa 1 jam waktu kerja)", onTime, StringComparison.Ordinal);

        office.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 13, 7, 40, 0, TimeSpan.Zero)); // 14.40 WIB
        var late = office.StepCardFor(kegiatan, Staff.Budi);
        var marker = CardJson.OfType(late, "TextBlock").Single(t => (string?)t["text"] == "TERLAMBAT 1 jam 10 menit");
        Assert.Equal("Attention", (string?)marker["color"]);
    }

    [Fact]
    public void Step_6_says_its_clock_starts_at_the_jadwal()
    {
        var card = SopScenes.StepFor(Typing.Normal, 6, Staff.Rina);

        Assert.Contains("Batas waktu: Rabu, 15 Juli 2026 09.05 WIB (waktu dihitung mulai Rabu, 15 Juli 2026 09.00 WIB)", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_of_the_Kepala_Dinas_says_the_Kepala_Bidang_is_told_of_the_disposition()
    {
        var card = SopScenes.StepFor(Typing.Normal, 5, Staff.Siti);

        Assert.Contains("Disposisi Anda diberitahukan kepada Kepala Bidang (Hendra Gunawan) untuk ditindaklanjuti.", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void The_timeline_marks_late_steps_and_the_measured_time_against_the_standard()
    {
        var card = SopScenes.StepFor(Typing.Normal, 4, Staff.Hendra);

        var late = CardJson.OfType(card, "TextBlock").Single(t => ((string)t["text"]!).Contains("terlambat", StringComparison.Ordinal));
        Assert.Equal("Setuju oleh Rina Marlina · Senin, 13 Juli 2026 09.12 WIB · terlambat 7 menit (22 menit dari 15 menit)", (string?)late["text"]);
        Assert.Equal("Attention", (string?)late["color"]);
        Assert.Contains("Data dikirim oleh Budi Santoso · Senin, 13 Juli 2026 08.50 WIB · tepat waktu (50 menit dari 1 jam)", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Plh_decision_is_marked_in_the_timeline()
    {
        var office = new SopOffice { Staffing = Staff.With(Staff.YusufForHendra) };
        var kegiatan = office.WalkTo(4);
        kegiatan = office.Accept(kegiatan, new Approve(Staff.Yusuf, 4, kegiatan.Version, office.Typing.Verify("catatanKoreksi", "Sesuai.")));

        var card = office.StepCardFor(kegiatan, Staff.Siti);

        Assert.Contains("Setuju oleh Yusuf Hidayat selaku Plh. Kepala Bidang Perijinan dan Kelembagaan (Surat Perintah Nomor 800.1.11.1/12/DISKOPUKM/2026 tanggal 10 Juli 2026)", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "jadwal", "Jadwal pelaksanaan")]
    [InlineData(6, "waktuPelaksanaan", "Waktu kegiatan dimulai")]
    public void Every_date_and_time_is_a_date_picker_and_a_time_picker(int step, string field, string label)
    {
        var card = SopScenes.StepFor(Typing.Normal, step, step == 2 ? Staff.Budi : Staff.Rina);

        var date = CardJson.Input(card, field + ".date");
        var time = CardJson.Input(card, field + ".time");
        Assert.Equal(("Input.Date", $"{label} — tanggal", true), ((string?)date["type"], (string?)date["label"], (bool?)date["isRequired"]));
        Assert.Equal(("Input.Time", $"{label} — jam (WIB)", true), ((string?)time["type"], (string?)time["label"], (bool?)time["isRequired"]));
        Assert.DoesNotContain(CardJson.Inputs(card), i => (string?)i["id"] == field);
        Assert.DoesNotContain(CardJson.Inputs(card), i => i["regex"] is not null && ((string)i["regex"]!).Contains("d{4}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("15/07/2026 09.00")]
    [InlineData("15-07-2026 9:00")]
    [InlineData("15 Juli 2026 09.00")]
    [InlineData("2026-07-15 09:00")]
    [InlineData("2026-07-15T09:00")]
    public void A_jadwal_typed_into_an_older_card_is_read_and_shown_the_office_s_way(string typed)
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(2);

        kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, office.Typing.Data(jadwal: typed)));

        Assert.Equal("2026-07-15T09:00:00+07:00", kegiatan.Value("jadwal"));
        Assert.Contains("Jadwal pelaksanaan: Rabu, 15 Juli 2026 09.00 WIB", CardJson.Text(office.StepCardFor(kegiatan, Staff.Rina)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_jadwal_the_engine_cannot_read_comes_back_with_empty_pickers_and_the_typed_text_quoted_in_the_office_s_format()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(2);
        var form = office.Typing.Data(jadwal: "Rabu depan jam 9");
        var refusal = office.Refuse(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, form));

        var card = office.StepCardFor(kegiatan, Staff.Budi, Typing.Draft(form), refusal.Message);

        Assert.Equal("Isian belum benar: Jadwal pelaksanaan “Rabu depan jam 9” tidak dikenali sebagai tanggal dan jam. Tulis seperti 14 Juli 2026 09.00.", refusal.Message);
        Assert.Equal((null, null), ((string?)CardJson.Input(card, "jadwal.date")["value"], (string?)CardJson.Input(card, "jadwal.time")["value"]));
        Assert.Equal("Aula Dinas Koperasi UKM", (string?)CardJson.Input(card, "tempat")["value"]);
    }

    [Theory]
    [InlineData("https://example.org/bahan.pdf", true)]
    [InlineData("https://example.org/a.pdf\nhttp://example.org/b.pdf", true)]
    [InlineData("www.example.org/bahan.pdf", false)]
    [InlineData("https://example.org/a.pdf\nbahan di map bersama", false)]
    public void The_links_pattern_in_the_card_agrees_with_the_engine(string typed, bool valid)
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(2);
        var values = office.Typing.Data().Values.ToDictionary(v => v.Key, v => v.Value);
        values["tautanBahan"] = typed;

        var engineAccepts = office.Engine.Apply(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, new FormInput(values, ["disposisi", "bahanMateri"])), office.Staffing).IsAccepted;
        var cardAccepts = System.Text.RegularExpressions.Regex.IsMatch(typed, (string)CardJson.Input(office.StepCardFor(kegiatan, Staff.Budi), "tautanBahan")["regex"]!, System.Text.RegularExpressions.RegexOptions.ECMAScript);

        Assert.Equal((valid, valid), (engineAccepts, cardAccepts));
    }
}
