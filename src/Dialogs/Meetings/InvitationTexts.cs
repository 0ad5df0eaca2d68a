using System.Globalization;
using System.Net;
using System.Text;

namespace PerijinanBot.Dialogs.Meetings;

/// <summary>What the facilitation's Outlook invitation says: its subject when the kegiatan has no judul, its body, and the cancellation note.</summary>
public static class InvitationTexts
{
    public static string DefaultSubject(string number) => $"Fasilitasi perijinan koperasi {number}";

    /// <summary>
    /// The invitation's HTML body. Everything passed in was typed by people and is escaped here: a koperasi named
    /// "A &amp; B &lt;Cabang&gt;" must not break (or inject into) the HTML.
    /// </summary>
    public static string Body(string judul, string jenis, string? koperasi, string? kabupatenKota, string tempat, string number)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p><b>{H(judul)}</b></p>");
        html.Append("<p>");
        html.Append(CultureInfo.InvariantCulture, $"Jenis fasilitasi: {H(jenis)}<br>");
        html.Append(CultureInfo.InvariantCulture, $"Koperasi: {H(koperasi)}<br>");
        html.Append(CultureInfo.InvariantCulture, $"Kabupaten/Kota: {H(kabupatenKota)}<br>");
        html.Append(CultureInfo.InvariantCulture, $"Tempat: {H(tempat)}<br>");
        html.Append(CultureInfo.InvariantCulture, $"Nomor kegiatan: {H(number)}");
        html.Append("</p>");
        html.Append("<p><i>Undangan ini dibuat otomatis oleh PerijinanBot setelah disposisi Kepala Dinas. ");
        html.Append("Perubahan jadwal, tempat, dan pembatalan mengikuti kegiatan di bot; jangan mengubah undangan ini secara langsung.</i></p>");
        return html.ToString();
    }

    /// <summary>The note sent with the event's cancellation: who cancelled the kegiatan and why.</summary>
    public static string Cancelled(string number, string? by, string? reason)
    {
        var who = string.IsNullOrWhiteSpace(by) ? "" : $" oleh {by}";
        var why = string.IsNullOrWhiteSpace(reason) ? "tidak disebutkan." : reason.Trim();
        return $"Kegiatan {number} dibatalkan{who}. Alasan: {(why.EndsWith('.') ? why : why + ".")} (Pembatalan ini dikirim otomatis oleh PerijinanBot.)";
    }

    private static string H(string? text) => WebUtility.HtmlEncode(text?.Trim() ?? "");
}
