using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real bot host, in process, with configuration set the way an operator would (settings, not swapped
/// services). Development environment unless told otherwise, so the directory of the four Playground people applies.
/// </summary>
public sealed class BotFactory(IReadOnlyDictionary<string, string?> settings, string environment = "Development") : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Added last, so these win over appsettings*.json exactly as environment variables do in production.
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
    }
}
