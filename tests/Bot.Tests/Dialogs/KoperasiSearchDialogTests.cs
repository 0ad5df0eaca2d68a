using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary><c>cari</c>: a kegiatan for two koperasi is found by either name (from any word) and by either NIK, through the index.</summary>
[NeedsAzurite]
public sealed class KoperasiSearchDialogTests
{
    private const string NikSejahtera = "6112029876543210";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> TwoKoperasi() => new(DialogHarness.StartForm)
    {
        ["judul"] = "Fasilitasi IKC dua koperasi di Kubu Raya",
        ["koperasi.2.nama"] = "KSP Sejahtera Bersama",
        ["koperasi.2.nik"] = "6112 0298 7654 3210",
        ["koperasi.2.jenis"] = "KSP",
        ["koperasi.2.wilayah"] = "Kabupaten Kubu Raya,Kota Pontianak",
        ["koperasi.2.cpTelepon"] = "+62 812-3456-7890",
    };

    private static async Task<JsonObject> SearchAsync(DialogHarness h, string query)
    {
        await h.SayAsync(h.Dewi, $"cari {query}", Ct);
        return (await h.CardAsync(h.Dewi, c => DialogCards.Title(c) == "Hasil pencarian koperasi", $"cari {query}")).Card;
    }

    private static List<JsonObject> OpenButtons(JsonObject card) =>
        [.. DialogCards.Find(card, o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == SopVerbs.Open).Select(o => o["data"]!.AsObject())];

    [Fact]
    public async Task A_kegiatan_for_two_koperasi_is_found_by_a_name_and_by_a_NIK_and_opens_from_the_list()
    {
        await using var storage = await AzuriteProcess.StartAsync(Ct);
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct, TwoKoperasi());
        await h.KoperasiIndexedAsync(number, Ct);

        foreach (var query in new[] { "sejahtera bersama", "KSP Maju", NikSejahtera, "6171 0123 4567 8901" })
        {
            var found = await SearchAsync(h, query);
            Assert.Equal(number, (string?)Assert.Single(OpenButtons(found))["kegiatan"]);
            var text = DialogCards.Text(found);
            Assert.Contains("Fasilitasi IKC dua koperasi di Kubu Raya", text, StringComparison.Ordinal);
            Assert.Contains("KSP Maju Bersama; KSP Sejahtera Bersama", text, StringComparison.Ordinal);
            Assert.Contains("Berjalan: Langkah 2", text, StringComparison.Ordinal);
        }

        // Opening it from the list: Dewi has no part in it, so she gets where it stands.
        var open = OpenButtons(await SearchAsync(h, "maju"))[0];
        var status = await h.ExecuteAsync(h.Dewi, $"cari-{Guid.NewGuid():N}", SopVerbs.Open, open, Ct);
        Assert.Equal($"Status kegiatan {number}", DialogCards.Title(status.Card));
    }

    [Fact]
    public async Task A_koperasi_without_kegiatan_or_a_query_too_short_is_answered_in_words()
    {
        await using var storage = await AzuriteProcess.StartAsync(Ct);
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var (number, _) = await h.StartKegiatanAsync(Ct, TwoKoperasi());
        await h.KoperasiIndexedAsync(number, Ct);
        var chat = h.Dewi.ConversationId;

        await h.SayAsync(h.Dewi, "cari KSP Mekar Jaya", Ct);
        Assert.Equal(
            "Tidak ditemukan kegiatan untuk koperasi “KSP Mekar Jaya”. Cari dengan awal nama koperasi (paling sedikit 3 huruf) atau NIK-nya (16 angka).",
            await h.TextInAsync(chat, "not found"));

        await h.SayAsync(h.Dewi, "cari 6112029876543211", Ct);
        Assert.StartsWith("Tidak ditemukan kegiatan untuk koperasi “6112029876543211”", await h.TextInAsync(chat, "other NIK"), StringComparison.Ordinal);

        await h.SayAsync(h.Dewi, "cari", Ct);
        Assert.StartsWith("Sebutkan nama koperasi", await h.TextInAsync(chat, "no query"), StringComparison.Ordinal);
    }
}
