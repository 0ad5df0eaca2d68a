using System.Net;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Protocol.Connector;
using PerijinanBot.Protocol.Tests.Auth;
using PerijinanBot.Protocol.Tests.Connector;

namespace PerijinanBot.Bot.Tests.Protocol.Auth;

/// <summary>
/// POST /api/messages with an app id configured, through the whole host: a local OpenID server stands in for
/// login.botframework.com, a local token endpoint for Entra ID, a recording server for the Bot Connector.
/// </summary>
[NeedsAzurite]
public sealed class MessagesAuthPipelineTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string AppId = AuthHarness.AppId;

    private LocalOpenIdServer _openId = null!;
    private LocalTokenEndpoint _login = null!;
    private RecordingConnector _connector = null!;
    private TestSigningKey _key = null!;
    private BotFactory _bot = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _openId = await LocalOpenIdServer.StartAsync(Ct);
        _key = _openId.Channel.PublishNew("msteams");
        _login = await LocalTokenEndpoint.StartAsync();
        _connector = await RecordingConnector.StartAsync();
        var thumbprint = _login.Certificate.GetCertHashString();
        _bot = new BotFactory(
            new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storage.ConnectionString,
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-a-real-secret",
                ["MicrosoftAppType"] = "MultiTenant",
                ["BotAuthentication:OpenIdMetadataUrl"] = _openId.Channel.MetadataUrl,
                ["BotAuthentication:TenantOpenIdMetadataUrl"] = _openId.TenantMetadataUrlTemplate,
                ["BotConnector:LoginAuthority"] = _login.Authority.ToString(),
            },
            configureServices: services => services.AddHttpClient(ConnectorSetup.LoginHttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
            }));
        _client = _bot.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _login.DisposeAsync();
        await _openId.DisposeAsync();
    }

    private TokenSpec ValidSpec => TestTokens.Channel(AppId, _connector.ServiceUrl, DateTimeOffset.UtcNow);

    private async Task<HttpStatusCode> PostAsync(string? authorization, string conversationId, string text = "bantuan")
    {
        var activity = ActivityFactory.Message(_connector.ServiceUrl, text, conversationId);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_the_reply_carries_the_bots_own_token()
    {
        var status = await PostAsync(TestTokens.Bearer(ValidSpec.SignedBy(_key)), "a:auth-valid");

        Assert.Equal(HttpStatusCode.OK, status);
        var call = Assert.Single(await _connector.WaitForCallsAsync(1));
        Assert.Equal("PerijinanBot — Bantuan", (string?)call.Body!["attachments"]![0]!["content"]!["body"]![0]!["text"]);
        Assert.Equal($"Bearer {LocalTokenEndpoint.TokenFor("botframework.com")}", call.Authorization);
    }

    public static TheoryData<string> Refusals =>
    [
        "no header", "wrong issuer", "wrong audience", "expired", "not yet valid", "bad signature",
        "unknown key", "key without the channel's endorsement", "serviceUrl claim mismatch", "alg none",
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_request_without_a_valid_channel_token_is_401_and_changes_nothing(string refusal)
    {
        var now = DateTimeOffset.UtcNow;
        var conversationId = $"a:refused-{refusal.Replace(' ', '-')}";
        var header = refusal switch
        {
            "no header" => null,
            "wrong issuer" => TestTokens.Bearer((ValidSpec with { Issuer = "https://sts.example.org/" }).SignedBy(_key)),
            "wrong audience" => TestTokens.Bearer((ValidSpec with { Audience = "00000000-0000-4000-8000-00000000dead" }).SignedBy(_key)),
            "expired" => TestTokens.Bearer((ValidSpec with { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-6) }).SignedBy(_key)),
            "not yet valid" => TestTokens.Bearer((ValidSpec with { NotBefore = now.AddMinutes(10), Expires = now.AddHours(1) }).SignedBy(_key)),
            "bad signature" => TestTokens.Bearer(ValidSpec.SignedBy(_key.Impostor())),
            "unknown key" => TestTokens.Bearer(ValidSpec.SignedBy(TestSigningKey.Create("msteams"))),
            "key without the channel's endorsement" => TestTokens.Bearer(ValidSpec.SignedBy(_openId.Channel.PublishNew("webchat"))),
            "serviceUrl claim mismatch" => TestTokens.Bearer((ValidSpec with { ServiceUrl = "https://smba.trafficmanager.net/evil/" }).SignedBy(_key)),
            "alg none" => TestTokens.Bearer(ValidSpec.Unsigned(_key.KeyId)),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };

        var status = await PostAsync(header, conversationId);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        // A refusal is decided before anything is queued, so once a later valid request has been answered,
        // its answer is all the bot ever sent, and the refused conversation left no trace in storage.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(TestTokens.Bearer(ValidSpec.SignedBy(_key)), "a:accepted-after-refusal"));
        var call = Assert.Single(await _connector.WaitForCallsAsync(1));
        Assert.Contains("a%3Aaccepted-after-refusal", call.Path, StringComparison.Ordinal);
        var table = new TableClient(storage.ConnectionString, "ConversationReferences");
        var refused = await table.GetEntityIfExistsAsync<TableEntity>("conversation", conversationId, cancellationToken: Ct);
        Assert.False(refused.HasValue);
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("conversation", "a:accepted-after-refusal", cancellationToken: Ct)).HasValue);
    }
}
