using System.Runtime.CompilerServices;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PerijinanBot.Bot.Telemetry;

public static class TelemetrySetup
{
    /// <summary>The Azure SDK's spans (tables, blobs) are published on ActivitySources only behind this switch (Azure.Core).</summary>
    private const string AzureActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>
    /// The bot's meter and turn spans (always: they cost nothing unobserved), the JSON console when asked for, and the
    /// OpenTelemetry pipeline with its exporters when one is configured (<see cref="TelemetryOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = TelemetryOptions.Read(builder.Configuration);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<BotMetrics>();
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        if (options.JsonConsole)
        {
            builder.Logging.AddJsonConsole();
        }

        if (!options.ExportsToAzureMonitor && !options.ExportsToOtlp)
        {
            return builder;
        }

        AddExporters(builder, options);
        return builder;
    }

    /// <summary>
    /// The OpenTelemetry pipeline and its exporters, in a method of its own: the runtime loads the assemblies a method names
    /// when it compiles the method, so a bot with no exporter configured never loads OpenTelemetry's and Azure Monitor's
    /// (resident memory, bench/README.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddExporters(IHostApplicationBuilder builder, TelemetryOptions options)
    {
        var pipeline = builder.Services.AddTelemetryPipeline(options);
        builder.Logging.AddOpenTelemetry(logs =>
        {
            logs.IncludeFormattedMessage = true;
            logs.IncludeScopes = true;
        });
        if (options.ExportsToAzureMonitor)
        {
            pipeline.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = options.AzureMonitorConnectionString;
                // One office's traffic: every turn is kept, instead of the exporter's default of a few traces a second.
                o.TracesPerSecond = null;
                o.SamplingRatio = 1.0F;
            });
        }

        if (options.ExportsToOtlp)
        {
            pipeline.UseOtlpExporter(options.OtlpHttp ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc, options.OtlpEndpoint!);
        }
    }

    /// <summary>
    /// What is observed, without an exporter: ASP.NET Core, HttpClient and the Azure SDK's spans with the bot's turn spans;
    /// ASP.NET Core, HttpClient, runtime metrics with the bot's and the connector's meters. The tests add an in-memory exporter.
    /// </summary>
    internal static IOpenTelemetryBuilder AddTelemetryPipeline(this IServiceCollection services, TelemetryOptions options)
    {
        AppContext.SetSwitch(AzureActivitySourceSwitch, true);
        return services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(BotTracing.SourceName)
                .AddSource("Azure.*")
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(BotMetrics.MeterName)
                .AddMeter(Protocol.Connector.ConnectorMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
    }

    // App Service probes /health/ready every minute on every instance: spans of those would drown the turns.
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase);
}
