using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>The cards follow the SOP data, not the real SOP's field names: a second, smaller SOP as data alone.</summary>
public sealed class OtherSopTests
{
    private const string Json = """
        {
          "id": "penerbitan-surat-tugas", "version": 1, "numberPrefix": "ST",
          "header": { "instansi": ["PEMERINTAH PROVINSI KALIMANTAN BARAT"], "nomorSop": "000.8 / 9999 / DISKOPUKM.B", "nama": "Penerbitan Surat Tugas (SOP uji)", "peringatan": "Hanya untuk pengujian." },
          "roles": [
            { "role": "anggotaTimKerja", "name": "Anggota Tim Kerja", "shortName": "Anggota", "superior": "kepalaBidang" },
            { "role": "kepalaBidang", "name": "Kepala Bidang Perijinan dan Kelembagaan", "shortName": "Kepala Bidang", "superior": null }
          ],
          "steps": [
            {
              "number": 1, "title": "Permohonan", "kind": "start", "role": "anggotaTimKerja", "assignment": { "rule": "starter" },
              "activity": "Mengajukan permohonan surat tugas.", "kelengkapan": "Formulir permohonan",
              "waktu": { "amount": 30, "unit": "minutes" }, "output": "Permohonan",
              "fields": [
                { "id": "tujuan", "label": "Tujuan perjalanan", "kind": "text", "required": true, "maxLength": 200 },
                { "id": "tanggalBerangkat", "label": "Tanggal berangkat", "kind": "date", "required": true },
                { "id": "moda", "label": "Moda perjalanan", "kind": "choice", "required": true, "choices": [ { "value": "darat", "label": "Jalur darat" }, { "value": "udara", "label": "Pesawat udara" } ] }
              ],
              "next": 2
            },
            {
              "number": 2, "title": "Paraf Kepala Bidang", "kind": "decision", "role": "kepalaBidang", "assignment": { "rule": "roleHolder" },
              "activity": "Memeriksa permohonan.", "kelengkapan": "Permohonan",
              "waktu": { "amount": 2, "unit": "hours" }, "output": "Paraf",
              "fields": [ { "id": "nomorParaf", "label": "Nomor paraf", "kind": "text", "required": true, "maxLength": 50 } ],
              "next": null, "sendBackTo": 1
            }
          ],
          "cancelBy": [{ "role": "anggotaTimKerja", "rule": "starter" }]
        }
        """;

    [Fact]
    [NeedsNode]
    public void A_required_field_of_a_decision_step_is_left_to_the_engine_so_Tidak_is_never_blocked()
    {
        var (engine, definition, views, kegiatan) = Started();

        var card = StepCard.Build(views.Step(kegiatan, definition, Staff.Hendra, engine.PermittedActions(kegiatan, Staff.Hendra, Staff.With())));

        Assert.Equal(["nomorParaf", "alasan"], CardJson.Inputs(card).Select(i => (string?)i["id"]));
        Assert.Null(CardJson.Input(card, "nomorParaf")["isRequired"]);
        Assert.Equal("Nomor paraf wajib diisi untuk Setuju, paling banyak 50 karakter; untuk Tidak cukup alasannya.", (string?)CardJson.Input(card, "nomorParaf")["errorMessage"]);
        Assert.Equal(true, (bool?)CardJson.Input(card, "alasan")["isRequired"]);
        Cards.CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void Stored_choices_and_dates_are_shown_in_words_and_the_header_keeps_only_what_the_SOP_has()
    {
        var (engine, definition, views, kegiatan) = Started();

        var card = StepCard.Build(views.Step(kegiatan, definition, Staff.Hendra, engine.PermittedActions(kegiatan, Staff.Hendra, Staff.With())));
        var text = CardJson.Text(card);

        Assert.Contains("Moda perjalanan: Pesawat udara", text, StringComparison.Ordinal);
        Assert.Contains("Tanggal berangkat: Senin, 20 Juli 2026", text, StringComparison.Ordinal);
        Assert.Contains("Nomor kegiatan: ST-2026-0001", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jenis fasilitasi", text, StringComparison.Ordinal);
        Assert.Contains("Setuju: kegiatan selesai dan semua yang terlibat diberi tahu.", text, StringComparison.Ordinal);
    }

    private static (SopEngine Engine, SopDefinition Definition, SopCardViews Views, Kegiatan Kegiatan) Started()
    {
        var catalog = SopCatalog.Load([new DefinitionSource("penerbitan-surat-tugas.v1.json", Json)]);
        var clock = new FakeTimeProvider(SopOffice.Wib(2026, 7, 13, 8, 0));
        var engine = new SopEngine(catalog, WorkCalendar.Default, clock);
        var form = new FormInput(new Dictionary<string, string?> { ["tujuan"] = "Sintang", ["tanggalBerangkat"] = "2026-07-20", ["moda"] = "udara" }, []);
        var result = engine.Start(new StartKegiatan(Staff.Budi, "penerbitan-surat-tugas", "ST-2026-0001", form), Staff.With());
        Assert.True(result.IsAccepted, result.Refusal?.Message);
        var definition = catalog.Latest("penerbitan-surat-tugas")!;
        return (engine, definition, SopCardViews.For(WorkCalendar.Default, clock.GetUtcNow(), Staff.Directory), result.State);
    }
}
