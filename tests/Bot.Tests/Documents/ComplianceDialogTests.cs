using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Reports.Tests.Support;
using PerijinanBot.Sop.Engine;
using static PerijinanBot.Bot.Tests.Documents.DocumentsKit;

namespace PerijinanBot.Bot.Tests.Documents;

/// <summary>
/// "laporan" through the whole host on a real Azurite: the figures of the kegiatan actually stored (one closed with a Tidak at
/// step 3, one still open), the chart and the XLSX behind their links, and who may ask. The arithmetic itself is proven
/// against hand-computed values in Reports.Tests; this proves the command reads the right kegiatan and serves the files.
/// </summary>
[NeedsAzurite]
public sealed class ComplianceDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_compliance_card_counts_the_stored_kegiatan_and_links_a_chart_and_an_xlsx_that_round_trips()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);

        // A kegiatan closed with one Tidak at step 3 (the Ketua sends Budi's data back once), and one left at step 2.
        var (closed, _) = await h.StartKegiatanAsync(Ct);
        await h.ActAsync(h.Budi, closed, 2, SopVerbs.Submit, DialogHarness.Step2Form, Ct);
        var (_, sentBack) = await h.ActAsync(h.Ketua, closed, 3, SopVerbs.Reject, new() { ["alasan"] = "Calon narasumber belum lengkap." }, Ct);
        Assert.True(sentBack.IsCard, sentBack.ToString());
        foreach (var (step, who, verb, form) in new (int, Person, string, Dictionary<string, string>)[]
        {
            (2, h.Budi, SopVerbs.Submit, DialogHarness.Step2Form),
            (3, h.Ketua, SopVerbs.Approve, []),
            (4, h.Kabid, SopVerbs.Approve, []),
            (5, h.Kadis, SopVerbs.Approve, []),
            (6, h.Ketua, SopVerbs.Execute, DialogHarness.Step6Form),
            (7, h.Budi, SopVerbs.Report, DialogHarness.Step7Form),
        })
        {
            var (_, answer) = await h.ActAsync(who, closed, step, verb, form, Ct);
            Assert.True(answer.IsCard, $"step {step}: {answer}");
        }

        var (open, _) = await h.StartKegiatanAsync(Ct);
        var stored = await h.KegiatanAsync(closed, Ct);
        Assert.Equal(KegiatanStatus.Closed, stored.Status);

        // Budi (Anggota) may not ask; a period that does not exist gets a hint.
        await h.SayAsync(h.Budi, "laporan", Ct);
        Assert.Contains("dapat dilihat oleh Ketua Tim Kerja, Kepala Bidang, Kepala Dinas, dan Admin", await h.TextInAsync(h.Budi.ConversationId, "Budi: refused"), StringComparison.Ordinal);
        await h.SayAsync(h.Kabid, "laporan dekade", Ct);
        Assert.Contains("bukan periode yang dikenal", await h.TextInAsync(h.Kabid.ConversationId, "Kabid: bad period"), StringComparison.Ordinal);

        await h.SayAsync(h.Kabid, "laporan tahun", Ct);
        var card = (await h.CardAsync(h.Kabid, c => DialogCards.Title(c)?.StartsWith("Laporan kepatuhan SOP", StringComparison.Ordinal) == true, "Kabid: compliance card")).Card;
        var text = DialogCards.Text(card);
        Assert.Contains("\"title\":\"Kegiatan berjalan saat ini\",\"value\":\"1\"", text, StringComparison.Ordinal);
        // The closed one: steps 1, 4, 5, 6, 7 once, steps 2 and 3 twice (the Tidak and the redo); the open one: step 1.
        Assert.Contains("\"title\":\"Langkah selesai dalam periode\",\"value\":\"10\"", text, StringComparison.Ordinal);
        Assert.Contains("Langkah 3 · Verifikasi data dukung (Ketua Tim Kerja)", text, StringComparison.Ordinal);
        Assert.Contains("2 kali selesai (1 kegiatan)", text, StringComparison.Ordinal);
        Assert.Contains("dikembalikan (Tidak) 1 kali", text, StringComparison.Ordinal);
        Assert.Contains("Formulir monitoring SOP (terisi otomatis)", text, StringComparison.Ordinal);

        // The chart is an image the bot serves; the XLSX holds one row per finished visit and reads back the same.
        var image = DialogCards.Find(card, o => (string?)o["type"] == "Image").Single();
        var png = await DownloadAsync(h, new Uri((string)image["url"]!), "image/png");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4));
        var export = DialogCards.Find(card, o => (string?)o["type"] == "Action.OpenUrl").Single();
        var rows = ComplianceXlsxReader.ReadRows(await DownloadAsync(h, new Uri((string)export["url"]!), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.Equal(9, rows.Count(r => r.Number == closed));
        Assert.Equal([(open, 1)], rows.Where(r => r.Number != closed).Select(r => (r.Number, r.Step)));
        var tidak = Assert.Single(rows, r => r.Outcome == StepOutcome.SentBack);
        Assert.Equal((3, "Calon narasumber belum lengkap.", "KSP Maju Bersama"), (tidak.Step, tidak.Reason, tidak.Koperasi));
    }

}
