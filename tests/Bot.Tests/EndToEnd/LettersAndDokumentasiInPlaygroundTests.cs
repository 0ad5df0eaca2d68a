using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using SkiaSharp;
using UglyToad.PdfPig;
using static PerijinanBot.Bot.Tests.Dialogs.DialogCards;
using Harness = PerijinanBot.Bot.Tests.Dialogs.DialogHarness;

namespace PerijinanBot.Bot.Tests.EndToEnd;

/// <summary>
/// Issue 15's letters and dokumentasi in the four Playgrounds with the bot as its own process: a kegiatan for two koperasi
/// gives the Ketua the Surat Undangan after the Kadis's Setuju, whose PDF (downloaded through the card's signed link from
/// the bot) names both koperasi, the jadwal in Indonesian and the agenda number on the card; the Anggota sends two photos
/// at step 7 through his Playground (its custom-activity route forwards the documented Teams file shapes unchanged; the
/// files sit on a stand-in file host on 127.0.0.1 that records what it is asked) and reports each koperasi's result; the
/// Laporan Kegiatan PDF holds the photos and its Word file passes the Open XML validator.
/// </summary>
[NeedsAzurite, NeedsPlayground]
public sealed class LettersAndDokumentasiInPlaygroundTests
{
    private const string Koperasi1 = "KSP Maju Bersama";
    private const string Koperasi2 = "KSP Sejahtera Bersama";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task Two_koperasi_get_one_undangan_naming_both_and_the_Laporan_holds_the_photos_the_Anggota_sent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var files = await FakeFileHost.StartAsync();
        await using var office = await Office.OpenAsync(ct);
        var ketua = office["KetuaTimKerja"];
        var anggota = office["AnggotaTimKerja"];
        var kabid = office["KepalaBidang"];
        var kadis = office["KepalaDinas"];
        await PlaygroundWalk.OpenChatsAsync(ct, ketua, anggota, kabid, kadis);

        // Step 1 with two koperasi in the card's koperasi slots; steps 2–5 as usual, the Kadis says Setuju.
        var number = await StartWithTwoKoperasiAsync(ketua, ct);
        await PlaygroundWalk.SubmitDataAsync(anggota, number, ct);
        await PlaygroundWalk.ApproveAsync(ketua, number, 3, ct);
        await PlaygroundWalk.ApproveAsync(kabid, number, 4, ct);
        await PlaygroundWalk.ApproveAsync(kadis, number, 5, ct);

        // The Ketua's undangan card: its agenda number, and the PDF behind its signed link.
        var (_, undangan) = await ketua.CardAsync(c => Title(c) == $"Surat Undangan {number}", "Ketua: undangan card");
        var nomor = AgendaNumberOf(undangan);
        using var browser = new HttpClient();
        var letter = PdfText(await DownloadAsync(browser, Link(undangan, "Unduh Undangan (PDF)"), "application/pdf", ct));
        Assert.Contains(Koperasi1, letter, StringComparison.Ordinal);
        Assert.Contains(Koperasi2, letter, StringComparison.Ordinal);
        Assert.Contains(OfficeWeek.DayText(1), letter, StringComparison.Ordinal);
        Assert.Contains("Pukul", letter, StringComparison.Ordinal);
        Assert.Contains("09.00 WIB s.d. selesai", letter, StringComparison.Ordinal);
        Assert.Contains(nomor, letter, StringComparison.Ordinal);

        // Step 6: the Ketua records the facilitation.
        var (s6, card6) = await ketua.CardAsync(c => Action(c, SopVerbs.Execute, 6) is not null && Text(c).Contains(number, StringComparison.Ordinal), "Ketua: step 6 card");
        PlaygroundWalk.AssertIsCard(await ketua.ExecuteAsync(s6, SopVerbs.Execute, With(Action(card6, SopVerbs.Execute, 6)!, card6, new()
        {
            ["waktuPelaksanaan.date"] = OfficeWeek.JadwalDate,
            ["waktuPelaksanaan.time"] = OfficeWeek.JadwalTime,
            ["tempatPelaksanaan"] = "Aula Dinas Koperasi UKM Provinsi Kalimantan Barat",
        }), ct), "step 6 outcome");

        // Step 7: the Anggota sends a photo as a file and pastes another, in the shapes Teams documents.
        var (s7, card7) = await anggota.CardAsync(c => Action(c, SopVerbs.Report, 7) is not null && Text(c).Contains(number, StringComparison.Ordinal), "Anggota: step 7 card");
        await anggota.SendAttachmentsAsync(number, new JsonArray(
            Harness.FileAttachment("foto-pembukaan.jpg", files.Serve("foto-pembukaan.jpg", Image(SKEncodedImageFormat.Jpeg, 800, 600)), "jpg"),
            Harness.InlineImage(files.Serve("image-1", Image(SKEncodedImageFormat.Png, 400, 300))),
            Harness.HtmlBeside()), ct);
        var (_, received) = await anggota.CardAsync(c => Text(c).Contains($"Dokumentasi {number}", StringComparison.Ordinal), "Anggota: dokumentasi card");
        Assert.Contains("foto-pembukaan.jpg", Text(received), StringComparison.Ordinal);
        Assert.Equal(["/files/foto-pembukaan.jpg", "/files/image-1"], files.Requests.Select(r => r.Path));

