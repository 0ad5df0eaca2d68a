using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

/// <summary>Several bot instances on one storage account: every item is delivered exactly once.</summary>
[NeedsAzurite]
public sealed class OutboxScaleOutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Kegiatan = 20;
    private const int ItemsEach = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<StorageHarness> CommitWorkAsync(AzuriteFixture azurite)
    {
        var storage = StorageHarness.Create(azurite);
        await Task.WhenAll(Enumerable.Range(1, Kegiatan).Select(i =>
            storage.CreateAsync($"FAS-2026-{i:D4}", outboxItems: ItemsEach, cancellationToken: Ct)));
        return storage;
    }

    private static async Task AssertEachDeliveredOnceAsync(StorageHarness storage, RecordingHandler handler)
    {
        // Calls, not only effects: the claims keep a second instance from even starting an item.
        Assert.Equal(Kegiatan * ItemsEach, handler.Calls.Count);
        Assert.All(handler.Calls.GroupBy(c => c.DedupeKey), g => Assert.Single(g));
        Assert.All(handler.Effects.Values, count => Assert.Equal(1, count));
        for (var i = 1; i <= Kegiatan; i++)
        {
            Assert.Empty(await storage.OutboxRowsAsync($"FAS-2026-{i:D4}", Ct));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Instances_sweeping_and_polling_at_the_same_time_deliver_each_item_once(int instances)
    {
        var storage = await CommitWorkAsync(azurite);
        var handler = new RecordingHandler();
        var dispatchers = Enumerable.Range(0, instances).Select(i => storage.Sibling().Dispatcher($"instance-{i}", handler)).ToList();

        await Task.WhenAll(dispatchers.Select(d => Task.Run(
            async () =>
            {
                await d.SweepAsync(Ct);
                await d.PollAsync(Ct);
            },
            Ct)));
        // Whoever found an item claimed by another left the cleanup to it, and it to them: the next poll tidies.
        await dispatchers[0].PollAsync(Ct);

        await AssertEachDeliveredOnceAsync(storage, handler);
        Assert.Empty(await storage.MarkersAsync(Ct));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Instances_starting_together_deliver_each_item_once(int instances)
    {
        var storage = await CommitWorkAsync(azurite);
        var handler = new RecordingHandler();
        var dispatchers = Enumerable.Range(0, instances).Select(i => storage.Sibling().Dispatcher($"instance-{i}", handler)).ToList();

        await Task.WhenAll(dispatchers.Select(d => d.StartAsync(Ct)));
        await Task.WhenAll(dispatchers.Select(d => d.StartupSweepCompleted)).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await Task.WhenAll(dispatchers.Select(d => d.StopAsync(Ct)));

        await AssertEachDeliveredOnceAsync(storage, handler);
    }
}
