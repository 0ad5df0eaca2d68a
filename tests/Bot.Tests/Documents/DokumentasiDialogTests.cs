using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Dokumentasi;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Dokumentasi;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using SkiaSharp;
using static PerijinanBot.Bot.Tests.Documents.DocumentsKit;

namespace PerijinanBot.Bot.Tests.Documents;

/// <summary>
/// Step 7's dokumentasi as files, through the whole host on a real Azurite: the Anggota sends photos and documents in the 1:1
/// chat in exactly the shapes Teams documents, the bot fetches them from a stand-in file host on 127.0.0.1 (which records what it
/// was asked), keeps what passes its checks, lists them on the step 7 card and prints the photos in the Laporan Kegiatan.
/// </summary>
[NeedsAzurite]
public sealed class DokumentasiDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Photos_and_documents_sent_at_step_7_are_listed_on_the_step_card_and_end_up_in_the_Laporan_Kegiatan()
    {
        await using var files = await FakeFileHost.StartAsync();
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(7, Ct);
        var step7 = await h.StepCardAsync(h.Budi, number, 7, SopVerbs.Report, Ct);
        await h.TasksIndexedAsync(number, Ct);
        Assert.Contains("Belum ada berkas dokumentasi.", DialogCards.Text(step7.Card), StringComparison.Ordinal);

        await h.SendFilesAsync(h.Budi, new JsonArray(
            DialogHarness.FileAttachment("foto-pembukaan.jpg", files.Serve("foto-pembukaan.jpg", Jpeg(800, 600)), "jpg"),
            DialogHarness.FileAttachment("daftar-hadir.pdf", files.Serve("daftar-hadir.pdf", Pdf()), "pdf"),
            DialogHarness.InlineImage(files.Serve("image-1", Png(400, 300))),
            DialogHarness.HtmlBeside(),
            DialogHarness.FileAttachment("berita-acara.docx", files.Serve("berita-acara.docx", TestFiles.Docx()), "docx")), Ct, text: $"Dokumentasi {number}");

        var received = (await h.CardAsync(h.Budi, c => DialogCards.Text(c).Contains($"Dokumentasi {number}", StringComparison.Ordinal), "Budi: dokumentasi card")).Card;
        var text = DialogCards.Text(received);
        Assert.Contains("foto-pembukaan.jpg", text, StringComparison.Ordinal);
        Assert.Contains("daftar-hadir.pdf", text, StringComparison.Ordinal);
        Assert.Contains("foto-3.png", text, StringComparison.Ordinal);
        Assert.Contains(DokumentasiTexts.KindPending, text, StringComparison.Ordinal);
        // Each file was fetched once, and without any credential: this bot has no app id, so it has no token to send.
        Assert.Contains("berita-acara.docx", text, StringComparison.Ordinal);
        Assert.Equal(["/files/foto-pembukaan.jpg", "/files/daftar-hadir.pdf", "/files/image-1", "/files/berita-acara.docx"], files.Requests.Select(r => r.Path));
        Assert.All(files.Requests, r => Assert.Null(r.Authorization));

        // The PDF is a daftar hadir: Budi says so on the card.
        var pdfId = (await h.Bot.Services.GetRequiredService<DokumentasiStore>().ListAsync(number, Ct)).Single(f => f.File.FileName == "daftar-hadir.pdf").Id;
        var kind = DialogCards.Find(received, o => (string?)o["verb"] == DokumentasiVerbs.SetKind
            && (string?)o["data"]?[DokumentasiVerbs.FileKey] == pdfId && (string?)o["data"]?[DokumentasiVerbs.KindKey] == nameof(DokumentasiKind.DaftarHadir)).Single();
        var kinded = await h.ExecuteAsync(h.Budi, $"reply-{Guid.NewGuid():N}", DokumentasiVerbs.SetKind, (JsonObject)kind["data"]!, Ct);
        Assert.True(kinded.IsCard, kinded.ToString());
        Assert.Contains("Daftar hadir · ", DialogCards.Text(kinded.Card), StringComparison.Ordinal);

        // Opened again, the step 7 card lists the four files, each with its kind (the Word file's still to be chosen), size and a remove button.
        var opened = await h.ExecuteAsync(h.Budi, step7.ActivityId, SopVerbs.Open, SopVerbs.OpenData(number), Ct);
        var card = DialogCards.Text(opened.Card);
        Assert.True(card.Contains("Daftar hadir · ", StringComparison.Ordinal), card);
        Assert.Contains("Foto kegiatan · ", card, StringComparison.Ordinal);
        Assert.Contains(DokumentasiTexts.KindPending, card, StringComparison.Ordinal);
        Assert.Equal(4, DialogCards.Find(opened.Card, o => (string?)o["type"] == "Action.Submit" && (string?)o["data"]?["verb"] == DokumentasiVerbs.Remove).Count());

        var reported = await h.ExecuteAsync(h.Budi, step7.ActivityId, SopVerbs.Report, DialogCards.With(DialogCards.Action(opened.Card, SopVerbs.Report, 7)!, opened.Card, ReportWithoutLinks), Ct);
        Assert.True(reported.IsCard, reported.ToString());

        var closing = await h.CardAsync(h.Budi, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", "Budi: closing card");
        var links = OpenUrls(closing.Card);
        var pdf = await DownloadAsync(h, links[0].Url, "application/pdf");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            // The two photos at their own sizes (the kop's emblem, if any, has another).
            var images = document.GetPages().SelectMany(p => p.GetImages()).ToList();
            Assert.Single(images, i => (i.WidthInSamples, i.HeightInSamples) == (800, 600));
            Assert.Single(images, i => (i.WidthInSamples, i.HeightInSamples) == (400, 300));
        }

        var pdfText = PdfText(pdf);
        Assert.Contains("Daftar hadir: daftar-hadir.pdf", pdfText, StringComparison.Ordinal);
        Assert.Contains("Dokumen lain: berita-acara.docx", pdfText, StringComparison.Ordinal);
        var docx = await DownloadAsync(h, links[1].Url, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var stream = new MemoryStream(docx);
        using var word = WordprocessingDocument.Open(stream, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(word, Ct));
        Assert.True(word.MainDocumentPart!.ImageParts.Count() >= 2);
    }

    [Fact]
    public async Task Files_that_fail_a_check_are_named_with_the_reason_in_Indonesian_and_not_kept()
    {
        await using var files = await FakeFileHost.StartAsync();
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, settings: new Dictionary<string, string?> { ["Dokumentasi:MaxFileBytes"] = "200000" });
        var number = await h.WalkToAsync(7, Ct);
        await h.TasksIndexedAsync(number, Ct);

        // Someone who does not hold step 7 sends a file: refused, and the file is not even fetched.
        await h.SendFilesAsync(h.Ketua, new JsonArray(DialogHarness.FileAttachment("foto.jpg", files.Serve("ketua.jpg", Jpeg(100, 100)), "jpg")), Ct);
        Assert.Equal(DokumentasiTexts.NotHolding, await h.TextInAsync(h.Ketua.ConversationId, "Ketua: not holding step 7"));
        Assert.Empty(files.Requests);

        await h.SendFilesAsync(h.Budi, new JsonArray(
            // PDF bytes under a photo's name: the content decides; kept as the PDF it is.
            DialogHarness.FileAttachment("foto.jpg", files.Serve("foto.jpg", Pdf()), "jpg"),
            // A program renamed to look like a photo.
            DialogHarness.FileAttachment("kegiatan.jpg", files.Serve("kegiatan.jpg", [(byte)'M', (byte)'Z', 0x90, 0x00, .. new byte[2000]]), "jpg"),
            // Larger than Dokumentasi:MaxFileBytes.
            DialogHarness.FileAttachment("besar.pdf", files.Serve("besar.pdf", [.. "%PDF-1.7\n"u8, .. new byte[300_000]], chunked: true), "pdf"),
            // Not where Teams keeps files.
            DialogHarness.FileAttachment("luar.pdf", new Uri("https://files.attacker.example/luar.pdf"), "pdf"),
            // Where Teams keeps files, but gone.
            DialogHarness.FileAttachment("hilang.pdf", files.Url("hilang.pdf"), "pdf")), Ct, text: number);

        var answer = (await h.CardAsync(h.Budi, c => DialogCards.Text(c).Contains($"Dokumentasi {number}", StringComparison.Ordinal), "Budi: dokumentasi card")).Card;
        var text = DialogCards.Text(answer);
        Assert.Contains(DokumentasiTexts.WrongType("kegiatan.jpg"), text, StringComparison.Ordinal);
        Assert.Contains(DokumentasiTexts.TooLarge("besar.pdf", 200000), text, StringComparison.Ordinal);
        Assert.Contains(DokumentasiTexts.NotFromTeams("luar.pdf"), text, StringComparison.Ordinal);
        Assert.Contains(DokumentasiTexts.DownloadFailed("hilang.pdf"), text, StringComparison.Ordinal);
        var kept = await h.Bot.Services.GetRequiredService<DokumentasiStore>().ListAsync(number, Ct);
        var only = Assert.Single(kept);
        Assert.Equal("foto.pdf", only.File.FileName);
        Assert.Equal("application/pdf", only.File.ContentType);
        Assert.Null(only.Kind);

        // Removed with the button on the step 7 card: gone from the list, answered with the updated list.
        var opened = await h.ExecuteAsync(h.Budi, $"reply-{Guid.NewGuid():N}", SopVerbs.Open, SopVerbs.OpenData(number), Ct);
        var remove = DialogCards.Find(opened.Card, o => (string?)o["type"] == "Action.Submit" && (string?)o["data"]?["verb"] == DokumentasiVerbs.Remove).Single();
        await h.SubmitAsync(h.Budi, $"reply-{Guid.NewGuid():N}", (JsonObject)remove["data"]!, Ct);
        var after = (await h.CardAsync(h.Budi, c => DialogCards.Text(c) is var t && t.Contains($"Dokumentasi {number}", StringComparison.Ordinal) && t.Contains("Belum ada berkas dokumentasi.", StringComparison.Ordinal), "Budi: list after removal")).Card;
        Assert.DoesNotContain("foto.pdf", DialogCards.Text(after), StringComparison.Ordinal);
        Assert.Empty(await h.Bot.Services.GetRequiredService<DokumentasiStore>().ListAsync(number, Ct));
    }

    /// <summary>Step 7 as the harness fills it, but with the files instead of links.</summary>
    private static readonly Dictionary<string, string> ReportWithoutLinks = DialogHarness.Step7Form
        .Where(f => f.Key != "dokumentasi")
        .ToDictionary(f => f.Key, f => f.Value);

    private static byte[] Jpeg(int width, int height) => Image(SKEncodedImageFormat.Jpeg, width, height);

    private static byte[] Png(int width, int height) => Image(SKEncodedImageFormat.Png, width, height);

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

    private static byte[] Pdf() => "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
}
