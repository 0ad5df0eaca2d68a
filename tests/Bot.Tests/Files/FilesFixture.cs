using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Files;

/// <summary>
/// One real Azurite and three real bot hosts on it, configured as an operator would, that differ only in their signing keys:
/// <see cref="Bot"/> signs with <see cref="Key"/>, <see cref="OtherBot"/> with <see cref="OtherKey"/> (another deployment),
/// and <see cref="RotatedBot"/> with <see cref="NewKey"/> while still accepting <see cref="Key"/> (after a key rotation).
/// All read one fake clock.
/// </summary>
public sealed class FilesFixture : IAsyncLifetime
{
    public const string BaseUrl = "http://localhost";

    /// <summary>Test keys only: fixed so that a failure can be replayed, never used outside these tests.</summary>
    public static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

    public static readonly string OtherKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 11)).ToArray());

    public static readonly string NewKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 13)).ToArray());

    private AzuriteProcess? _azurite;
    private BotFactory? _bot;
    private BotFactory? _otherBot;
    private BotFactory? _rotatedBot;

    /// <summary>Monday 2 March 2026, 08:00 WIB.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("not started");

    public BotFactory Bot => _bot ?? throw new InvalidOperationException("not started");

    public BotFactory OtherBot => _otherBot ?? throw new InvalidOperationException("not started");

    public BotFactory RotatedBot => _rotatedBot ?? throw new InvalidOperationException("not started");

    public HttpClient Client { get; private set; } = null!;

    public HttpClient OtherClient { get; private set; } = null!;

    public HttpClient RotatedClient { get; private set; } = null!;

    public FileStore Files => Bot.Services.GetRequiredService<FileStore>();

    public DownloadLinks Links => Bot.Services.GetRequiredService<DownloadLinks>();

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync();
        _bot = Host(Key);
        _otherBot = Host(OtherKey);
        _rotatedBot = Host(NewKey, previousKey: Key);
        Client = _bot.CreateClient();
        OtherClient = _otherBot.CreateClient();
        RotatedClient = _rotatedBot.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        OtherClient?.Dispose();
        RotatedClient?.Dispose();
        foreach (var bot in new[] { _bot, _otherBot, _rotatedBot })
        {
            if (bot is not null)
            {
                await bot.DisposeAsync();
            }
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private BotFactory Host(string key, string? previousKey = null) => new(
        new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = _azurite!.ConnectionString,
            ["Files:SigningKey"] = key,
            ["Files:PreviousSigningKeys:0"] = previousKey,
            ["Files:PublicBaseUrl"] = BaseUrl,
            ["Reminders:Enabled"] = "false",
        },
        configureServices: services => services.AddSingleton<TimeProvider>(Time));
}
