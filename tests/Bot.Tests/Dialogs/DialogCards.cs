using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>Reading Adaptive Cards the way a person does: the title, what it says, its inputs, and the buttons it offers.</summary>
public static class DialogCards
{
    public static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Verbs that change a kegiatan: a read-only card offers none of them.</summary>
    public static readonly string[] DecisionVerbs = [SopVerbs.Start, SopVerbs.Submit, SopVerbs.Approve, SopVerbs.Reject, SopVerbs.Execute, SopVerbs.Report, SopVerbs.Cancel];

    /// <summary>All of the card as text (unescaped), for "does it say …".</summary>
    public static string Text(JsonNode card) => card.ToJsonString(Unescaped);

    /// <summary>The card's title: its first heading-style TextBlock.</summary>
    public static string? Title(JsonObject card) =>
        Find(card, n => (string?)n["type"] == "TextBlock" && (string?)n["style"] == "heading").Select(n => (string?)n["text"]).FirstOrDefault();

    /// <summary>The big outcome line of a read-only outcome card ("Setuju", "Data dikirim", "Tidak, dikembalikan ke langkah 2", …).</summary>
    public static string? Headline(JsonObject card) =>
        Find(card, n => (string?)n["type"] == "TextBlock" && (string?)n["size"] == "Large" && n["style"] is null).Select(n => (string?)n["text"]).FirstOrDefault();

    /// <summary>The bold message of a banner (refusal, stale, or an input error on top of a card).</summary>
    public static string? Banner(JsonObject card) =>
        Find(card, n => (string?)n["type"] == "TextRun" && (string?)n["weight"] == "Bolder").Select(n => (string?)n["text"]).FirstOrDefault();

    /// <summary>The data of the card's Action.Execute with this verb (and step), wherever it sits (action sets, ShowCards).</summary>
    public static JsonObject? Action(JsonObject card, string verb, int? step = null) =>
        Find(card, n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] == verb && (step is null || (int?)n["data"]?["step"] == step))
            .Select(n => n["data"] as JsonObject)
            .FirstOrDefault();

    /// <summary>The data of the Action.Submit fallback of the Action.Execute with this verb.</summary>
    public static JsonObject? Fallback(JsonObject card, string verb) =>
        Find(card, n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] == verb)
            .Select(n => n["fallback"] is JsonObject { } f && (string?)f["type"] == "Action.Submit" ? f["data"] as JsonObject : null)
            .FirstOrDefault();

    /// <summary>Every verb of the card's Action.Execute buttons.</summary>
    public static IReadOnlyList<string> Verbs(JsonObject card) =>
        [.. Find(card, n => (string?)n["type"] == "Action.Execute").Select(n => (string?)n["verb"] ?? "")];

    /// <summary>The value an input of the card holds (what the person sees in it), or null when it is empty or absent.</summary>
    public static string? InputValue(JsonObject card, string id) =>
        Find(card, n => ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && (string?)n["id"] == id)
            .Select(n => n["value"]?.ToString())
            .FirstOrDefault();

    public static bool HasInputs(JsonObject card) =>
        Find(card, n => ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).Any();

    /// <summary>A card nobody can decide anything on: no inputs, no decision buttons.</summary>
    public static bool IsReadOnly(JsonObject card) => !HasInputs(card) && !Verbs(card).Intersect(DecisionVerbs).Any();

    /// <summary>What a decider writes, unless the test types otherwise: the SOP asks for them with a Setuju (steps 3 and 5).</summary>
    public static readonly IReadOnlyDictionary<string, string> SetujuTexts = new Dictionary<string, string>
    {
        ["rekomendasi"] = "Data dukung lengkap; layak diteruskan kepada Kepala Bidang.",
        ["disposisiKepalaDinas"] = "Tindak lanjuti sesuai jadwal dan laporkan hasilnya.",
    };

    /// <summary>
    /// What a client sends for a click: the data the button carries, the value of every input of the card as shown (inputs
    /// arrive as strings), what the person typed over them, and (unless told not to) every kelengkapan item ticked and the
    /// texts a Setuju requires (<see cref="SetujuTexts"/>) written where the card asks for them and holds none.
    /// </summary>
    public static JsonObject With(JsonObject actionData, JsonObject card, Dictionary<string, string> typed, bool tickAll = true)
    {
        var data = (JsonObject)actionData.DeepClone();
        foreach (var input in Find(card, n => ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && n["id"] is not null && n["value"] is not null))
        {
            data[(string)input["id"]!] = input["value"]!.ToString();
        }

        foreach (var (id, text) in SetujuTexts)
        {
            if (tickAll && data[id] is null && Find(card, n => (string?)n["id"] == id).Any())
            {
                data[id] = text;
            }
        }

        foreach (var (key, value) in typed)
        {
            data[key] = value;
        }

        if (tickAll && Find(card, n => (string?)n["id"] == SopVerbs.KelengkapanInput).FirstOrDefault() is { } checklist)
        {
            data[SopVerbs.KelengkapanInput] = string.Join(",", checklist["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        }

        return data;
    }

    public static IEnumerable<JsonObject> Find(JsonNode? node, Func<JsonObject, bool> predicate)
    {
        switch (node)
        {
            case JsonObject o:
                if (predicate(o))
                {
                    yield return o;
                }

                foreach (var (_, child) in o)
                {
                    foreach (var found in Find(child, predicate))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var found in Find(child, predicate))
                    {
                        yield return found;
                    }
                }

                break;
            default:
                break;
        }
    }
}
