using System.Text.Json.Nodes;
using Azure.Data.Tables;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Graph.Install;

/// <summary>
/// A step assigned to someone who never opened the bot (Dewi): the bot installs its Teams app for her through Graph (once),
/// waits for Teams' installation event, then delivers the pending card; when the app is already installed it reads the 1:1
/// chat from Graph and writes there; when it cannot install, whoever handed the step on is told, once, and it keeps trying.
/// </summary>
/// <remarks>Each test has an Azurite of its own: whether Dewi can be reached is exactly what is stored, and must start empty.</remarks>
[NeedsAzurite]
public sealed class ProactiveInstallTests
{
    private const string AppId = "0b9c4f33-1a2b-4c3d-9e8f-7a6b5c4d3e2f";
    private const string CatalogId = "1a2b3c4d-0000-4000-8000-00000000c47a";
    private const string DewiId = "00000000-0000-4000-8000-000000000005";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_app_is_installed_once_for_a_person_never_seen_and_the_card_follows_Teams_installation_event()
    {
        await using var azurite = await AzuriteProcess.StartAsync(Ct);
        await using var graph = await FakeGraph.StartAsync();
        ScriptCatalog(graph);
        graph.On("GET", $"/users/{DewiId}/teamwork/installedApps", _ => GraphReply.Json(new JsonObject { ["value"] = new JsonArray() }));
        graph.On("POST", $"/users/{DewiId}/teamwork/installedApps", _ => GraphReply.Json(new JsonObject { ["id"] = "install-1" }, 201));
        await using var h = await StartAsync(azurite, graph);

        var number = await StartForDewiAsync(h);
        var install = await graph.WaitForAsync(r => r.Method == "POST", "the installation request");
        Assert.Equal($"{graph.BaseUrl.AbsoluteUri}/appCatalogs/teamsApps/{CatalogId}", (string?)install.Json!["teamsApp@odata.bind"]);
        var lookup = graph.Requests.First(r => r.Method == "GET" && r.Path == $"/users/{DewiId}/teamwork/installedApps");
        Assert.Equal(("teamsApp", $"teamsApp/externalId eq '{AppId}'"), (lookup.Param("$expand"), lookup.Param("$filter")));
        var catalog = Assert.Single(graph.Requests, r => r.Path == "/appCatalogs/teamsApps");
        Assert.Equal($"externalId eq '{AppId}'", catalog.Param("$filter"));

        // The card waits, retried, while Teams installs: the installation is requested only once.
        await graph.WaitForAsync(r => r.Method == "GET" && r.Path.EndsWith("/installedApps", StringComparison.Ordinal) && r.At > install.At, "a retry while Teams installs");
        Assert.Empty(h.CardsPostedTo(h.Dewi));

        // Teams announces the installation in Dewi's 1:1 chat; the pending step 2 card follows.
        await h.InstallAsync(h.Dewi, Ct);
        var card = await h.StepCardAsync(h.Dewi, number, 2, SopVerbs.Submit, Ct);
        Assert.NotNull(card.ActivityId);
        Assert.Single(graph.Requests, r => r.Method == "POST");
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task The_installation_event_sends_the_waiting_card_at_once_not_at_its_next_retry()
    {
        await using var azurite = await AzuriteProcess.StartAsync(Ct);
        await using var graph = await FakeGraph.StartAsync();
        ScriptCatalog(graph);
        graph.On("GET", $"/users/{DewiId}/teamwork/installedApps", _ => GraphReply.Json(new JsonObject { ["value"] = new JsonArray() }));
        graph.On("POST", $"/users/{DewiId}/teamwork/installedApps", _ => GraphReply.Json(new JsonObject { ["id"] = "install-1" }, 201));
        // Retries far apart: only the event can bring the card within the harness's patience.
        await using var h = await StartAsync(azurite, graph, retryBaseDelay: "00:02:00", retryMaxDelay: "00:10:00");

        var number = await StartForDewiAsync(h);
        await graph.WaitForAsync(r => r.Method == "POST", "the installation request");
        await h.TasksIndexedAsync(number, Ct);
        await h.InstallAsync(h.Dewi, Ct);

        var card = await h.StepCardAsync(h.Dewi, number, 2, SopVerbs.Submit, Ct);
        Assert.NotNull(card.ActivityId);
        Assert.Single(graph.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task When_the_app_is_already_installed_the_bot_writes_in_the_chat_Graph_names()
    {
        await using var azurite = await AzuriteProcess.StartAsync(Ct);
        await using var graph = await FakeGraph.StartAsync();
        ScriptCatalog(graph);
        graph.On("GET", $"/users/{DewiId}/teamwork/installedApps", _ => GraphReply.Json(new JsonObject
        {
            ["value"] = new JsonArray(new JsonObject
            {
                ["id"] = "aW5zdGFsbC05",
                ["teamsApp"] = new JsonObject { ["id"] = CatalogId, ["externalId"] = AppId, ["displayName"] = "PerijinanBot", ["distributionMethod"] = "organization" },
            }),
        }));
        graph.On("GET", $"/users/{DewiId}/teamwork/installedApps/aW5zdGFsbC05/chat", _ => GraphReply.Json(new JsonObject
        {
            ["id"] = "19:dewi-perijinanbot@unq.gbl.spaces",
            ["chatType"] = "oneOnOne",
        }));
        await using var h = await StartAsync(azurite, graph);

        var number = await StartForDewiAsync(h);
        var sent = await Explained(graph, azurite.ConnectionString, () => h.CardInAsync("19:dewi-perijinanbot@unq.gbl.spaces", c => DialogCards.Action(c, SopVerbs.Submit, 2) is { } data && (string?)data["kegiatan"] == number, "step 2 card in the chat Graph named"));
        Assert.NotNull(sent.Card);
        Assert.DoesNotContain(graph.Requests, r => r.Method == "POST" || r.Path == "/appCatalogs/teamsApps");
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task When_installing_is_refused_the_Ketua_who_handed_the_step_on_is_told_once_and_the_bot_keeps_trying()
    {
        await using var azurite = await AzuriteProcess.StartAsync(Ct);
        await using var graph = await FakeGraph.StartAsync();
        ScriptCatalog(graph);
        graph.On("GET", $"/users/{DewiId}/teamwork/installedApps", _ => GraphReply.Json(new JsonObject { ["value"] = new JsonArray() }));
        graph.On("POST", $"/users/{DewiId}/teamwork/installedApps", _ => GraphReply.Error(403, "Forbidden", "Missing role TeamsAppInstallation.ReadWriteSelfForUser.All"));
        await using var h = await StartAsync(azurite, graph);

        var number = await StartForDewiAsync(h);
        var told = await Explained(graph, azurite.ConnectionString, () => h.CardAsync(h.Ketua, c => DialogCards.Title(c) == "Kartu langkah belum terkirim", "Ketua: the card could not be delivered"));
        var text = DialogCards.Text(told.Card);
        Assert.Contains($"Kartu langkah 2 (Penyiapan data dukung) kegiatan {number} belum dapat dikirim kepada Dewi Lestari", text, StringComparison.Ordinal);
        Assert.Contains("izin Graph", text, StringComparison.Ordinal);

        // Retried: more attempts follow, but the Ketua hears it once.
        var first = graph.Requests.First(r => r.Method == "POST");
        await graph.WaitForAsync(r => r.Method == "POST" && r.At > first.At.AddMilliseconds(1), "a second installation attempt");
        await graph.WaitForAsync(r => r.Method == "POST" && r.At > first.At.AddSeconds(1), "a later installation attempt");
        Assert.Single(h.CardsPostedTo(h.Ketua), c => DialogCards.Title(c) == "Kartu langkah belum terkirim");

        // Once the permission is granted, the next attempt installs and the card follows the installation event.
        var granted = DateTimeOffset.UtcNow;
        graph.On("POST", $"/users/{DewiId}/teamwork/installedApps", _ => GraphReply.Json(new JsonObject { ["id"] = "install-2" }, 201));
        await graph.WaitForAsync(r => r.Method == "POST" && r.At > granted, "the attempt after the permission was granted");
        await h.InstallAsync(h.Dewi, Ct);
        await h.StepCardAsync(h.Dewi, number, 2, SopVerbs.Submit, Ct);
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task Without_a_Teams_app_id_no_Graph_call_is_made_and_the_card_waits_for_the_person()
    {
        await using var azurite = await AzuriteProcess.StartAsync(Ct);
        await using var graph = await FakeGraph.StartAsync();
        await using var h = await StartAsync(azurite, graph, appId: null);

        var number = await StartForDewiAsync(h);
        // The card's outbox item records each attempt's outcome after asking the installer, which is where a Graph call
        // would be: two attempts that found no conversation with Dewi, and Graph heard nothing of either.
        var waiting = await StepCardItemAsync(h, azurite, number, r => r.GetInt32("Attempts") >= 2 && (r.GetString("LastError") ?? "").Contains(DewiId, StringComparison.Ordinal), "two attempts towards Dewi");
        Assert.Equal(OutboxRow.Pending, waiting.GetString("Status"));
        Assert.StartsWith($"no conversation with {DewiId} yet", waiting.GetString("LastError"), StringComparison.Ordinal);
        Assert.Empty(graph.Requests);
        Assert.Empty(h.CardsPostedTo(h.Dewi));

        // She opens the bot herself: the card follows.
        await h.InstallAsync(h.Dewi, Ct);
        await h.StepCardAsync(h.Dewi, number, 2, SopVerbs.Submit, Ct);
    }

    /// <summary>On a timeout, says what Graph received and what the outbox items last reported.</summary>
    private static async Task<T> Explained<T>(FakeGraph graph, string connectionString, Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException e)
        {
            var rows = new List<string>();
            await foreach (var row in new Azure.Data.Tables.TableClient(connectionString, "Kegiatan").QueryAsync<Azure.Data.Tables.TableEntity>(r => r.RowKey.CompareTo("o|") >= 0 && r.RowKey.CompareTo("o}") < 0))
            {
                rows.Add($"{row.GetString("Kind")} {row.GetString("Status")} attempts={row.GetInt32("Attempts")} {row.GetString("LastError")}");
            }

            throw new TimeoutException($"{e.Message}\nGraph received: {string.Join(" | ", graph.Requests)}\nOutbox: {string.Join(" | ", rows)}", e);
        }
    }

    /// <summary>Waits until a step card item of the kegiatan is in the state the predicate describes.</summary>
    private static Task<TableEntity> StepCardItemAsync(DialogHarness h, AzuriteProcess azurite, string number, Func<TableEntity, bool> predicate, string what) =>
        OutboxItems.WaitAsync(azurite.ConnectionString, h.TablePrefix + "Kegiatan", number, OutboxKinds.StepCard, predicate, what, Ct);

    private static void ScriptCatalog(FakeGraph graph) =>
        graph.On("GET", "/appCatalogs/teamsApps", _ => GraphReply.Json(new JsonObject
        {
            ["value"] = new JsonArray(new JsonObject { ["id"] = CatalogId, ["externalId"] = AppId, ["displayName"] = "PerijinanBot", ["distributionMethod"] = "organization" }),
        }));

    private static async Task<DialogHarness> StartAsync(AzuriteProcess azurite, FakeGraph graph, string? appId = AppId, string retryBaseDelay = "00:00:00.200", string retryMaxDelay = "00:00:00.500")
    {
        // Without an app id no Graph setting at all: nothing switches a Graph feature on.
        var settings = appId is null ? [] : graph.Settings();
        if (appId is not null)
        {
            settings["Graph:TeamsAppId"] = appId;
        }

        settings["Workflow:Storage:RetryBaseDelay"] = retryBaseDelay;
        settings["Workflow:Storage:RetryMaxDelay"] = retryMaxDelay;
        settings["Workflow:Storage:OutboxPollInterval"] = "00:00:00.300";
        var h = await DialogHarness.StartAsync(azurite.ConnectionString, Ct, introduce: false, settings, graph.Trust);
        // Everyone but Dewi has talked to the bot; she never has.
        foreach (var person in h.Everyone.Where(p => p != h.Dewi))
        {
            await h.SayAsync(person, "bantuan", Ct);
            await h.CardAsync(person, c => DialogCards.Title(c) == "PerijinanBot — Bantuan", $"{person}: help card");
        }

        return h;
    }

    /// <summary>The Ketua starts a kegiatan with Dewi as the Anggota: step 2 is hers.</summary>
    private static async Task<string> StartForDewiAsync(DialogHarness h)
    {
        await h.SayAsync(h.Ketua, "mulai", Ct);
        var start = await h.CardAsync(h.Ketua, c => DialogCards.Action(c, SopVerbs.Start) is not null, "Ketua: start card");
        var form = new Dictionary<string, string>(DialogHarness.StartForm) { ["anggota"] = DewiId };
        var answer = await h.ExecuteAsync(h.Ketua, $"reply-{Guid.NewGuid():N}", SopVerbs.Start, DialogCards.With(DialogCards.Action(start.Card, SopVerbs.Start)!, start.Card, form), Ct);
        Assert.True(answer.IsCard, answer.ToString());
        return DialogHarness.NumberPattern().Match(DialogCards.Text(answer.Card)).Value;
    }
}
