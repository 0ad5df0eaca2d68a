using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>A short card the Bot sends on its own: approved, sent back, disposition, reassigned, vacant, closed, cancelled.</summary>
public static class NoticeCard
{
    public static JsonObject Build(NoticeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode> { CardElements.Text(view.Title, TextStyle.Title) };
        var lines = view.Lines.Select(line => (JsonNode)CardElements.Text(line)).ToList();
        lines.AddRange(SopBlocks.Rows(view.Notes));
        body.Add(CardInputs.Container(lines, view.Attention ? "warning" : "emphasis"));
        body.AddRange(SopBlocks.Rows(view.Header.Rows));
        body.Add(CardInputs.ActionSet([CardInputs.CommandButton("Lihat status", $"status {view.Number}")]));
        return CardElements.Card(body);
    }
}
