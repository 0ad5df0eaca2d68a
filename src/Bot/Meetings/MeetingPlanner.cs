using PerijinanBot.Bot.Graph;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Meetings;

/// <summary>With the calendar on, the facilitation's event follows the kegiatan: made by the disposition, moved, re-invited, cancelled.</summary>
internal sealed class MeetingPlanner(GraphFeatures features) : IOutboxPlanner
{
    /// <summary>
    /// The letter whose issue puts the facilitation in calendars: the Surat Undangan, drafted when the Kepala Dinas gives the
    /// disposition (the Lembar Disposisi itself is internal and no longer a letter of the register).
    /// </summary>
    public const string Document = "undangan";

    public void Plan(OutboxPlanContext plan)
    {
        if (!features.Calendar.IsOn)
        {
            return;
        }

        var state = plan.State;
        int? step = null;
        var due = false;
        foreach (var e in plan.Events)
        {
            switch (e)
            {
                case Reassigned moved when state.Current is { } current && current.Step == moved.Step:
                    // The new holder joins the facilitation's event (nothing happens before the disposition made one).
                    due = true;
                    break;
                case Rescheduled moved:
                    // Moves the event to the new jadwal and tempat (PATCH), or makes it if the disposition's create never landed.
                    (due, step) = (true, moved.Step);
                    break;
                case Cancelled:
                    // Cancels the event if one was made; harmless when none was.
                    due = true;
                    break;
                default:
                    break;
            }
        }

        // Creates the event, or moves it when the disposition came again after a send-back changed the jadwal.
        if (plan.LettersSent().FirstOrDefault(l => l.Document == Document).Step is var disposition and > 0)
        {
            (due, step) = (true, disposition);
        }

        if (due)
        {
            plan.Add(CalendarHandler.Kind, "calendar", step);
        }
    }
}
