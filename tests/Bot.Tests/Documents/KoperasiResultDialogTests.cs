using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using static PerijinanBot.Bot.Tests.Documents.DocumentsKit;

namespace PerijinanBot.Bot.Tests.Documents;

/// <summary>
/// Through the whole host on a real Azurite: a kegiatan for two koperasi, whose step 7 card asks each koperasi's result; a
/// malformed count is refused naming the koperasi and keeps what was typed; the Laporan Kegiatan PDF lists both results.
/// </summary>
[NeedsAzurite]
public sealed class KoperasiResultDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> TwoKoperasi() => new(DialogHarness.StartForm)
    {
        ["koperasi.2.nama"] = "KSP Sejahtera Bersama",
        ["koperasi.2.nik"] = "6112029876543210",
        ["koperasi.2.jenis"] = "KSP",
    };

    private static Dictionary<string, string> Results(string peserta2) => new(DialogHarness.Step7Form)
    {
        ["hasilKoperasi.1.peserta"] = "14",
        ["hasilKoperasi.2.hasil"] = "lengkapi",
        ["hasilKoperasi.2.peserta"] = peserta2,
        ["hasilKoperasi.2.beritaAcara"] = "BA-02/FAS/VII/2026",
    };

    [Fact]
    public async Task Each_koperasi_s_result_is_asked_checked_and_printed_in_the_Laporan()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(7, Ct, start: TwoKoperasi());

        // A count that is not a number: refused in words naming the koperasi, the typed values stay on the card.
        var (card, refused) = await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, Results("sepuluh"), Ct);
        Assert.True(refused.IsCard, refused.ToString());
        var refusedText = DialogCards.Text(refused.Card);
        Assert.Contains("Koperasi 2 (KSP Sejahtera Bersama): jumlah peserta harus bilangan bulat 0 atau lebih (saat ini “sepuluh”).", refusedText, StringComparison.Ordinal);
        Assert.Contains("BA-02/FAS/VII/2026", refused.Card.ToJsonString(), StringComparison.Ordinal);

        // Sent again from the refused card, which replaced the step card in place.
        var reported = await h.ExecuteAsync(h.Budi, card.ActivityId, SopVerbs.Report, DialogCards.With(DialogCards.Action(refused.Card, SopVerbs.Report, 7)!, refused.Card, Results("10")), Ct);
        Assert.True(reported.IsCard, reported.ToString());
        var record = DialogCards.Text(reported.Card);
        Assert.Contains("1. KSP Maju Bersama: Siap mengajukan · 14 peserta · berita acara BA-01/FAS/VII/2026", record, StringComparison.Ordinal);
        Assert.Contains("2. KSP Sejahtera Bersama: Perlu melengkapi · 10 peserta · berita acara BA-02/FAS/VII/2026", record, StringComparison.Ordinal);

        var closing = await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", "Ketua: closing card");
        var text = PdfText(await DownloadAsync(h, OpenUrls(closing.Card)[0].Url, "application/pdf"));
        Assert.Contains("Hasil per koperasi", text, StringComparison.Ordinal);
        Assert.Contains("1. KSP Maju Bersama Hasil: Siap mengajukan Jumlah peserta (daftar hadir): 14 orang Nomor berita acara: BA-01/FAS/VII/2026", text, StringComparison.Ordinal);
        Assert.Contains("2. KSP Sejahtera Bersama Hasil: Perlu melengkapi Jumlah peserta (daftar hadir): 10 orang Nomor berita acara: BA-02/FAS/VII/2026", text, StringComparison.Ordinal);
    }
}
