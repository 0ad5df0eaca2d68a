using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Reminders;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Bot.Tests.Reminders;

/// <summary>
/// A bot process killed in the middle of sending a reminder, and started again: the reminder is not sent a second time,
/// and the ladder goes on. Real processes, real Azurite; the office calendar is given as a file (Calendar:File) that
/// makes every hour working time, so the test does not depend on the hour it runs at.
/// </summary>
[NeedsAzurite]
public sealed class ProcessKillTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Ketua = "00000000-0000-4000-8000-000000000001";
    private const string Budi = "00000000-0000-4000-8000-000000000002";

    [Fact]
    public async Task Killing_the_bot_mid_send_and_restarting_neither_loses_nor_doubles_the_reminder()
    {
        var ct = TestContext.Current.CancellationToken;
        var calendar = Path.Combine(Directory.CreateTempSubdirectory("calendar-").FullName, "always-open.json");
        await File.WriteAllTextAsync(calendar, AlwaysOpenCalendar, ct);
        await using var connector = await RecordingConnector.StartAsync();
        var prefix = "k" + Guid.NewGuid().ToString("N")[..12];
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__ConnectionString"] = storage.ConnectionString,
            ["Calendar__File"] = calendar,
            ["Storage__TableNamePrefix"] = prefix,
            ["Workflow__Storage__OutboxPollInterval"] = "00:00:01",
            ["Reminders__PollInterval"] = "00:00:01",
            ["Reminders__ClaimLease"] = "00:00:15",
        };

        var first = await BotProcess.StartAsync(environment, ct);
        using var http = new HttpClient { BaseAddress = first.BaseAddress };
        await PostAsync(http, ActivityFactory.Message(connector.ServiceUrl, "bantuan", "a:budi", Budi), ct);
        var number = await StartKegiatanAsync(http, connector, ct);
        await WaitAsync(() => connector.Calls.Any(c => c.Method == "POST" && c.Path.Contains("a%3Abudi", StringComparison.Ordinal) && c.Body!.ToJsonString().Contains(number, StringComparison.Ordinal)), "Budi's step 2 card", ct);

        // Bring step 2's reminder forward to now, then hold the connector's answer to it and kill the bot while it waits.
        var table = new ReminderRows(new TableServiceClient(storage.ConnectionString), Options.Create(new StorageOptions { TableNamePrefix = prefix }));
        ScheduledReminder? placed = null;
        await WaitAsync(async () => (placed = (await table.ReadAsync(number, ct))?.Next) is not null, "the first reminder scheduled", ct);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        Assert.True(await table.MoveAsync(placed!, new Reminder(2, 1, ReminderKind.Due, 1, now, ReminderAudience.Assignee), ct));
        // The "due" reminder of step 2 to Budi (not his help card, step card or daily digest).
        bool IsReminderToBudi(ConnectorCall c) => c.Method == "POST" && c.Path.Contains("a%3Abudi", StringComparison.Ordinal)
            && c.Body!.ToJsonString(PerijinanBot.Bot.Tests.Dialogs.DialogCards.Unescaped).Contains("Batas waktu langkah 2", StringComparison.Ordinal);
        connector.HoldNext(IsReminderToBudi);
        await WaitAsync(() => connector.Calls.Count(IsReminderToBudi) == 1, "the reminder reaching the connector", ct);
        await first.DisposeAsync(); // killed, its send unanswered

        // Started again: after the claim's lease it takes the row up, finds the send's outcome unknown, and moves on.
        await using var second = await BotProcess.StartAsync(environment, ct);
        await WaitAsync(async () => (await table.ReadAsync(number, ct))?.Next is { } next && (next.Kind, next.Occurrence) != (ReminderKind.Due, 1), "the ladder moving past the killed reminder", ct, TimeSpan.FromSeconds(60));

        Assert.Equal(1, connector.Calls.Count(IsReminderToBudi));
        Assert.NotNull((await table.ReadAsync(number, ct))?.Next);
    }

    private static async Task<string> StartKegiatanAsync(HttpClient http, RecordingConnector connector, CancellationToken ct)
    {
        var invoke = ActivityFactory.Invoke(connector.ServiceUrl, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "sop.start",
                ["data"] = new JsonObject
                {
                    ["definition"] = "fasilitasi-perijinan",
                    ["jenisFasilitasi"] = "IKCP",
                    ["judul"] = "Fasilitasi Izin Kantor Cabang Pembantu",
                    ["koperasi"] = "KSP Usaha Bersama",
                    ["kabupatenKota"] = "Kabupaten Ketapang",
                    ["anggota"] = Budi,
                    ["disposisi"] = "Siapkan data dukung.",
                    ["kelengkapan"] = "disposisi",
                },
            },
        }, "a:ketua", Ketua);
        var answer = await PostAsync(http, invoke, ct);
        return System.Text.RegularExpressions.Regex.Match(answer, @"FAS-\d{4}-\d{4}").Value is { Length: > 0 } number
            ? number
            : throw new InvalidOperationException($"no kegiatan started: {answer}");
    }

    private static async Task<string> PostAsync(HttpClient http, JsonNode activity, CancellationToken ct)
    {
        using var response = await http.PostAsync("api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(ct);
    }

    private static Task WaitAsync(Func<bool> condition, string what, CancellationToken ct) =>
        WaitAsync(() => Task.FromResult(condition()), what, ct);

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, CancellationToken ct, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what}: not within {timeout ?? TimeSpan.FromSeconds(30)}");
            }

            await Task.Delay(200, ct);
        }
    }

    /// <summary>Every day of the week open from 00:00 to 23:59, no holidays: working time at any hour.</summary>
    private const string AlwaysOpenCalendar = """
        {
          "timeZone": "Asia/Jakarta",
          "workingHours": [
            { "days": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], "start": "00:00", "end": "23:59", "breaks": [] }
          ],
          "holidayLists": []
        }
        """;
}
