using PerijinanBot.Bot.Outbox;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Reports.Agenda;
using PerijinanBot.Reports.Disposisi;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Letters;

/// <summary>
/// A step that sends a letter out (<c>suratKeluar</c> in the SOP data) gets its Buku Agenda line and documents; the Surat
/// Undangan is then offered to the Ketua Tim Kerja; the Kepala Dinas's Setuju makes the internal Lembar Disposisi; the
/// closing notice carries the Laporan Kegiatan's links. All in the decision's own batch, so each happens once, crash or not.
/// </summary>
internal sealed class LetterPlanner : IOutboxPlanner
{
    public void Plan(OutboxPlanContext plan)
    {
        foreach (var (step, document) in plan.LettersSent())
        {
            plan.Add(AgendaLetterHandler.Kind, $"agenda|{step}", step);
            if (document == AgendaDocuments.Undangan)
            {
                // After the letter item that numbers and makes it; the Ketua started the kegiatan and carries it out.
                plan.Add(UndanganOfferHandler.Kind, $"undangan|{step}", new OutboxPayload(plan.State.Number, plan.State.Version, step, To: plan.State.Starter.Id));
            }
        }

        // A new jadwal or tempat outdates the invitation already drafted: it is made again and offered to the Ketua again.
        if (plan.Events.OfType<Rescheduled>().Any() && plan.LettersSent().All(l => l.Document != AgendaDocuments.Undangan))
        {
            plan.Add(UndanganOfferHandler.RemadeKind, "undangan|rescheduled", new OutboxPayload(plan.State.Number, plan.State.Version, To: plan.State.Starter.Id));
        }

        if (LembarDisposisiDocument.StepOf(plan.Definition) is { } disposition && plan.Events.OfType<StepApproved>().Any(a => a.Step == disposition.Number))
        {
            plan.Add(DisposisiDocumentHandler.Kind, $"disposisi|{disposition.Number}", disposition.Number);
        }

        // The files are made by the letter item just before, so the notice that offers them is delivered after it.
        plan.DeliverNotices(NoticeKind.Closed, ClosingNoticeHandler.Kind);
    }
}
