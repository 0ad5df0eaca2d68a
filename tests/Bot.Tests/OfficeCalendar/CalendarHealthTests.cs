using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Bot.OfficeCalendar;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Bot.Tests.OfficeCalendar;

/// <summary>
/// The warning that a year without a holiday list is coming: on /healthz's workCalendar entry (Degraded, a warning, not a
/// failure) and in the log, from 30 days before the year begins, on a fake clock.
/// </summary>
public sealed class CalendarHealthTests
{
    /// <summary>The embedded calendar with a 2027 list added: test data (one day), not the SKB's list.</summary>
    private static readonly WorkCalendar With2027 = WorkCalendar.Create(WorkCalendar.Default.Data with
    {
        HolidayLists = [.. WorkCalendar.Default.Data.HolidayLists, new HolidayList { Year = 2027, Basis = "test data", Days = [new Holiday { Date = new DateOnly(2027, 1, 1), Name = "Tahun Baru 2027 Masehi", Kind = HolidayKind.LiburNasional }] }],
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Wib(int year, int month, int day) => new(year, month, day, 8, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(2026, 11, 1)]
    [InlineData(2026, 12, 1)]   // 31 days before 1 January 2027
    public void Healthz_is_healthy_more_than_30_days_before_a_year_without_a_list(int year, int month, int day)
    {
        var result = Check(WorkCalendar.Default, Wib(year, month, day));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("calendar from the embedded calendar, holiday lists for 2026", result.Description);
    }

    [Theory]
    [InlineData(2026, 12, 2)]   // 30 days before
    [InlineData(2026, 12, 31)]
    [InlineData(2027, 2, 1)]    // the year has begun and still has no list
    public void Healthz_warns_naming_the_year_from_30_days_before_it_begins(int year, int month, int day)
    {
        var result = Check(WorkCalendar.Default, Wib(year, month, day));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.StartsWith("no holiday list (libur nasional, cuti bersama) for 2027: its days off are weekends only", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calendar_that_has_next_year_s_list_gives_no_warning()
    {
        var result = Check(With2027, Wib(2026, 12, 20));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("calendar from the embedded calendar, holiday lists for 2026, 2027", result.Description);
    }

    [Fact]
    public async Task The_bot_logs_the_warning_at_start_and_again_when_the_clock_reaches_the_30_days()
    {
        var time = new FakeTimeProvider(Wib(2026, 11, 30));
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var options = Options.Create(new CalendarOptions { RefreshInterval = TimeSpan.FromHours(1) });
        var local = new LocalCalendar(WorkCalendar.Default, "the embedded calendar", "the embedded calendar");
        using var refresher = new CalendarRefresher(new WorkCalendarSource(local.Calendar), local, blob: null, options, time, factory.CreateLogger<CalendarRefresher>());

        await refresher.StartAsync(Ct);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("no holiday list", StringComparison.Ordinal));

        // 2 December 2026, 08.00: 30 days before 2027. The warning is logged once, not at every refresh.
        for (var hour = 0; hour < 48; hour++)
        {
            var pass = refresher.NextPass;
            time.Advance(TimeSpan.FromHours(1));
            await pass.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }

        await refresher.StopAsync(Ct);
        var warning = Assert.Single(logs.Lines, l => l.Contains("no holiday list", StringComparison.Ordinal));
        Assert.StartsWith("Warning: The work calendar has no holiday list (libur nasional, cuti bersama) for 2027: days off in 2027 are weekends only", warning, StringComparison.Ordinal);
    }

    private static HealthCheckResult Check(WorkCalendar calendar, DateTimeOffset now)
    {
        var time = new FakeTimeProvider(now);
        var local = new LocalCalendar(calendar, "the embedded calendar", "the embedded calendar");
        var source = new WorkCalendarSource(calendar);
        using var refresher = new CalendarRefresher(source, local, blob: null, Options.Create(new CalendarOptions()), time, Microsoft.Extensions.Logging.Abstractions.NullLogger<CalendarRefresher>.Instance);
        return new CalendarHealthCheck(source, refresher, time).CheckHealthAsync(new HealthCheckContext(), Ct).GetAwaiter().GetResult();
    }
}
