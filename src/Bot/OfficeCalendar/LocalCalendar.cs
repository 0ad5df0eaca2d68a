using PerijinanBot.Sop.Calendar;

namespace PerijinanBot.Bot.OfficeCalendar;

/// <summary>
/// The calendar this machine has on its own: <c>Calendar:File</c>, else the one embedded in the build. It is the calendar when
/// no blob is set, and the fallback while the blob does not exist. An invalid file stops the start: it is this machine's
/// configuration, and the message names every problem.
/// </summary>
internal sealed record LocalCalendar(WorkCalendar Calendar, string Origin, string PublicOrigin)
{
    public static LocalCalendar Load(CalendarOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.File))
        {
            return new(WorkCalendar.Default, "the embedded calendar", "the embedded calendar");
        }

        if (!File.Exists(options.File))
        {
            throw new InvalidOperationException($"Calendar:File '{options.File}' does not exist.");
        }

        try
        {
            return new(WorkCalendar.FromJson(File.ReadAllText(options.File)), $"Calendar:File {options.File}", "Calendar:File");
        }
        catch (WorkCalendarException e)
        {
            throw new InvalidOperationException($"Calendar:File '{options.File}' is not a valid work calendar. {e.Message}", e);
        }
    }
}
