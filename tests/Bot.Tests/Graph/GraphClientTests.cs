using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Graph;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Graph;

/// <summary>The Graph plumbing: features off without settings (said on /healthz), app-only tokens, Retry-After honoured, bad settings refused.</summary>
[NeedsAzurite]
public sealed class GraphClientTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_Graph_settings_the_bot_runs_and_healthz_names_every_feature_that_is_off_and_how_to_switch_it_on()
    {
        await using var bot = new BotFactory(new Dictionary<string, string?> { ["Storage:ConnectionString"] = storage.ConnectionString });
        using var response = await bot.CreateClient().GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var graph = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["checks"]!["graph"]!;
        Assert.Equal("Healthy", (string?)graph["status"]);
        var reason = (string)graph["reason"]!;
        Assert.Contains("directory sync: off (set Graph:RoleGroups:<Role>", reason, StringComparison.Ordinal);
        Assert.Contains("proactive install: off (set Graph:TeamsAppId", reason, StringComparison.Ordinal);
        Assert.Contains("calendar invitations: off (set Graph:Calendar:Organizer", reason, StringComparison.Ordinal);
        Assert.Contains("SharePoint archive: off (set Graph:Archive:DriveId", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_SDK_calls_Graph_with_an_app_only_token_and_waits_as_long_as_Retry_After_says()
    {
        await using var graph = await FakeGraph.StartAsync();
        var settings = graph.Settings();
        settings["Storage:ConnectionString"] = storage.ConnectionString;
        settings["Graph:TeamsAppId"] = "0b9c4f33-1a2b-4c3d-9e8f-7a6b5c4d3e2f";
        await using var bot = new BotFactory(settings, configureServices: graph.Trust);
        const string user = "00000000-0000-4000-8000-000000000002";
        graph.Next("GET", $"/users/{user}", GraphReply.Error(429, "TooManyRequests", "Slow down.", TimeSpan.FromSeconds(2)));
        graph.On("GET", $"/users/{user}", _ => GraphReply.Json(new JsonObject { ["id"] = user, ["displayName"] = "Budi Santoso" }));

        var client = bot.Services.GetRequiredService<GraphClient>().Client;
        var found = await client.Users[user].GetAsync(cancellationToken: Ct);

        Assert.Equal("Budi Santoso", found!.DisplayName);
        var calls = graph.Requests.Where(r => r.Path == $"/users/{user}").ToList();
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {(calls[1].At - calls[0].At).TotalSeconds:0.00}s, Retry-After said 2 s");
        Assert.All(calls, c => Assert.Equal($"Bearer {FakeGraph.AccessToken}", c.Authorization));
        var token = Assert.Single(graph.TokenRequests);
        Assert.Equal(("client_credentials", FakeGraph.ClientId, "https://127.0.0.1/.default"), (token["grant_type"], token["client_id"], token["scope"]));
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task Graph_settings_that_cannot_work_stop_the_start_with_every_problem_named()
    {
        await using var bot = new BotFactory(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Graph:RoleGroups:KetuaTimKerja"] = "not-a-guid",
            ["Graph:RoleGroups:Bendahara"] = "0b9c4f33-1a2b-4c3d-9e8f-7a6b5c4d3e2f",
            ["Graph:BaseUrl"] = "http://graph.example/v1.0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => bot.Services.GetRequiredService<IOptions<Bot.Graph.GraphOptions>>().Value);
        Assert.Contains("Graph:RoleGroups:KetuaTimKerja must be the Entra group's object id (a GUID), got 'not-a-guid'.", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Graph:RoleGroups has unknown role 'Bendahara'.", StringComparison.Ordinal));
        Assert.Contains("Graph:BaseUrl must be an absolute https URL such as https://graph.microsoft.com/v1.0; got 'http://graph.example/v1.0'.", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("Graph features are configured but there are no app-only credentials", StringComparison.Ordinal));
    }
}
