using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Reports;
using PerijinanBot.Dialogs.Tests.Sop;

namespace PerijinanBot.Dialogs.Tests.Cards;

/// <summary>The Surat Undangan card the Ketua receives at the disposition: its number, jadwal, downloads and the SRIKANDI form.</summary>
[NeedsNode]
public sealed class UndanganCardTests
{
    private static readonly DateTimeOffset Expires = new(2026, 12, 3, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Jadwal = new(2026, 12, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly Uri Pdf = new("https://bot.example/unduh/tok7/Surat-Undangan-FAS-2026-0001.pdf");
    private static readonly Uri Docx = new("https://bot.example/unduh/tok8/Surat-Undangan-FAS-2026-0001.docx");

    private static DocumentsView Files(string nomor) => new("FAS-2026-0001", [DocumentTexts.Caption(DocumentTexts.UndanganName, nomor)],
        [new(DocumentTexts.UndanganPdf.Download, Pdf), new(DocumentTexts.UndanganDocx.Download, Docx)], Expires);

    [Fact]
    public void The_card_shows_the_agenda_number_the_jadwal_in_Indonesian_both_downloads_and_a_form_for_the_SRIKANDI_number()
    {
        const string nomor = "005/3/DISKOPUKM.B/2026";
        var card = UndanganCard.Build(new UndanganCardView("FAS-2026-0001", 2026, 3, nomor, false, "Undangan fasilitasi IUSP KSP **Maju** Bersama", Jadwal, Files(nomor)));
        var text = Text(card);

        Assert.Contains("Surat Undangan FAS-2026-0001", text, StringComparison.Ordinal);
        Assert.Contains("Selasa, 15 Desember 2026 09.00 WIB", text, StringComparison.Ordinal);
        Assert.Contains("(nomor agenda Bidang)", text, StringComparison.Ordinal);
        Assert.Contains(Find(card, n => (string?)n["type"] == "TextRun"), n => ((string?)n["text"])!.Contains("KSP **Maju** Bersama", StringComparison.Ordinal));
        Assert.Equal(
            [("Unduh Undangan (PDF)", Pdf.AbsoluteUri), ("Unduh Undangan (Word)", Docx.AbsoluteUri)],
            Find(card, n => (string?)n["type"] == "Action.OpenUrl").Select(n => ((string?)n["title"], (string?)n["url"])));
        var save = Find(card, n => (string?)n["type"] == "Action.Execute").Single();
        Assert.Equal(UndanganCard.SrikandiVerb, (string?)save["verb"]);
        Assert.Equal(("2026-3", "FAS-2026-0001"), ((string?)save["data"]![UndanganCard.EntryKey], (string?)save["data"]![UndanganCard.NumberKey]));
        Assert.Single(Find(card, n => (string?)n["id"] == UndanganCard.NomorInput));
        CardAssert.MatchesGolden(card, "undangan");
        CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void After_a_refused_number_the_card_says_why_and_keeps_what_was_typed_and_after_saving_it_shows_the_SRIKANDI_number()
    {
        var refused = UndanganCard.Build(new UndanganCardView("FAS-2026-0001", 2026, 3, "005/3/DISKOPUKM.B/2026", false, "Undangan", Jadwal, Files("005/3/DISKOPUKM.B/2026"),
            Error: UndanganCard.BadNomor, DraftNomor: "B-1"));
        Assert.Contains(UndanganCard.BadNomor, Text(refused), StringComparison.Ordinal);
        Assert.Equal("B-1", (string?)Find(refused, n => (string?)n["id"] == UndanganCard.NomorInput).Single()["value"]);

        const string srikandi = "B-700/DISKOPUKM-B/XII/2026";
        var saved = UndanganCard.Build(new UndanganCardView("FAS-2026-0001", 2026, 3, srikandi, true, "Undangan", Jadwal, Files(srikandi), Notice: UndanganCard.Saved(srikandi)));
        Assert.Contains($"{srikandi} (SRIKANDI)", Text(saved), StringComparison.Ordinal);
        Assert.Contains("Berkas Surat Undangan sudah diperbarui dengan nomor ini.", Text(saved), StringComparison.Ordinal);
        CardAssert.IsValidAdaptiveCard(saved);
    }

    private static string Text(JsonObject card) => card.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static IEnumerable<JsonObject> Find(JsonNode? node, Func<JsonObject, bool> predicate) => CardJson.All(node).Where(predicate);
}
