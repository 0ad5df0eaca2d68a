using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

/// <summary>The store's contract against a real Azurite: reads, commits, ETag concurrency, history.</summary>
[NeedsAzurite]
public sealed class KegiatanStoreContractTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_created_kegiatan_reads_back_with_its_state_version_and_command()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync("FAS-2026-0001", step: 2, outboxItems: 1, cancellationToken: Ct);

        var read = await storage.Store.GetAsync("FAS-2026-0001", Ct);

        Assert.NotNull(read);
        Assert.Equal(1, read.Version);
        Assert.Equal(2, Changes.StepOf(read));
        Assert.Equal("create-FAS-2026-0001", read.LastCommandId);
        Assert.Equal(("Berjalan", "fasilitasi-perijinan", 1), (read.State.Status, read.State.SopId, read.State.SopVersion));
        Assert.Single(await storage.OutboxRowsAsync("FAS-2026-0001", Ct)); // its outbox waits beside it
        Assert.Equal(StorageHarness.Start, read.UpdatedAt);
        Assert.Null(await storage.Store.GetAsync("FAS-2026-0002", Ct));
    }

    [Fact]
    public async Task The_decision_path_is_one_point_read_and_one_batch()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync("FAS-2026-0001", step: 3, cancellationToken: Ct);
        storage.Tap.Clear();

        var result = await storage.Store.DecideAsync("FAS-2026-0001", "approve-1", Changes.Approve(3, "kabid", outboxItems: 2), Ct);

        Assert.Equal(DecisionOutcome.Committed, result.Outcome);
        Assert.Collection(
            storage.Tap.Requests,
            read => Assert.Matches(@"^GET /devstoreaccount1/t\w+Kegiatan\(PartitionKey='FAS-2026-0001',RowKey='state'\)", read),
            batch => Assert.Equal("POST /devstoreaccount1/$batch", batch));
    }

    [Fact]
    public async Task Twenty_concurrent_approvals_of_one_step_make_exactly_one_transition()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync("FAS-2026-0001", step: 3, cancellationToken: Ct);
        var allRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;

        // Each approver as a command handler does it: read, decide, commit; on a conflict decide again on what is there now.
        async Task<(string Who, CommitOutcome Outcome, StoredKegiatan Seen)> ApproveAsync(int i)
        {
            var current = (await storage.Store.GetAsync("FAS-2026-0001", Ct))!;
            if (Interlocked.Increment(ref reads) == 20)
            {
                allRead.SetResult();
            }

            await allRead.Task.WaitAsync(Ct); // everybody holds the same version before anybody commits
            while (Changes.Approve(3, $"kabid{i}")(current) is { } change)
            {
                var result = await storage.Store.CommitAsync(current.Next($"approve-{i}", change), Ct);
                if (result.IsSuccess)
                {
                    return ($"kabid{i}", result.Outcome, current);
                }

                Assert.Equal(CommitOutcome.Conflict, result.Outcome);
                current = result.Current!;
            }

            return ($"kabid{i}", CommitOutcome.Conflict, current);
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => ApproveAsync(i), Ct)));

        var winner = Assert.Single(outcomes, o => o.Outcome == CommitOutcome.Committed);
        var final = (await storage.Store.GetAsync("FAS-2026-0001", Ct))!;
        Assert.Equal((2, 4, winner.Who), (final.Version, Changes.StepOf(final), Changes.ByOf(final)));
        // The losers saw the winner's decision: what the card tells them ("sudah diproses oleh …").
        Assert.All(outcomes.Where(o => o != winner), o => Assert.Equal(winner.Who, Changes.ByOf(o.Seen)));
        var history = await storage.Store.ReadHistoryAsync("FAS-2026-0001", Ct).ToListAsync(Ct);
        Assert.Equal(["kegiatanStarted", "stepApproved"], history.Select(h => h.EventType));
        Assert.Equal(winner.Who, history[1].Actor);
        Assert.Single(await storage.OutboxRowsAsync("FAS-2026-0001", Ct));
    }

    [Fact]
    public async Task Twenty_concurrent_approvals_through_DecideAsync_make_exactly_one_transition()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync("FAS-2026-0001", step: 3, cancellationToken: Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => storage.Store.DecideAsync("FAS-2026-0001", $"approve-{i}", Changes.Approve(3, $"kabid{i}"), Ct), Ct)));

        Assert.Single(results, r => r.Outcome == DecisionOutcome.Committed);
        Assert.Equal(19, results.Count(r => r.Outcome == DecisionOutcome.Declined));
        Assert.Equal(2, (await storage.HistoryRowsAsync("FAS-2026-0001", Ct)).Count);
    }

    [Fact]
    public async Task A_commit_returns_the_new_ETag_so_the_next_commit_needs_no_read()
    {
        var storage = StorageHarness.Create(azurite);
        var created = await storage.Store.CommitAsync(KegiatanCommit.Create("FAS-2026-0001", "c1", Changes.Step("FAS-2026-0001", 1, 1, "rina")), Ct);
        var read = await storage.Store.GetAsync("FAS-2026-0001", Ct);

        Assert.Equal(read!.ETag, created.ETag);
        var next = await storage.Store.CommitAsync(read.Next("c2", Changes.Step(read.Number, 2, 2, "budi")), Ct);
        Assert.Equal((await storage.Store.GetAsync("FAS-2026-0001", Ct))!.ETag, next.ETag);
    }

    [Fact]
    public async Task A_commit_built_on_a_stale_read_is_a_conflict_that_shows_the_current_state()
    {
        var storage = StorageHarness.Create(azurite);
        var stale = await storage.CreateAsync("FAS-2026-0001", step: 3, cancellationToken: Ct);
        Assert.True((await storage.Store.CommitAsync(stale.Next("first", Changes.Step(stale.Number, 2, 4, "hendra")), Ct)).IsSuccess);

        var result = await storage.Store.CommitAsync(stale.Next("second", Changes.Step(stale.Number, 2, 4, "siti")), Ct);

        Assert.Equal(CommitOutcome.Conflict, result.Outcome);
        Assert.Equal(("hendra", 2), (Changes.ByOf(result.Current!), result.Current!.Version));
        Assert.Equal(2, (await storage.HistoryRowsAsync(stale.Number, Ct)).Count);
    }

    [Fact]
    public async Task Creating_at_a_taken_number_reports_NumberTaken_and_changes_nothing()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync("FAS-2026-0001", step: 2, cancellationToken: Ct);

        var result = await storage.Store.CommitAsync(KegiatanCommit.Create("FAS-2026-0001", "someone-else", Changes.Step("FAS-2026-0001", 1, 5, "x")), Ct);

        Assert.Equal(CommitOutcome.NumberTaken, result.Outcome);
        Assert.Equal(2, Changes.StepOf((await storage.Store.GetAsync("FAS-2026-0001", Ct))!));
    }

    [Fact]
    public async Task A_redelivered_command_is_recognised_as_already_applied()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync("FAS-2026-0001", step: 3, cancellationToken: Ct);

        var first = await storage.Store.DecideAsync("FAS-2026-0001", "invoke-42", Changes.Approve(3, "hendra"), Ct);
        var again = await storage.Store.DecideAsync("FAS-2026-0001", "invoke-42", Changes.Approve(3, "hendra"), Ct);

        Assert.Equal((DecisionOutcome.Committed, DecisionOutcome.AlreadyApplied), (first.Outcome, again.Outcome));
        Assert.Equal(2, again.Version);
        Assert.Equal(2, (await storage.HistoryRowsAsync("FAS-2026-0001", Ct)).Count);
    }

    [Fact]
    public async Task History_is_read_in_pages_oldest_first_following_continuation_tokens()
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync("FAS-2026-0001", step: 1, outboxItems: 1, cancellationToken: Ct);
        for (var step = 1; step < 5; step++)
        {
            Assert.Equal(DecisionOutcome.Committed, (await storage.Store.DecideAsync("FAS-2026-0001", $"s{step}", Changes.Approve(step, $"p{step}"), Ct)).Outcome);
        }

        var versions = new List<int>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await storage.Store.ReadHistoryPageAsync("FAS-2026-0001", token, pageSize: 2, Ct);
            versions.AddRange(page.Records.Select(r => r.Version));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal([1, 2, 3, 4, 5], versions);
        Assert.True(pages >= 3, $"expected pages of 2, got {pages} pages");
        var all = await storage.Store.ReadHistoryAsync("FAS-2026-0001", Ct).ToListAsync(Ct);
        Assert.Equal(versions, all.Select(r => r.Version));
        Assert.Equal(["create-FAS-2026-0001", "s1", "s2", "s3", "s4"], all.Select(r => r.CommandId));
        Assert.Equal("""{"step":3,"by":"p2"}""", all[2].EventJson);
    }

    [Theory]
    [InlineData("' or true or '")]
    [InlineData("FAS-2026-0001' or PartitionKey ne '")]
    [InlineData("FAS-2026-0001') or (true")]
    [InlineData("a/b#c?d\\e%f")]
    public async Task User_text_as_a_number_finds_nothing_and_breaks_nothing(string text)
    {
        var storage = StorageHarness.Create(azurite);
        await storage.CreateAsync("FAS-2026-0001", step: 3, cancellationToken: Ct);

        Assert.Null(await storage.Store.GetAsync(text, Ct));
        Assert.Empty(await storage.Store.ReadHistoryAsync(text, Ct).ToListAsync(Ct));
        Assert.Empty((await storage.Store.ReadHistoryPageAsync(text, null, 10, Ct)).Records);
        Assert.Equal(DecisionOutcome.NotFound, (await storage.Store.DecideAsync(text, "c", Changes.Approve(3, "x"), Ct)).Outcome);
        Assert.Null(await storage.Store.GetAsync(new string('x', 5000), Ct));

        // The same text as a real number is an ordinary kegiatan of its own.
        await storage.CreateAsync(text, step: 5, cancellationToken: Ct);
        var own = await storage.Store.GetAsync(text, Ct);
        Assert.Equal((text, 5), (own!.Number, Changes.StepOf(own)));
        Assert.Single(await storage.Store.ReadHistoryAsync(text, Ct).ToListAsync(Ct));
        Assert.Equal(3, Changes.StepOf((await storage.Store.GetAsync("FAS-2026-0001", Ct))!));
    }
}
