using PerijinanBot.Bot.OfficeCalendar;
using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Bot.Tests.OfficeCalendar;

/// <summary>The Calendar section: what a wrong value says, and Calendar:File still loading (or stopping the start with every problem).</summary>
public sealed class CalendarSettingsTests
{
    [Theory]
    [InlineData("perijinan-config/work-calendar.json", null)]
    [InlineData("perijinan-config/kalender/2027.json", null)]
    [InlineData("work-calendar.json", "Calendar:Blob must be <container>/<blob name>")]
    [InlineData("Perijinan/work-calendar.json", "Calendar:Blob must be <container>/<blob name>")]
    [InlineData("ab/work-calendar.json", "Calendar:Blob must be <container>/<blob name>")]
    [InlineData("perijinan-config/", "Calendar:Blob must be <container>/<blob name>")]
    public void The_blob_setting_is_a_container_and_a_name(string blob, string? problem)
    {
        var result = new CalendarOptionsValidator().Validate(null, new CalendarOptions { Blob = blob });

        if (problem is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
            Assert.Equal((blob[..blob.IndexOf('/', StringComparison.Ordinal)], blob[(blob.IndexOf('/', StringComparison.Ordinal) + 1)..]), new CalendarOptions { Blob = blob }.BlobLocation);
        }
        else
        {
            Assert.Contains(problem, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("00:00:09", false)]
    [InlineData("00:00:10", true)]
    [InlineData("1.00:00:00", true)]
    [InlineData("1.00:00:01", false)]
    public void The_refresh_interval_is_between_10_seconds_and_a_day(string interval, bool valid)
    {
        var result = new CalendarOptionsValidator().Validate(null, new CalendarOptions { RefreshInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void Calendar_File_still_gives_the_calendar_and_an_invalid_one_names_every_problem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"calendar-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """
                { "timeZone": "Asia/Jakarta",
                  "workingHours": [ { "days": ["monday"], "start": "07:30", "end": "16:00" } ],
                  "holidayLists": [ { "year": 2031, "basis": "test data", "days": [ { "date": "2031-01-06", "name": "Hari uji", "kind": "liburNasional" } ] } ] }
                """);
            var local = LocalCalendar.Load(new CalendarOptions { File = path });
            Assert.Equal("Hari uji", local.Calendar.HolidayOn(new DateOnly(2031, 1, 6))?.Name);
            Assert.Equal("Calendar:File", local.PublicOrigin);

            File.WriteAllText(path, """
                { "timeZone": "Asia/Jakarta",
                  "workingHours": [ { "days": ["monday"], "start": "07:30", "end": "16:00" } ],
                  "specialHours": [ { "name": "Ramadan", "from": "2027-03-09", "to": "2027-02-08", "workingHours": [ { "days": ["monday"], "start": "08:00", "end": "15:00" } ] } ] }
                """);
            var error = Assert.Throws<InvalidOperationException>(() => LocalCalendar.Load(new CalendarOptions { File = path }));
            Assert.StartsWith($"Calendar:File '{path}' is not a valid work calendar.", error.Message, StringComparison.Ordinal);
            Assert.Contains("specialHours[0] (Ramadan): to 2027-02-08 is before from 2027-03-09.", error.Message, StringComparison.Ordinal);
            Assert.IsType<WorkCalendarException>(error.InnerException);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
