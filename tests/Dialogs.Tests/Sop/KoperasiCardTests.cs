using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>The koperasi list on the start form (slots opened one by one), in every header, in the data and in status.</summary>
public sealed class KoperasiCardTests
{
    private static JsonObject Slot(JsonNode card, int slot) =>
        CardJson.All(card).Single(o => (string?)o["id"] == $"koperasi.slot.{slot}");

    /// <summary>What each toggle in a slot opens, as "title → target".</summary>
    private static IEnumerable<string> Reveals(JsonObject slot) =>
        CardJson.OfType(slot, "Action.ToggleVisibility").Select(t => $"{(string?)t["title"]} → {(string)t["targetElements"]![0]!}");

    /// <summary>A slot's details open with "Rincian koperasi N" inside it; the last toggle opens the next slot.</summary>
    private static string[] SlotToggles(int slot, bool withNext) => withNext
        ? [$"Rincian koperasi {slot} → koperasi.slot.{slot}.details", $"Tambah koperasi → koperasi.slot.{slot + 1}"]
        : [$"Rincian koperasi {slot} → koperasi.slot.{slot}.details"];

    [Fact]
    public void The_start_form_shows_koperasi_1_and_each_Tambah_koperasi_opens_the_next_slot_up_to_5()
    {
        var card = new SopOffice().StartCardFor(Staff.Rina);

        Assert.Null(Slot(card, 1)["isVisible"]);
        Assert.True((bool)CardJson.Input(card, "koperasi.1.nama")["isRequired"]!);
        Assert.Null(CardJson.Input(card, "koperasi.2.nama")["isRequired"]);
        Assert.Equal(SlotToggles(1, withNext: true), Reveals(Slot(card, 1)));
        for (var slot = 2; slot <= 5; slot++)
        {
            Assert.False((bool)Slot(card, slot)["isVisible"]!);
            Assert.Equal(SlotToggles(slot, withNext: slot < 5), Reveals(Slot(card, slot)));
        }

        // Name and NIK show at once; the other details wait behind the slot's own toggle.
        var details = CardJson.All(card).Single(o => (string?)o["id"] == "koperasi.slot.1.details");
        Assert.False((bool)details["isVisible"]!);
        Assert.Contains(CardJson.Inputs(details), i => (string?)i["id"] == "koperasi.1.nib");
        Assert.DoesNotContain(CardJson.Inputs(details), i => (string?)i["id"] is "koperasi.1.nama" or "koperasi.1.nik");
        Assert.DoesNotContain(CardJson.Inputs(card), i => ((string)i["id"]!).StartsWith("koperasi.6.", StringComparison.Ordinal));
        Assert.Equal("KSP", (string?)CardJson.Input(card, "koperasi.3.jenis")["value"]);
        Assert.Equal(14, CardJson.Input(card, "koperasi.1.wilayah")["choices"]!.AsArray().Count);
        Assert.True((bool)CardJson.Input(card, "koperasi.1.wilayah")["isMultiSelect"]!);
        Assert.Equal("Input.Date", (string?)CardJson.Input(card, "koperasi.1.tanggalBh")["type"]);
    }

    [Fact]
    public void A_refused_start_keeps_what_was_typed_in_slot_2_and_shows_it_with_the_slot_named_in_the_refusal()
    {
        var office = new SopOffice();
        var form = office.Typing.Start();
        var values = form.Values.ToDictionary(v => v.Key, v => v.Value);
        values["koperasi.2.nik"] = "12345";
        var refused = office.Engine.Start(new StartKegiatan(Staff.Rina, SopOffice.SopId, "FAS-2026-0001", form with { Values = values }), office.Staffing);
        Assert.False(refused.IsAccepted);

        var card = office.StartCardFor(Staff.Rina, values, refused.Refusal.Message);

        Assert.Contains("Koperasi 2: NIK (Nomor Induk Koperasi) harus 16 angka (saat ini 5 angka).", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Null(Slot(card, 2)["isVisible"]);
        Assert.Equal("12345", (string?)CardJson.Input(card, "koperasi.2.nik")["value"]);
        Assert.Equal("KSP Sejahtera Bersama", (string?)CardJson.Input(card, "koperasi.2.nama")["value"]);
        Assert.False((bool)Slot(card, 3)["isVisible"]!);
        Assert.Equal(SlotToggles(2, withNext: true), Reveals(Slot(card, 2)));
    }

    [Fact]
    public void Every_later_card_names_each_koperasi_with_its_NIK_and_the_data_lists_the_details()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(3);

        var text = CardJson.Text(office.StepCardFor(kegiatan, Staff.Rina));
        Assert.Contains("KSP Maju Bersama (NIK 6171012345678901)\nKSP Sejahtera Bersama (NIK 6112029876543210)", text, StringComparison.Ordinal);
        Assert.Contains("Badan hukum: 123/BH/XIV.3/2015, 2 Maret 2015", text, StringComparison.Ordinal);
        Assert.Contains("Wilayah keanggotaan: Kabupaten Kubu Raya, Kota Pontianak", text, StringComparison.Ordinal);
        Assert.Contains("Contact person: Yohanes Sutrisno · +6281234567891", text, StringComparison.Ordinal);

        var status = CardJson.Text(StatusCard.Build(office.Views.Status(kegiatan, SopOffice.Definition)));
        Assert.Contains("KSP Sejahtera Bersama (NIK 6112029876543210)", status, StringComparison.Ordinal);
        var riwayat = CardJson.Text(HistoryCard.Build(office.Views.History(kegiatan, SopOffice.Definition)));
        Assert.Contains("KSP Maju Bersama (NIK 6171012345678901)", riwayat, StringComparison.Ordinal);
    }

