using System.Net;
using System.Text.Json;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Hosting;

[NeedsAzurite]
public sealed class HealthTests
{
    private static readonly string[] _neutralReasons = ["table storage is unreachable", "table storage did not answer within 3 s"];

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/health/ready")]
    public async Task Ready_is_200_while_storage_answers_and_503_with_a_neutral_reason_once_it_stops_while_live_stays_200(string ready)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        await using var bot = new BotFactory(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString });
        using var client = bot.CreateClient();

        using (var healthy = await client.GetAsync(ready, ct))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            using var body = JsonDocument.Parse(await healthy.Content.ReadAsStringAsync(ct));
            // The whole report may be Degraded (a warning, still 200): e.g. workCalendar near a year without a holiday list.
            Assert.NotEqual("Unhealthy", body.RootElement.GetProperty("status").GetString());
            Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("tableStorage").GetProperty("status").GetString());
        }

        await azurite.StopAsync();

        using var unhealthy = await client.GetAsync(ready, ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        using var report = JsonDocument.Parse(await unhealthy.Content.ReadAsStringAsync(ct));
        var table = report.RootElement.GetProperty("checks").GetProperty("tableStorage");
        Assert.Equal("Unhealthy", table.GetProperty("status").GetString());
        // /healthz is public: a neutral reason, never the exception's text (host, port, socket error); that is in the log.
        Assert.Contains(table.GetProperty("reason").GetString(), _neutralReasons);
        Assert.DoesNotContain("127.0.0.1", report.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Connection refused", report.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);

        // The process itself is fine: live says so (a restart would not bring storage back).
        using var live = await client.GetAsync("/health/live", ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var alive = JsonDocument.Parse(await live.Content.ReadAsStringAsync(ct));
        Assert.Equal(("Healthy", 0), (alive.RootElement.GetProperty("status").GetString(), alive.RootElement.GetProperty("checks").EnumerateObject().Count()));
    }
}
