using PerijinanBot.Sop.Calendar;
using static PerijinanBot.Sop.Tests.Support.Office;

namespace PerijinanBot.Sop.Tests.Calendar;

public sealed class WorkCalendarTests
{
    private static readonly WorkCalendar _calendar = WorkCalendar.Default;

    [Fact]
    public void The_office_works_in_WIB_which_is_UTC_plus_7_all_year()
    {
        Assert.Equal("Asia/Jakarta", _calendar.Data.TimeZone);
        for (var month = 1; month <= 12; month++)
        {
            Assert.Equal(TimeSpan.FromHours(7), _calendar.Zone.GetUtcOffset(new DateTime(2026, month, 15, 10, 0, 0)));
        }
    }

    [Fact]
    public void Default_hours_are_the_37_and_a_half_hour_week_with_a_longer_Friday_break()
    {
        Assert.Equal([(Wib(2026, 7, 13, 7, 30), Wib(2026, 7, 13, 12, 0)), (Wib(2026, 7, 13, 13, 0), Wib(2026, 7, 13, 16, 0))],
            _calendar.WorkingPeriodsOn(new DateOnly(2026, 7, 13)));
        Assert.Equal([(Wib(2026, 7, 17, 7, 30), Wib(2026, 7, 17, 11, 30)), (Wib(2026, 7, 17, 13, 0), Wib(2026, 7, 17, 16, 30))],
            _calendar.WorkingPeriodsOn(new DateOnly(2026, 7, 17)));
        Assert.Empty(_calendar.WorkingPeriodsOn(new DateOnly(2026, 7, 18)));
        Assert.Equal(TimeSpan.FromHours(37.5), _calendar.WorkingTimeBetween(Wib(2026, 7, 13, 0, 0), Wib(2026, 7, 18, 0, 0)));
    }

    [Fact]
    public void Working_minutes_skip_the_weekend()
    {
        // Friday 16:00–16:30 gives 30 minutes, Monday 07:30 gives the other 30.
        Assert.Equal(Wib(2026, 7, 20, 8, 0), _calendar.DueAt(Wib(2026, 7, 17, 16, 0), Waktu.Hours(1)));
    }

    [Fact]
    public void Working_minutes_skip_the_Friday_break()
    {
        Assert.Equal(Wib(2026, 7, 17, 13, 5), _calendar.DueAt(Wib(2026, 7, 17, 11, 20), Waktu.Minutes(15)));
        // The same minutes on a Thursday run straight through 11:30.
        Assert.Equal(Wib(2026, 7, 16, 11, 35), _calendar.DueAt(Wib(2026, 7, 16, 11, 20), Waktu.Minutes(15)));
    }

    [Fact]
    public void A_weekday_lunch_break_is_skipped_too()
    {
        Assert.Equal(Wib(2026, 7, 13, 13, 5), _calendar.DueAt(Wib(2026, 7, 13, 11, 50), Waktu.Minutes(15)));
    }

    [Fact]
    public void Time_running_out_exactly_at_a_break_is_due_at_the_break()
    {
        Assert.Equal(Wib(2026, 7, 13, 12, 0), _calendar.DueAt(Wib(2026, 7, 13, 11, 45), Waktu.Minutes(15)));
    }

    [Theory]
    [InlineData(2026, 7, 18, 10, 0, 2026, 7, 20, 7, 35)]  // Saturday
    [InlineData(2026, 7, 13, 6, 0, 2026, 7, 13, 7, 35)]   // before opening
    [InlineData(2026, 7, 13, 16, 30, 2026, 7, 14, 7, 35)] // after closing
    [InlineData(2026, 7, 13, 12, 30, 2026, 7, 13, 13, 5)] // during the break
    public void A_clock_started_outside_working_hours_counts_from_the_next_working_start(
        int y, int mo, int d, int h, int mi, int ey, int emo, int ed, int eh, int emi)
    {
        Assert.Equal(Wib(ey, emo, ed, eh, emi), _calendar.DueAt(Wib(y, mo, d, h, mi), Waktu.Minutes(5)));
    }

    [Fact]
    public void The_2026_holidays_and_cuti_bersama_are_loaded()
    {
        var year = _calendar.Data.HolidayLists.Single(l => l.Year == 2026);
        Assert.Equal(17, year.Days.Count(d => d.Kind == HolidayKind.LiburNasional));
        Assert.Equal(8, year.Days.Count(d => d.Kind == HolidayKind.CutiBersama));
        Assert.Equal(HolidayKind.CutiBersama, _calendar.HolidayOn(new DateOnly(2026, 3, 18))?.Kind);
        Assert.Equal(HolidayKind.LiburNasional, _calendar.HolidayOn(new DateOnly(2026, 3, 19))?.Kind);
        Assert.Null(_calendar.HolidayOn(new DateOnly(2026, 3, 17)));
    }