    [Fact]
    public void For_a_branch_office_the_alamat_is_called_the_office_to_be_opened()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(3);
        var data = kegiatan.Data[1];
        var ikc = kegiatan with { Data = new Dictionary<int, StepData>(kegiatan.Data) { [1] = data with { Values = new Dictionary<string, string>(data.Values) { ["jenisFasilitasi"] = "IKC" } } } };

        Assert.Contains("Alamat: Jl. Ahmad Yani No. 1", CardJson.Text(office.StepCardFor(kegiatan, Staff.Rina)), StringComparison.Ordinal);
        Assert.Contains("Alamat kantor yang akan dibuka: Jl. Ahmad Yani No. 1", CardJson.Text(office.StepCardFor(ikc, Staff.Rina)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_kegiatan_stored_with_one_koperasi_as_plain_text_still_shows_its_name()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(3);
        var data = kegiatan.Data[1];
        var old = kegiatan with { Data = new Dictionary<int, StepData>(kegiatan.Data) { [1] = data with { Values = new Dictionary<string, string>(data.Values) { ["koperasi"] = "KSP Lama Sentosa" } } } };

        var text = CardJson.Text(office.StepCardFor(old, Staff.Rina));
        Assert.Contains("KSP Lama Sentosa", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[", text.Split('\n').First(l => l.Contains("KSP Lama Sentosa", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_card_asks_each_koperasi_for_its_hasil_peserta_and_berita_acara_under_its_name()
    {
        var office = new SopOffice();
        var card = office.StepCardFor(office.WalkTo(7), Staff.Budi);

        var first = CardJson.All(card).Single(o => (string?)o["id"] == "hasilKoperasi.1");
        Assert.StartsWith("Koperasi 1: KSP Maju Bersama", CardJson.Text(first), StringComparison.Ordinal);
        Assert.Equal(
            ["hasilKoperasi.1.hasil", "hasilKoperasi.1.peserta", "hasilKoperasi.1.beritaAcara"],
            CardJson.Inputs(first).Select(i => (string?)i["id"]));
        Assert.Equal(["Siap mengajukan", "Perlu melengkapi", "Tidak melanjutkan"], CardJson.Input(card, "hasilKoperasi.2.hasil")["choices"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.Equal("Input.Number", (string?)CardJson.Input(card, "hasilKoperasi.2.peserta")["type"]);
        Assert.Equal(60, (int?)CardJson.Input(card, "hasilKoperasi.2.beritaAcara")["maxLength"]);
        Assert.DoesNotContain(CardJson.Inputs(card), i => ((string)i["id"]!).StartsWith("hasilKoperasi.3.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refused_report_keeps_each_koperasi_s_typed_results()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(7);
        var report = office.Typing.Report();
        var values = report.Values.ToDictionary(v => v.Key, v => v.Value);
        values["hasilKoperasi.2.peserta"] = "banyak";
        report = report with { Values = values };
        var refusal = office.Refuse(kegiatan, new SubmitReport(Staff.Budi, 7, kegiatan.Version, report));

        var card = office.StepCardFor(kegiatan, Staff.Budi, Typing.Draft(report), refusal.Message);

        Assert.Contains("Koperasi 2 (KSP Sejahtera Bersama): jumlah peserta harus bilangan bulat 0 atau lebih (saat ini “banyak”).", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Equal("lengkapi", (string?)CardJson.Input(card, "hasilKoperasi.2.hasil")["value"]);
        Assert.Equal("BA-02/FAS-IUSP/VII/2026", (string?)CardJson.Input(card, "hasilKoperasi.2.beritaAcara")["value"]);
    }

    [Fact]
    public void The_closing_record_lists_each_koperasi_s_result()
    {
        var text = CardJson.Text(SopScenes.All["sop-outcome-laporan"](Typing.Normal));

        Assert.Contains("1. KSP Maju Bersama: Siap mengajukan · 14 peserta · berita acara BA-01/FAS-IUSP/VII/2026", text, StringComparison.Ordinal);
        Assert.Contains("2. KSP Sejahtera Bersama: Perlu melengkapi · 10 peserta · berita acara BA-02/FAS-IUSP/VII/2026", text, StringComparison.Ordinal);
    }
}
