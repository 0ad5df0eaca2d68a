namespace PerijinanBot.Bot.Tests.Manifest;

/// <summary>Runs the packaging command once, with made-up ids, for every test that inspects its output.</summary>
public sealed class PackagedApp : IAsyncLifetime
{
    public const string TeamsAppId = "11111111-2222-4333-8444-555555555555";
    public const string BotId = "66666666-7777-4888-9999-aaaaaaaaaaaa";
    public const string BotDomain = "perijinanbot-test.example.org";
    public const string AppVersion = "2.3.4";

    private readonly TempDirectory _temp = new();

    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>
    {
        ["TEAMS_APP_ID"] = TeamsAppId,
        ["BOT_ID"] = BotId,
        ["BOT_DOMAIN"] = BotDomain,
        ["APP_VERSION"] = AppVersion,
    };

    public string OutDir => _temp.Combine("appPackage");

    public string ZipPath => Path.Combine(OutDir, "perijinanbot.zip");

    public NodeResult Result { get; private set; } = new(-1, "", "not run");

    public async ValueTask InitializeAsync() =>
        Result = await NodeScript.RunAsync("package.mjs", ["--out", OutDir], Variables, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
