using System.Globalization;
using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop;

namespace PerijinanBot.Dialogs.Reports;

/// <summary>
/// One letter of the Buku Agenda Surat Keluar as the card shows it. Perihal holds typed text (the koperasi's name), and
/// <paramref name="Nomor"/> is typed when <paramref name="FromSrikandi"/>; <paramref name="Link"/> downloads the letter's own
/// document, null while it has not been made.
/// </summary>
public sealed record AgendaRow(int Year, int Serial, DateOnly Tanggal, string Nomor, bool FromSrikandi, string Perihal, string Tujuan, string Pengolah, string KegiatanNumber, Uri? Link);

/// <summary>A letter whose SRIKANDI number the viewer may record: the value the form sends back and what the list shows.</summary>
public sealed record AgendaChoice(string Value, string Title);

/// <param name="PeriodLabel">"November 2026" or "Tahun 2026".</param>
/// <param name="PeriodWord">"bulan" or "tahun": sent back with the form, so the card after saving shows the same period.</param>
/// <param name="Total">How many letters the period has; the card lists the latest <see cref="AgendaCard.MaxRows"/>.</param>
/// <param name="Export">The XLSX of the whole period.</param>
/// <param name="Editable">Letters the viewer may give a SRIKANDI number (their own, or any for Ketua, Kepala Bidang and Admin).</param>
public sealed record AgendaCardView(
    string PeriodLabel,
    string PeriodWord,
    IReadOnlyList<AgendaRow> Rows,
    int Total,
    DocumentLink? Export,
    DateTimeOffset LinksExpireAt,
    IReadOnlyList<AgendaChoice> Editable,
    string? Notice = null,
    string? Error = null,
    string? DraftEntry = null,
    string? DraftNomor = null);

/// <summary>The <c>agenda</c> card: the register of a month or year, its Excel export, and the form to record a SRIKANDI number.</summary>
public static class AgendaCard
{
    public const string SrikandiVerb = "agenda.srikandi";
    public const string EntryInput = "agendaEntri";
    public const string NomorInput = "agendaSrikandi";
    public const string PeriodKey = "periode";
    public const int MaxNomorLength = 100;
    public const int MaxRows = 25;

    public static JsonObject Build(AgendaCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>
        {
            CardElements.Text($"Buku Agenda Surat Keluar — {view.PeriodLabel}", TextStyle.Title),
            CardElements.Text("Surat keluar kegiatan fasilitasi: Surat Undangan kepada koperasi dan narasumber (setelah disposisi Kepala Dinas, langkah 5) dan Laporan Kegiatan (langkah 7). Nomor surat mengikuti nomor SRIKANDI bila sudah dicatat; bila belum, nomor urut agenda Bidang. Tombol Unduh membuka berkas suratnya.", TextStyle.Subtle),
        };
        if (view.Notice is { } notice)
        {
            body.Add(CardInputs.Banner(notice, "good"));
        }

        if (view.Error is { } error)
        {
            body.Add(CardInputs.Banner(error));
        }

        if (view.Rows.Count == 0)
        {
            body.Add(CardElements.Text($"Belum ada surat keluar pada {view.PeriodLabel}."));
        }
        else
        {
            if (view.Total > view.Rows.Count)
            {
                body.Add(CardElements.Text($"Menampilkan {view.Rows.Count} surat terakhir dari {view.Total}; daftar lengkap ada di berkas Excel.", TextStyle.Subtle));
            }

            body.AddRange(view.Rows.Select(Row));
        }

        if (view.Export is { } export)
        {
            body.Add(CardInputs.ActionSet([DocumentsCard.OpenUrl(export.Title, export.Url)]));
            body.Add(CardElements.Text($"Tautan berlaku sampai {WibFormat.DateTime(view.LinksExpireAt)}.", TextStyle.Subtle));
        }

        if (view.Editable.Count > 0)
        {
            body.Add(Form(view));
        }

        return CardElements.Card(body);
    }

    private static JsonObject Row(AgendaRow row)
    {
        var items = new List<JsonNode>
        {
            CardInputs.Caption(string.Create(CultureInfo.InvariantCulture, $"No. {row.Serial} · {WibFormat.Date(row.Tanggal)}")),
            CardElements.Facts(
            [
                // A fact value is markdown and a SRIKANDI number is typed: a phrase made literal keeps the rows compact.
                ("Nomor surat", Markdown.Literal(row.Nomor) + (row.FromSrikandi ? " (SRIKANDI)" : "")),
                ("Tujuan", row.Tujuan),
                ("Pengolah", row.Pengolah),
                ("Kegiatan", row.KegiatanNumber),
            ]),
            CardElements.UserText(row.Perihal, 300),
        };
        if (row.Link is { } link)
        {
            items.Add(CardInputs.ActionSet([DocumentsCard.OpenUrl("Unduh", link)]));
        }

        return CardInputs.Container(items, separator: true);
    }

    private static JsonObject Form(AgendaCardView view)
    {
        var data = new JsonObject { [PeriodKey] = view.PeriodWord };
        return CardInputs.Container(
            [
                CardElements.Text("Catat nomor SRIKANDI", TextStyle.Heading),
                CardInputs.ChoiceSet(EntryInput, "Surat", "Pilih suratnya.", view.Editable.Select(c => (c.Value, c.Title)), view.DraftEntry, required: true, multiSelect: false, placeholder: "Pilih surat"),
                CardInputs.TextInput(NomorInput, "Nomor dari SRIKANDI", $"Isi nomor surat dari SRIKANDI (paling banyak {MaxNomorLength} karakter).", view.DraftNomor, required: true, MaxNomorLength, multiline: false, placeholder: "contoh: B-512/DISKOPUKM-B/XI/2026"),
                CardInputs.ActionSet([CardInputs.Execute("Simpan nomor", SrikandiVerb, data)]),
            ],
            "emphasis",
            separator: true,
            spacing: "Large");
    }
}
