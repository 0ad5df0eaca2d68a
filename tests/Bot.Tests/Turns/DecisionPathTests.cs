using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Turns;

/// <summary>
/// A click on a decision card, through the whole host: before Teams gets its answer, storage sees exactly one point read of
/// the kegiatan and one batch. Requests are attributed to the click by its trace (W3C traceparent), so the outbox and other
/// background work running at the same time are not counted.
/// </summary>
[NeedsAzurite]
public sealed class DecisionPathTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Ketua = "00000000-0000-4000-8000-000000000001";
    private const string Anggota = "00000000-0000-4000-8000-000000000002";

    [Fact]
    public async Task A_decision_costs_one_point_read_and_one_batch_before_the_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        var tap = new TracedTap();
        await using var connector = await RecordingConnector.StartAsync();
        await using var bot = new BotFactory(
            new Dictionary<string, string?> { ["Storage:ConnectionString"] = storage.ConnectionString, ["Development:ClockStartsAt"] = OfficeWeek.ClockStartsAt },
            configureServices: services => services.AddSingleton<HttpPipelinePolicy>(tap));
        using var client = bot.CreateClient();

        // The Ketua starts a kegiatan (not measured: a start also allocates the number).
        var start = await InvokeAsync(client, connector, Ketua, "a:personal-ketua", "sop.start", new JsonObject
        {
            ["definition"] = "fasilitasi-perijinan",
            ["jenisFasilitasi"] = "IUSP",
            ["judul"] = "Fasilitasi IUSP",
            ["koperasi"] = "KSP Maju Bersama",
            ["kabupatenKota"] = "Kota Pontianak",
            ["anggota"] = Anggota,
            ["disposisi"] = "Siapkan data dukung.",
            ["kelengkapan"] = "disposisi",
        }, traceId: null, ct);
        var number = System.Text.RegularExpressions.Regex.Match(start, @"FAS-\d{4}-\d{4}").Value;
        Assert.NotEmpty(number);

        // The Anggota's step 2 submit is the measured decision.
        var trace = ActivityTraceId.CreateRandom();
        var answer = await InvokeAsync(client, connector, Anggota, "a:personal-anggota", "sop.submit", new JsonObject
        {
            ["kegiatan"] = number,
            ["step"] = 2,
            ["version"] = 1,
            ["materiSubstansi"] = "Materi.",
            ["calonPeserta"] = "Pengurus.",
            ["calonNarasumber"] = "Kabid.",
            ["jadwal"] = $"{OfficeWeek.JadwalDate} {OfficeWeek.JadwalTime}",
            ["tempat"] = "Aula.",
            ["kelengkapan"] = "disposisi,bahanMateri",
        }, trace, ct);

        Assert.Contains("application/vnd.microsoft.card.adaptive", answer, StringComparison.Ordinal);
        var requests = tap.Of(trace);
        Assert.Equal(2, requests.Count);
        Assert.StartsWith("GET ", requests[0], StringComparison.Ordinal);
        Assert.Contains($"PartitionKey='{number}',RowKey='state'", Uri.UnescapeDataString(requests[0]), StringComparison.Ordinal);
        Assert.StartsWith("POST ", requests[1], StringComparison.Ordinal);
        Assert.EndsWith("/$batch", requests[1], StringComparison.Ordinal);
    }

    private static async Task<string> InvokeAsync(HttpClient client, RecordingConnector connector, string aadObjectId, string conversationId, string verb, JsonObject data, ActivityTraceId? traceId, CancellationToken ct)
    {
        var invoke = ActivityFactory.Invoke(connector.ServiceUrl, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        }, conversationId, aadObjectId);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(invoke.ToJsonString(), Encoding.UTF8, "application/json") };
        if (traceId is { } id)
        {
            request.Headers.Add("traceparent", $"00-{id}-{ActivitySpanId.CreateRandom()}-01");
        }

        using var response = await client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>Records every storage request with the trace it was made in.</summary>
    private sealed class TracedTap : HttpPipelinePolicy
    {
        private readonly ConcurrentQueue<(ActivityTraceId? Trace, string Request)> _requests = new();

        public IReadOnlyList<string> Of(ActivityTraceId trace) => [.. _requests.Where(r => r.Trace == trace).Select(r => r.Request)];

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Record(HttpMessage message) =>
            _requests.Enqueue((Activity.Current?.TraceId, $"{message.Request.Method} {message.Request.Uri.ToUri().AbsolutePath}"));
    }
}
