using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>A short card the Bot sends on its own: approved, sent back, disposition, reassigned, vacant, closed, cancelled.</summary>
public static class NoticeCard
{
    public static JsonObject Build(NoticeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode> { Ac.Text(view.Title, TextStyle.Title) };
        var lines = view.Lines.Select(line => (JsonNode)Ac.Text(line)).ToList();
        lines.AddRange(SopBlocks.Rows(view.Notes));
        body.Add(AcInputs.Container(lines, view.Attention ? "warning" : "emphasis"));
        body.AddRange(SopBlocks.Rows(view.Header.Rows));
        body.Add(AcInputs.ActionSet([AcInputs.CommandButton("Lihat status", $"status {view.Number}")]));
        return Ac.Card(body);
    }
}
