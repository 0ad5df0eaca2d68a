using System.Text.Json;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;
using static PerijinanBot.Bot.Tests.Dialogs.DialogCards;

namespace PerijinanBot.Bot.Tests.EndToEnd;

/// <summary>
/// One kegiatan through all seven steps of the SOP, with a Tidak at step 4 and its correction, driven only through the
/// four Playgrounds' HTTP API (each person types and clicks in their own Playground), and checked in each person's chat
/// and in table storage.
/// </summary>
[NeedsAzurite, NeedsPlayground]
public sealed class WholeSopTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task One_kegiatan_walks_all_seven_steps_with_a_send_back_at_step_4()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var office = await Office.OpenAsync(ct);
        var ketua = office["KetuaTimKerja"];
        var anggota = office["AnggotaTimKerja"];
        var kabid = office["KepalaBidang"];
        var kadis = office["KepalaDinas"];

        await PlaygroundWalk.OpenChatsAsync(ct, ketua, anggota, kabid, kadis);

        // Step 1: the Ketua starts the kegiatan and instructs the Anggota; step 2: the Anggota prepares the data;
        // step 3: the Ketua verifies and forwards to the Kabid.
        var number = await PlaygroundWalk.StartAsync(ketua, ct);
        await PlaygroundWalk.SubmitDataAsync(anggota, number, ct);
        await PlaygroundWalk.ApproveAsync(ketua, number, 3, ct);

        // Step 4: the Kabid sends it back to the Ketua with a reason.
        var (s4, card4) = await kabid.CardAsync(c => Action(c, "sop.reject", 4) is not null, "Kabid: step 4 card");
        var rejected = await kabid.ExecuteAsync(s4, "sop.reject", With(Action(card4, "sop.reject", 4)!, card4, new()
        {
            ["alasan"] = "Narasumber dari Dinas PMPTSP perlu ditambahkan.",
        }), ct);
        PlaygroundWalk.AssertIsCard(rejected, "step 4 Tidak outcome");
        Assert.Contains("Narasumber dari Dinas PMPTSP perlu ditambahkan.", rejected!.ToJsonString(Unescaped), StringComparison.Ordinal);

        // The Ketua is told why, and gets step 3 again, with the reason on the card.
        await ketua.CardAsync(c => Text(c).Contains("Pekerjaan Anda dikembalikan", StringComparison.Ordinal), "Ketua: sent-back notice");
        await PlaygroundWalk.ApproveAsync(ketua, number, 3, ct, mustShow: "Narasumber dari Dinas PMPTSP perlu ditambahkan.");

        // Step 4 again, Setuju; step 5, the Kadis disposes it to the Kabid.
        await PlaygroundWalk.ApproveAsync(kabid, number, 4, ct);
        await PlaygroundWalk.ApproveAsync(kadis, number, 5, ct);
        await kabid.CardAsync(c => Text(c).Contains(number, StringComparison.Ordinal) && Action(c, "sop.approve") is null && Text(c).Contains("Disposisi", StringComparison.OrdinalIgnoreCase), "Kabid: disposition notice");

        // Step 6: the Ketua records the facilitation.
        var (s6, card6) = await ketua.CardAsync(c => Action(c, "sop.execute", 6) is not null, "Ketua: step 6 card");
        PlaygroundWalk.AssertIsCard(await ketua.ExecuteAsync(s6, "sop.execute", With(Action(card6, "sop.execute", 6)!, card6, new()
        {
            ["waktuPelaksanaan.date"] = OfficeWeek.JadwalDate,
            ["waktuPelaksanaan.time"] = OfficeWeek.JadwalTime,
            ["tempatPelaksanaan"] = "Aula Dinas Koperasi UKM Provinsi Kalimantan Barat",
        }), ct), "step 6 outcome");

        // Step 7: the Anggota reports; the kegiatan closes and everyone involved is told.
        var (s7, card7) = await anggota.CardAsync(c => Action(c, "sop.report", 7) is not null, "Anggota: step 7 card");
        PlaygroundWalk.AssertIsCard(await anggota.ExecuteAsync(s7, "sop.report", With(Action(card7, "sop.report", 7)!, card7, new()
        {
            ["ringkasanHasil"] = "Pengurus memahami persyaratan IUSP; berkas permohonan akan diajukan melalui OSS.",
            ["hasilKoperasi.1.hasil"] = "siap",
            ["hasilKoperasi.1.peserta"] = "22",
            ["hasilKoperasi.1.beritaAcara"] = "BA-01/FAS/VII/2026",
            ["jumlahPeserta"] = "22",
            ["dokumentasi"] = "https://dokumentasi.example/fas-2026/foto-1.jpg",
        }), ct), "step 7 outcome");
        var closingCards = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var desk in new[] { ketua, anggota, kabid, kadis })
        {
            closingCards.Add((await desk.CardAsync(c => Text(c).Contains(number, StringComparison.Ordinal) && Text(c).Contains("selesai", StringComparison.OrdinalIgnoreCase), $"{desk.Role}: closing notice")).Card);
        }

        // The closing card's link downloads the Laporan Kegiatan PDF from the bot, as a browser would (no sign-in, the signed link).
        var pdfLink = Find(closingCards[1], o => (string?)o["type"] == "Action.OpenUrl" && (string?)o["title"] == "Unduh Laporan (PDF)").Single();
        using (var browser = new HttpClient())
        {
            using var download = await browser.GetAsync(new Uri((string)pdfLink["url"]!), ct);
            Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(await download.Content.ReadAsByteArrayAsync(ct));
            var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains(number, words, StringComparison.Ordinal);
            // The Tidak of step 4 and its reason are in the approval trail (a table cell wraps the reason, so one word of it).
            Assert.Contains("PMPTSP", words, StringComparison.Ordinal);
        }

        // In storage: closed, seven steps (step 3 and 4 twice), each measured against its standard, and the history.
        var table = new TableClient(office.Azurite.ConnectionString, "Kegiatan");
        var row = (await table.GetEntityAsync<TableEntity>(number, "state", cancellationToken: ct)).Value;
        var kegiatan = JsonSerializer.Deserialize(EntityLimits.ReadChunked(row, "Json"), SopJsonContext.Default.Kegiatan)!;
        Assert.Equal(KegiatanStatus.Closed, kegiatan.Status);
        Assert.Equal([1, 2, 3, 4, 3, 4, 5, 6, 7], kegiatan.Steps.Select(s => s.Step));
        Assert.All(kegiatan.Steps, s => Assert.NotNull(s.Measurement));
        Assert.Equal(StepOutcome.SentBack, kegiatan.Steps[3].Outcome);
        Assert.Equal("Narasumber dari Dinas PMPTSP perlu ditambahkan.", kegiatan.Steps[3].Reason);
        Assert.Equal(1, kegiatan.ReworkOf(3));
        var history = table.QueryAsync<TableEntity>(e => e.PartitionKey == number && e.RowKey.CompareTo("h|") >= 0 && e.RowKey.CompareTo("h}") < 0, cancellationToken: ct);
        var entries = 0;
        await foreach (var _ in history)
        {
            entries++;
        }

        Assert.Equal(kegiatan.Version, entries);
    }
}
