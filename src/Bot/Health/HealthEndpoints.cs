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
    /// GET /health/live: 200 while the process answers requests, whatever its dependencies do (a restart cannot mend storage).
    /// GET /health/ready: 200 when every dependency answers (Degraded, still 200, when a check warns: the work calendar, a
    /// Graph feature), 503 with a neutral reason for each one that does not; App Service's health check and a load balancer
    /// use this. GET /healthz is the same report as ready, kept for deployments that probe it. The pages are public, so no
    /// exception text reaches them: the health check service logs the exception with the check's name.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", Options(_ => false));
        app.MapHealthChecks("/health/ready", Options(_ => true));
        app.MapHealthChecks("/healthz", Options(_ => true));
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        ResponseWriter = WriteReport,
    };

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
