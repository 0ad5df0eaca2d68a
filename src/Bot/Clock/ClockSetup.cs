using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PerijinanBot.Bot.Clock;

/// <summary>
/// The bot's one clock. In Development, <c>Development:ClockStartsAt</c> (an ISO 8601 instant with its offset, e.g.
/// <c>2027-03-01T08:00:00+07:00</c>) starts it at that moment, and it runs on at the real pace from there: how a trial in the
/// Agents Playground (or a test of the bot process) reaches the jadwal's day without waiting for it. Anywhere else the
/// setting stops the start, so a deployed bot always keeps the system's time.
/// </summary>
public static class ClockSetup
{
    public const string ClockStartsAtKey = "Development:ClockStartsAt";

    /// <summary>
    /// Registers the clock before anything else asks for a <see cref="TimeProvider"/>. The setting is read when the clock is
    /// first needed (at start-up), from the configuration the host ends up with.
    /// </summary>
    public static IServiceCollection AddClock(this IServiceCollection services)
    {
        services.TryAddSingleton<TimeProvider>(sp => Create(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(), TimeProvider.System));
        return services;
    }

    /// <summary>The system clock, or in Development one started at <c>Development:ClockStartsAt</c>.</summary>
    public static TimeProvider Create(IConfiguration configuration, IHostEnvironment environment, TimeProvider system)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (configuration[ClockStartsAtKey] is not { Length: > 0 } text)
        {
            return system;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{ClockStartsAtKey} is set in the {environment.EnvironmentName} environment; it is only for Development. Remove it.");
        }

        // "zzz" demands the offset: a wall time without one would depend on the machine's zone.
        string[] forms = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz"];
        return DateTimeOffset.TryParseExact(text, forms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? new StartedClock(start, system)
            : throw new InvalidOperationException($"{ClockStartsAtKey} must be an instant with its offset, e.g. 2027-03-01T08:00:00+07:00; got '{text}'.");
    }
}

/// <summary>A clock that read <paramref name="start"/> when it was made and has run at the real pace since.</summary>
public sealed class StartedClock(DateTimeOffset start, TimeProvider real) : TimeProvider
{
    private readonly TimeSpan _shift = start - real.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + _shift;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;
}
