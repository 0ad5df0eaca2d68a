using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Graph.Directory;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Tests.Graph;

/// <summary>/health/ready's graph entry: Degraded while a configured Graph feature keeps failing, Healthy again once it works.</summary>
[NeedsAzurite]
public sealed class GraphHealthTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_role_sync_that_keeps_failing_makes_ready_Degraded_with_a_neutral_reason_until_a_sync_succeeds()
    {
        await using var graph = await FakeGraph.StartAsync();
        var ketua = RoleGroups.NewGroup();
        graph.On("GET", Regex.Escape(RoleGroups.PathOf(ketua)),
            _ => GraphReply.Error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation."));
        var settings = RoleGroups.Settings(graph, (Role.KetuaTimKerja, ketua));
        settings["Graph:FailuresBeforeDegraded"] = "2";
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, settings: settings, configureServices: graph.Trust);
        await RoleGroups.StatusAsync(h.Bot, s => s.LastFailure is not null, "the start-up sync fails");

        // One failure (the start-up sync) is not yet a pattern.
        Assert.Equal("Healthy", (await GraphEntryAsync(h)).Status);

        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        await h.TextInAsync(h.Admin.ConversationId, "Admin: the second sync failed");
        var (status, reason) = await GraphEntryAsync(h);
        Assert.Equal("Degraded", status);
        Assert.StartsWith("directory sync: the last 2 attempts failed (since ", reason, StringComparison.Ordinal);
        // Public page: what Graph said (and where it is) stays in the log.
        Assert.DoesNotContain("403", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Authorization_RequestDenied", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(ketua, reason, StringComparison.Ordinal);

        // Graph grants the permission: the next sync succeeds and the warning is gone.
        RoleGroups.Serve(graph, ketua, [RoleGroups.Rina]);
        await h.SayAsync(h.Admin, "peran sinkron", Ct);
        await RoleGroups.StatusAsync(h.Bot, s => s.LastFailure is null && s.LastSyncedAt is not null, "the sync succeeds");
        Assert.Equal("Healthy", (await GraphEntryAsync(h)).Status);
    }

    private static async Task<(string? Status, string Reason)> GraphEntryAsync(DialogHarness h)
    {
        using var response = await h.Client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var entry = body.RootElement.GetProperty("checks").GetProperty("graph");
        return (entry.GetProperty("status").GetString(), entry.GetProperty("reason").GetString() ?? "");
    }
}