        // Each koperasi's result, and the kegiatan closes.
        PlaygroundWalk.AssertIsCard(await anggota.ExecuteAsync(s7, SopVerbs.Report, With(Action(card7, SopVerbs.Report, 7)!, card7, new()
        {
            ["ringkasanHasil"] = "Pengurus kedua koperasi memahami persyaratan IUSP.",
            ["hasilKoperasi.1.hasil"] = "siap",
            ["hasilKoperasi.1.peserta"] = "14",
            ["hasilKoperasi.1.beritaAcara"] = "BA-01/FAS/VII/2026",
            ["hasilKoperasi.2.hasil"] = "lengkapi",
            ["hasilKoperasi.2.peserta"] = "10",
            ["hasilKoperasi.2.beritaAcara"] = "BA-02/FAS/VII/2026",
            ["jumlahPeserta"] = "24",
        }), ct), "step 7 outcome");
        var (_, closing) = await anggota.CardAsync(c => Title(c) == $"Kegiatan {number} selesai", "Anggota: closing card");

        // The Laporan PDF: both photos at their own sizes (the kop's emblem, if any, has another), both koperasi's results.
        var laporan = await DownloadAsync(browser, Link(closing, "Unduh Laporan (PDF)"), "application/pdf", ct);
        using (var pdf = PdfDocument.Open(laporan))
        {
            var images = pdf.GetPages().SelectMany(p => p.GetImages()).ToList();
            Assert.True(images.Count >= 2, $"{images.Count} images in the Laporan PDF");
            Assert.Single(images, i => (i.WidthInSamples, i.HeightInSamples) == (800, 600));
            Assert.Single(images, i => (i.WidthInSamples, i.HeightInSamples) == (400, 300));
        }

        var laporanText = PdfText(laporan);
        Assert.Contains($"1. {Koperasi1} Hasil: Siap mengajukan", laporanText, StringComparison.Ordinal);
        Assert.Contains($"2. {Koperasi2} Hasil: Perlu melengkapi", laporanText, StringComparison.Ordinal);

        // The Laporan's Word file passes the Open XML validator and carries the photos too.
        var docx = await DownloadAsync(browser, Link(closing, "Unduh Laporan (Word)"), DocxType, ct);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var errors = new OpenXmlValidator().Validate(word, ct).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        Assert.True(word.MainDocumentPart!.ImageParts.Count() >= 2);
    }

    /// <summary>Step 1 with two koperasi, in the slots the start card offers (KoperasiInput's <c>koperasi.N.*</c> ids).</summary>
    private static async Task<string> StartWithTwoKoperasiAsync(Desk ketua, CancellationToken ct)
    {
        await ketua.SayAsync("mulai", ct);
        var (startId, startCard) = await ketua.CardAsync(c => Action(c, SopVerbs.Start) is not null, "Ketua: start card");
        var started = await ketua.ExecuteAsync(startId, SopVerbs.Start, With(Action(startCard, SopVerbs.Start)!, startCard, new()
        {
            ["jenisFasilitasi"] = "IUSP",
            ["judul"] = "Fasilitasi Izin Usaha Simpan Pinjam dua koperasi",
            ["koperasi.1.nama"] = Koperasi1,
            ["koperasi.1.nik"] = "6171012345678901",
            ["koperasi.1.jenis"] = "KSP",
            ["koperasi.2.nama"] = Koperasi2,
            ["koperasi.2.nik"] = "6112029876543210",
            ["koperasi.2.jenis"] = "KSP",
            ["kabupatenKota"] = "Kota Pontianak",
            ["anggota"] = "00000000-0000-4000-8000-000000000002",
            ["disposisi"] = "Siapkan materi substansi, calon peserta, calon narasumber, jadwal dan tempat.",
        }), ct);
        PlaygroundWalk.AssertIsCard(started, "start answered with the outcome card");
        var number = PlaygroundWalk.NumberPattern().Match(started!.ToJsonString()).Value;
        Assert.Matches(PlaygroundWalk.NumberPattern(), number);
        return number;
    }

    /// <summary>The agenda number the undangan card shows: "005/N/DISKOPUKM.B/YYYY (nomor agenda Bidang)".</summary>
    private static string AgendaNumberOf(JsonObject card)
    {
        var match = System.Text.RegularExpressions.Regex.Match(Text(card), @"(005/\d+/DISKOPUKM\.B/\d{4}) \(nomor agenda Bidang\)");
        Assert.True(match.Success, $"no agenda number on the undangan card: {Text(card)}");
        return match.Groups[1].Value;
    }

    private static Uri Link(JsonObject card, string title) =>
        new((string)Find(card, o => (string?)o["type"] == "Action.OpenUrl" && (string?)o["title"] == title).Single()["url"]!);

    /// <summary>Opens a signed link as a browser would (no sign-in): 200, the content type, the bytes.</summary>
    private static async Task<byte[]> DownloadAsync(HttpClient browser, Uri link, string contentType, CancellationToken ct)
    {
        using var response = await browser.GetAsync(link, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    private static string PdfText(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private static byte[] Image(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
