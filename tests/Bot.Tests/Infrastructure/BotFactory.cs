using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real bot host, in process, with configuration set the way an operator would (settings, not swapped
/// services). Development environment unless told otherwise, so the directory of the four Playground people applies.
/// </summary>
/// <param name="configureServices">Only for what a test machine differs in (e.g. trusting a local certificate), never to fake the bot's own parts.</param>
public sealed class BotFactory(
    IReadOnlyDictionary<string, string?> settings,
    string environment = "Development",
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }

        builder.UseEnvironment(environment);
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            // In process every request comes from the same (no) address, so one busy test would share one rate-limit
            // partition with itself: raised here, and a test that is about the limit sets its own.
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MessagesRateLimit:PermitLimit"] = "100000" });
            // Added last, so these win over appsettings*.json exactly as environment variables do in production.
            configuration.AddInMemoryCollection(settings);
        });
    }
}
