using System.Globalization;
using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop;

namespace PerijinanBot.Dialogs.Reports;

/// <param name="Number">The kegiatan.</param>
/// <param name="Year">The register year of the invitation's line.</param>
/// <param name="Serial">Its serial: with <paramref name="Year"/>, what the form sends back.</param>
/// <param name="Nomor">The number printed on the letter: SRIKANDI's when <paramref name="FromSrikandi"/>, else the register's.</param>
/// <param name="Perihal">The register's perihal (it holds the koperasi's typed name).</param>
/// <param name="Jadwal">The jadwal from step 2; null only for a definition without one.</param>
/// <param name="Documents">The PDF and Word file with their signed links.</param>
public sealed record UndanganCardView(
    string Number,
    int Year,
    int Serial,
    string Nomor,
    bool FromSrikandi,
    string Perihal,
    DateTimeOffset? Jadwal,
    DocumentsView Documents,
    string? Notice = null,
    string? Error = null,
    string? DraftNomor = null);

/// <summary>
/// The Surat Undangan offered to the Ketua Tim Kerja when the Kepala Dinas gives the disposition: its number and jadwal, the
/// PDF and Word downloads, and a form to record the number SRIKANDI gave it, which makes the files again with that number.
/// </summary>
public static class UndanganCard
{
    public const string SrikandiVerb = "undangan.srikandi";
    public const string NomorInput = "undanganSrikandi";
    public const string EntryKey = "undanganEntri";
    public const string NumberKey = "kegiatan";

    public const string BadNomor = "Isi nomor surat dari SRIKANDI (paling banyak 100 karakter, tanpa baris baru).";

    public const string MayNotEdit = "Nomor SRIKANDI Surat Undangan dicatat oleh pengolahnya, Ketua Tim Kerja, Kepala Bidang, atau Admin.";

    public const string NoSuchLetter = "Surat Undangan kegiatan ini tidak ada di Buku Agenda. Ketik “dokumen ‹nomor kegiatan›” untuk memeriksanya.";

    public static JsonObject Build(UndanganCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>
        {
            CardElements.Text($"Surat Undangan {view.Number}", TextStyle.Title),
            CardElements.Text(
                "Kepala Dinas telah memberikan disposisi. Draf Surat Undangan kepada koperasi dan narasumber sudah dibuat dan tercatat di Buku Agenda Surat Keluar. " +
                "Periksa drafnya, proses penandatanganannya di SRIKANDI, lalu catat nomor SRIKANDI di bawah agar berkasnya memuat nomor itu.",
                TextStyle.Subtle),
        };
        if (view.Notice is { } notice)
        {
            body.Add(CardInputs.Banner(notice, "good"));
        }

        if (view.Error is { } error)
        {
            body.Add(CardInputs.Banner(error));
        }

        body.Add(CardElements.Facts(
        [
            // A SRIKANDI number is typed: made literal so it reads as written.
            ("Nomor surat", Markdown.Literal(view.Nomor) + (view.FromSrikandi ? " (SRIKANDI)" : " (nomor agenda Bidang)")),
            ("Jadwal", view.Jadwal is { } jadwal ? WibFormat.DateTime(jadwal) : "—"),
        ]));
        body.Add(CardElements.UserText(view.Perihal, 300));
        body.Add(DocumentsCard.Section(view.Documents));
        body.Add(Form(view));
        return CardElements.Card(body);
    }

    /// <summary>Said on the card sent again after the jadwal or tempat moved.</summary>
    public const string Remade = "Jadwal atau tempat kegiatan diubah: Surat Undangan sudah dibuat ulang dengan data terbaru. Bila undangan lama sudah dikirim, kirimkan undangan yang baru ini.";

    /// <summary>The answer when the card's letter cannot be found any more: a banner saying so.</summary>
    public static JsonObject Problem(string text) => CardElements.Card([CardElements.Text("Surat Undangan", TextStyle.Title), CardInputs.Banner(text)]);

    /// <summary>What the card says once a number is recorded.</summary>
    public static string Saved(string nomor) => $"Nomor SRIKANDI {Markdown.Literal(nomor)} dicatat. Berkas Surat Undangan sudah diperbarui dengan nomor ini.";

    private static JsonObject Form(UndanganCardView view)
    {
        var data = new JsonObject
        {
            [EntryKey] = string.Create(CultureInfo.InvariantCulture, $"{view.Year}-{view.Serial}"),
            [NumberKey] = view.Number,
        };
        return CardInputs.Container(
            [
                CardElements.Text(view.FromSrikandi ? "Ubah nomor SRIKANDI" : "Catat nomor SRIKANDI", TextStyle.Heading),
                CardInputs.TextInput(NomorInput, "Nomor dari SRIKANDI", BadNomor, view.DraftNomor, required: true, AgendaCard.MaxNomorLength, multiline: false, placeholder: "contoh: 005/512/DISKOPUKM-B/XII/2026"),
                CardInputs.ActionSet([CardInputs.Execute("Simpan nomor", SrikandiVerb, data)]),
            ],
            "emphasis",
            separator: true,
            spacing: "Large");
    }
}
