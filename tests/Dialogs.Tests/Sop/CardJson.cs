using System.Text.Json.Nodes;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>Finds things in a card's JSON: every element, inputs, actions, and the text a person would read.</summary>
internal static class CardJson
{
    public static readonly string[] DecisionVerbs = ["sop.start", "sop.submit", "sop.approve", "sop.reject", "sop.execute", "sop.report", "sop.cancel", "sop.reassign"];

    /// <summary>Every object in the card, depth first, including ShowCard cards and fallbacks.</summary>
    public static IEnumerable<JsonObject> All(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o)
                {
                    foreach (var inner in All(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    foreach (var inner in All(item))
                    {
                        yield return inner;
                    }
                }

                break;
            default:
                break;
        }
    }

    public static IEnumerable<JsonObject> OfType(JsonNode card, string type) => All(card).Where(o => (string?)o["type"] == type);

    public static IEnumerable<JsonObject> Inputs(JsonNode card) => All(card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    public static IEnumerable<string> Verbs(JsonNode card) => OfType(card, "Action.Execute").Select(a => (string)a["verb"]!);

    public static JsonObject Input(JsonNode card, string id) => Inputs(card).Single(i => (string?)i["id"] == id);

    /// <summary>Everything visible as text, TextBlocks, facts and TextRuns alike, in one string.</summary>
    public static string Text(JsonNode card) => string.Join("\n", All(card).SelectMany(o => (string?)o["type"] switch
    {
        "TextBlock" or "TextRun" => [(string?)o["text"] ?? ""],
        "FactSet" => o["facts"]!.AsArray().Select(f => $"{(string?)f!["title"]}: {(string?)f["value"]}"),
        _ => [],
    }));
}
