using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

/// <summary>Kegiatan numbers: unique per year, gap-free, never repeated, one per start command.</summary>
[NeedsAzurite]
public sealed class KegiatanNumberTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Func<string, KegiatanChange> Create(string actor, int outboxItems = 0) =>
        number => Changes.Step(number, 1, 2, actor, outboxItems);

    [Fact]
    public async Task Fifty_concurrent_starts_on_two_instances_get_the_numbers_1_to_50_once_each()
    {
        var one = StorageHarness.Create(azurite);
        var two = one.Sibling();

        var starts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => (i % 2 == 0 ? one : two).Store.StartAsync($"start-{i}", Create($"ketua{i}"), Ct), Ct)));

        Assert.All(starts, s => Assert.Equal(CommitOutcome.Committed, s.Outcome));
        Assert.Equal(Enumerable.Range(1, 50).Select(n => $"FAS-2026-{n:D4}"), starts.Select(s => s.Number).Order(StringComparer.Ordinal));
        foreach (var (start, i) in starts.Select((s, i) => (s, i)))
        {
            var stored = await one.Store.GetAsync(start.Number, Ct);
            Assert.Equal(($"start-{i}", $"ketua{i}"), (stored!.LastCommandId, Changes.ByOf(stored)));
        }

        Assert.Equal("FAS-2026-0051", (await one.Store.StartAsync("start-after", Create("ketua"), Ct)).Number);
    }

    [Fact]
    public async Task The_same_start_command_again_gets_its_first_number_even_after_others_moved_the_counter()
    {
        var storage = StorageHarness.Create(azurite);
        var first = await storage.Store.StartAsync("invoke-A", Create("rina"), Ct);
        await storage.Store.StartAsync("invoke-B", Create("rina"), Ct);
        await storage.Store.StartAsync("invoke-C", Create("rina"), Ct);

        var again = await storage.Store.StartAsync("invoke-A", Create("rina"), Ct);

        Assert.Equal((CommitOutcome.Committed, "FAS-2026-0001"), (first.Outcome, first.Number));
        Assert.Equal((CommitOutcome.AlreadyApplied, "FAS-2026-0001", 1), (again.Outcome, again.Number, again.Version));
        Assert.Null(await storage.Store.GetAsync("FAS-2026-0004", Ct));
    }

    [Fact]
    public async Task A_start_delivered_three_times_at_once_creates_one_kegiatan()
    {
        var storage = StorageHarness.Create(azurite);

        var starts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => storage.Store.StartAsync("invoke-1", Create("rina", outboxItems: 1), Ct), Ct)));

        Assert.All(starts, s => Assert.Equal("FAS-2026-0001", s.Number));
        Assert.Single(starts, s => s.Outcome == CommitOutcome.Committed);
        Assert.Null(await storage.Store.GetAsync("FAS-2026-0002", Ct));
        Assert.Single(await storage.OutboxRowsAsync("FAS-2026-0001", Ct));
    }

    [Fact]
    public async Task A_start_whose_answer_was_lost_is_found_by_its_retry_after_the_counter_moved_past_it()
    {
        var storage = StorageHarness.Create(azurite, maxRetries: 0);
        var other = storage.Sibling();
        // The batch lands, the answer is lost, the read-back fails: the caller only sees an error.
        storage.Tap.Inject(Fault.AppliedThenTimeout, StorageTap.IsBatch, meanwhile: () =>
        {
            storage.Tap.Inject(Fault.ConnectionLost, StorageTap.IsStateRead);
            return Task.CompletedTask;
        });
        await Assert.ThrowsAsync<IOException>(() => storage.Store.StartAsync("invoke-lost", Create("rina"), Ct));
        // Meanwhile two more kegiatan start elsewhere; the counter hint now says 3.
        Assert.Equal("FAS-2026-0002", (await other.Store.StartAsync("invoke-2", Create("budi"), Ct)).Number);
        Assert.Equal("FAS-2026-0003", (await other.Store.StartAsync("invoke-3", Create("budi"), Ct)).Number);

        var retried = await storage.Store.StartAsync("invoke-lost", Create("rina"), Ct);

        Assert.Equal((CommitOutcome.AlreadyApplied, "FAS-2026-0001"), (retried.Outcome, retried.Number));
        Assert.Null(await storage.Store.GetAsync("FAS-2026-0004", Ct));
    }

    [Theory]
    [InlineData(nameof(Fault.AppliedThenTimeout))]
    [InlineData(nameof(Fault.Status503Before))]
    [InlineData(nameof(Fault.ConnectionLost))]
    public async Task A_fault_on_the_creating_batch_yields_one_kegiatan_at_the_next_number(string fault)
    {
        var storage = StorageHarness.Create(azurite, maxRetries: 0);
        await storage.Store.StartAsync("invoke-0", Create("rina"), Ct);
        storage.Tap.Inject((Fault)typeof(Fault).GetProperty(fault)!.GetValue(null)!, StorageTap.IsBatch);

        var start = await storage.Store.StartAsync("invoke-1", Create("rina"), Ct);

        Assert.Equal("FAS-2026-0002", start.Number);
        Assert.Equal("invoke-1", (await storage.Store.GetAsync("FAS-2026-0002", Ct))!.LastCommandId);
        Assert.Null(await storage.Store.GetAsync("FAS-2026-0003", Ct));
    }

    [Fact]
    public async Task The_year_is_the_office_year_in_WIB_and_each_year_starts_again()
    {
        var storage = StorageHarness.Create(azurite, now: new DateTimeOffset(2025, 12, 31, 16, 30, 0, TimeSpan.Zero)); // 23:30 WIB
        Assert.Equal("FAS-2025-0001", (await storage.Store.StartAsync("a", Create("rina"), Ct)).Number);
        storage.Time.Advance(TimeSpan.FromHours(1)); // 00:30 WIB on 1 January, still 2025 in UTC

        Assert.Equal("FAS-2026-0001", (await storage.Store.StartAsync("b", Create("rina"), Ct)).Number);
    }

    [Fact]
    public async Task Prefix_and_first_serial_come_from_the_options()
    {
        var storage = StorageHarness.Create(azurite, o => (o.NumberPrefix, o.FirstSerial) = ("IZN", 120));

        Assert.Equal("IZN-2026-0120", (await storage.Store.StartAsync("a", Create("rina"), Ct)).Number);
        Assert.Equal("IZN-2026-0121", (await storage.Store.StartAsync("b", Create("rina"), Ct)).Number);
    }
}
