using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Protocol.Tests.Auth;

namespace PerijinanBot.Bot.Tests.Protocol.Auth;

/// <summary>
/// The whole host in Production: an authenticated activity from another channel or tenant is answered 200 and leaves no
/// trace (no conversation reference, no turn), while one from Teams in the bot's tenant is remembered as before.
/// </summary>
[NeedsAzurite]
public sealed class ProductionWallTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string AppId = AuthHarness.AppId;
    private const string Tenant = "3c1b5d7e-2a4f-4e6b-8d0c-9a8b7c6d5e4f";
    private const string Stranger = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";

    private LocalOpenIdServer _openId = null!;
    private RecordingConnector _connector = null!;
    private TestSigningKey _key = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _openId = await LocalOpenIdServer.StartAsync(Ct);
        _key = _openId.Channel.PublishNew("msteams", "webchat");
        _connector = await RecordingConnector.StartAsync();
        _bot = new BotFactory(
            new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storage.ConnectionString,
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppTenantId"] = Tenant,
                ["BotAuthentication:OpenIdMetadataUrl"] = _openId.Channel.MetadataUrl,
                ["BotAuthentication:TenantOpenIdMetadataUrl"] = _openId.TenantMetadataUrlTemplate,
                ["Files:SigningKey"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                ["Files:PublicBaseUrl"] = "https://perijinanbot.example",
            },
            environment: "Production");
        _client = _bot.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _openId.DisposeAsync();
    }

    private async Task<HttpStatusCode> PostAsync(string conversationId, string channelId, string tenant)
    {
        var activity = ActivityFactory.Message(_connector.ServiceUrl, "bantuan", conversationId);
        activity["channelId"] = channelId;
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
        var token = TestTokens.Channel(AppId, _connector.ServiceUrl, DateTimeOffset.UtcNow).SignedBy(_key);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", TestTokens.Bearer(token));
        using var response = await _client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task Activities_of_another_channel_or_tenant_are_200_and_store_nothing()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync("a:wall-webchat", "webchat", Tenant));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("a:wall-stranger", "msteams", Stranger));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("a:wall-teams", "msteams", Tenant));

        // The dropped ones were never queued; the accepted one is remembered before its turn runs.
        var table = new TableClient(storage.ConnectionString, "ConversationReferences");
        await WaitForAsync(async () => (await table.GetEntityIfExistsAsync<TableEntity>("conversation", "a:wall-teams", cancellationToken: Ct)).HasValue);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("conversation", "a:wall-webchat", cancellationToken: Ct)).HasValue);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("conversation", "a:wall-stranger", cancellationToken: Ct)).HasValue);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.True(await condition());
    }
}
