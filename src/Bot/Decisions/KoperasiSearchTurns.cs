using PerijinanBot.Bot.Turns;
using PerijinanBot.Dialogs.Commands;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Koperasi;

namespace PerijinanBot.Bot.Decisions;

/// <summary><c>cari ‹nama atau NIK›</c>: the kegiatan of a koperasi, through the koperasi index (no scan of kegiatan).</summary>
internal sealed class KoperasiSearchTurns(KegiatanService kegiatan, KoperasiIndex index) : ITurnRoutes
{
    public void Register(TurnRouter router) => router.Command(CommandKind.Search, SearchAsync, Audience.Registered);

    public async Task SearchAsync(TurnContext turn, ParsedCommand command, CancellationToken cancellationToken)
    {
        if (KoperasiSearch.Query(command.Argument) is not { } query)
        {
            await turn.SendTextAsync(SopTexts.KoperasiQueryNeeded(command.Argument), cancellationToken);
            return;
        }

        var found = new List<(Kegiatan, SopDefinition)>();
        foreach (var number in await index.FindAsync(query, cancellationToken))
        {
            if (await kegiatan.FindAsync(number, cancellationToken) is { } state && kegiatan.DefinitionOf(state) is { } definition)
            {
                found.Add((state, definition));
            }
        }

        if (found.Count == 0)
        {
            await turn.SendTextAsync(SopTexts.KoperasiNotFound(command.Argument), cancellationToken);
            return;
        }

        await turn.SendCardAsync(SearchCard.Build(SopCardViews.Search(command.Argument, found)), cancellationToken);
    }
}
