using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop;

namespace PerijinanBot.Dialogs.Reports;

/// <summary>A file the bot made, offered through a signed link that expires.</summary>
/// <param name="Title">What the button says, e.g. "Unduh PDF".</param>
public sealed record DocumentLink(string Title, Uri Url);

/// <param name="Number">The kegiatan the documents belong to.</param>
/// <param name="Captions">What the files are, one line per document, e.g. "Laporan Kegiatan nomor 000.8 / 0002 / DISKOPUKM.B".</param>
/// <param name="ExpiresAt">When the links stop working; "dokumen ‹nomor›" gives new ones.</param>
/// <param name="Problem">Set when the files could not be made: said instead of links.</param>
/// <param name="Archive">The same files in the office's SharePoint archive, once uploaded there. These links do not expire (SharePoint
/// asks for the office account instead), so they are offered apart from the signed ones.</param>
public sealed record DocumentsView(string Number, IReadOnlyList<string> Captions, IReadOnlyList<DocumentLink> Links, DateTimeOffset ExpiresAt, string? Problem = null, IReadOnlyList<DocumentLink>? Archive = null);

/// <summary>
/// The documents of a kegiatan: the Laporan Kegiatan files in the closing card; the Laporan Kegiatan and the Lembar Disposisi
/// alone for the <c>dokumen</c> command.
/// </summary>
public static class DocumentsCard
{
    public static JsonObject Build(DocumentsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return CardElements.Card([CardElements.Text($"Dokumen kegiatan {view.Number}", TextStyle.Title), Section(view)]);
    }

    /// <summary>A copy of <paramref name="card"/> with the documents section at the end of its body.</summary>
    public static JsonObject Append(JsonObject card, DocumentsView view)
    {
        ArgumentNullException.ThrowIfNull(card);
        var copy = card.DeepClone().AsObject();
        copy["body"]!.AsArray().Add(Section(view));
        return copy;
    }

    public static JsonObject Section(DocumentsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var items = new List<JsonNode>(view.Captions.Select(caption => (JsonNode)CardInputs.Caption(caption)));
        if (view.Problem is { } problem)
        {
            items.Add(CardElements.Text(problem, TextStyle.Warning));
        }

        if (view.Links.Count > 0)
        {
            items.AddRange(CardElements.ButtonRows(view.Links.Select(link => (JsonNode)OpenUrl(link.Title, link.Url)), CardElements.PhoneRowCharsInContainer));
            items.Add(CardElements.Text(
                $"Tautan berlaku sampai {WibFormat.DateTime(view.ExpiresAt)}. Setelah itu ketik “dokumen {view.Number}” untuk tautan baru.",
                TextStyle.Subtle));
        }

        if (view.Archive is { Count: > 0 } archive)
        {
            items.AddRange(CardElements.ButtonRows(archive.Select(link => (JsonNode)OpenUrl(link.Title, link.Url)), CardElements.PhoneRowCharsInContainer));
            items.Add(CardElements.Text("Arsip resmi tersimpan di SharePoint kantor; buka dengan akun kantor Anda.", TextStyle.Subtle));
        }

        return CardInputs.Container(items, "emphasis", separator: true, spacing: "Medium");
    }

    public static JsonObject OpenUrl(string title, Uri url) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = title,
        ["url"] = url.AbsoluteUri,
    };
}
