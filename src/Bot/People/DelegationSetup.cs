namespace PerijinanBot.Bot.People;

/// <summary>The <c>Delegations</c> configuration section.</summary>
public sealed class DelegationOptions
{
    public const string Section = "Delegations";

    /// <summary>How often each instance reloads the appointments made on other instances.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many appointments one official may have in force or to come at once; each <c>plh</c> card lists them all.</summary>
    public int MaxAppointmentsPerOfficial { get; set; } = 5;
}

internal static class DelegationSetup
{
    /// <summary>Plh. appointments: the table, the in-memory snapshot the engine reads, and its background refresh.</summary>
    public static IServiceCollection AddDelegationStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DelegationOptions>()
            .Bind(configuration.GetSection(DelegationOptions.Section))
            .Validate(o => o.RefreshInterval >= TimeSpan.FromSeconds(1) && o.RefreshInterval <= TimeSpan.FromHours(1), "Delegations:RefreshInterval must be between 00:00:01 and 01:00:00.")
            .Validate(o => o.MaxAppointmentsPerOfficial is >= 1 and <= 50, "Delegations:MaxAppointmentsPerOfficial must be between 1 and 50.")
            .ValidateOnStart();
        services.AddSingleton<DelegationCache>();
        services.AddSingleton<DelegationStore>();
        services.AddHostedService<DelegationRefresher>();
        return services;
    }
}

/// <summary>Keeps the snapshot current: at start, then every <see cref="DelegationOptions.RefreshInterval"/>.</summary>
internal sealed partial class DelegationRefresher(DelegationStore store, Microsoft.Extensions.Options.IOptions<DelegationOptions> options, TimeProvider time, ILogger<DelegationRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        do
        {
            try
            {
                await store.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage down: keep the last snapshot (appointments still end by their dates) and try again next tick.
                RefreshFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Warning, Message = "Could not reload Plh. delegations; keeping the last snapshot until the next refresh")]
    private static partial void RefreshFailed(ILogger logger, Exception exception);
}
