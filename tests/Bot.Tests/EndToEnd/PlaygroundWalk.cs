using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PerijinanBot.Bot.Tests.Infrastructure;
using static PerijinanBot.Bot.Tests.Dialogs.DialogCards;

namespace PerijinanBot.Bot.Tests.EndToEnd;

/// <summary>The first steps of a kegiatan as the people do them in their Playgrounds, shared by the end-to-end tests.</summary>
internal static partial class PlaygroundWalk
{
    /// <summary>Everyone opens their chat with the bot once (as installing the app does), so it can write to them first.</summary>
    public static async Task OpenChatsAsync(CancellationToken ct, params Desk[] desks)
    {
        foreach (var desk in desks)
        {
            await desk.SayAsync("bantuan", ct);
            await desk.CardAsync(c => Text(c).Contains("PerijinanBot — Bantuan", StringComparison.Ordinal), $"{desk.Role}: help card");
        }
    }

    /// <summary>Step 1: the Ketua types mulai, fills the card, and the kegiatan gets its number.</summary>
    public static async Task<string> StartAsync(Desk ketua, CancellationToken ct)
    {
        await ketua.SayAsync("mulai", ct);
        var (startId, startCard) = await ketua.CardAsync(c => Action(c, "sop.start") is not null, "Ketua: start card");
        var started = await ketua.ExecuteAsync(startId, "sop.start", With(Action(startCard, "sop.start")!, startCard, new()
        {
            ["jenisFasilitasi"] = "IUSP",
            ["judul"] = "Fasilitasi Izin Usaha Simpan Pinjam KSP Maju Bersama",
            ["koperasi"] = "KSP Maju Bersama",
            ["kabupatenKota"] = "Kota Pontianak",
            ["anggota"] = "00000000-0000-4000-8000-000000000002",
            ["disposisi"] = "Siapkan materi substansi, calon peserta, calon narasumber, jadwal dan tempat.",
        }), ct);
        AssertIsCard(started, "start answered with the outcome card");
        var number = NumberPattern().Match(started!.ToJsonString()).Value;
        Assert.Matches(NumberPattern(), number);
        return number;
    }

    /// <summary>Step 2: the Anggota prepares the data.</summary>
    public static async Task SubmitDataAsync(Desk anggota, string number, CancellationToken ct)
    {
        var (s2, card2) = await anggota.CardAsync(c => Action(c, "sop.submit", 2) is not null && Text(c).Contains(number, StringComparison.Ordinal), "Anggota: step 2 card");
        AssertIsCard(await anggota.ExecuteAsync(s2, "sop.submit", With(Action(card2, "sop.submit", 2)!, card2, new()
        {
            ["materiSubstansi"] = "Ketentuan USP menurut PerMenKop UKM 8/2023.",
            ["calonPeserta"] = "Pengurus dan pengawas KSP Maju Bersama (20 orang).",
            ["calonNarasumber"] = "Kepala Bidang Perijinan dan Kelembagaan.",
            ["jadwal.date"] = OfficeWeek.JadwalDate,
            ["jadwal.time"] = OfficeWeek.JadwalTime,
            ["tempat"] = "Aula Dinas Koperasi UKM Provinsi Kalimantan Barat",
        }), ct), "step 2 outcome");
    }

    /// <summary>Setuju on the decision step's card that arrives in this person's chat; returns the answer card.</summary>
    public static async Task<JsonObject> ApproveAsync(Desk desk, string number, int step, CancellationToken ct, string? mustShow = null)
    {
        var (id, card) = await desk.CardAsync(c => Action(c, "sop.approve", step) is not null && Text(c).Contains(number, StringComparison.Ordinal), $"{desk.Role}: step {step} card");
        if (mustShow is not null)
        {
            Assert.Contains(mustShow, Text(card), StringComparison.Ordinal);
        }

        var answer = await desk.ExecuteAsync(id, "sop.approve", With(Action(card, "sop.approve", step)!, card, []), ct);
        AssertIsCard(answer, $"step {step} Setuju outcome");
        var outcome = (JsonObject)answer!["value"]!;
        Assert.Null(Action(outcome, "sop.approve"));
        return outcome;
    }

    public static void AssertIsCard(JsonNode? answer, string what)
    {
        Assert.True(answer is JsonObject, $"{what}: no answer");
        Assert.True((string?)answer!["type"] == "application/vnd.microsoft.card.adaptive", $"{what}: {answer.ToJsonString(Unescaped)}");
    }

    [GeneratedRegex(@"FAS-\d{4}-\d{4}")]
    public static partial Regex NumberPattern();
}
