using Microsoft.Extensions.Diagnostics.HealthChecks;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Bot.OfficeCalendar;

/// <summary>When a missing holiday list is worth a warning: from this many days before its year begins.</summary>
internal static class HolidayListWarning
{
    public const int DaysAhead = 30;
}

/// <summary>
/// /healthz's <c>workCalendar</c> entry: Degraded (a warning, still 200) when a year without a holiday list begins within 30
/// days or has begun, and when the calendar blob was refused; Healthy otherwise, saying where the calendar came from.
/// </summary>
internal sealed class CalendarHealthCheck(WorkCalendarSource source, CalendarRefresher refresher, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var calendar = source.Current;
        var status = refresher.Status;
        var warnings = new List<string>();
        if (calendar.YearWithoutHolidayList(calendar.LocalDate(time.GetUtcNow()), HolidayListWarning.DaysAhead) is { } year)
        {
            warnings.Add($"no holiday list (libur nasional, cuti bersama) for {year}: its days off are weekends only until the year's SKB 3 Menteri list is added to the calendar");
        }

        if (status.BlobInvalid)
        {
            warnings.Add($"the calendar in Calendar:Blob is invalid and not used; the last good calendar ({status.PublicOrigin}) stays in use (the log names the problems)");
        }

        var years = string.Join(", ", calendar.Data.HolidayLists.Select(l => l.Year).Order());
        var origin = $"calendar from {status.PublicOrigin}, holiday lists for {(years.Length == 0 ? "no year" : years)}";
        return Task.FromResult(warnings.Count == 0
            ? HealthCheckResult.Healthy(origin)
            : HealthCheckResult.Degraded($"{string.Join("; ", warnings)} ({origin})"));
    }
}
