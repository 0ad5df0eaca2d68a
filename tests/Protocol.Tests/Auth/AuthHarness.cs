using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Protocol.Auth;

namespace PerijinanBot.Protocol.Tests.Auth;

/// <summary>
/// A <see cref="ChannelAuthenticator"/> wired through AddChannelAuthentication against a <see cref="LocalOpenIdServer"/>,
/// on a <see cref="FakeTimeProvider"/>, in Development unless told otherwise.
/// </summary>
internal sealed class AuthHarness : IAsyncDisposable
{
    public const string AppId = "7f6c2a4e-1b3d-4c5e-9f80-a1b2c3d4e5f6";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string MsTeams = "msteams";

    private readonly ServiceProvider _services;

    private AuthHarness(LocalOpenIdServer server, FakeTimeProvider time, ServiceProvider services)
    {
        Server = server;
        Time = time;
        _services = services;
        Authenticator = services.GetRequiredService<ChannelAuthenticator>();
    }

    public LocalOpenIdServer Server { get; }

    public FakeTimeProvider Time { get; }

    public ChannelAuthenticator Authenticator { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <param name="appId">MicrosoftAppId; null or empty turns authentication off.</param>
    /// <param name="settings">More configuration, e.g. <c>BotAuthentication:ValidIssuers:0</c>.</param>
    public static async Task<AuthHarness> StartAsync(
        CancellationToken cancellationToken,
        string? appId = AppId,
        string? tenantId = null,
        string environment = TestEnvironment.Development,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await LocalOpenIdServer.StartAsync(cancellationToken);
        var values = new Dictionary<string, string?>
        {
            ["BotAuthentication:OpenIdMetadataUrl"] = server.Channel.MetadataUrl,
            ["BotAuthentication:TenantOpenIdMetadataUrl"] = server.TenantMetadataUrlTemplate,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IHostEnvironment>(new TestEnvironment(environment))
            .Configure<BotOptions>(o =>
            {
                o.MicrosoftAppId = appId;
                o.MicrosoftAppTenantId = tenantId;
            })
            .AddChannelAuthentication(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new AuthHarness(server, time, services);
    }

    public Task<AuthResult> AuthenticateAsync(string? authorizationHeader, string? channelId = MsTeams, string? serviceUrl = ServiceUrl) =>
        Authenticator.AuthenticateAsync(authorizationHeader, channelId, serviceUrl, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
