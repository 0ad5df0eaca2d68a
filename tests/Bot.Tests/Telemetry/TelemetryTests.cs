using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PerijinanBot.Bot.Telemetry;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Telemetry;

/// <summary>
/// OpenTelemetry listens to every meter and ActivitySource of a name in the whole process, so these tests run alone: another
/// test's bot deciding at the same time would be counted here too.
/// </summary>
[CollectionDefinition(nameof(TelemetryRunsAlone), DisableParallelization = true)]
public sealed class TelemetryRunsAlone;

/// <summary>What an operator sees in Application Insights (or any OTLP backend) when a person decides.</summary>
[NeedsAzurite]
[Collection(nameof(TelemetryRunsAlone))]
public sealed class TelemetryTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_decision_is_counted_by_step_and_outcome_the_next_card_latency_recorded_the_outbox_gauged_and_the_turn_span_names_the_kegiatan()
    {
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, configureServices: services =>
            services.AddTelemetryPipeline(new TelemetryOptions())
                .WithMetrics(m => m.AddInMemoryExporter(metrics))
                .WithTracing(t => t.AddInMemoryExporter(spans)));

        var (number, _) = await h.StartKegiatanAsync(Ct);
        await h.ActAsync(h.Budi, number, 2, SopVerbs.Submit, DialogHarness.Step2Form, Ct);
        var (_, approved) = await h.ActAsync(h.Ketua, number, 3, SopVerbs.Approve, [], Ct);
        Assert.True(approved.IsCard, $"step 3 Setuju: {approved}");
        await h.ActAsync(h.Kabid, number, 4, SopVerbs.Approve, [], Ct);
        // A button the bot does not know (an old card) is refused: counted by its code.
        var unknown = await h.ExecuteAsync(h.Kadis, $"reply-{Guid.NewGuid():N}", "tombolLama", new System.Text.Json.Nodes.JsonObject { ["kegiatan"] = number }, Ct);
        Assert.True(unknown.IsCard);
        await h.DeliveredAsync(number, Ct);

        var provider = h.Bot.Services.GetRequiredService<MeterProvider>();
        // The gauges are counted on the first collection (in the background) and read from the next one on.
        var deadline = DateTime.UtcNow + DialogHarness.Patience;
        while (Last(metrics, "perijinanbot.outbox.pending") is null && DateTime.UtcNow < deadline)
        {
            provider.ForceFlush();
            await Task.Delay(200, Ct);
        }

        provider.ForceFlush();
        var decisions = Last(metrics, "perijinanbot.decisions") ?? throw new InvalidOperationException("no decisions metric exported");
        Assert.Equal(1, Sum(decisions, ("step", 0), ("command", "Start"), ("outcome", "accepted")));
        Assert.Equal(1, Sum(decisions, ("step", 2), ("command", "SubmitData"), ("outcome", "accepted")));
        Assert.Equal(1, Sum(decisions, ("step", 3), ("command", "Approve"), ("outcome", "accepted")));
        Assert.Equal(1, Sum(decisions, ("step", 4), ("command", "Approve"), ("outcome", "accepted")));
        Assert.Equal(0, Sum(decisions, ("outcome", "refused")));
        Assert.Equal(1, Sum(Last(metrics, "perijinanbot.refusals")!, ("code", "UnknownButton")));

        // Step cards went to Budi (2), the Ketua (3), the Kabid (4) and the Kadis (5): each one's latency since its decision.
        var latency = Last(metrics, "perijinanbot.card.delivery_latency") ?? throw new InvalidOperationException("no card latency exported");
        var point = Assert.Single(Points(latency));
        Assert.Equal(4, point.GetHistogramCount());
        Assert.InRange(point.GetHistogramSum(), 0, DialogHarness.Patience.TotalSeconds * 4);
        Assert.Equal("s", latency.Unit);

        // Everything delivered, nothing parked: the gauges read the outbox as it is.
        Assert.Equal(0, Gauge(Last(metrics, "perijinanbot.outbox.parked")));
        Assert.NotNull(Last(metrics, "perijinanbot.outbox.oldest_pending_age"));

        // One span per turn: the Setuju clicks of steps 3 and 4 are invoke turns naming the kegiatan and the verb.
        var approvals = spans.Where(s => s.Source.Name == BotTracing.SourceName && (string?)s.GetTagItem(BotTracing.VerbTag) == SopVerbs.Approve).ToList();
        Assert.Equal(2, approvals.Count);
        Assert.All(approvals, s =>
        {
            Assert.Equal(number, s.GetTagItem(BotTracing.KegiatanTag));
            Assert.Equal("invoke", s.GetTagItem(BotTracing.ActivityTypeTag));
            Assert.Equal(ActivityStatusCode.Unset, s.Status);
        });
        // The start's turn is tagged with the number the bot gave the new kegiatan.
        Assert.Contains(spans, s => (string?)s.GetTagItem(BotTracing.VerbTag) == SopVerbs.Start && (string?)s.GetTagItem(BotTracing.KegiatanTag) == number);
        // ...and the typed "mulai" is a message turn tagged with its command.
        Assert.Contains(spans, s => (string?)s.GetTagItem(BotTracing.CommandTag) == "Start" && (string?)s.GetTagItem(BotTracing.ActivityTypeTag) == "message");
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_configured_the_decision_metrics_and_turn_spans_reach_the_collector()
    {
        await using var collector = await TelemetryReceiver.StartAsync();
        string number;
        using var settings = new EnvironmentSettings(("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Address.AbsoluteUri), ("Telemetry__OtlpProtocol", "http/protobuf"));
        await using (var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct))
        {
            Assert.NotNull(h.Bot.Services.GetService<MeterProvider>());
            (number, _) = await h.StartKegiatanAsync(Ct);
            await h.ActAsync(h.Budi, number, 2, SopVerbs.Submit, DialogHarness.Step2Form, Ct);
            await h.DeliveredAsync(number, Ct);
            await FlushUntilAsync(h, () => collector.Got("/v1/metrics", "perijinanbot.card.delivery_latency"));
        }

        Assert.True(collector.Got("/v1/metrics", "perijinanbot.decisions"), Seen(collector));
        Assert.True(collector.Got("/v1/metrics", "perijinanbot.card.delivery_latency"), Seen(collector));
        Assert.True(collector.Got("/v1/traces", number), Seen(collector));
        Assert.True(collector.Got("/v1/traces", BotTracing.KegiatanTag), Seen(collector));
        Assert.True(collector.Got("/v1/logs", "PerijinanBot"), Seen(collector));
    }

    [Fact]
    public async Task With_an_Application_Insights_connection_string_the_decision_metrics_reach_its_ingestion_endpoint()
    {
        await using var ingestion = await TelemetryReceiver.StartAsync();
        var endpoint = ingestion.Address.AbsoluteUri;
        string number;
        using var settings = new EnvironmentSettings(
            ("APPLICATIONINSIGHTS_CONNECTION_STRING", $"InstrumentationKey=00000000-0000-4000-8000-00000000a11c;IngestionEndpoint={endpoint};LiveEndpoint={endpoint}"));
        await using (var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct))
        {
            (number, _) = await h.StartKegiatanAsync(Ct);
            await h.ActAsync(h.Budi, number, 2, SopVerbs.Submit, DialogHarness.Step2Form, Ct);
            await h.DeliveredAsync(number, Ct);
            await FlushUntilAsync(h, () => ingestion.Got("/v2.1/track", "perijinanbot.card.delivery_latency"));
        }

        Assert.True(ingestion.Got("/v2.1/track", "perijinanbot.decisions"), Seen(ingestion));
        Assert.True(ingestion.Got("/v2.1/track", "perijinanbot.card.delivery_latency"), Seen(ingestion));
        // Spans as dependencies, every one kept: the bot's turns (the click on step 2 names its kegiatan) and the Azure SDK's table calls.
        Assert.True(ingestion.Got("/v2.1/track", "\"name\":\"turn "), Seen(ingestion));
        Assert.True(ingestion.Got("/v2.1/track", "\"perijinanbot.kegiatan\":\"" + number + "\""), Seen(ingestion));
        Assert.True(ingestion.Got("/v2.1/track", "\"name\":\"TableClient."), Seen(ingestion));
    }

    [Fact]
    public async Task With_Telemetry_JsonConsole_the_console_log_is_one_JSON_object_a_line()
    {
        using var settings = new EnvironmentSettings(("Telemetry__JsonConsole", "true"));
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, introduce: false);

        var console = h.Bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(Microsoft.Extensions.Logging.Console.ConsoleFormatterNames.Json, console.FormatterName);
        Assert.Null(h.Bot.Services.GetService<MeterProvider>());
    }

    /// <summary>
    /// Settings as App Service gives them, in environment variables: the exporters are chosen while the host is built, from
    /// what the builder's configuration holds then, and the test factory adds its own settings only later. Safe here because
    /// this collection runs alone.
    /// </summary>
    private sealed class EnvironmentSettings : IDisposable
    {
        private readonly (string Name, string Value)[] _settings;

        public EnvironmentSettings(params (string Name, string Value)[] settings)
        {
            _settings = settings;
            foreach (var (name, value) in settings)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, _) in _settings)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    /// <summary>Exports now (rather than at the next interval) until the receiver has what the test looks for.</summary>
    private static async Task FlushUntilAsync(DialogHarness h, Func<bool> arrived)
    {
        var deadline = DateTime.UtcNow + DialogHarness.Patience;
        while (!arrived() && DateTime.UtcNow < deadline)
        {
            h.Bot.Services.GetRequiredService<MeterProvider>().ForceFlush(5000);
            h.Bot.Services.GetRequiredService<TracerProvider>().ForceFlush(5000);
            await Task.Delay(200, Ct);
        }
    }

    private static string Seen(TelemetryReceiver receiver) =>
        "received: " + string.Join(", ", receiver.Received.Select(r => $"{r.Path} ({r.Body.Length} chars)"));

    [Fact]
    public async Task With_no_exporter_configured_OpenTelemetry_is_not_registered_and_the_bot_still_counts_nothing_out()
    {
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, introduce: false);

        Assert.Null(h.Bot.Services.GetService<MeterProvider>());
        Assert.Null(h.Bot.Services.GetService<TracerProvider>());
        Assert.DoesNotContain(h.Bot.Services.GetServices<ILoggerProvider>(), p => p.GetType().Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
        // The instruments exist (recording into them is free without a listener).
        Assert.NotNull(h.Bot.Services.GetRequiredService<BotMetrics>());
    }

    private static MetricSnapshot? Last(List<MetricSnapshot> metrics, string name) => metrics.LastOrDefault(m => m.Name == name);

    private static List<MetricPoint> Points(MetricSnapshot metric) => [.. metric.MetricPoints];

    private static long Sum(MetricSnapshot metric, params (string Key, object Value)[] tags) =>
        Points(metric).Where(p => tags.All(t => Tag(p, t.Key) is { } v && Equals(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture))))
            .Sum(p => p.GetSumLong());

    private static double Gauge(MetricSnapshot? metric)
    {
        Assert.NotNull(metric);
        var point = Assert.Single(Points(metric));
        return metric.MetricType == MetricType.LongGauge ? point.GetGaugeLastValueLong() : point.GetGaugeLastValueDouble();
    }

    private static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
