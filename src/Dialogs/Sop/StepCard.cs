using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// The card of one step for the person whose turn it is (also the <c>mulai</c> form for step 1): what to do as the SOP writes
/// it, the standard and due time, why it came back, the data so far, the inputs, and only the buttons this viewer may press.
/// </summary>
public static class StepCard
{
    public static JsonObject Build(StepCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>();
        if (view.Error is { } error)
        {
            body.Add(CardInputs.Banner(error, caption: "Belum dapat diproses. Periksa isian Anda, lalu kirim lagi."));
        }

        body.AddRange(SopBlocks.Header(view.Header, view.Title));
        if (view.StandInNote is { } plh)
        {
            body.Add(CardInputs.Colored(plh, "Accent", bold: true));
        }

        if (view.SendBack is { } sentBack)
        {
            body.Add(CardInputs.Container([CardInputs.Caption(sentBack.Label), SopBlocks.Value(sentBack.Value)], "warning", spacing: "Medium"));
        }

        if (view.ReworkNote is { } rework)
        {
            body.Add(CardElements.Text(rework, TextStyle.Subtle));
        }

        body.Add(CardElements.Text("Yang harus dilakukan", TextStyle.Heading));
        body.Add(CardElements.Text(view.Instruction));
        body.AddRange(SopBlocks.Rows(view.Standard));
        if (view.LateText is { } late)
        {
            body.Add(CardInputs.Colored(late, "Attention", bold: true));
        }

        if (view.HolderNote is { } holder)
        {
            body.Add(CardInputs.Colored(holder, "Warning"));
        }

        if (view.Data.Count > 0)
        {
            var data = new List<JsonNode> { CardElements.Text("Data kegiatan", TextStyle.Heading) };
            foreach (var section in view.Data)
            {
                data.Add(CardInputs.Container([CardInputs.Colored(section.Title, "Accent", bold: true), .. SopBlocks.Rows(section.Items)], "emphasis", spacing: "Small"));
            }

            body.Add(CardInputs.Container(data, separator: true, spacing: "Medium"));
        }

        if (view.Inputs.Count > 0)
        {
            body.Add(CardElements.Text("Isian langkah ini", TextStyle.Heading));
            body.AddRange(view.Inputs.Select(SopBlocks.Input));
        }

        foreach (var line in view.NextSteps)
        {
            body.Add(CardElements.Text(line, TextStyle.Subtle));
        }

        var actions = Actions(view);
        if (actions.Count > 0)
        {
            body.Add(CardInputs.ActionSet(actions));
        }

        body.Add(SopBlocks.Timeline(view.Timeline));
        return CardElements.Card(body);
    }

    private static List<JsonNode> Actions(StepCardView view)
    {
        var actions = new List<JsonNode>();
        foreach (var button in view.Buttons)
        {
            actions.Add(CardInputs.Execute(button.Title, button.Verb, Data(view)));
        }

        if (view.Reject is { } reject)
        {
            actions.Add(CardInputs.ShowCard(reject.Title,
            [
                CardElements.Text("Tulis apa yang harus diperbaiki. Alasan ini dikirim kepada orang yang menerima kembali pekerjaannya."),
                SopBlocks.Input(reject.Alasan),
                CardInputs.ActionSet([CardInputs.Execute(reject.SubmitTitle, SopVerbs.Reject, Data(view))]),
            ]));
        }

        if (view.RescheduleCommand is { } reschedule)
        {
            actions.Add(CardInputs.CommandButton("Ubah jadwal…", reschedule));
        }

        if (view.CancelCommand is { } cancel)
        {
            actions.Add(CardInputs.CommandButton("Batalkan kegiatan…", cancel));
        }

        return actions;
    }

    private static JsonObject Data(StepCardView view) => view switch
    {
        { Target: { } target } => SopVerbs.Data(target),
        { Start: { } start } => SopVerbs.StartData(start.DefinitionId, start.OpenedAt, start.OpenedAtTag),
        _ => throw new ArgumentException("A step card needs a target (kegiatan) or a start (definition).", nameof(view)),
    };
}
