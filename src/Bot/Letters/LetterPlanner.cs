using PerijinanBot.Bot.Outbox;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Letters;

/// <summary>A step that sends a letter out (<c>suratKeluar</c> in the SOP data) gets its Buku Agenda line and documents; the closing notice carries the Laporan Kegiatan's links.</summary>
internal sealed class LetterPlanner : IOutboxPlanner
{
    public void Plan(OutboxPlanContext plan)
    {
        foreach (var (step, _) in plan.LettersSent())
        {
            plan.Add(AgendaLetterHandler.Kind, $"agenda|{step}", step);
        }

        // The files are made by the letter item just before, so the notice that offers them is delivered after it.
        plan.DeliverNotices(NoticeKind.Closed, ClosingNoticeHandler.Kind);
    }
}
