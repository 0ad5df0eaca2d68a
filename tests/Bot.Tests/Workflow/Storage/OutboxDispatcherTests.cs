using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

/// <summary>One dispatcher at a time, killed and restarted at the awkward moments.</summary>
[NeedsAzurite]
public sealed class OutboxDispatcherTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Number = "FAS-2026-0001";
    private const string Key = "FAS-2026-0001|v1|card0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task AssertDrainedAsync(StorageHarness storage, params string[] numbers)
    {
        foreach (var number in numbers)
        {
            Assert.Empty(await storage.OutboxRowsAsync(number, Ct));
        }

        Assert.Empty(await storage.MarkersAsync(Ct));
    }

    [Fact]
    public async Task Items_committed_by_an_instance_that_died_are_delivered_once_by_the_next_one_at_start_up()
    {
        var dead = StorageHarness.Create(azurite);
        string[] numbers = ["FAS-2026-0001", "FAS-2026-0002", "FAS-2026-0003"];
        foreach (var number in numbers)
        {
            await dead.CreateAsync(number, outboxItems: 2, cancellationToken: Ct); // its signal is never read: it died
        }

        var restarted = dead.Sibling();
        var handler = new RecordingHandler();
        var dispatcher = restarted.Dispatcher("restarted", handler);
        await dispatcher.StartAsync(Ct);
        await dispatcher.StartupSweepCompleted.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await dispatcher.StopAsync(Ct);

        Assert.Equal(6, handler.Calls.Count);
        Assert.Equal(6, handler.Effects.Count);
        Assert.All(handler.Effects.Values, count => Assert.Equal(1, count));
        Assert.Contains(handler.Calls, c => c.DedupeKey == "FAS-2026-0002|v1|card1" && c.PayloadJson == """{"to":"person1","step":1}""");
        await AssertDrainedAsync(restarted, numbers);
    }

    [Fact]
    public async Task A_running_dispatcher_delivers_a_commit_through_the_signal_without_waiting_for_a_poll()
    {
        var storage = StorageHarness.Create(azurite);
        var handler = new RecordingHandler();
        var dispatcher = storage.Dispatcher("a", handler);
        await dispatcher.StartAsync(Ct);
        await dispatcher.StartupSweepCompleted.WaitAsync(TimeSpan.FromSeconds(30), Ct); // the clock never moves: no poll, no second sweep

        await storage.CreateAsync(Number, outboxItems: 1, cancellationToken: Ct);
        await handler.WaitForCallsAsync(1, Ct);
        await dispatcher.StopAsync(Ct);

        Assert.Equal([Key], handler.Calls.Select(c => c.DedupeKey));
    }

    [Fact]
    public async Task A_crash_between_delivery_and_delete_does_not_deliver_again()
    {
        var storage = StorageHarness.Create(azurite, maxRetries: 0);
        await storage.CreateAsync(Number, outboxItems: 1, cancellationToken: Ct);
        storage.Tap.Inject(Fault.ConnectionLost, StorageTap.IsBatchWithDelete); // instance A dies before its delete reaches storage
        // As the Teams handlers do: an item whose earlier attempt may have posted is not posted again.
        var handler = new RecordingHandler((item, _, self, _) => Task.FromResult(item.PriorOutcomeUnknown ? OutboxOutcome.Delivered("not sent again") : self.Effect(item)));

        Assert.Equal(0, await storage.Dispatcher("a", handler).DeliverAsync(Number, Ct));
        var b = storage.Sibling().Dispatcher("b", handler);
        Assert.Equal(0, await b.PollAsync(Ct)); // A's claim still holds
        storage.Time.Advance(storage.Options.ClaimLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await b.PollAsync(Ct));

        Assert.Equal([false, true], handler.Calls.Select(c => c.PriorOutcomeUnknown)); // the row said "in flight"
        Assert.Equal(1, handler.Effects[Key]);
        await AssertDrainedAsync(storage, Number);
    }

    [Fact]
    public async Task A_handler_that_crashes_after_its_effect_is_asked_to_reconcile_so_the_effect_happens_once()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync(Number, outboxItems: 1, cancellationToken: Ct);
        var handler = new RecordingHandler((item, call, self, _) =>
        {
            if (call == 1)
            {
                self.Effect(item);
                throw new HttpRequestException("connection reset after the card was posted");
            }

            // As the Teams handler will: look up what the earlier attempt stored before sending again.
            return Task.FromResult(item.PriorOutcomeUnknown && self.Effects.ContainsKey(item.DedupeKey)
                ? OutboxOutcome.Delivered("reconciled")
                : self.Effect(item));
        });

        Assert.Equal(0, await storage.Dispatcher("a", handler).DeliverAsync(Number, Ct));
        var row = OutboxRow.Read(Assert.Single(await storage.OutboxRowsAsync(Number, Ct)));
        Assert.Equal((1, OutboxRow.Pending, true), (row.Attempts, row.Status, row.InFlight));
        Assert.InRange(row.NextAttemptAt - storage.Time.GetUtcNow(), TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        var restarted = storage.Sibling().Dispatcher("b", handler);
        Assert.Equal(0, await restarted.PollAsync(Ct)); // not due yet
        storage.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await restarted.PollAsync(Ct));

        Assert.Equal([false, true], handler.Calls.Select(c => c.PriorOutcomeUnknown));
        Assert.Equal(1, handler.Effects[Key]);
        await AssertDrainedAsync(storage, Number);
    }

    [Fact]
    public async Task An_instance_stopped_mid_delivery_leaves_the_item_to_the_next_after_its_lease()
    {
        var storage = StorageHarness.Create(azurite);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingHandler(async (item, call, self, cancellationToken) =>
        {
            if (call == 1)
            {
                entered.SetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken); // hangs until the instance goes away
            }

            return item.PriorOutcomeUnknown && self.Effects.ContainsKey(item.DedupeKey) ? OutboxOutcome.Delivered() : self.Effect(item);
        });
        var a = storage.Dispatcher("a", handler);
        await a.StartAsync(Ct);
        await storage.CreateAsync(Number, outboxItems: 1, cancellationToken: Ct);
        await entered.Task.WaitAsync(Ct);
        await a.StopAsync(Ct);

        var b = storage.Sibling().Dispatcher("b", handler);
        Assert.Equal(0, await b.PollAsync(Ct)); // A's lease still holds
        storage.Time.Advance(storage.Options.ClaimLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await b.PollAsync(Ct));

        Assert.Equal([false, true], handler.Calls.Select(c => c.PriorOutcomeUnknown));
        Assert.Equal(1, handler.Effects[Key]);
        await AssertDrainedAsync(storage, Number);
    }

    [Fact]
    public async Task A_failing_item_backs_off_exponentially_then_is_kept_as_poison()
    {
        var storage = StorageHarness.Create(azurite, o => (o.MaxAttempts, o.RetryBaseDelay, o.RetryMaxDelay) = (3, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)));
        await storage.CreateAsync(Number, outboxItems: 1, cancellationToken: Ct);
        var handler = new RecordingHandler((_, _, _, _) => Task.FromResult(OutboxOutcome.RetryLater("429 Too Many Requests")));
        var dispatcher = storage.Dispatcher("a", handler);

        async Task<OutboxRow> PassAsync()
        {
            await dispatcher.DeliverAsync(Number, Ct);
            return OutboxRow.Read(Assert.Single(await storage.OutboxRowsAsync(Number, Ct)));
        }

        var first = await PassAsync();
        Assert.InRange(first.NextAttemptAt - storage.Time.GetUtcNow(), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(12));
        await PassAsync();
        Assert.Single(handler.Calls); // not due yet
        storage.Time.Advance(TimeSpan.FromSeconds(12));
        var second = await PassAsync();
        Assert.InRange(second.NextAttemptAt - storage.Time.GetUtcNow(), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(24));
        storage.Time.Advance(TimeSpan.FromSeconds(24));
        var third = await PassAsync();
        storage.Time.Advance(TimeSpan.FromHours(1));
        await dispatcher.SweepAsync(Ct);
        await dispatcher.PollAsync(Ct);

        Assert.Equal(3, handler.Calls.Count);
        Assert.Equal((3, OutboxRow.Poison), (third.Attempts, third.Status));
        var stored = Assert.Single(await storage.OutboxRowsAsync(Number, Ct));
        Assert.Equal("429 Too Many Requests", stored.GetString("LastError"));
        Assert.Empty(handler.Effects);
    }

    [Fact]
    public async Task A_permanent_failure_and_an_unknown_kind_are_kept_not_dropped()
    {
        var storage = StorageHarness.Create(azurite);
        var current = await storage.CreateAsync(Number, outboxItems: 1, cancellationToken: Ct);
        await storage.Store.CommitAsync(current.Next("notice", Changes.Step(Number, 2, 2, "x") with
        {
            Outbox = [new OutboxMessage("notice", "FAS-2026-0001|v2|notice", "{}")],
        }), Ct);
        var handler = new RecordingHandler((_, _, _, _) => Task.FromResult(OutboxOutcome.Failed("payload names no person")));
        var dispatcher = storage.Dispatcher("a", handler);

        await dispatcher.DeliverAsync(Number, Ct);
        storage.Time.Advance(TimeSpan.FromHours(1));
        await dispatcher.DeliverAsync(Number, Ct);

        var rows = (await storage.OutboxRowsAsync(Number, Ct)).Select(OutboxRow.Read).ToList();
        Assert.Equal([(OutboxRow.Failed, 1), (OutboxRow.Pending, 2)], rows.Select(r => (r.Status, r.Attempts)));
        Assert.Single(handler.Calls);
        Assert.Equal("no handler for kind 'notice'", (await storage.OutboxRowsAsync(Number, Ct))[1].GetString("LastError"));
    }

    [Fact]
    public async Task A_commit_landing_during_delivery_is_found_by_the_sweep_and_delivered_next()
    {
        var storage = StorageHarness.Create(azurite);
        var other = storage.Sibling();
        await storage.CreateAsync(Number, step: 1, outboxItems: 1, cancellationToken: Ct);
        var handler = new RecordingHandler(async (item, call, self, cancellationToken) =>
        {
            if (call == 1)
            {
                // Someone approves on another instance while this item is being delivered.
                var approved = await other.Store.DecideAsync(Number, "approve", Changes.Approve(1, "budi"), cancellationToken);
                Assert.Equal(DecisionOutcome.Committed, approved.Outcome);
            }

            return self.Effect(item);
        });
        var dispatcher = storage.Dispatcher("a", handler);

        Assert.Equal(1, await dispatcher.DeliverAsync(Number, Ct));
        Assert.Single(await storage.OutboxRowsAsync(Number, Ct));
        Assert.Equal(1, await dispatcher.SweepAsync(Ct));

        Assert.Equal([Key, "FAS-2026-0001|v2|card0"], handler.Calls.Select(c => c.DedupeKey));
        await AssertDrainedAsync(storage, Number);
    }
}
