using System.Globalization;
using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop;

namespace PerijinanBot.Dialogs.Outbox;

/// <summary>One outbox item the bot stopped trying, as the Admin reads it.</summary>
/// <param name="Key">What the requeue button sends back.</param>
/// <param name="Kind">The work's kind as stored (e.g. <c>card.step</c>, <c>graph.calendar</c>).</param>
/// <param name="GaveUp">True: the work can never succeed as it stands (Failed); false: it failed every try (Poison).</param>
public sealed record ParkedLine(string Key, string Number, string Kind, bool GaveUp, int Attempts, string LastError, DateTimeOffset? LastAttemptAt);

/// <param name="Notice">What the last requeue did, when the card answers one.</param>
public sealed record OutboxCardView(IReadOnlyList<ParkedLine> Items, string? Notice = null);

/// <summary>
/// The Admin's <c>outbox</c> card: the work the bot stopped trying to deliver (cards, notices, Graph calendar and archive),
/// with the last error, and a button per item that puts it back in line.
/// </summary>
public static class OutboxCard
{
    public const string Title = "Antrean pengiriman";

    public const string RequeueVerb = "outbox.requeue";

    /// <summary>The card data key of the item to requeue.</summary>
    public const string KeyData = "item";

    public const string AdminOnly = "Perintah outbox hanya untuk Admin.";

    public static string Requeued(string number) => $"Dikirim ulang: pekerjaan kegiatan {number} kembali ke antrean dan segera dicoba.";

    public const string AlreadyGone = "Item itu sudah tidak tertahan (sudah dikirim ulang atau sudah terkirim). Daftar di bawah adalah keadaan sekarang.";

    public static JsonObject Build(OutboxCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode> { CardElements.Text(Title, TextStyle.Title) };
        if (view.Notice is { } notice)
        {
            body.Add(CardInputs.Banner(notice, style: "good"));
        }

        body.Add(CardElements.Text(view.Items.Count == 0
            ? "Tidak ada pekerjaan yang tertahan: semua kartu, pemberitahuan, dan pekerjaan Graph terkirim atau masih dicoba otomatis."
            : $"{view.Items.Count.ToString(CultureInfo.InvariantCulture)} pekerjaan berhenti dicoba. Perbaiki penyebabnya (lihat galat), lalu kirim ulang.", TextStyle.Subtle));
        foreach (var item in view.Items)
        {
            var facts = new List<(string, string)>
            {
                ("Jenis", item.Kind),
                ("Keadaan", item.GaveUp ? "tidak dapat berhasil (dihentikan)" : $"gagal {item.Attempts.ToString(CultureInfo.InvariantCulture)} kali"),
            };
            if (item.LastAttemptAt is { } at)
            {
                facts.Add(("Percobaan terakhir", WibFormat.DateTime(at)));
            }

            body.Add(CardInputs.Container(
            [
                CardElements.Text($"Kegiatan {item.Number}", TextStyle.Heading),
                CardElements.Facts(facts),
                CardInputs.Caption("Galat terakhir"),
                CardElements.UserText(item.LastError.Length == 0 ? "—" : item.LastError, 600, subtle: true),
                CardInputs.ActionSet([CardInputs.Execute("Kirim ulang", RequeueVerb, new JsonObject { [KeyData] = item.Key })]),
            ], "emphasis", spacing: "Medium"));
        }

        return CardElements.Card(body);
    }
}
