using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Health;

internal static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("tableStorage");
        return services;
    }

    /// <summary>
    /// GET /healthz: 200 when every dependency answers, 503 with a neutral reason for each one that does not. The page is
    /// public, so no exception text reaches it: the health check service logs the exception with the check's name.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteReport,
        });
        return app;
    }

    private static Task WriteReport(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new HealthBody(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthEntry(e.Value.Status.ToString(), PublicReason(e.Value))));
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HostJsonContext.Default.HealthBody, context.RequestAborted);
    }

    /// <summary>
    /// The check's own words, unless they are an exception's message: a check that throws gets the exception's message as
    /// its description, and that may name hosts, accounts or paths.
    /// </summary>
    private static string? PublicReason(HealthReportEntry entry) =>
        entry.Exception is { } e && string.Equals(entry.Description, e.Message, StringComparison.Ordinal) ? "the check failed" : entry.Description;
}

internal sealed record HealthBody(string Status, Dictionary<string, HealthEntry> Checks);

internal sealed record HealthEntry(string Status, string? Reason);
