using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop;
using static PerijinanBot.Bot.Tests.Dialogs.DialogCards;

namespace PerijinanBot.Bot.Tests.EndToEnd;

/// <summary>
/// A Plh. in the Playgrounds: the Kepala Dinas appoints the Ketua Tim Kerja as Plh. of the Kepala Bidang for today through the plh card; when
/// step 4 (the Kabid's) comes, the Ketua receives its card in her own chat, approves it, and the history says Plh.
/// </summary>
[NeedsAzurite, NeedsPlayground]
public sealed class PlhInPlaygroundTests
{
    private const string Rina = "00000000-0000-4000-8000-000000000001";
    private const string Hendra = "00000000-0000-4000-8000-000000000003";
    private const string Basis = "800/123/DISKOPUKM.B/2026";

    [Fact]
    public async Task A_stand_in_receives_and_approves_the_Kepala_Bidangs_step_and_history_shows_Plh()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var office = await Office.OpenAsync(ct);
        var ketua = office["KetuaTimKerja"];
        var anggota = office["AnggotaTimKerja"];
        var kabid = office["KepalaBidang"];
        var kadis = office["KepalaDinas"];
        await PlaygroundWalk.OpenChatsAsync(ct, ketua, anggota, kabid, kadis);

        // The Kadis appoints the Ketua as Plh. of the Kabid for today (an official does not appoint his own).
        var today = OfficeWeek.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await kadis.SayAsync("plh", ct);
        var (plhId, plhCard) = await kadis.CardAsync(c => Action(c, "plh.add") is not null, "Kadis: plh card");
        var appointed = await kadis.ExecuteAsync(plhId, "plh.add", With(Action(plhCard, "plh.add")!, plhCard, new()
        {
            ["plhHolder"] = Hendra,
            ["plhKind"] = "plh",
            ["plhBasisDate"] = today,
            ["plhStandIn"] = Rina,
            ["plhFrom"] = today,
            ["plhTo"] = today,
            ["plhBasis"] = Basis,
        }), ct);
        PlaygroundWalk.AssertIsCard(appointed, "plh.add answer");
        await ketua.CardAsync(c => Text(c).Contains(Basis, StringComparison.Ordinal) && Text(c).Contains("Plh", StringComparison.Ordinal), "Ketua: appointment notice");

        // Steps 1–3 as usual; step 4 is the Kabid's, and reaches his Plh. too.
        var number = await PlaygroundWalk.StartAsync(ketua, ct);
        await PlaygroundWalk.SubmitDataAsync(anggota, number, ct);
        await PlaygroundWalk.ApproveAsync(ketua, number, 3, ct);
        await kabid.CardAsync(c => Action(c, "sop.approve", 4) is not null && Text(c).Contains(number, StringComparison.Ordinal), "Kabid: his own step 4 card");
        var outcome = await PlaygroundWalk.ApproveAsync(ketua, number, 4, ct, mustShow: "Plh");
        Assert.Contains(Basis, Text(outcome), StringComparison.Ordinal);

        // The Kadis gets step 5; the stored step 4 was finished by the Ketua on behalf of the Kabid, with the basis.
        await kadis.CardAsync(c => Action(c, "sop.approve", 5) is not null && Text(c).Contains(number, StringComparison.Ordinal), "Kadis: step 5 card");
        var row = (await new TableClient(office.Azurite.ConnectionString, "Kegiatan").GetEntityAsync<TableEntity>(number, "state", cancellationToken: ct)).Value;
        var kegiatan = JsonSerializer.Deserialize(EntityLimits.ReadChunked(row, "Json"), SopJsonContext.Default.Kegiatan)!;
        var step4 = kegiatan.Steps.Single(s => s.Step == 4);
        Assert.Equal(Rina, step4.FinishedBy?.Id);
        Assert.Equal(Hendra, step4.FinishedBy?.OnBehalfOf?.Id);
        Assert.Equal(Basis, step4.FinishedBy?.DelegationBasis);
    }
}
