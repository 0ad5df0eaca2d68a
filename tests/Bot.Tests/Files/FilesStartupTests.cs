using System.Net;
using System.Text.Json;
using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Files;

/// <summary>
/// The Files settings are checked before the first request, as every other section is: outside Development a bot without
/// a signing key or an https public URL does not start. The bot runs as its own process, as App Service starts it.
/// </summary>
public sealed class FilesStartupTests
{
    private const string Azurite = "UseDevelopmentStorage=true";
    private const string Key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /// <summary>A Production bot whose every other setting is right, so that only the Files section can stop it.</summary>
    private static Dictionary<string, string> Production(params (string Key, string? Value)[] files)
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__ConnectionString"] = Azurite,
            ["MicrosoftAppId"] = "11111111-2222-4333-8444-555555555555",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppPassword"] = "x",
            ["MicrosoftAppTenantId"] = "3c1b5d7e-2a4f-4e6b-8d0c-9a8b7c6d5e4f",
            ["Files__SigningKey"] = Key,
            ["Files__PublicBaseUrl"] = "https://perijinanbot.example",
        };
        foreach (var (key, value) in files)
        {
            if (value is null)
            {
                env.Remove(key);
            }
            else
            {
                env[key] = value;
            }
        }

        return env;
    }

    public static TheoryData<Dictionary<string, string>, string> BadSettings => new()
    {
        { Production(("Files__SigningKey", null)), "Files:SigningKey is required in the Production environment" },
        { Production(("Files__SigningKey", "c2hvcnQ=")), "Files:SigningKey is 5 bytes long; it must be at least 32 bytes" },
        { Production(("Files__SigningKey", "not base64 at all!")), "Files:SigningKey is not valid base64" },
        { Production(("Files__PublicBaseUrl", null)), "Files:PublicBaseUrl is required in the Production environment" },
        { Production(("Files__PublicBaseUrl", "perijinanbot.example/bot")), "Files:PublicBaseUrl must be an absolute http or https URL" },
        { Production(("Files__PublicBaseUrl", "http://perijinanbot.example")), "Files:PublicBaseUrl must be an https URL in the Production environment" },
        { Production(("Files__PreviousSigningKeys__0", "c2hvcnQ=")), "Files:PreviousSigningKeys:0 is 5 bytes long; it must be at least 32 bytes" },
        { Production(("Files__PreviousSigningKeys__0", Key)), "Files:PreviousSigningKeys:0 is the same key as Files:SigningKey" },
        { Production(("Files__ContainerName", "Perijinan_Files")), "Files:ContainerName must be a blob container name" },
        { Production(("Files__LinkLifetime", "00:00:30")), "Files:LinkLifetime must be between 1 minute and 90 days" },
        { Production(("Files__LinkLifetime", "91.00:00:00")), "Files:LinkLifetime must be between 1 minute and 90 days" },
        {
            Production(("Storage__ConnectionString", "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;SharedAccessSignature=sv=2020-08-04&ss=t&sig=abc")),
            "Storage:ConnectionString names no usable blob endpoint"
        },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    [NeedsBotProcess]
    public async Task Bad_files_settings_stop_the_bot_with_a_message_naming_the_key(Dictionary<string, string> environment, string expected)
    {
        var (exitCode, output) = await BotProcess.RunUntilExitAsync(environment, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        // Keys are secrets: no message quotes one, even a malformed one.
        foreach (var (_, key) in environment.Where(e => e.Key.Contains("SigningKey", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(key, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    [NeedsAzurite]
    public async Task In_Development_without_a_key_the_bot_starts_and_warns_that_links_die_with_the_process()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
        }, ct);
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };

        using var health = await client.GetAsync(new Uri("healthz", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Files:SigningKey is not set", bot.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "http://127.0.0.1:3978" }, null, "http://127.0.0.1:3978")]
    [InlineData(new[] { "http://[::]:8080", "https://[::]:8443" }, null, "http://localhost:8080")]
    [InlineData(new[] { "http://0.0.0.0:80" }, null, "http://localhost:80")]
    [InlineData(new string[0], "http://+:5005;https://+:5006", "http://localhost:5005")]
    [InlineData(new string[0], "https://*:7001", "https://localhost:7001")]
    [InlineData(new string[0], null, "http://localhost:5000")]
    public void In_Development_links_point_at_the_first_address_the_bot_listens_on(string[] listening, string? urls, string expected)
    {
        Assert.Equal(expected, FilesSetup.DevelopmentBaseUrl(listening, urls));
    }

    [Fact]
    [NeedsAzurite]
    public async Task Healthz_reports_blob_storage_and_names_it_when_it_stops()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        await using var bot = new BotFactory(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString });
        using var client = bot.CreateClient();

        using (var healthy = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            using var body = JsonDocument.Parse(await healthy.Content.ReadAsStringAsync(ct));
            Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("blobStorage").GetProperty("status").GetString());
        }

        await azurite.StopAsync();

        using var unhealthy = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        using var report = JsonDocument.Parse(await unhealthy.Content.ReadAsStringAsync(ct));
        var blob = report.RootElement.GetProperty("checks").GetProperty("blobStorage");
        Assert.Equal("Unhealthy", blob.GetProperty("status").GetString());
        Assert.StartsWith("blob storage", blob.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
