using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Decisions;

/// <summary>
/// Something a feature adds to a step card that is not in the kegiatan's own record (the dokumentasi files of step 7). Read
/// when a card is drawn, never on the decision path.
/// </summary>
internal interface IStepCardExtras
{
    Task<StepCardView> ExtendAsync(Kegiatan state, SopDefinition definition, string viewerId, StepCardView view, CancellationToken cancellationToken);
}

/// <summary>Draws a step card with what every feature adds to it: wherever a step card is drawn, it is drawn here.</summary>
internal sealed class StepCards(IEnumerable<IStepCardExtras> extras)
{
    public async Task<JsonObject> BuildAsync(Kegiatan state, SopDefinition definition, string viewerId, StepCardView view, CancellationToken cancellationToken)
    {
        foreach (var extra in extras)
        {
            view = await extra.ExtendAsync(state, definition, viewerId, view, cancellationToken);
        }

        return StepCard.Build(view);
    }
}
