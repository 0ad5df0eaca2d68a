using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Files;

/// <summary>
/// One real Azurite and two real bot hosts on it, configured as an operator would, that differ only in their
/// <c>Files:SigningKey</c> (two deployments, or one before and after a key rotation). Both read one fake clock.
/// </summary>
public sealed class FilesFixture : IAsyncLifetime
{
    public const string BaseUrl = "http://localhost";

    /// <summary>Test keys only: fixed so that a failure can be replayed, never used outside these tests.</summary>
    public static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

    public static readonly string OtherKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 11)).ToArray());

    private AzuriteProcess? _azurite;
    private BotFactory? _bot;
    private BotFactory? _otherBot;

    /// <summary>Monday 2 March 2026, 08:00 WIB.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("not started");

    public BotFactory Bot => _bot ?? throw new InvalidOperationException("not started");

    public BotFactory OtherBot => _otherBot ?? throw new InvalidOperationException("not started");

    public HttpClient Client { get; private set; } = null!;

    public HttpClient OtherClient { get; private set; } = null!;

    public FileStore Files => Bot.Services.GetRequiredService<FileStore>();

    public DownloadLinks Links => Bot.Services.GetRequiredService<DownloadLinks>();

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _bot = Host(Key);
        _otherBot = Host(OtherKey);
        Client = _bot.CreateClient();
        OtherClient = _otherBot.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        OtherClient?.Dispose();
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        if (_otherBot is not null)
        {
            await _otherBot.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private BotFactory Host(string key) => new(
        new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _azurite!.ConnectionString,
            ["Files:SigningKey"] = key,
            ["Files:PublicBaseUrl"] = BaseUrl,
            ["Reminders:Enabled"] = "false",
        },
        configureServices: services => services.AddSingleton<TimeProvider>(Time));
}
