namespace PerijinanBot.Bot.Telemetry;

/// <summary>
/// The <c>Telemetry</c> section. Traces, metrics and logs leave the process only when an exporter is configured: Azure Monitor
/// (Application Insights) when its connection string is set, OTLP when an endpoint is set, both when both are; with neither,
/// OpenTelemetry is not even registered.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Application Insights' connection string; when empty, the platform's <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>.</summary>
    public string? AzureMonitorConnectionString { get; set; }

    /// <summary>An OTLP collector (e.g. http://localhost:4317); when empty, the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>
    /// The OTLP transport: <c>grpc</c> (the default, port 4317) or <c>http/protobuf</c> (port 4318); when empty, the standard
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.
    /// </summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>One JSON object a line on the console (for log shippers); the same as <c>Logging:Console:FormatterName=json</c>.</summary>
    public bool JsonConsole { get; set; }

    /// <summary>The service name on every span, metric and log record (<c>service.name</c>; <c>cloud_RoleName</c> in Application Insights).</summary>
    public string ServiceName { get; set; } = "PerijinanBot";

    /// <summary>
    /// How old the outbox's last count may be when a metrics exporter collects before it is counted again (a few table queries).
    /// </summary>
    public TimeSpan OutboxCountInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The options with the platform's standard variables filled in where the section leaves a value empty.</summary>
    public static TelemetryOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.AzureMonitorConnectionString))
        {
            options.AzureMonitorConnectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        }

        if (options.OtlpEndpoint is null && Uri.TryCreate(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], UriKind.Absolute, out var endpoint))
        {
            options.OtlpEndpoint = endpoint;
        }

        if (string.IsNullOrWhiteSpace(options.OtlpProtocol))
        {
            options.OtlpProtocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
        }

        return options;
    }

    public bool ExportsToAzureMonitor => !string.IsNullOrWhiteSpace(AzureMonitorConnectionString);

    public bool ExportsToOtlp => OtlpEndpoint is not null;

    /// <summary>OTLP over HTTP with protobuf bodies instead of gRPC.</summary>
    public bool OtlpHttp => string.Equals(OtlpProtocol?.Trim(), "http/protobuf", StringComparison.OrdinalIgnoreCase);
}
