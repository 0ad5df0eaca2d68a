using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>tugas, status, riwayat, sop and batal.</summary>
public sealed class ListCardTests
{
    [Fact]
    public void Tasks_list_late_steps_first_with_how_late_in_working_time()
    {
        var card = SopScenes.All["sop-tasks"](Typing.Normal);

        var items = card["body"]!.AsArray().Skip(2).ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("attention", (string?)items[0]!["style"]);
        var late = CardJson.OfType(items[0]!, "TextBlock").Single(t => ((string)t["text"]!).StartsWith("TERLAMBAT", StringComparison.Ordinal));
        Assert.Equal(("TERLAMBAT 2 jam 10 menit", "Attention"), ((string?)late["text"], (string?)late["color"]));
        Assert.Contains("sisa 10 menit waktu kerja", CardJson.Text(items[1]!), StringComparison.Ordinal);
        Assert.Contains("waktu dihitung mulai Rabu, 15 Juli 2026 09.00 WIB", CardJson.Text(items[2]!), StringComparison.Ordinal);
        Assert.Contains("3 langkah menunggu tindakan Anda, 1 di antaranya terlambat.", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Tasks_say_so_when_nothing_is_waiting()
    {
        var card = SopScenes.All["sop-tasks-empty"](Typing.Normal);

        Assert.Contains("Tidak ada langkah yang menunggu tindakan Anda.", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Empty(CardJson.OfType(card, "Action.Execute"));
    }

    [Fact]
    public void A_Plh_sees_the_holder_s_steps_marked_with_the_position_he_stands_in_for()
    {
        var office = new SopOffice { Staffing = Staff.With(Staff.YusufForHendra) };
        var kegiatan = office.WalkTo(4);

        var card = TasksCard.Build(office.Views.Tasks([(kegiatan, SopOffice.Definition)], Staff.Yusuf, k => office.Permitted(k, Staff.Yusuf)[0].As));

        Assert.Contains("Sebagai Plh. Kepala Bidang Perijinan dan Kelembagaan (menggantikan Hendra Gunawan)", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Status_tells_where_the_kegiatan_is_who_holds_it_and_since_when()
    {
        var text = CardJson.Text(SopScenes.All["sop-status"](Typing.Normal));

        Assert.Contains("Langkah: Langkah 4 dari 7: Koreksi data dukung", text, StringComparison.Ordinal);
        Assert.Contains("Pelaksana: Hendra Gunawan (Kepala Bidang)", text, StringComparison.Ordinal);
        Assert.Contains("Sejak: Senin, 13 Juli 2026 09.12 WIB", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_of_a_cancelled_kegiatan_shows_who_cancelled_and_why()
    {
        var office = new SopOffice(Typing.Injected);
        var kegiatan = SopScenes.EventfulKegiatan(office);

        var card = StatusCard.Build(office.Views.Status(kegiatan, SopOffice.Definition));

        Assert.Contains("Dibatalkan oleh: Hendra Gunawan", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Contains(CardJson.OfType(card, "TextRun"), r => ((string)r["text"]!).EndsWith("Koperasi menunda permohonan IUSP.", StringComparison.Ordinal));
        Assert.Empty(CardJson.OfType(card, "Action.Execute"));
    }

    [Fact]
    public void History_lists_every_visit_with_send_backs_Plh_reassignment_and_cancellation()
    {
        var office = new SopOffice();
        var kegiatan = SopScenes.EventfulKegiatan(office);

        var card = HistoryCard.Build(office.Views.History(kegiatan, SopOffice.Definition));
        var text = CardJson.Text(card);

        Assert.Equal(kegiatan.Steps.Count, card["body"]!.AsArray().Count(n => (string?)n!["type"] == "Container"));
        Assert.Contains("Hasil: Tidak, dikembalikan ke langkah 3", text, StringComparison.Ordinal);
        Assert.Contains("Oleh: Yusuf Hidayat selaku Plh. Kepala Bidang Perijinan dan Kelembagaan (Surat Perintah Nomor 800.1.11.1/12/DISKOPUKM/2026 tanggal 10 Juli 2026)", text, StringComparison.Ordinal);
        Assert.Contains("Dialihkan: dari Rina Marlina kepada Yusuf Hidayat oleh Hendra Gunawan", text, StringComparison.Ordinal);
        Assert.Contains("Ketepatan waktu: terlambat 7 menit (22 menit dari 15 menit)", text, StringComparison.Ordinal);
        Assert.Contains("Hasil: Dibatalkan", text, StringComparison.Ordinal);
        Assert.Contains(CardJson.OfType(card, "TextRun"), r => (string?)r["text"] == "Rina cuti pada tanggal pelaksanaan.");
    }

    [Fact]
    public void History_of_a_long_kegiatan_shows_the_latest_visits_and_says_how_many_are_hidden()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(3);
        for (var i = 0; i < 10; i++)
        {
            kegiatan = office.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, $"Perbaikan {i + 1}."));
            kegiatan = office.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, office.Typing.Data()));
        }

        var view = office.Views.History(kegiatan, SopOffice.Definition);

        Assert.Equal(SopCardViews.MaxListed, view.Entries.Count);
        Assert.Equal($"{kegiatan.Steps.Count - SopCardViews.MaxListed} catatan paling awal tidak ditampilkan agar kartu tidak terlalu besar.", view.Omitted);
        Assert.EndsWith("(perbaikan ke-10)", view.Entries[^1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SOP_card_shows_the_header_as_written_with_blank_cells_as_dashes_and_every_step()
    {
        var card = SopScenes.All["sop-sop"](Typing.Normal);
        var text = CardJson.Text(card);

        Assert.Contains("Nomor SOP: 000.8 / 1622 / DISKOPUKM.B", text, StringComparison.Ordinal);
        Assert.Contains("Tanggal pembuatan: 31 Agustus 2023", text, StringComparison.Ordinal);
        Assert.Contains("Tanggal revisi: —", text, StringComparison.Ordinal);
        Assert.Contains("Disahkan oleh: —", text, StringComparison.Ordinal);
        Assert.Contains("IKCP — Izin Kantor Cabang Pembantu", text, StringComparison.Ordinal);
        Assert.All(SopOffice.Definition.Steps, step => Assert.Contains(step.Activity, text, StringComparison.Ordinal));
        Assert.Contains("Kelengkapan: Pelaksanaan Kegiatan · Waktu: 2 hari kerja · Output: Laporan Kegiatan · Ket.: SOP Pelaporan", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SOP_card_shows_where_Ya_and_Tidak_lead_at_steps_3_to_5_and_marks_the_pelaksana_of_steps_6_and_7_as_the_office_s()
    {
        var text = CardJson.Text(SopScenes.All["sop-sop"](Typing.Normal));

        Assert.Contains("Ya → lanjut ke langkah 4 (Kepala Bidang)\nTidak → kembali ke langkah 2 (Anggota Tim Kerja) untuk diperbaiki", text, StringComparison.Ordinal);
        Assert.Contains("Ya → lanjut ke langkah 5 (Kepala Dinas)\nTidak → kembali ke langkah 3 (Ketua Tim Kerja) untuk diperbaiki", text, StringComparison.Ordinal);
        Assert.Contains(
            "Ya → disposisi kepada Kepala Bidang untuk ditindaklanjuti; lanjut ke langkah 6 (Ketua Tim Kerja)\nTidak → kembali ke langkah 4 (Kepala Bidang) untuk diperbaiki",
            text, StringComparison.Ordinal);
        Assert.Equal(3, text.Split('\n').Count(line => line.StartsWith("Ya → ", StringComparison.Ordinal)));
        Assert.Contains("Ketua Tim Kerja (ditetapkan kantor)\nMelaksanakan kegiatan Fasilitasi", text, StringComparison.Ordinal);
        Assert.Contains("Teks SOP tidak menyebut pelaksana langkah ini; ditetapkan kantor: Ketua Tim Kerja yang memulai kegiatan (pelaksana langkah 1 dan 3).", text, StringComparison.Ordinal);
        Assert.Contains("Anggota Tim Kerja (ditetapkan kantor)\nMendokumentasikan kegiatan", text, StringComparison.Ordinal);
        Assert.Contains("Teks SOP tidak menyebut pelaksana langkah ini; ditetapkan kantor: Anggota Tim Kerja yang ditunjuk pada langkah 1 (pelaksana langkah 2).", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split('\n').Count(line => line.EndsWith("(ditetapkan kantor)", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_SOP_card_reads_the_routes_and_the_office_s_choices_from_the_definition()
    {
        var real = SopOffice.Definition;
        // An office that sends a Kabid's Tidak back to the Anggota, and that no longer marks step 6 as its own choice.
        var changed = real with
        {
            Steps = [.. real.Steps.Select(s => s.Number switch
            {
                4 => s with { SendBackTo = 2 },
                6 => s with { RoleChosenByOffice = false },
                _ => s,
            })],
        };

        var text = CardJson.Text(SopCard.Build(changed));

        Assert.Contains("Ya → lanjut ke langkah 5 (Kepala Dinas)\nTidak → kembali ke langkah 2 (Anggota Tim Kerja) untuk diperbaiki", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ketua Tim Kerja (ditetapkan kantor)", text, StringComparison.Ordinal);
        Assert.Contains("Anggota Tim Kerja (ditetapkan kantor)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cancel_card_needs_a_reason_and_names_the_version_it_cancels()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(3);

        var card = CancelCard.Build(office.Views.Cancel(kegiatan, SopOffice.Definition, new Dictionary<string, string?> { ["alasan"] = "Ditunda." }, "Alasan pembatalan wajib diisi."));

        var alasan = CardJson.Input(card, "alasan");
        Assert.Equal((true, 1000, "Ditunda."), ((bool?)alasan["isRequired"], (int?)alasan["maxLength"], (string?)alasan["value"]));
        var cancel = CardJson.OfType(card, "Action.Execute").Single();
        Assert.Equal(("sop.cancel", kegiatan.Version), ((string?)cancel["verb"], (int?)cancel["data"]!["version"]));
        Assert.Contains("Alasan pembatalan wajib diisi.", CardJson.Text(card["body"]![0]!), StringComparison.Ordinal);
    }
}
