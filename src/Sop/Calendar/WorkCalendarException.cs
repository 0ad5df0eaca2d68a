namespace PerijinanBot.Sop.Calendar;

/// <summary>The work calendar data is unusable; <see cref="Errors"/> lists every problem (English, for operators).</summary>
public sealed class WorkCalendarException : Exception
{
    public WorkCalendarException()
        : this([])
    {
    }

    public WorkCalendarException(string message)
        : this([message])
    {
    }

    public WorkCalendarException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    public WorkCalendarException(IReadOnlyList<string> errors)
        : base("The work calendar is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "- " + e))) =>
        Errors = errors;

    public IReadOnlyList<string> Errors { get; }
}
