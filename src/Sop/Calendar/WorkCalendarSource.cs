namespace PerijinanBot.Sop.Calendar;

/// <summary>
/// The work calendar in force now. Everyone who computes with the calendar reads <see cref="Current"/> when they compute, so a
/// calendar the office publishes while the bot runs (next year's holidays, Ramadan hours) applies from the next computation
/// on; due times computed before stay as they were. A calendar is immutable, so it is replaced whole, never edited.
/// </summary>
public sealed class WorkCalendarSource
{
    private WorkCalendar _current;

    public WorkCalendarSource(WorkCalendar initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    public WorkCalendar Current => Volatile.Read(ref _current);

    public void Replace(WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Volatile.Write(ref _current, calendar);
    }
}
