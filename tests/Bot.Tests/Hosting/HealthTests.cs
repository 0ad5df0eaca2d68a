using System.Net;
using System.Text.Json;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Hosting;

[NeedsAzurite]
public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_is_200_while_storage_answers_and_503_with_the_reason_once_it_stops()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await AzuriteProcess.StartAsync(ct);
        await using var bot = new BotFactory(new Dictionary<string, string?> { ["Storage:ConnectionString"] = azurite.ConnectionString });
        using var client = bot.CreateClient();

        using (var healthy = await client.GetAsync("/healthz", ct))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            using var body = JsonDocument.Parse(await healthy.Content.ReadAsStringAsync(ct));
            Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        }

        await azurite.StopAsync();

        using var unhealthy = await client.GetAsync("/healthz", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        using var report = JsonDocument.Parse(await unhealthy.Content.ReadAsStringAsync(ct));
        var table = report.RootElement.GetProperty("checks").GetProperty("tableStorage");
        Assert.Equal("Unhealthy", table.GetProperty("status").GetString());
        Assert.StartsWith("table storage", table.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
