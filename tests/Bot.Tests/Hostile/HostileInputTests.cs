using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Protocol.Tests.Auth;

namespace PerijinanBot.Bot.Tests.Hostile;

/// <summary>
/// The hostile-input suite (issue 13): hundreds of generated malformed and forged inputs through the real host with real
/// Azurite. Every one gets a clear answer (a 4xx, an Indonesian refusal card, or an answer in the chat; an activity from
/// elsewhere is let go), none a 5xx or an error in the log, and the tables are the same after as before. Its figures are
/// printed at the end of <c>./test.sh</c> and quoted in the README.
/// </summary>
[NeedsAzurite]
public sealed class HostileInputTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string AppId = AuthHarness.AppId;
    private const string Tenant = ActivityFactory.TenantId;
    private static readonly TimeSpan ReplyPatience = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_hostile_input_gets_a_clear_answer_and_changes_nothing()
    {
        var logs = new CapturedLogs();
        var developmentPrefix = "hd" + Guid.NewGuid().ToString("N")[..8];
        var productionPrefix = "hp" + Guid.NewGuid().ToString("N")[..8];
        await using var office = await DialogHarness.StartAsync(
            storage.ConnectionString,
            Ct,
            introduce: true,
            new Dictionary<string, string?> { ["Storage:TableNamePrefix"] = developmentPrefix, ["Reminders:Enabled"] = "false" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        var scene = await SetTheSceneAsync(office, storage.ConnectionString);
        await using var openId = await LocalOpenIdServer.StartAsync(Ct);
        await using var production = new BotFactory(
            new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storage.ConnectionString,
                ["Storage:TableNamePrefix"] = productionPrefix,
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppTenantId"] = Tenant,
                ["BotAuthentication:OpenIdMetadataUrl"] = openId.Channel.MetadataUrl,
                ["BotAuthentication:TenantOpenIdMetadataUrl"] = openId.TenantMetadataUrlTemplate,
                ["Files:SigningKey"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                ["Files:PublicBaseUrl"] = "https://perijinanbot.example",
                ["Reminders:Enabled"] = "false",
            },
            environment: "Production",
            configureServices: services => services.AddSingleton<ILoggerProvider>(logs));
        using var productionClient = production.CreateClient();

        var before = await TableSnapshot.TakeAsync(storage.ConnectionString, developmentPrefix, productionPrefix, Ct);
        var references = await PersonalChatsAsync(office, scene);
        var results = new List<(HostileCase Case, Answer Got, string? Problem)>();
        foreach (var input in HostileInputs.All(scene))
        {
            results.Add(await TryAsync(office.Client, office.Connector, input));
        }

        foreach (var input in HostileTokens.All(openId, AppId, Tenant))
        {
            results.Add(await TryAsync(productionClient, null, input));
        }

        // Nothing arrives late: every call the bot made was an answer already counted.
        var answered = office.Connector.Calls.Count;
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var late = office.Connector.Calls.Skip(answered).Select(c => $"{c.Method} {c.Path}").ToList();
        var after = await TableSnapshot.TakeAsync(storage.ConnectionString, developmentPrefix, productionPrefix, Ct);
        var changed = TableSnapshot.Differences(before, after);
        var referencesAfter = await PersonalChatsAsync(office, scene);

        var figures = HostileFigures.Write(results.Select(r => (r.Case, r.Got, r.Problem is null)).ToList(), changed.Count == 0 && references.SequenceEqual(referencesAfter));
        TestContext.Current.SendDiagnosticMessage(figures);

        Assert.True(results.Count >= 300, $"only {results.Count} inputs generated");
        Assert.True(changed.Count == 0, $"storage changed:\n{string.Join("\n", changed.Take(20))}");
        var problems = results.Where(r => r.Problem is not null).Select(r => $"{r.Case}: {r.Problem}").ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} inputs got no clear answer:\n{string.Join("\n", problems.Take(40))}");
        Assert.True(late.Count == 0, $"answers after the suite was done: {string.Join("; ", late.Take(10))}");
        Assert.Equal(references, referencesAfter);
        var errors = logs.Failures;
        Assert.True(errors.Count == 0, $"errors or exceptions in the log:\n{string.Join("\n", errors.Take(20))}");
    }

    private static async Task<HostileScene> SetTheSceneAsync(DialogHarness office, string connectionString)
    {
        var (number, _) = await office.StartKegiatanAsync(Ct);
        var card = await office.StepCardAsync(office.Budi, number, 2, SopVerbs.Submit, Ct);
        var step2 = DialogCards.With(DialogCards.Action(card.Card, SopVerbs.Submit, 2)!, card.Card, DialogHarness.Step2Form);
        await office.OutboxDrainedAsync(number, Ct);
        await SettledAsync(connectionString, office.TablePrefix, number);
        var state = await office.KegiatanAsync(number, Ct);
        return new HostileScene(office.Connector.ServiceUrl, office.Ketua, office.Budi, office.Kadis, number, state.Version, step2);
    }

    /// <summary>The dispatcher's own bookkeeping of the start done too (the pending-outbox mark cleared): storage at rest.</summary>
    private static async Task SettledAsync(string connectionString, string prefix, string number)
    {
        var pending = new Azure.Data.Tables.TableClient(connectionString, prefix + "OutboxPending");
        for (var i = 0; i < 200 && (await pending.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("pending", number, cancellationToken: Ct)).HasValue; i++)
        {
            await Task.Delay(50, Ct);
        }
    }

    /// <summary>Where each person's cards go: the one part of the conversation references that must never move.</summary>
    private static async Task<List<string>> PersonalChatsAsync(DialogHarness office, HostileScene scene)
    {
        var store = office.Bot.Services.GetRequiredService<Conversations.ConversationReferenceStore>();
        var chats = new List<string>();
        foreach (var person in new[] { scene.Ketua, scene.Budi, scene.Kadis })
        {
            var reference = await store.FindPersonalAsync(person.AadObjectId, Ct);
            chats.Add($"{person.Name}: {reference?.ConversationId} {reference?.ServiceUrl}");
        }

        return chats;
    }

    private static async Task<(HostileCase, Answer, string?)> TryAsync(HttpClient client, RecordingConnector? connector, HostileCase input)
    {
        var calls = connector?.Calls.Count ?? 0;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(input.Body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(input.ContentType);
        if (input.Authorization is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request, Ct);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(Ct);
        if (status >= 500)
        {
            return (input, 0, $"{status} {Shorten(body)}");
        }

        if (status >= 400)
        {
            return input.Expect.HasFlag(Answer.Refused) ? (input, Answer.Refused, null) : (input, Answer.Refused, $"{status}, expected {input.Expect}");
        }

        if (status != (int)HttpStatusCode.OK)
        {
            return (input, 0, $"{status} {Shorten(body)}");
        }

        if (body.Length > 0)
        {
            // An invoke's answer: a card (the refusal, or the form again with its errors) or a message, in Indonesian.
            var answer = JsonNode.Parse(body);
            var isCard = (string?)answer?["type"] == "application/vnd.microsoft.card.adaptive" && answer?["value"] is JsonObject;
            var isMessage = (string?)answer?["type"] == "application/vnd.microsoft.activity.message" && answer?["value"] is JsonValue;
            return input.Expect.HasFlag(Answer.RefusalCard) && (isCard || isMessage)
                ? (input, Answer.RefusalCard, null)
                : (input, Answer.RefusalCard, $"200 {Shorten(body)}, expected {input.Expect}");
        }

        if (connector is not null && input.Expect.HasFlag(Answer.Reply))
        {
            var patience = input.Expect.HasFlag(Answer.Dropped) ? TimeSpan.FromSeconds(3) : ReplyPatience;
            if (await ArrivedAsync(connector, calls, patience))
            {
                return (input, Answer.Reply, null);
            }
        }

        if (input.Expect.HasFlag(Answer.Dropped))
        {
            if (connector is not null)
            {
                await Task.Delay(200, Ct);
                if (connector.Calls.Count > calls)
                {
                    return (input, Answer.Reply, "answered an activity that should have been let go");
                }
            }

            return (input, Answer.Dropped, null);
        }

        return (input, 0, $"200 and silence, expected {input.Expect}");
    }

    private static async Task<bool> ArrivedAsync(RecordingConnector connector, int before, TimeSpan patience)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (connector.Calls.Count > before)
            {
                return true;
            }

            await Task.Delay(10, Ct);
        }

        return false;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
