using System.Text;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Workflow.Storage;

/// <summary>Azurite's 32K-character strings, the 1 MiB entity and the 100-operation / 4 MiB batch.</summary>
[NeedsAzurite]
public sealed class KegiatanStoreLimitTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// About <paramref name="chars"/> characters of JSON (the store does not parse it) whose emoji puts a high surrogate exactly
    /// where the first 32,000-character property would end.
    /// </summary>
    private static string LargeJson(int chars)
    {
        const string Head = "{\"notulen\":\"";
        var text = new StringBuilder(Head).Append('a', 31_999 - Head.Length).Append("😀 ñ \\\"kutip\\\" ");
        while (text.Length < chars)
        {
            text.Append("Rapat koordinasi 😀 ");
        }

        return text.Append("\"}").ToString();
    }

    private static KegiatanChange Sized(string stateJson, string eventJson, string payloadJson, int outboxItems = 1) => new(
        new KegiatanState(stateJson, "Berjalan", "fasilitasi-perijinan", 1),
        new HistoryAppend("kegiatanStarted", eventJson, "ketua", StorageHarness.Start),
        [.. Enumerable.Range(0, outboxItems).Select(i => new OutboxMessage("card", $"k|{i}", payloadJson))]);

    [Fact]
    public async Task State_history_and_outbox_larger_than_32K_characters_round_trip()
    {
        var storage = StorageHarness.Create(azurite);
        var (state, evt, payload) = (LargeJson(200_000), LargeJson(70_000), LargeJson(40_000));

        var result = await storage.Store.CommitAsync(KegiatanCommit.Create("FAS-2026-0001", "c1", Sized(state, evt, payload)), Ct);

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        var read = await storage.Store.GetAsync("FAS-2026-0001", Ct);
        Assert.Equal(state, read!.State.Json);
        Assert.Equal(evt, Assert.Single(await storage.Store.ReadHistoryAsync("FAS-2026-0001", Ct).ToListAsync(Ct)).EventJson);
        Assert.Equal(payload, OutboxRow.Read(Assert.Single(await storage.OutboxRowsAsync("FAS-2026-0001", Ct))).PayloadJson);

        // And again through an update, which replaces a 7-chunk state with a 2-chunk one.
        var smaller = LargeJson(33_000);
        Assert.True((await storage.Store.CommitAsync(read.Next("c2", Sized(smaller, "{}", "{}", 0)), Ct)).IsSuccess);
        Assert.Equal(smaller, (await storage.Store.GetAsync("FAS-2026-0001", Ct))!.State.Json);
    }

    [Fact]
    public async Task A_state_over_one_MiB_is_refused_before_anything_is_written()
    {
        var storage = StorageHarness.Create(azurite);
        var current = await storage.CreateAsync("FAS-2026-0001", step: 2, cancellationToken: Ct);
        storage.Tap.Clear();

        var refused = await Assert.ThrowsAsync<StorageLimitException>(() =>
            storage.Store.CommitAsync(current.Next("too-big", Sized(LargeJson(600_000), "{}", "{}")), Ct));

        Assert.Contains("row state would be", refused.Message, StringComparison.Ordinal);
        Assert.Contains("1,048,576", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(storage.Tap.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
        Assert.Equal(1, (await storage.Store.GetAsync("FAS-2026-0001", Ct))!.Version);
    }

    [Fact]
    public async Task A_commit_of_more_than_100_operations_is_refused_and_exactly_100_is_accepted()
    {
        var storage = StorageHarness.Create(azurite);
        var current = await storage.CreateAsync("FAS-2026-0001", step: 2, cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<StorageLimitException>(() =>
            storage.Store.CommitAsync(current.Next("101", Sized("{}", "{}", "{}", outboxItems: 99)), Ct));
        Assert.Contains("101 rows exceeds the 100 operations", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await storage.OutboxRowsAsync("FAS-2026-0001", Ct));

        var accepted = await storage.Store.CommitAsync(current.Next("100", Sized("{}", "{}", "{}", outboxItems: 98)), Ct);
        Assert.Equal(CommitOutcome.Committed, accepted.Outcome);
        Assert.Equal(98, (await storage.OutboxRowsAsync("FAS-2026-0001", Ct)).Count);
    }

    [Fact]
    public async Task A_commit_over_4_MiB_in_total_is_refused()
    {
        var storage = StorageHarness.Create(azurite);
        var current = await storage.CreateAsync("FAS-2026-0001", step: 2, cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<StorageLimitException>(() =>
            storage.Store.CommitAsync(current.Next("wide", Sized("{}", "{}", LargeJson(260_000), outboxItems: 9)), Ct));

        Assert.Contains("one transaction allows 4,194,304", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await storage.Store.GetAsync("FAS-2026-0001", Ct))!.Version);
    }
}
