using System.Text.Json.Nodes;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>
/// The recommendation (step 3) and the disposition (step 5) are required for Setuju only. A client validates every input a
/// button collects: with associatedInputs "auto" (the default) that is the inputs of the button's own card and of every card
/// around it, not those of a sibling ShowCard. These tests collect inputs the way the Adaptive Cards renderer does.
/// </summary>
public sealed class RequiredForSetujuCardTests
{
    [Theory]
    [InlineData(3, Staff.Rina, "rekomendasi", "Rekomendasi kepada Kepala Bidang")]
    [InlineData(5, Staff.Siti, "disposisiKepalaDinas", "Disposisi kepada Kepala Bidang untuk ditindaklanjuti")]
    public void The_text_is_marked_required_for_Setuju_and_Setuju_sends_it(int step, string decider, string field, string label)
    {
        var card = SopScenes.StepFor(Typing.Normal, step, decider);

        var input = CardJson.Input(card, field);
        Assert.Equal($"{label} (wajib untuk Setuju)", (string?)input["label"]);
        Assert.Equal($"{label} wajib diisi untuk Setuju, paling banyak 1.000 karakter; untuk Tidak cukup alasannya.", (string?)input["errorMessage"]);
        Assert.Null(input["isRequired"]);
        foreach (var (_, inputs) in Buttons(card, "sop.approve"))
        {
            Assert.Contains(inputs, i => (string?)i["id"] == field);
        }
    }

    [Theory]
    [InlineData(3, Staff.Rina)]
    [InlineData(4, Staff.Hendra)]
    [InlineData(5, Staff.Siti)]
    public void Tidak_requires_only_its_reason_on_Execute_and_on_the_Submit_fallback(int step, string decider)
    {
        var card = SopScenes.StepFor(Typing.Normal, step, decider);

        var buttons = Buttons(card, "sop.reject");
        Assert.Equal(["Action.Execute", "Action.Submit"], buttons.Select(b => (string)b.Button["type"]!));
        foreach (var (_, inputs) in buttons)
        {
            var required = inputs.Where(i => (bool?)i["isRequired"] == true).Select(i => (string?)i["id"]);
            Assert.Equal(["alasan"], required);
        }
    }

    /// <summary>The Action.Execute with this verb and its fallback, each with the inputs a client collects and validates for it.</summary>
    private static List<(JsonObject Button, List<JsonObject> Inputs)> Buttons(JsonObject card, string verb)
    {
        var found = new List<(JsonObject, List<JsonObject>)>();
        Walk(card, [card], found, verb);
        Assert.NotEmpty(found);
        return found;
    }

    private static void Walk(JsonNode? node, List<JsonObject> cards, List<(JsonObject, List<JsonObject>)> found, string verb)
    {
        switch (node)
        {
            case JsonObject o when (string?)o["type"] == "Action.ShowCard" && o["card"] is JsonObject inner:
                Walk(inner, [.. cards, inner], found, verb);
                return;
            case JsonObject o when (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == verb:
                found.Add((o, Collected(o, cards)));
                if (o["fallback"] is JsonObject fallback)
                {
                    found.Add((fallback, Collected(fallback, cards)));
                }

                return;
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Walk(child, cards, found, verb);
                }

                return;
            case JsonArray a:
                foreach (var child in a)
                {
                    Walk(child, cards, found, verb);
                }

                return;
            default:
                return;
        }
    }

    private static List<JsonObject> Collected(JsonObject button, List<JsonObject> cards) =>
        string.Equals((string?)button["associatedInputs"], "none", StringComparison.OrdinalIgnoreCase)
            ? []
            : [.. cards.SelectMany(c => InputsOf(c["body"]))];

    /// <summary>A card's own inputs: not those inside a ShowCard it opens.</summary>
    private static IEnumerable<JsonObject> InputsOf(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.ShowCard" => [],
        JsonObject o when ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true => [o],
        JsonObject o => o.SelectMany(p => InputsOf(p.Value)),
        JsonArray a => a.SelectMany(InputsOf),
        _ => [],
    };
}
