using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Sop;

/// <summary>
/// The dokumentasi files of step 7: as the answer to files sent in the chat (what was kept, what was refused and why, and the
/// kind of each document to choose), and as a section of the step 7 card.
/// </summary>
public static class DokumentasiCard
{
    /// <summary>Marks a button drawn on the step 7 card: its answer is the step card again, with what was typed in it.</summary>
    public const string OnStepCardKey = "onStepCard";

    private static readonly DokumentasiKind[] DocumentKinds = [DokumentasiKind.DaftarHadir, DokumentasiKind.BeritaAcara, DokumentasiKind.Lainnya];

    /// <summary>The answer in the chat: problems first, then the kegiatan's files, then a button to open the step 7 card.</summary>
    public static JsonObject Build(DokumentasiView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new List<JsonNode> { CardElements.Text($"Dokumentasi {view.Number}", TextStyle.Title) };
        foreach (var problem in view.Problems)
        {
            body.Add(CardInputs.Banner(problem));
        }

        body.AddRange(Files(view, onStepCard: false));
        if (view.Files.Any(f => f.Kind is null) && view.CanChange)
        {
            body.Add(CardElements.Text("Pilih jenis setiap dokumen yang belum berjenis: jenis menentukan tempatnya di Laporan Kegiatan.", TextStyle.Subtle));
        }

        if (view.CanChange)
        {
            body.Add(CardInputs.ActionSet([CardInputs.Execute("Buka kartu langkah 7", SopVerbs.Open, SopVerbs.OpenData(view.Number))], separator: true));
        }

        return CardElements.Card(body);
    }

    /// <summary>The id of the step 7 card's collapsed file list.</summary>
    public const string ListSectionId = "more.dokumentasi";

    /// <summary>
    /// The section of the step 7 card: what has arrived in one line and how to send more, with the files themselves (and
    /// their remove buttons) behind "Lihat berkas", so that on a phone the report's inputs and its button stay near the top.
    /// </summary>
    public static IEnumerable<JsonNode> Section(DokumentasiView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        yield return CardElements.Text("Berkas dokumentasi", TextStyle.Heading);
        var hint = view.CanChange ? [CardElements.Text(DokumentasiTexts.SendHint, TextStyle.Subtle)] : Array.Empty<JsonNode>();
        if (view.Files.Count == 0)
        {
            yield return CardElements.Text("Belum ada berkas dokumentasi.", TextStyle.Subtle);
            foreach (var line in hint)
            {
                yield return line;
            }

            yield break;
        }

        // Once files have come, the sender knows how to send more: the hint waits with the list.
        yield return CardElements.Text(DokumentasiTexts.Summary(view.Files), TextStyle.Subtle);
        yield return CardInputs.ActionSet([CardInputs.Toggle($"Lihat berkas ({view.Files.Count})", ListSectionId)]);
        yield return CardInputs.Hidden(ListSectionId, [.. Files(view, onStepCard: true), .. hint]);
    }

    private static IEnumerable<JsonNode> Files(DokumentasiView view, bool onStepCard)
    {
        if (view.Files.Count == 0)
        {
            yield return CardElements.Text("Belum ada berkas dokumentasi.", TextStyle.Subtle);
            yield break;
        }

        foreach (var file in view.Files)
        {
            var kind = file.Kind is { } k ? DokumentasiTexts.KindLabel(k) : DokumentasiTexts.KindPending;
            var items = new List<JsonNode>
            {
                CardElements.UserText(file.Name, maxChars: 120),
                file.Kind is null ? CardInputs.Colored($"{kind} · {DokumentasiTexts.Size(file.Length)}", "Warning") : CardElements.Text($"{kind} · {DokumentasiTexts.Size(file.Length)}", TextStyle.Subtle),
            };
            if (view.CanChange && onStepCard)
            {
                // Action.Submit without the card's inputs: the step card's required inputs do not block it, and the step card,
                // with whatever is typed in it, stays as it is; the answer comes as a new message.
                items.Add(CardInputs.ActionSet([Submit("Hapus", DokumentasiVerbs.Remove, DokumentasiVerbs.Data(view.Number, file.Id))]));
            }
            else if (view.CanChange)
            {
                var buttons = new List<JsonNode>();
                if (!file.IsImage)
                {
                    buttons.AddRange(DocumentKinds.Where(c => c != file.Kind).Select(c =>
                        (JsonNode)CardInputs.Execute(DokumentasiTexts.KindLabel(c), DokumentasiVerbs.SetKind, DokumentasiVerbs.Data(view.Number, file.Id, c))));
                }

                buttons.Add(CardInputs.Execute("Hapus", DokumentasiVerbs.Remove, DokumentasiVerbs.Data(view.Number, file.Id)));
                items.AddRange(CardElements.ButtonRows(buttons));
            }

            yield return CardInputs.Container(items, "emphasis", spacing: "Small");
        }
    }

    private static JsonObject Submit(string title, string verb, JsonObject data)
    {
        data[SopVerbs.VerbKey] = verb;
        data[OnStepCardKey] = true;
        return new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data, ["associatedInputs"] = "none" };
    }
}
