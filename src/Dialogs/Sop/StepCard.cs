using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// The card of one step for the person whose turn it is (also the <c>mulai</c> form for step 1). It leads with what this
/// person must do: a refusal, why the step came back, the Plh. note, what to do, the due time, the inputs and the buttons.
/// What is there to look up (the data of earlier steps, the rest of the SOP's standard, the timeline) follows, collapsed
/// behind toggles, so that on a phone the inputs and buttons are on the first screens rather than four screens down.
/// </summary>
public static class StepCard
{
    /// <summary>Ids of the collapsed sections; no input id has a dot, except the pickers' <c>‹field›.date</c> and <c>‹field›.time</c>.</summary>
    internal const string DataSectionId = "more.data";

    internal const string StandardSectionId = "more.standard";

    /// <summary>The standard row shown before the inputs (<see cref="SopCardViews"/> labels the due time so).</summary>
    private const string DueLabel = "Batas waktu";

    public static JsonObject Build(StepCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode>();
        if (view.Error is { } error)
        {
            body.Add(CardInputs.Banner(error, caption: "Belum dapat diproses. Periksa isian Anda, lalu kirim lagi."));
        }

        body.AddRange(SopBlocks.Header(view.Header, view.Title, withSopLine: false));
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
        body.AddRange(SopBlocks.Rows(view.Standard.Where(r => r.Label == DueLabel)));
        if (view.LateText is { } late)
        {
            body.Add(CardInputs.Colored(late, "Attention", bold: true));
        }

        if (view.HolderNote is { } holder)
        {
            body.Add(CardInputs.Colored(holder, "Warning"));
        }

        if (view.Inputs.Count > 0)
        {
            body.Add(CardElements.Text("Isian langkah ini", TextStyle.Heading));
            body.AddRange(SopBlocks.Inputs(view.Inputs));
        }

        if (view.Dokumentasi is { } dokumentasi)
        {
            body.AddRange(DokumentasiCard.Section(dokumentasi));
        }

        var decisions = Decisions(view);
        if (decisions.Count > 0)
        {
            body.Add(CardInputs.ActionSet(decisions));
        }

        foreach (var line in view.NextSteps)
        {
            body.Add(CardElements.Text(line, TextStyle.Subtle));
        }

        body.AddRange(CardElements.ButtonRows(Commands(view)));
        body.AddRange(Collapsed(view));
        return CardElements.Card(body);
    }

    /// <summary>The step's own buttons: they send the inputs. On a row of their own, so that no title is cut on a phone.</summary>
    private static List<JsonNode> Decisions(StepCardView view)
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

        return actions;
    }

    /// <summary>Commands about the whole kegiatan; each opens its own card.</summary>
    private static List<JsonNode> Commands(StepCardView view)
    {
        var commands = new List<JsonNode>();
        if (view.EditKoperasi && view.Target is { } target)
        {
            // Opens its own card: step 2's inputs are neither checked nor sent.
            var edit = CardInputs.Execute("Ubah data koperasi", SopVerbs.OpenKoperasi, SopVerbs.Data(target));
            edit["associatedInputs"] = "none";
            edit["fallback"]!["associatedInputs"] = "none";
            commands.Add(edit);
        }

        if (view.RescheduleCommand is { } reschedule)
        {
            commands.Add(CardInputs.CommandButton("Ubah jadwal", reschedule));
        }

        if (view.CancelCommand is { } cancel)
        {
            commands.Add(CardInputs.CommandButton("Batalkan kegiatan", cancel));
        }

        return commands;
    }

    /// <summary>
    /// What earlier steps recorded; then the SOP's line, the rest of its standard for this step and the timeline: each behind
    /// its own toggle.
    /// </summary>
    private static IEnumerable<JsonNode> Collapsed(StepCardView view)
    {
        if (view.Data.Count > 0)
        {
            var data = new List<JsonNode> { CardElements.Text("Data kegiatan", TextStyle.Heading) };
            foreach (var section in view.Data)
            {
                data.Add(CardInputs.Container([CardInputs.Colored(section.Title, "Accent", bold: true), .. SopBlocks.Rows(section.Items)], "emphasis", spacing: "Small"));
            }

            yield return CardInputs.ActionSet([CardInputs.Toggle("Lihat data kegiatan", DataSectionId)], separator: true);
            yield return CardInputs.Hidden(DataSectionId, data);
        }

        var standard = new List<JsonNode> { CardElements.Text("Standar langkah ini", TextStyle.Heading), SopBlocks.SopLine(view.Header) };
        standard.AddRange(SopBlocks.Rows(view.Standard.Where(r => r.Label != DueLabel)));
        standard.Add(SopBlocks.Timeline(view.Timeline));
        yield return CardInputs.ActionSet([CardInputs.Toggle("Lihat standar dan alur langkah", StandardSectionId)], separator: view.Data.Count == 0);
        yield return CardInputs.Hidden(StandardSectionId, standard);
    }

    private static JsonObject Data(StepCardView view) => view switch
    {
        { Target: { } target } => SopVerbs.Data(target),
        { Start: { } start } => SopVerbs.StartData(start.DefinitionId, start.OpenedAt, start.OpenedAtTag),
        _ => throw new ArgumentException("A step card needs a target (kegiatan) or a start (definition).", nameof(view)),
    };
}
