using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Reminders;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Reminders;

/// <summary>
/// A reminder sweep reads what is due and nothing else: with 10,000 open kegiatan whose reminders are not yet due (closed
/// ones have no open-steps row at all), it issues exactly as many storage requests as with 100.
/// </summary>
[NeedsAzurite]
public sealed class SweepCostTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    // Monday 2 March 2026, 10:00 WIB: working time, so the sweep runs.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_sweep_costs_the_same_with_10000_waiting_kegiatan_as_with_100()
    {
        var small = await CountSweepRequestsAsync(100);
        var large = await CountSweepRequestsAsync(10_000);

        Assert.True(small > 0, "the sweep made no storage request at all");
        Assert.Equal(small, large);
    }

    private async Task<int> CountSweepRequestsAsync(int waiting)
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = "c" + Guid.NewGuid().ToString("N")[..12];
        await SeedAsync(new TableClient(storage.ConnectionString, prefix + "OpenSteps"), waiting, ct);

        var tap = new CountingTap();
        await using var bot = new BotFactory(
            new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storage.ConnectionString,
                ["Storage:TableNamePrefix"] = prefix,
                ["Reminders:Enabled"] = "false",
            },
            configureServices: services => services.AddSingleton<HttpPipelinePolicy>(tap));
        using var client = bot.CreateClient();
        var sweeper = bot.Services.GetRequiredService<ReminderSweeper>();

        await sweeper.SweepOnceAsync(Now, ct); // creates the table client once; not counted

        // Only the sweep's own requests count: the host's background services (outbox polls, Plh. refresh) run beside it.
        using var sweep = new Activity("sweep").Start();
        await sweeper.SweepOnceAsync(Now, ct);
        return tap.CountOf(sweep.TraceId);
    }

    /// <summary>Open-steps rows of kegiatan whose reminders are not yet due (fire times in 2027), written straight to the table in batches.</summary>
    private static async Task SeedAsync(TableClient table, int count, CancellationToken ct)
    {
        await table.CreateIfNotExistsAsync(ct);
        for (var start = 0; start < count; start += 100)
        {
            var batch = Enumerable.Range(start, Math.Min(100, count - start)).Select(i =>
            {
                var fireAt = new DateTimeOffset(2027, 1, 4, 1, 0, 0, TimeSpan.Zero).AddMinutes(i);
                var number = string.Create(CultureInfo.InvariantCulture, $"FAS-2026-{i + 1:D5}");
                return new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("open", number)
                {
                    ["Number"] = number,
                    ["Version"] = 2,
                    ["Step"] = 2,
                    ["Attempt"] = 1,
                    ["DueAt"] = fireAt.AddHours(1),
                    ["Holder"] = "00000000-0000-4000-8000-000000000002",
                    ["RemindAt"] = fireAt,
                    ["RemindStep"] = 2,
                    ["RemindAttempt"] = 1,
                    ["RemindKind"] = "due",
                    ["RemindOccurrence"] = 1,
                    ["RemindSchedule"] = 0,
                });
            });
            await table.SubmitTransactionAsync(batch, ct);
        }
    }

    private sealed class CountingTap : HttpPipelinePolicy
    {
        private readonly ConcurrentQueue<ActivityTraceId?> _requests = new();

        public int CountOf(ActivityTraceId trace) => _requests.Count(t => t == trace);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            _requests.Enqueue(Activity.Current?.TraceId);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            _requests.Enqueue(Activity.Current?.TraceId);
            return ProcessNextAsync(message, pipeline);
        }
    }
}
