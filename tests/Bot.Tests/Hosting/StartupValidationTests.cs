using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Reports.Tests.Support;

namespace PerijinanBot.Bot.Tests.Hosting;

/// <summary>
/// A wrong setting stops the bot at start-up with a message that names the key, never at the first request.
/// The bot runs as its own process with environment variables, exactly as App Service starts it.
/// </summary>
[NeedsBotProcess]
public sealed class StartupValidationTests
{
    private const string Azurite = "UseDevelopmentStorage=true";
    private const string AppId = "11111111-2222-4333-8444-555555555555";

    public static TheoryData<string, Dictionary<string, string>, string> BadSettings => new()
    {
        { "Development", new() { ["Storage__ConnectionString"] = " " }, "Storage:ConnectionString is required" },
        { "Development", new() { ["Storage__ConnectionString"] = "not a connection string" }, "Storage:ConnectionString is not a valid" },
        { "Development", new() { ["Storage__ConnectionString"] = "", ["Storage__TableServiceUri"] = "http://perijinanbot.table.core.windows.net/", ["Storage__BlobServiceUri"] = "https://perijinanbot.blob.core.windows.net/" }, "Storage:TableServiceUri must be the account's https endpoint" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Legal__PrivacyUrl"] = "http://diskopukm.example/privasi" }, "Legal:PrivacyUrl must be an absolute https URL" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Storage__TableServiceUri"] = "https://perijinanbot.table.core.windows.net/", ["Storage__BlobServiceUri"] = "https://perijinanbot.blob.core.windows.net/" }, "set one form only" },
        { "Production", new() { ["Storage__ConnectionString"] = Azurite }, "MicrosoftAppId is required in the Production environment" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["MicrosoftAppId"] = "bot" }, "MicrosoftAppId must be the Entra application (client) id" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppPassword"] = "x" }, "SingleTenant needs MicrosoftAppPassword and MicrosoftAppTenantId" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppPassword"] = "x", ["MicrosoftAppTenantId"] = "contoso.onmicrosoft.com" }, "UserAssignedMSI must not have a MicrosoftAppPassword" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "MultiTenant" }, "MultiTenant needs MicrosoftAppPassword" },
        { "Production", new() { ["Storage__ConnectionString"] = Azurite, ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppPassword"] = "x", ["Files__SigningKey"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", ["Files__PublicBaseUrl"] = "https://perijinanbot.example" }, "takes Teams activities only from known tenants" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["BotAuthentication__AllowedTenants__0"] = "contoso.onmicrosoft.com" }, "BotAuthentication:AllowedTenants has 'contoso.onmicrosoft.com'" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["BotConnector__AllowedServiceHosts__0"] = "*.com" }, "BotConnector:AllowedServiceHosts has '*.com'" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["MessagesRateLimit__PermitLimit"] = "0" }, "MessagesRateLimit:PermitLimit must be at least 1" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Sop__MaxFormOpenWindow"] = "8.00:00:00" }, "Sop:MaxFormOpenWindow must be between 1 minute and 7 days" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Delegations__MaxAppointmentsPerOfficial"] = "0" }, "Delegations:MaxAppointmentsPerOfficial must be between 1 and 50" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Directory__Users__0__Roles__0"] = "Kadis" }, "Directory:Users:0:Roles has unknown role 'Kadis'" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Directory__Users__1__AadObjectId"] = "00000000-0000-4000-8000-000000000001" }, "is listed twice" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Calendar__Blob"] = "work-calendar.json" }, "Calendar:Blob must be <container>/<blob name>" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Calendar__RefreshInterval"] = "00:00:01" }, "Calendar:RefreshInterval must be between 00:00:10 and 1.00:00:00" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Calendar__File"] = "/nonexistent/work-calendar.json" }, "Calendar:File '/nonexistent/work-calendar.json' does not exist" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Documents__Kop__Emblem"] = "/nonexistent/lambang-kalbar.png" }, "Documents:Kop:Emblem '/nonexistent/lambang-kalbar.png' does not exist" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Documents__Kop__Email"] = "diskopukm at kalbarprov.go.id" }, "Documents:Kop:Email must be one e-mail address" },
        { "Development", new() { ["Storage__ConnectionString"] = Azurite, ["Documents__Undangan__Signer"] = "sekretaris" }, "Documents:Undangan:Signer must be one of kepalaDinas, kepalaBidang; got 'sekretaris'." },
    };

    /// <summary>A file that is there but is not a PNG or JPEG by its bytes (whatever its name says), or is one cut short.</summary>
    public static TheoryData<string, string> BadEmblems => new()
    {
        { "lambang.png", "is not a PNG or JPEG image" },
        { "lambang.gif", "is not a PNG or JPEG image" },
        { "lambang-terpotong.png", "starts like a PNG image but cannot be read" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Bad_settings_stop_the_bot_with_a_clear_message(string environment, Dictionary<string, string> settings, string expected)
    {
        var env = new Dictionary<string, string>(settings) { ["ASPNETCORE_ENVIRONMENT"] = environment };

        var (exitCode, output) = await BotProcess.RunUntilExitAsync(env, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadEmblems))]
    public async Task An_emblem_that_is_not_a_whole_PNG_or_JPEG_stops_the_bot_naming_the_file(string fileName, string expected)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("kop-");
        try
        {
            var path = Path.Combine(directory.FullName, fileName);
            await File.WriteAllBytesAsync(path, fileName switch
            {
                "lambang.gif" => TestEmblem.Gif(),
                "lambang-terpotong.png" => TestEmblem.TruncatedPng(),
                _ => "Lambang Provinsi Kalimantan Barat"u8.ToArray(),
            }, TestContext.Current.CancellationToken);
            var env = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__ConnectionString"] = Azurite,
                ["Documents__Kop__Emblem"] = path,
            };

            var (exitCode, output) = await BotProcess.RunUntilExitAsync(env, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            Assert.NotEqual(0, exitCode);
            Assert.Contains($"Documents:Kop:Emblem '{path}' {expected}", output, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