    [Fact]
    public void Nyepi_and_Idul_Fitri_2026_close_the_office_from_18_to_24_March()
    {
        for (var day = new DateOnly(2026, 3, 18); day <= new DateOnly(2026, 3, 24); day = day.AddDays(1))
        {
            Assert.False(_calendar.IsWorkingDay(day), $"{day} should be a day off");
        }

        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 3, 17)));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 3, 25)));
        // Tuesday 17 March is in Ramadan and closes at 15.00: 14:50 + 15 minutes is 10 minutes that day and 5 on Wednesday
        // 25 March, the first working day after the holidays, back on the usual hours (07.30).
        Assert.Equal(Wib(2026, 3, 25, 7, 35), _calendar.DueAt(Wib(2026, 3, 17, 14, 50), Waktu.Minutes(15)));
        Assert.Equal(TimeSpan.FromMinutes(90), _calendar.WorkingTimeBetween(Wib(2026, 3, 17, 14, 0), Wib(2026, 3, 25, 8, 0)));
    }

    [Theory]
    [InlineData(2026, 7, 13, 10, 0, 2026, 7, 15, 10, 0)]  // Monday → Wednesday, same time
    [InlineData(2026, 7, 16, 10, 0, 2026, 7, 20, 10, 0)]  // Thursday → Monday over the weekend
    [InlineData(2026, 3, 17, 10, 0, 2026, 3, 26, 10, 0)]  // Tuesday before the 2026 holidays → Thursday after
    [InlineData(2026, 7, 15, 11, 45, 2026, 7, 17, 11, 30)] // lands in Friday's break → the last working minute before it
    [InlineData(2026, 7, 17, 16, 15, 2026, 7, 21, 16, 0)] // Friday 16:15 → Tuesday closes at 16:00
    [InlineData(2026, 7, 18, 9, 0, 2026, 7, 22, 7, 30)]   // Saturday counts from Monday 07:30
    public void Two_working_days_is_the_same_time_of_day_two_working_days_later(
        int y, int mo, int d, int h, int mi, int ey, int emo, int ed, int eh, int emi)
    {
        Assert.Equal(Wib(ey, emo, ed, eh, emi), _calendar.DueAt(Wib(y, mo, d, h, mi), Waktu.WorkingDays(2)));
    }

    [Fact]
    public void Working_time_between_two_instants_leaves_out_nights_weekends_and_breaks()
    {
        Assert.Equal(TimeSpan.FromHours(1), _calendar.WorkingTimeBetween(Wib(2026, 7, 17, 16, 0), Wib(2026, 7, 20, 8, 0)));
        Assert.Equal(TimeSpan.FromHours(2), _calendar.WorkingTimeBetween(Wib(2026, 7, 13, 11, 0), Wib(2026, 7, 13, 14, 0)));
        Assert.Equal(TimeSpan.Zero, _calendar.WorkingTimeBetween(Wib(2026, 7, 13, 12, 10), Wib(2026, 7, 13, 12, 50)));
        Assert.Equal(TimeSpan.Zero, _calendar.WorkingTimeBetween(Wib(2026, 7, 13, 14, 0), Wib(2026, 7, 13, 11, 0)));
    }

    [Fact]
    public void A_year_without_a_holiday_list_counts_weekends_only_and_says_so()
    {
        Assert.True(_calendar.HasHolidayList(2026));
        Assert.False(_calendar.HasHolidayList(2027));
        // 1 January 2027 is a Friday; without a 2027 list it is an ordinary working day.
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Equal(Wib(2027, 1, 1, 8, 20), _calendar.DueAt(Wib(2026, 12, 31, 15, 50), Waktu.Hours(1)));
    }

    [Fact]
    public void Next_and_previous_working_days_step_over_holidays()
    {
        Assert.Equal(new DateOnly(2026, 3, 25), _calendar.NextWorkingDay(new DateOnly(2026, 3, 17)));
        Assert.Equal(new DateOnly(2026, 3, 17), _calendar.PreviousWorkingDay(new DateOnly(2026, 3, 25)));
    }

    [Fact]
    public void The_office_can_change_its_hours_in_the_data()
    {
        var calendar = WorkCalendar.FromJson("""
            { "timeZone": "Asia/Jakarta",
              "workingHours": [ { "days": ["monday", "tuesday", "wednesday", "thursday", "friday"], "start": "08:00", "end": "15:00" } ] }
            """);

        Assert.Equal(Wib(2026, 7, 14, 8, 30), calendar.DueAt(Wib(2026, 7, 13, 14, 30), Waktu.Hours(1)));
        Assert.False(calendar.HasHolidayList(2026));
    }

    [Fact]
    public void Every_mistake_in_the_calendar_data_is_reported()
    {
        var error = Assert.Throws<WorkCalendarException>(() => WorkCalendar.FromJson("""
            { "timeZone": "Asia/Pontianak-Barat",
              "workingHours": [
                { "days": ["monday"], "start": "7.30", "end": "16:00" },
                { "days": ["monday", "friday"], "start": "07:30", "end": "16:30", "breaks": [ { "start": "17:00", "end": "18:00" } ] } ],
              "holidayLists": [ { "year": 2026, "basis": "SKB", "days": [
                { "date": "2025-12-25", "name": "Natal", "kind": "liburNasional" },
                { "date": "2026-01-01", "name": "", "kind": "liburNasional" } ] } ] }
            """));

        Assert.Contains(error.Errors, e => e.Contains("timeZone 'Asia/Pontianak-Barat'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("workingHours[0].start '7.30'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("Monday has working hours twice", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("workingHours[1].breaks[0]", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("2025-12-25 is not in 2026", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("days[1]: name is required", StringComparison.Ordinal));
    }
}
