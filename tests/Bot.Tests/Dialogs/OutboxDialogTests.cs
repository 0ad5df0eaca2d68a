using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Outbox;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>
/// The Admin's <c>outbox</c> command in Teams: a card the connector kept refusing is parked, listed with its error, and
/// delivered once the Admin presses "Kirim ulang"; nobody else may list or requeue.
/// </summary>
[NeedsAzurite]
public sealed class OutboxDialogTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_parked_card_is_listed_for_the_Admin_and_delivered_after_Kirim_ulang()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, settings: new Dictionary<string, string?> { ["Workflow:Storage:MaxAttempts"] = "1" });
        await h.SayAsync(h.Admin, "outbox", Ct);
        var empty = await h.CardAsync(h.Admin, c => DialogCards.Title(c) == OutboxCard.Title, "Admin: outbox card");
        Assert.Contains("Tidak ada pekerjaan yang tertahan", DialogCards.Text(empty.Card), StringComparison.Ordinal);
        await h.SayAsync(h.Budi, "outbox", Ct);
        Assert.Equal(OutboxCard.AdminOnly, await h.TextInAsync(h.Budi.ConversationId, "Budi: admin only"));

        // The connector throttles every new message to Budi's chat (a 429 is surely not delivered): with one try allowed, his
        // step 2 card is parked.
        var budisChat = DialogHarness.ActivitiesPath(h.Budi.ConversationId);
        h.Connector.Refuse(c => c.Method == "POST" && c.Path.EndsWith(budisChat, StringComparison.Ordinal), 429);
        var (number, _) = await h.StartKegiatanAsync(Ct);
        var parked = h.Bot.Services.GetRequiredService<ParkedOutbox>();
        // Wait until the start's outbox has settled: every item delivered or parked, none still pending.
        var kegiatan = new Azure.Data.Tables.TableClient(storage.ConnectionString, h.TablePrefix + "Kegiatan");
        var stillPending = Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {number} and RowKey ge {"o|"} and RowKey lt {"o}"} and Status eq {"Pending"}");
        await WaitAsync(() => Task.FromResult(kegiatan.Query<Azure.Data.Tables.TableEntity>(stillPending, cancellationToken: Ct).Count()), n => n == 0, "the start's outbox to settle");
        var items = await WaitAsync(async () => (await parked.ListAsync(Ct)).Where(i => i.Number == number).ToList(), l => l.Count > 0, "a parked item");

        await h.SayAsync(h.Admin, "outbox", Ct);
        var listed = await h.CardAsync(h.Admin, c => DialogCards.Title(c) == OutboxCard.Title && DialogCards.Text(c).Contains(number, StringComparison.Ordinal), "Admin: outbox card with the item");
        Assert.Contains(items[0].Kind, DialogCards.Text(listed.Card), StringComparison.Ordinal);
        var requeue = DialogCards.Action(listed.Card, OutboxCard.RequeueVerb)!;
        h.Connector.StopRefusing();

        var refused = await h.ExecuteAsync(h.Budi, $"reply-{Guid.NewGuid():N}", OutboxCard.RequeueVerb, requeue, Ct);
        Assert.Equal("Tindakan ini bukan untuk Anda", DialogCards.Title(refused.Card));
        Assert.NotEmpty(await parked.ListAsync(Ct));

        foreach (var item in items)
        {
            var answer = await h.ExecuteAsync(h.Admin, $"reply-{Guid.NewGuid():N}", OutboxCard.RequeueVerb, new() { [OutboxCard.KeyData] = item.Key }, Ct);
            Assert.Contains($"Dikirim ulang: pekerjaan kegiatan {number}", DialogCards.Text(answer.Card), StringComparison.Ordinal);
        }

        await h.StepCardAsync(h.Budi, number, 2, PerijinanBot.Dialogs.Sop.SopVerbs.Submit, Ct);
        await h.DeliveredAsync(number, Ct);
        Assert.DoesNotContain(await parked.ListAsync(Ct), i => i.Number == number);
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTimeOffset.UtcNow + DialogHarness.Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{what}: not within {DialogHarness.Patience}");
            await Task.Delay(200, Ct);
        }
    }
}
