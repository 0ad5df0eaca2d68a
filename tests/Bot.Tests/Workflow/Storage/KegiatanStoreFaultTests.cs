using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

/// <summary>
/// Faults around the commit batch, including Temporal's "write applied, caller sees a timeout": whatever happens, the
/// kegiatan ends with exactly one transition (one history row, version + 1, its outbox rows once).
/// </summary>
[NeedsAzurite]
public sealed class KegiatanStoreFaultTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Number = "FAS-2026-0001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Fault, the SDK's own retries, the outcome, and how many batches were sent in all.</summary>
    public static TheoryData<string, int, DecisionOutcome, int> Faults => new()
    {
        // The SDK retries the timed-out batch itself and meets 412: the store recognises its own command id.
        { nameof(Fault.AppliedThenTimeout), 2, DecisionOutcome.AlreadyApplied, 2 },
        // The failure reaches the store (the Tables SDK does not retry a 500 on a batch, or retries are off), which reads
        // back and finds the write applied.
        { nameof(Fault.AppliedThen500), 2, DecisionOutcome.AlreadyApplied, 1 },
        { nameof(Fault.AppliedThenTimeout), 0, DecisionOutcome.AlreadyApplied, 1 },
        { nameof(Fault.AppliedThen500), 0, DecisionOutcome.AlreadyApplied, 1 },
        // Never sent: retried (by the SDK, or by the store after reading that nothing moved).
        { nameof(Fault.Status503Before), 2, DecisionOutcome.Committed, 2 },
        { nameof(Fault.Status503Before), 0, DecisionOutcome.Committed, 2 },
        { nameof(Fault.ConnectionLost), 0, DecisionOutcome.Committed, 2 },
        { nameof(Fault.Status412Before), 2, DecisionOutcome.Committed, 2 },
    };

    private static Fault Named(string name) => (Fault)typeof(Fault).GetProperty(name)!.GetValue(null)!;

    private static async Task AssertExactlyOneTransitionAsync(StorageHarness storage)
    {
        var final = await storage.Store.GetAsync(Number, Ct);
        Assert.Equal((2, 4, "approve-1"), (final!.Version, Changes.StepOf(final), final.LastCommandId));
        var history = await storage.Store.ReadHistoryAsync(Number, Ct).ToListAsync(Ct);
        Assert.Equal(["create-" + Number, "approve-1"], history.Select(h => h.CommandId));
        Assert.Single(await storage.OutboxRowsAsync(Number, Ct));
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_on_the_commit_batch_still_yields_exactly_one_transition(string fault, int sdkRetries, DecisionOutcome expected, int batches)
    {
        var storage = StorageHarness.Create(azurite, maxRetries: sdkRetries);
        await storage.CreateAsync(Number, step: 3, cancellationToken: Ct);
        storage.Tap.Clear();
        storage.Tap.Inject(Named(fault), StorageTap.IsBatch);

        var result = await storage.Store.DecideAsync(Number, "approve-1", Changes.Approve(3, "hendra"), Ct);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(2, result.Version);
        Assert.Equal(batches, storage.Tap.Requests.Count(r => r.EndsWith("/$batch", StringComparison.Ordinal)));
        await AssertExactlyOneTransitionAsync(storage);
    }

    [Theory]
    [InlineData(nameof(Fault.AppliedThenTimeout), 2)]
    [InlineData(nameof(Fault.AppliedThenTimeout), 0)]
    [InlineData(nameof(Fault.AppliedThen500), 0)]
    public async Task CommitAsync_itself_reports_its_own_applied_write_as_AlreadyApplied_not_as_a_conflict(string fault, int sdkRetries)
    {
        var storage = StorageHarness.Create(azurite, maxRetries: sdkRetries);
        var current = await storage.CreateAsync(Number, step: 3, cancellationToken: Ct);
        storage.Tap.Inject(Named(fault), StorageTap.IsBatch);

        var result = await storage.Store.CommitAsync(current.Next("approve-1", Changes.Approve(3, "hendra")(current)!), Ct);

        Assert.Equal((CommitOutcome.AlreadyApplied, 2), (result.Outcome, result.Version));
        Assert.Equal((await storage.Store.GetAsync(Number, Ct))!.ETag, result.ETag);
        await AssertExactlyOneTransitionAsync(storage);
    }

    [Fact]
    public async Task When_even_the_read_back_fails_the_caller_retries_the_command_and_it_is_recognised()
    {
        var storage = StorageHarness.Create(azurite, maxRetries: 0);
        await storage.CreateAsync(Number, step: 3, cancellationToken: Ct);
        storage.Tap.Inject(Fault.AppliedThenTimeout, StorageTap.IsBatch, meanwhile: () =>
        {
            storage.Tap.Inject(Fault.ConnectionLost, StorageTap.IsStateRead); // storage is flaky: the read-back fails too
            return Task.CompletedTask;
        });

        await Assert.ThrowsAsync<IOException>(() => storage.Store.DecideAsync(Number, "approve-1", Changes.Approve(3, "hendra"), Ct));

        // The handler's error boundary answered; Teams redelivers the same invoke, so the same command id comes again.
        var retried = await storage.Store.DecideAsync(Number, "approve-1", Changes.Approve(3, "hendra"), Ct);

        Assert.Equal(DecisionOutcome.AlreadyApplied, retried.Outcome);
        await AssertExactlyOneTransitionAsync(storage);
    }

    [Fact]
    public async Task An_applied_commit_followed_by_another_before_the_read_back_is_still_recognised()
    {
        var storage = StorageHarness.Create(azurite, maxRetries: 0);
        var other = storage.Sibling();
        await storage.CreateAsync(Number, step: 3, cancellationToken: Ct);
        // After our batch lands, and before we can read back, someone else decides the next step.
        storage.Tap.Inject(Fault.AppliedThenTimeout, StorageTap.IsBatch, meanwhile: async () =>
            Assert.Equal(DecisionOutcome.Committed, (await other.Store.DecideAsync(Number, "approve-2", Changes.Approve(4, "siti"), Ct)).Outcome));

        var result = await storage.Store.DecideAsync(Number, "approve-1", Changes.Approve(3, "hendra"), Ct);

        Assert.Equal((DecisionOutcome.AlreadyApplied, 2), (result.Outcome, result.Version));
        var history = await storage.Store.ReadHistoryAsync(Number, Ct).ToListAsync(Ct);
        Assert.Equal(["create-" + Number, "approve-1", "approve-2"], history.Select(h => h.CommandId));
    }

    [Fact]
    public async Task A_commit_that_keeps_failing_ambiguously_throws_without_writing_twice()
    {
        var storage = StorageHarness.Create(azurite, maxRetries: 0);
        await storage.CreateAsync(Number, step: 3, cancellationToken: Ct);
        storage.Tap.Inject(Fault.ConnectionLost, StorageTap.IsBatch, times: 10);

        await Assert.ThrowsAsync<IOException>(() => storage.Store.DecideAsync(Number, "approve-1", Changes.Approve(3, "hendra"), Ct));

        Assert.Equal(1, (await storage.Store.GetAsync(Number, Ct))!.Version);
        Assert.Single(await storage.HistoryRowsAsync(Number, Ct));
    }
}
