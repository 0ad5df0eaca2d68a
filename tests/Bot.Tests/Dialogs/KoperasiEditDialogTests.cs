using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>
/// "Ubah data koperasi": the Anggota holding step 2 opens the koperasi card from the step card, adds a koperasi after a
/// refused NIK (typed values kept), saves; status, riwayat and <c>cari</c> follow, and a removed name is no longer found.
/// </summary>
[NeedsAzurite]
public sealed class KoperasiEditDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Second = "Koperasi Produsen Sawit Lestari";
    private const string SecondNik = "6103045566778899";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Anggota_at_step_2_adds_a_koperasi_and_status_riwayat_and_cari_follow()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct);
        var number = await h.WalkToAsync(2, Ct);
        var step2 = await h.StepCardAsync(h.Budi, number, 2, SopVerbs.Submit, Ct);
        var open = DialogCards.Action(step2.Card, SopVerbs.OpenKoperasi);
        Assert.NotNull(open);

        // Somebody else clicking the same button is refused, in words, and sees no slots.
        var dewi = await h.ExecuteAsync(h.Dewi, $"dewi-{Guid.NewGuid():N}", SopVerbs.OpenKoperasi, open, Ct);
        Assert.True(dewi.IsCard, dewi.ToString());
        Assert.Contains("Data koperasi hanya dapat diubah oleh", DialogCards.Text(dewi.Card), StringComparison.Ordinal);
        Assert.False(DialogCards.HasInputs(dewi.Card));

        var edit = await h.ExecuteAsync(h.Budi, step2.ActivityId, SopVerbs.OpenKoperasi, open, Ct);
        Assert.True(edit.IsCard, edit.ToString());
        Assert.Equal($"Ubah data koperasi {number}", DialogCards.Title(edit.Card));
        Assert.Equal(("KSP Maju Bersama", "6171012345678901"), (DialogCards.InputValue(edit.Card, "koperasi.1.nama"), DialogCards.InputValue(edit.Card, "koperasi.1.nik")));
        var save = DialogCards.Action(edit.Card, SopVerbs.EditKoperasi)!;

        // A NIK of five digits: the same card, the slot named on top, what was typed still there; nothing stored.
        var bad = await h.ExecuteAsync(h.Budi, step2.ActivityId, SopVerbs.EditKoperasi,
            DialogCards.With(save, edit.Card, new() { ["koperasi.2.nama"] = Second, ["koperasi.2.nik"] = "12345" }), Ct);
        Assert.True(bad.IsCard, bad.ToString());
        Assert.Equal($"Ubah data koperasi {number}", DialogCards.Title(bad.Card));
        Assert.Contains("Koperasi 2: NIK (Nomor Induk Koperasi) harus 16 angka (saat ini 5 angka).", DialogCards.Banner(bad.Card), StringComparison.Ordinal);
        Assert.Equal((Second, "12345"), (DialogCards.InputValue(bad.Card, "koperasi.2.nama"), DialogCards.InputValue(bad.Card, "koperasi.2.nik")));
        Assert.Equal("KSP Maju Bersama", KegiatanKoperasi.Names(await h.KegiatanAsync(number, Ct)));

        var saved = await h.ExecuteAsync(h.Budi, step2.ActivityId, SopVerbs.EditKoperasi,
            DialogCards.With(save, bad.Card, new() { ["koperasi.2.nik"] = SecondNik }), Ct);
        Assert.True(saved.IsCard, saved.ToString());
        var after = await h.KegiatanAsync(number, Ct);
        Assert.Equal(("KSP Maju Bersama; " + Second, 2), (KegiatanKoperasi.Names(after), after.CurrentStep));
        Assert.Equal(after.Version, (int?)DialogCards.Action(saved.Card, SopVerbs.Submit, 2)?["version"]);

        await h.SayAsync(h.Budi, $"status {number}", Ct);
        var status = await h.CardAsync(h.Budi, c => DialogCards.Title(c) == $"Status kegiatan {number}", "status");
        Assert.Contains("KSP Maju Bersama", DialogCards.Text(status.Card), StringComparison.Ordinal);
        Assert.Contains(Second, DialogCards.Text(status.Card), StringComparison.Ordinal);

        await h.SayAsync(h.Budi, $"riwayat {number}", Ct);
        var riwayat = await h.CardAsync(h.Budi, c => DialogCards.Text(c).Contains("Data koperasi diubah", StringComparison.Ordinal), "riwayat");
        Assert.Contains("oleh Budi Santoso pada", DialogCards.Text(riwayat.Card), StringComparison.Ordinal);

        await h.KoperasiIndexedAsync(number, Ct);
        Assert.Equal([number], await FoundAsync(h, "sawit lestari"));
        Assert.Equal([number], await FoundAsync(h, SecondNik));

        // The first koperasi renamed: the old name is no longer found, the new one is.
        var again = await h.ExecuteAsync(h.Budi, step2.ActivityId, SopVerbs.OpenKoperasi, DialogCards.Action(saved.Card, SopVerbs.OpenKoperasi)!, Ct);
        var renamed = await h.ExecuteAsync(h.Budi, step2.ActivityId, SopVerbs.EditKoperasi,
            DialogCards.With(DialogCards.Action(again.Card, SopVerbs.EditKoperasi)!, again.Card, new() { ["koperasi.1.nama"] = "KSP Mekar Jaya" }), Ct);
        Assert.True(renamed.IsCard, renamed.ToString());
        await h.KoperasiIndexedAsync(number, Ct);
        Assert.Equal([number], await FoundAsync(h, "mekar jaya"));
        await h.SayAsync(h.Dewi, "cari maju bersama", Ct);
        Assert.StartsWith("Tidak ditemukan kegiatan untuk koperasi", await h.TextInAsync(h.Dewi.ConversationId, "old name not found"), StringComparison.Ordinal);
    }

    /// <summary>The kegiatan numbers of the open buttons of Dewi's <c>cari</c> answer.</summary>
    private static async Task<List<string>> FoundAsync(DialogHarness h, string query)
    {
        await h.SayAsync(h.Dewi, $"cari {query}", Ct);
        var card = (await h.CardAsync(h.Dewi, c => DialogCards.Title(c) == "Hasil pencarian koperasi", $"cari {query}")).Card;
        return [.. DialogCards.Find(card, o => (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == SopVerbs.Open).Select(o => (string)o["data"]!["kegiatan"]!)];
    }
}
