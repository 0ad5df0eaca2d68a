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
            body.Add(AcInputs.Banner(error, caption: "Belum dapat diproses. Periksa isian Anda, lalu kirim lagi."));
        }

        body.AddRange(SopBlocks.Header(view.Header, view.Title));
        if (view.PlhNote is { } plh)
        {
            body.Add(AcInputs.Colored(plh, "Accent", bold: true));
        }

        if (view.SendBack is { } sentBack)
        {
            body.Add(AcInputs.Container([AcInputs.Caption(sentBack.Label), SopBlocks.Value(sentBack.Value)], "warning", spacing: "Medium"));
        }

        if (view.ReworkNote is { } rework)
        {
            body.Add(Ac.Text(rework, TextStyle.Subtle));
        }

        body.Add(Ac.Text("Yang harus dilakukan", TextStyle.Heading));
        body.Add(Ac.Text(view.Instruction));
        body.AddRange(SopBlocks.Rows(view.Standard));
        if (view.LateText is { } late)
        {
            body.Add(AcInputs.Colored(late, "Attention", bold: true));
        }

        if (view.HolderNote is { } holder)
        {
            body.Add(AcInputs.Colored(holder, "Warning"));
        }

        if (view.Data.Count > 0)
        {
            var data = new List<JsonNode> { Ac.Text("Data kegiatan", TextStyle.Heading) };
            foreach (var section in view.Data)
            {
                data.Add(AcInputs.Container([AcInputs.Colored(section.Title, "Accent", bold: true), .. SopBlocks.Rows(section.Items)], "emphasis", spacing: "Small"));
            }

            body.Add(AcInputs.Container(data, separator: true, spacing: "Medium"));
        }

        if (view.Inputs.Count > 0)
        {
            body.Add(Ac.Text("Isian langkah ini", TextStyle.Heading));
            body.AddRange(view.Inputs.Select(SopBlocks.Input));
        }

        foreach (var line in view.NextSteps)
        {
            body.Add(Ac.Text(line, TextStyle.Subtle));
        }

        var actions = Actions(view);
        if (actions.Count > 0)
        {
            body.Add(AcInputs.ActionSet(actions));
        }

        body.Add(SopBlocks.Timeline(view.Timeline));
        return Ac.Card(body);
    }

    private static List<JsonNode> Actions(StepCardView view)
    {
        var actions = new List<JsonNode>();
        foreach (var button in view.Buttons)
        {
            actions.Add(AcInputs.Execute(button.Title, button.Verb, Data(view)));
        }

        if (view.Reject is { } reject)
        {
            actions.Add(AcInputs.ShowCard(reject.Title,
            [
                Ac.Text("Tulis apa yang harus diperbaiki. Alasan ini dikirim kepada orang yang menerima kembali pekerjaannya."),
                SopBlocks.Input(reject.Alasan),
                AcInputs.ActionSet([AcInputs.Execute(reject.SubmitTitle, SopVerbs.Reject, Data(view))]),
            ]));
        }

        if (view.RescheduleCommand is { } reschedule)
        {
            actions.Add(AcInputs.CommandButton("Ubah jadwal…", reschedule));
        }

        if (view.CancelCommand is { } cancel)
        {
            actions.Add(AcInputs.CommandButton("Batalkan kegiatan…", cancel));
        }

        return actions;
    }

    private static JsonObject Data(StepCardView view) => view switch
    {
        { Target: { } target } => SopVerbs.Data(target),
        { Start: { } start } => SopVerbs.StartData(start.DefinitionId, start.OpenedAt),
        _ => throw new ArgumentException("A step card needs a target (kegiatan) or a start (definition).", nameof(view)),
    };
}
