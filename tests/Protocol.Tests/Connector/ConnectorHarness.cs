using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Protocol.Tests.Connector;

/// <summary>
/// The connector exactly as the host wires it (<c>AddBotConnector</c> over configuration), with test-sized delays:
/// backoff in milliseconds, so retries cost nothing, while a server's Retry-After is still obeyed in full. Development
/// unless told otherwise.
/// </summary>
internal static class ConnectorHarness
{
    public const string AppId = "2b6a3f0e-4c8e-4c57-9d1a-6c1f0e2d3a4b";
    public const string Secret = "s3cret-never-logged";

    public static ServiceProvider Build(
        BotOptions? bot = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        LocalTokenEndpoint? tokenEndpoint = null,
        CapturedLogs? logs = null,
        string environment = TestEnvironment.Development)
    {
        var values = new Dictionary<string, string?>
        {
            ["BotConnector:BaseDelay"] = "00:00:00.005",
            ["BotConnector:MaxDelay"] = "00:00:00.020",
            ["BotConnector:RequestTimeout"] = "00:00:05",
            ["BotConnector:MaxAttempts"] = "4",
        };
        if (tokenEndpoint is not null)
        {
            values["BotConnector:LoginAuthority"] = tokenEndpoint.Authority.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        // Development by default: the scripted connector listens on loopback, which only Development may call with a token.
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(environment));
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.Configure<BotOptions>(options =>
        {
            options.MicrosoftAppId = bot?.MicrosoftAppId;
            options.MicrosoftAppPassword = bot?.MicrosoftAppPassword;
            options.MicrosoftAppTenantId = bot?.MicrosoftAppTenantId;
            options.MicrosoftAppType = bot?.MicrosoftAppType ?? MicrosoftAppType.MultiTenant;
        });
        services.AddBotConnector(configuration);
        if (tokenEndpoint is not null)
        {
            // Trust the local token endpoint's throw-away certificate, and only that one.
            var thumbprint = tokenEndpoint.Certificate.GetCertHashString();
            services.AddHttpClient(ConnectorSetup.LoginHttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
            });
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static BotOptions MultiTenantBot() => new()
    {
        MicrosoftAppId = AppId,
        MicrosoftAppPassword = Secret,
        MicrosoftAppType = MicrosoftAppType.MultiTenant,
    };
}
