using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Outbox;
using PerijinanBot.Dialogs.Sop;
using static PerijinanBot.Bot.Tests.Dialogs.DialogCards;

namespace PerijinanBot.Bot.Tests.EndToEnd;

/// <summary>
/// The Admin's <c>outbox</c> in the Playgrounds: the Anggota's Teams is away when his step 2 card is sent, so with one try
/// allowed the card is parked; the Admin sees it listed with its error, and once the Anggota is back, "Kirim ulang" brings
/// the card to his chat.
/// </summary>
[NeedsAzurite, NeedsPlayground]
public sealed class OutboxInPlaygroundTests
{
    [Fact]
    public async Task A_card_parked_while_the_Anggota_was_away_reaches_him_after_the_Admin_requeues_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var office = await Office.OpenAsync(
            ["KetuaTimKerja", "AnggotaTimKerja", "Admin"],
            new Dictionary<string, string> { ["Workflow__Storage__MaxAttempts"] = "1" },
            ct);
        var ketua = office["KetuaTimKerja"];
        var admin = office["Admin"];
        await PlaygroundWalk.OpenChatsAsync(ct, ketua, office["AnggotaTimKerja"], admin);

        var anggotaBack = await office.StopDeskAsync("AnggotaTimKerja", ct);
        var number = await PlaygroundWalk.StartAsync(ketua, ct);

        var (listedId, listed) = await ParkedListedAsync(admin, number, ct);
        var requeues = Find(listed, n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] == OutboxCard.RequeueVerb)
            .Select(n => (JsonObject)n["data"]!)
            .ToList();
        Assert.NotEmpty(requeues);

        var anggota = await anggotaBack();
        foreach (var data in requeues)
        {
            var answer = await admin.ExecuteAsync(listedId, OutboxCard.RequeueVerb, (JsonObject)data.DeepClone(), ct);
            PlaygroundWalk.AssertIsCard(answer, "Kirim ulang answer");
            Assert.Contains(OutboxCard.Requeued(number), Text(answer!), StringComparison.Ordinal);
        }

        var (_, step2) = await anggota.CardAsync(
            c => Action(c, SopVerbs.Submit, 2) is not null && Text(c).Contains(number, StringComparison.Ordinal),
            "Anggota: the requeued step 2 card");
        Assert.NotNull(Action(step2, SopVerbs.Submit, 2));

        await admin.SayAsync("outbox", ct);
        var (_, after) = await admin.CardAsync(c => Title(c) == OutboxCard.Title, "Admin: outbox after the requeue");
        Assert.DoesNotContain(number, Text(after), StringComparison.Ordinal);
    }

    /// <summary>Asks <c>outbox</c> until the kegiatan's parked card is listed (the try and the parking take a moment).</summary>
    private static async Task<(string MessageId, JsonObject Card)> ParkedListedAsync(Desk admin, string number, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await admin.SayAsync("outbox", ct);
            var (id, card) = await admin.CardAsync(c => Title(c) == OutboxCard.Title, "Admin: outbox card");
            if (Text(card).Contains(number, StringComparison.Ordinal))
            {
                return (id, card);
            }

            Assert.True(DateTime.UtcNow < deadline, $"nothing of {number} was parked within 60 s: {Text(card)}");
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }
}
