using PerijinanBot.Sop.Calendar;
using static PerijinanBot.Sop.Tests.Support.Office;

namespace PerijinanBot.Sop.Tests.Calendar;

/// <summary>Hours that differ between two dates (Ramadan): every computation of the calendar uses them inside the range only.</summary>
public sealed class SpecialHoursTests
{
    private static readonly WorkCalendar _calendar = WorkCalendar.Default;

    /// <summary>Usual week Monday–Friday 07:30–16:00; from 2 to 6 March 2026 only Monday–Wednesday, 09:00–12:00.</summary>
    private static WorkCalendar ShortWeek() => WorkCalendar.FromJson("""
        { "timeZone": "Asia/Jakarta",
          "workingHours": [ { "days": ["monday", "tuesday", "wednesday", "thursday", "friday"], "start": "07:30", "end": "16:00" } ],
          "specialHours": [ { "name": "Renovasi", "from": "2026-03-02", "to": "2026-03-06", "basis": "office decision",
            "workingHours": [ { "days": ["monday", "tuesday", "wednesday"], "start": "09:00", "end": "12:00" } ] } ] }
        """);

    [Fact]
    public void Ramadan_1447_gives_the_office_32_and_a_half_hours_a_week_from_08_00_with_shorter_breaks()
    {
        Assert.Equal([(Wib(2026, 2, 23, 8, 0), Wib(2026, 2, 23, 12, 0)), (Wib(2026, 2, 23, 12, 30), Wib(2026, 2, 23, 15, 0))],
            _calendar.WorkingPeriodsOn(new DateOnly(2026, 2, 23)));
        Assert.Equal([(Wib(2026, 2, 27, 8, 0), Wib(2026, 2, 27, 11, 30)), (Wib(2026, 2, 27, 12, 30), Wib(2026, 2, 27, 15, 30))],
            _calendar.WorkingPeriodsOn(new DateOnly(2026, 2, 27)));
        Assert.Equal(TimeSpan.FromHours(32.5), _calendar.WorkingTimeBetween(Wib(2026, 2, 23, 0, 0), Wib(2026, 2, 28, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(32.5), _calendar.WorkingTimeBetween(Wib(2026, 3, 2, 0, 0), Wib(2026, 3, 7, 0, 0)));
    }

    [Fact]
    public void The_range_includes_both_of_its_days_and_no_other()
    {
        // 18 February is the last usual day, 19 February (1 Ramadan) the first short one.
        Assert.Equal(Wib(2026, 2, 18, 7, 30), _calendar.WorkingPeriodsOn(new DateOnly(2026, 2, 18))[0].Start);
        Assert.Equal(Wib(2026, 2, 19, 8, 0), _calendar.WorkingPeriodsOn(new DateOnly(2026, 2, 19))[0].Start);
        Assert.Equal(Wib(2026, 2, 19, 15, 0), _calendar.WorkingPeriodsOn(new DateOnly(2026, 2, 19))[^1].End);
        Assert.Equal(Wib(2026, 3, 25, 16, 0), _calendar.WorkingPeriodsOn(new DateOnly(2026, 3, 25))[^1].End);

        var shortWeek = ShortWeek();
        Assert.Equal(Wib(2026, 2, 27, 7, 30), shortWeek.WorkingPeriodsOn(new DateOnly(2026, 2, 27))[0].Start);
        Assert.Equal(Wib(2026, 3, 2, 9, 0), shortWeek.WorkingPeriodsOn(new DateOnly(2026, 3, 2))[0].Start);
        Assert.Equal(Wib(2026, 3, 9, 7, 30), shortWeek.WorkingPeriodsOn(new DateOnly(2026, 3, 9))[0].Start);
    }

    [Fact]
    public void A_weekday_the_range_does_not_name_has_no_working_time_inside_it()
    {
        var calendar = ShortWeek();

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 5)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 6)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 12)));
        Assert.Equal(new DateOnly(2026, 3, 9), calendar.NextWorkingDay(new DateOnly(2026, 3, 4)));
        Assert.Equal(new DateOnly(2026, 3, 4), calendar.PreviousWorkingDay(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void Holidays_still_close_the_office_inside_the_range()
    {
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2026, 3, 19)));
        Assert.Empty(_calendar.WorkingPeriodsOn(new DateOnly(2026, 3, 20)));
    }

    [Fact]
    public void Working_minutes_and_hours_run_on_the_range_s_hours()
    {
        // Monday 14:50 in Ramadan: 10 minutes before the 15.00 close, 5 more from 08.00 on Tuesday.
        Assert.Equal(Wib(2026, 2, 24, 8, 5), _calendar.DueAt(Wib(2026, 2, 23, 14, 50), Waktu.Minutes(15)));
        // 11:50 + 1 hour: 10 minutes before the 30-minute break, 50 after it.
        Assert.Equal(Wib(2026, 2, 23, 13, 20), _calendar.AddWorkingTime(Wib(2026, 2, 23, 11, 50), TimeSpan.FromHours(1)));
        // The same hour on an ordinary Monday runs into the one-hour break.
        Assert.Equal(Wib(2026, 7, 13, 13, 50), _calendar.AddWorkingTime(Wib(2026, 7, 13, 11, 50), TimeSpan.FromHours(1)));
        // Range → usual week: Wednesday 18 February 15:30 + 1 hour is 30 minutes that day and 30 from 08.00 on 19 February.
        Assert.Equal(Wib(2026, 2, 19, 8, 30), _calendar.DueAt(Wib(2026, 2, 18, 15, 30), Waktu.Hours(1)));
    }

    [Fact]
    public void Working_days_land_on_the_range_s_hours_and_clamp_to_its_earlier_close()
    {
        // Wednesday 18 February 15:30 (usual hours) + 1 working day: 15:30 is after the Ramadan close, so 15.00.
        Assert.Equal(Wib(2026, 2, 19, 15, 0), _calendar.DueAt(Wib(2026, 2, 18, 15, 30), Waktu.WorkingDays(1)));
        // Thursday 26 February 11:45 + 1 working day: Friday's Ramadan break starts at 11.30, so 11.30.
        Assert.Equal(Wib(2026, 2, 27, 11, 30), _calendar.AddWorkingDays(Wib(2026, 2, 26, 11, 45), 1));
        // Friday 27 February 15:20 + 1 working day: Monday closes at 15.00.
        Assert.Equal(Wib(2026, 3, 2, 15, 0), _calendar.AddWorkingDays(Wib(2026, 2, 27, 15, 20), 1));
    }

    [Fact]
    public void Next_working_instant_and_working_time_follow_the_range()
    {
        Assert.False(_calendar.IsWorkingTime(Wib(2026, 2, 19, 7, 45)));
        Assert.True(_calendar.IsWorkingTime(Wib(2026, 2, 18, 7, 45)));
        Assert.Equal(Wib(2026, 2, 19, 8, 0), _calendar.NextWorkingInstant(Wib(2026, 2, 19, 7, 45)));
        Assert.Equal(Wib(2026, 2, 23, 12, 30), _calendar.NextWorkingInstant(Wib(2026, 2, 23, 12, 10)));
        Assert.True(_calendar.IsWorkingTime(Wib(2026, 2, 23, 12, 40)));
        Assert.False(_calendar.IsWorkingTime(Wib(2026, 2, 23, 15, 10)));
        // Wednesday 18 February 14:00–16:00 (usual) and Thursday 19 February 08:00–09:00 (Ramadan).
        Assert.Equal(TimeSpan.FromHours(3), _calendar.WorkingTimeBetween(Wib(2026, 2, 18, 14, 0), Wib(2026, 2, 19, 9, 0)));
    }

    [Fact]
    public void Overlapping_ranges_a_range_ending_before_it_starts_and_bad_times_are_each_reported()
    {
        var error = Assert.Throws<WorkCalendarException>(() => WorkCalendar.FromJson("""
            { "timeZone": "Asia/Jakarta",
              "workingHours": [ { "days": ["monday"], "start": "07:30", "end": "16:00" } ],
              "specialHours": [
                { "name": "A", "from": "2026-03-01", "to": "2026-03-10", "workingHours": [ { "days": ["monday"], "start": "08:00", "end": "15:00" } ] },
                { "name": "B", "from": "2026-03-10", "to": "2026-03-20", "workingHours": [ { "days": ["monday"], "start": "08:00", "end": "15:00" } ] },
                { "name": "C", "from": "2026-05-10", "to": "2026-05-01", "workingHours": [ { "days": ["monday"], "start": "08:00", "end": "15:00" } ] },
                { "name": "D", "from": "2026-06-01", "to": "2026-06-05",
                  "workingHours": [ { "days": ["monday"], "start": "8.00", "end": "15:00" },
                                    { "days": ["tuesday"], "start": "08:00", "end": "15:00", "breaks": [ { "start": "16:00", "end": "16:30" } ] } ] },
                { "name": "", "workingHours": [] } ] }
            """));

        Assert.Contains(error.Errors, e => e == "specialHours[1] (B, 2026-03-10 to 2026-03-20) overlaps specialHours[0] (A, 2026-03-01 to 2026-03-10); a date can have only one set of special hours.");
        Assert.Contains(error.Errors, e => e == "specialHours[2] (C): to 2026-05-01 is before from 2026-05-10.");
        Assert.Contains(error.Errors, e => e.StartsWith("specialHours[3].workingHours[0].start '8.00' is not a time in HH:mm", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("specialHours[3].workingHours[1].breaks[0] (16:00–16:30) must lie inside the working hours", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("specialHours[4]: name is required", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("specialHours[4]: from is required", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("specialHours[4]: to is required", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e == "specialHours[4].workingHours must give at least one weekday working hours.");
        Assert.Equal(8, error.Errors.Count);
    }

    [Fact]
    public void A_date_that_is_no_date_names_the_field()
    {
        var error = Assert.Throws<WorkCalendarException>(() => WorkCalendar.FromJson("""
            { "timeZone": "Asia/Jakarta",
              "workingHours": [ { "days": ["monday"], "start": "07:30", "end": "16:00" } ],
              "specialHours": [ { "name": "A", "from": "2026-02-30", "to": "2026-03-10", "workingHours": [] } ] }
            """));

        Assert.Contains("$.specialHours[0].from", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 12, 1, null)]   // 1 January 2027 is 31 days away
    [InlineData(2026, 12, 2, 2027)]   // 30 days away: warn
    [InlineData(2026, 6, 1, null)]
    [InlineData(2027, 3, 1, 2027)]    // already inside the year
    public void The_first_year_without_a_list_is_named_from_30_days_before_it_begins(int year, int month, int day, int? expected)
    {
        Assert.Equal(expected, _calendar.YearWithoutHolidayList(new DateOnly(year, month, day), 30));
    }
}
