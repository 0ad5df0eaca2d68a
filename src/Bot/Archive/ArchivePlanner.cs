using PerijinanBot.Bot.Graph;
using PerijinanBot.Bot.Outbox;

namespace PerijinanBot.Bot.Archive;

/// <summary>With the archive on, every outgoing letter's files follow its Buku Agenda line into SharePoint.</summary>
internal sealed class ArchivePlanner(GraphFeatures features) : IOutboxPlanner
{
    public void Plan(OutboxPlanContext plan)
    {
        if (!features.Archive.IsOn)
        {
            return;
        }

        foreach (var (step, _) in plan.LettersSent())
        {
            plan.Add(ArchiveHandler.Kind, $"archive|{step}", step);
        }
    }
}
