using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Bot.Clock;

namespace PerijinanBot.Bot.Tests.Hosting;

/// <summary>Development:ClockStartsAt: a trial's clock starts at the given moment and runs on; anywhere but Development it stops the start.</summary>
public sealed class ClockSetupTests
{
    private static readonly DateTimeOffset RealNow = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void In_Development_the_clock_starts_at_the_setting_and_runs_at_the_real_pace()
    {
        var real = new FakeTimeProvider(RealNow);

        var clock = ClockSetup.Create(Settings("2027-01-05T07:00:00+07:00"), Environment(Environments.Development), real);
        real.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(new DateTimeOffset(2027, 1, 5, 7, 3, 0, TimeSpan.FromHours(7)), clock.GetUtcNow());
    }

    [Fact]
    public void Without_the_setting_the_clock_is_the_system_s()
    {
        var real = new FakeTimeProvider(RealNow);

        Assert.Same(real, ClockSetup.Create(Settings(null), Environment(Environments.Production), real));
    }

    [Theory]
    [InlineData("Production", "2027-01-05T07:00:00+07:00", "only for Development")]
    [InlineData("Development", "2027-01-05T07:00:00", "must be an instant with its offset")]
    [InlineData("Development", "5 Januari 2027", "must be an instant with its offset")]
    public void A_setting_outside_Development_or_without_an_offset_stops_the_start(string environment, string value, string says)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClockSetup.Create(Settings(value), Environment(environment), new FakeTimeProvider(RealNow)));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ClockSetup.ClockStartsAtKey] = value }).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
