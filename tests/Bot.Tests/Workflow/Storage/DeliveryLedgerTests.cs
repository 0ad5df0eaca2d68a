using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

[NeedsAzurite]
public sealed class DeliveryLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_begun_effect_that_never_completed_is_reported_unknown_to_the_next_attempt()
    {
        var ledger = StorageHarness.Create(azurite).Ledger;

        var first = await ledger.TryBeginAsync("FAS-2026-0001|v2|card", Ct);
        var second = await ledger.TryBeginAsync("FAS-2026-0001|v2|card", Ct);

        Assert.Equal(DeliveryStatus.Began, first.Status);
        Assert.Equal(DeliveryStatus.Unknown, second.Status);
        Assert.Equal(StorageHarness.Start, second.Since);
    }

    [Fact]
    public async Task A_completed_effect_is_reported_done_with_its_result()
    {
        var ledger = StorageHarness.Create(azurite).Ledger;
        await ledger.TryBeginAsync("k", Ct);

        await ledger.CompleteAsync("k", "activity-123", Ct);
        var again = await ledger.TryBeginAsync("k", Ct);

        Assert.Equal((DeliveryStatus.AlreadyDone, "activity-123"), (again.Status, again.Result));
    }

    [Fact]
    public async Task An_abandoned_attempt_lets_the_next_one_begin_afresh()
    {
        var ledger = StorageHarness.Create(azurite).Ledger;
        var first = await ledger.TryBeginAsync("k", Ct);

        await ledger.AbandonAsync(first, Ct);

        Assert.Equal(DeliveryStatus.Began, (await ledger.TryBeginAsync("k", Ct)).Status);
    }

    [Theory]
    [InlineData(nameof(Fault.AppliedThen500), 2)]
    [InlineData(nameof(Fault.AppliedThenTimeout), 2)]
    [InlineData(nameof(Fault.AppliedThenTimeout), 0)]
    [InlineData(nameof(Fault.ConnectionLost), 0)]
    public async Task A_beginning_whose_answer_was_lost_is_still_our_own(string fault, int sdkRetries)
    {
        var storage = StorageHarness.Create(azurite, maxRetries: sdkRetries);
        await storage.Ledger.TryBeginAsync("warm-up", Ct);
        storage.Tap.Inject((Fault)typeof(Fault).GetProperty(fault)!.GetValue(null)!, r => r.Method == Azure.Core.RequestMethod.Post);

        var ticket = await storage.Ledger.TryBeginAsync("k", Ct);

        Assert.Equal(DeliveryStatus.Began, ticket.Status);
    }

    [Theory]
    [InlineData("' or true or '")]
    [InlineData("a/b#c?d\\e")]
    public async Task Keys_with_quotes_and_reserved_characters_are_ledger_keys_like_any_other(string key)
    {
        var ledger = StorageHarness.Create(azurite).Ledger;
        await ledger.TryBeginAsync("plain", Ct);

        Assert.Equal(DeliveryStatus.Began, (await ledger.TryBeginAsync(key, Ct)).Status);
        await ledger.CompleteAsync(key, null, Ct);
        Assert.Equal(DeliveryStatus.AlreadyDone, (await ledger.TryBeginAsync(key, Ct)).Status);
        Assert.Equal(DeliveryStatus.Unknown, (await ledger.TryBeginAsync("plain", Ct)).Status);
    }
}
