using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Bot.OfficeCalendar;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Tests.OfficeCalendar;

/// <summary>
/// The calendar shared through blob storage (Calendar:Blob) on a real host and a real Azurite: used when present, the
/// embedded calendar when absent, the last good one kept when a new blob is invalid, a new one picked up at the next refresh.
/// The calendars here are test data: a 2031 holiday list no SKB has set.
/// </summary>
[NeedsAzurite]
public sealed class CalendarBlobTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>, IDisposable
{
    private const string BlobName = "work-calendar.json";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly DateOnly TestHoliday = new(2031, 1, 6);

    private readonly string _container = "cal-" + Guid.NewGuid().ToString("N")[..12];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero)); // Thursday 08.00 WIB
    private readonly CapturedLogs _logs = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _logs.Dispose();

    private static string Calendar(string holidayName, int year = 2031) => $$"""
        { "timeZone": "Asia/Jakarta",
          "workingHours": [ { "days": ["monday", "tuesday", "wednesday", "thursday", "friday"], "start": "07:30", "end": "16:00" } ],
          "holidayLists": [ { "year": {{year}}, "basis": "test data", "days": [ { "date": "{{year}}-01-06", "name": "{{holidayName}}", "kind": "liburNasional" } ] } ] }
        """;

    [Fact]
    public async Task A_calendar_blob_present_at_start_is_the_calendar_the_engine_computes_with()
    {
        await UploadAsync(Calendar("Hari uji A"));

        await using var bot = Start();

        var calendar = bot.Services.GetRequiredService<SopEngine>().Calendar;
        Assert.Equal("Hari uji A", calendar.HolidayOn(TestHoliday)?.Name);
        Assert.False(calendar.HasHolidayList(2026));
        Assert.Contains(_logs.Lines, l => l.StartsWith($"Information: Work calendar in use: Calendar:Blob {_container}/{BlobName}", StringComparison.Ordinal));
        var entry = await HealthEntryAsync(bot);
        Assert.Contains("calendar from Calendar:Blob, holiday lists for 2031", (string)entry["reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_blob_the_embedded_calendar_is_used_and_a_warning_says_so_until_the_blob_appears()
    {
        await using var bot = Start();

        Assert.Same(WorkCalendar.Default, bot.Services.GetRequiredService<SopEngine>().Calendar);
        Assert.Contains(_logs.Lines, l => l.StartsWith($"Warning: Calendar:Blob {_container}/{BlobName} does not exist: using the embedded calendar instead", StringComparison.Ordinal));

        await UploadAsync(Calendar("Hari uji A"));
        await NextPassAsync(bot);

        Assert.Equal("Hari uji A", bot.Services.GetRequiredService<SopEngine>().Calendar.HolidayOn(TestHoliday)?.Name);
    }

    [Fact]
    public async Task An_invalid_blob_is_refused_with_its_problems_logged_and_the_last_good_calendar_stays()
    {
        await UploadAsync(Calendar("Hari uji A"));
        await using var bot = Start();

        await UploadAsync("""{ "timeZone": "Asia/Jakarta", "workingHours": [ { "days": ["monday"], "start": "7.30", "end": "16:00" } ] }""");
        await NextPassAsync(bot);

        Assert.Equal("Hari uji A", bot.Services.GetRequiredService<SopEngine>().Calendar.HolidayOn(TestHoliday)?.Name);
        var error = Assert.Single(_logs.Failures);
        Assert.StartsWith($"Error: Calendar:Blob {_container}/{BlobName} (ETag ", error, StringComparison.Ordinal);
        Assert.Contains("workingHours[0].start '7.30' is not a time in HH:mm", error, StringComparison.Ordinal);
        var entry = await HealthEntryAsync(bot);
        Assert.Equal("Degraded", (string?)entry["status"]);
        Assert.Contains("the calendar in Calendar:Blob is invalid and not used; the last good calendar (Calendar:Blob) stays in use", (string)entry["reason"]!, StringComparison.Ordinal);

        // Not valid JSON at all: refused the same way, and the refusal is logged once, not at every refresh.
        await UploadAsync("{ \"timeZone\": ");
        await NextPassAsync(bot);
        await NextPassAsync(bot);

        Assert.Equal("Hari uji A", bot.Services.GetRequiredService<SopEngine>().Calendar.HolidayOn(TestHoliday)?.Name);
        Assert.Equal(2, _logs.Failures.Count);
        Assert.Contains("work calendar JSON is invalid", _logs.Failures[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replaced_blob_is_picked_up_at_the_next_refresh_and_a_deleted_one_gives_way_to_the_embedded_calendar()
    {
        await UploadAsync(Calendar("Hari uji A"));
        await using var bot = Start();
        var engine = bot.Services.GetRequiredService<SopEngine>();

        await UploadAsync(Calendar("Hari uji B"));
        Assert.Equal("Hari uji A", engine.Calendar.HolidayOn(TestHoliday)?.Name); // not before the refresh
        await NextPassAsync(bot);

        Assert.Equal("Hari uji B", engine.Calendar.HolidayOn(TestHoliday)?.Name);
        Assert.Empty(_logs.Failures);

        await new BlobContainerClient(storage.ConnectionString, _container).DeleteBlobAsync(BlobName, cancellationToken: Ct);
        await NextPassAsync(bot);

        Assert.Same(WorkCalendar.Default, engine.Calendar);
    }

    [Fact]
    public async Task Healthz_warns_with_200_and_the_log_names_the_coming_year_that_has_no_holiday_list()
    {
        // 10 December 2026: 1 January 2027 is 22 days away, and this calendar has a 2026 list only.
        await UploadAsync(Calendar("Hari uji 2026", year: 2026));
        await using var bot = Start();

        using var response = await bot.CreateClient().GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["checks"]!["workCalendar"]!;
        Assert.Equal("Degraded", (string?)entry["status"]);
        Assert.StartsWith("no holiday list (libur nasional, cuti bersama) for 2027", (string)entry["reason"]!, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning: The work calendar has no holiday list (libur nasional, cuti bersama) for 2027", StringComparison.Ordinal));
    }

    /// <summary>A started bot: the host runs (and has read the blob once) when this returns.</summary>
    private BotFactory Start()
    {
        var bot = NewBot();
        _ = bot.Services;
        return bot;
    }

    private BotFactory NewBot() => new(
        new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Storage:TableNamePrefix"] = "c" + Guid.NewGuid().ToString("N")[..12],
            ["Reminders:Enabled"] = "false",
            ["Calendar:Blob"] = $"{_container}/{BlobName}",
            ["Calendar:RefreshInterval"] = "00:01:00",
        },
        configureServices: services => services.AddSingleton<TimeProvider>(_time).AddSingleton<ILoggerProvider>(_logs));

    private async Task UploadAsync(string json)
    {
        var container = new BlobContainerClient(storage.ConnectionString, _container);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        await container.GetBlobClient(BlobName).UploadAsync(BinaryData.FromString(json), overwrite: true, Ct);
    }

    /// <summary>Moves the clock one refresh interval on and waits for the refresh it starts to finish.</summary>
    private async Task NextPassAsync(BotFactory bot)
    {
        var pass = bot.Services.GetRequiredService<CalendarRefresher>().NextPass;
        _time.Advance(Interval);
        await pass.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    private static async Task<JsonNode> HealthEntryAsync(BotFactory bot)
    {
        using var response = await bot.CreateClient().GetAsync("/healthz", Ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["checks"]!["workCalendar"]!;
    }
}
