using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

/// <summary>
/// What the indexes rely on: passes over one kegiatan never overlap, across instances too, and every item is handed the
/// kegiatan as its pass read it, never older than the item; so index writes follow the versions in order.
/// </summary>
[NeedsAzurite]
public sealed class OutboxPassTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Number = "FAS-2026-0001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Passes_of_one_kegiatan_from_three_instances_never_overlap_and_each_item_runs_once()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync(Number, outboxItems: 2, cancellationToken: Ct);
        var inside = 0;
        var overlapped = false;
        var handler = new RecordingHandler(async (item, _, self, cancellationToken) =>
        {
            overlapped |= Interlocked.Increment(ref inside) > 1;
            await Task.Delay(30, cancellationToken);
            Interlocked.Decrement(ref inside);
            return self.Effect(item);
        });
        var instances = new[] { storage, storage.Sibling(), storage.Sibling() }.Select((s, i) => s.Dispatcher($"i{i}", handler)).ToList();

        for (var version = 2; version <= 4; version++)
        {
            var result = await storage.Store.DecideAsync(Number, $"approve-{version}", Changes.Approve(version - 1, "ketua", outboxItems: 2), Ct);
            Assert.Equal(version, result.Version);
            await Task.WhenAll(instances.Select(d => d.DeliverAsync(Number, Ct)));
        }

        await Task.WhenAll(instances.Select(d => d.DeliverAsync(Number, Ct)));
        Assert.False(overlapped, "two passes of one kegiatan ran handlers at the same time");
        Assert.Equal(8, handler.Calls.Count);
        Assert.All(handler.Effects.Values, count => Assert.Equal(1, count));
        Assert.Empty(await storage.OutboxRowsAsync(Number, Ct));
    }

    [Fact]
    public async Task An_item_retried_after_a_newer_decision_is_handed_the_newer_kegiatan()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync(Number, outboxItems: 1, cancellationToken: Ct);
        var handler = new RecordingHandler((item, call, self, _) =>
            Task.FromResult(call == 1 ? OutboxOutcome.RetryLater("503 from the index table") : self.Effect(item)));
        var dispatcher = storage.Dispatcher("a", handler);

        await dispatcher.DeliverAsync(Number, Ct); // v1's item fails and waits for its retry
        await storage.Store.DecideAsync(Number, "approve-2", Changes.Approve(1, "ketua", outboxItems: 1), Ct);
        storage.Time.Advance(TimeSpan.FromMinutes(5));
        await dispatcher.DeliverAsync(Number, Ct);

        Assert.Equal(
            [("FAS-2026-0001|v1|card0", 1), ("FAS-2026-0001|v1|card0", 2), ("FAS-2026-0001|v2|card0", 2)],
            handler.Calls.Select(c => (c.DedupeKey, c.Snapshot!.Version)));
        Assert.Equal(2, Changes.StepOf(handler.Calls[^1].Snapshot!));
    }

    [Fact]
    public async Task A_pass_that_fails_while_storage_is_down_is_tried_again_by_the_instance_without_waiting_for_poll_or_sweep()
    {
        var storage = StorageHarness.Create(azurite, maxRetries: 0);
        var handler = new RecordingHandler();
        var dispatcher = storage.Dispatcher("a", handler);
        await dispatcher.StartAsync(Ct);
        await dispatcher.StartupSweepCompleted.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        // Storage is unreachable for the pass: its read of the outbox and its marker for the poll both fail.
        storage.Tap.Inject(Fault.ConnectionLost, IsOutboxRead);
        storage.Tap.Inject(Fault.ConnectionLost, r => r.Uri.Path.Contains(storage.Tables.PendingName, StringComparison.Ordinal));

        await storage.CreateAsync(Number, outboxItems: 1, cancellationToken: Ct);
        await WaitUntilAsync(() => storage.Tap.Requests.Any(r => r.Contains(storage.Tables.PendingName, StringComparison.Ordinal)));
        Assert.Empty(handler.Calls);
        Assert.Empty(await storage.MarkersAsync(Ct));

        storage.Time.Advance(storage.Options.OutboxRetryAfterFailure); // far from the 30 s poll and the 10 min sweep
        await handler.WaitForCallsAsync(1, Ct);
        await dispatcher.StopAsync(Ct);
        Assert.Equal(["FAS-2026-0001|v1|card0"], handler.Calls.Select(c => c.DedupeKey));
    }

    [Fact]
    public async Task A_post_that_fails_before_its_marked_effect_is_retried_as_unsent_and_one_that_fails_after_it_is_never_repeated()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync(Number, outboxItems: 2, cancellationToken: Ct);
        var handler = new MarkingHandler();
        var dispatcher = storage.Dispatcher("a", handler);

        await dispatcher.DeliverAsync(Number, Ct); // card0 fails on its read, before the post; card1 after the post began
        storage.Time.Advance(TimeSpan.FromMinutes(5));
        await dispatcher.DeliverAsync(Number, Ct);

        Assert.Equal(
            [("FAS-2026-0001|v1|card1", false), ("FAS-2026-0001|v1|card0", false), ("FAS-2026-0001|v1|card1", true), ("FAS-2026-0001|v1|card0", false)],
            handler.Calls);
        Assert.Equal(["FAS-2026-0001|v1|card0", "FAS-2026-0001|v1|card1"], handler.Posted.Order(StringComparer.Ordinal));
        Assert.Empty(await storage.OutboxRowsAsync(Number, Ct));
    }

    /// <summary>Posts as the Teams handlers do: marks its effect right before the post, and never repeats an unknown one.</summary>
    private sealed class MarkingHandler : IOutboxHandler
    {
        public IReadOnlyCollection<string> Kinds { get; } = ["card"];

        public bool MarksItsEffect => true;

        public List<(string, bool)> Calls { get; } = [];

        public List<string> Posted { get; } = [];

        public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
        {
            Calls.Add((item.DedupeKey, item.PriorOutcomeUnknown));
            var first = Calls.Count(c => c.Item1 == item.DedupeKey) == 1;
            if (item.PriorOutcomeUnknown)
            {
                return OutboxOutcome.Delivered("not sent again");
            }

            if (first && item.DedupeKey.EndsWith("card0", StringComparison.Ordinal))
            {
                throw new IOException("the state could not be read"); // before the post: nothing was sent
            }

            await item.Effect!.BeginAsync(cancellationToken);
            Posted.Add(item.DedupeKey);
            if (first)
            {
                throw new IOException("connection reset after the card was posted");
            }

            return OutboxOutcome.Delivered();
        }
    }

    private static bool IsOutboxRead(Azure.Core.Request request) =>
        request.Method == Azure.Core.RequestMethod.Get && Uri.UnescapeDataString(request.Uri.Query).Contains("RowKey ge 'o|'", StringComparison.Ordinal);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the pass never failed");
            await Task.Delay(20, Ct);
        }
    }
}
