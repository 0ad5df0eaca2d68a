using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>What people type can never become markdown, a link or a mention, and the largest realistic card fits the budget.</summary>
public sealed class ContentSafetyTests
{
    private const int Budget = 28 * 1024;

    /// <summary>Cards that show nothing anyone typed.</summary>
    private static readonly string[] _withoutTypedText = ["sop-step-1", "sop-sop", "sop-tasks-empty"];

    public static TheoryData<string> Scenes { get; } = [.. SopScenes.All.Keys];

    /// <summary>
    /// Typed values are TextRuns; a typed phrase inside fixed words (the Plh.'s basis in "… selaku Plh. … (basis)") may sit in
    /// a TextBlock or fact only made literal, so nothing in it is live markdown (<see cref="TypedText.TypedMarkdownTests"/>
    /// tries every construct on every card). Button and choice titles never carry typed text.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scenes))]
    [NeedsNode]
    public void Typed_text_full_of_markdown_links_and_mentions_appears_only_in_TextRuns_or_made_literal(string scene)
    {
        var card = SopScenes.All[scene](Typing.Injected);

        Assert.Empty(TypedText.MarkdownSinks.Violations(card));
        foreach (var node in CardJson.All(card))
        {
            var type = (string?)node["type"];
            if (type?.StartsWith("Action.", StringComparison.Ordinal) == true)
            {
                Assert.DoesNotContain(Typing.Marker, (string?)node["title"] ?? "", StringComparison.Ordinal);
            }
            else if (type == "Input.ChoiceSet")
            {
                Assert.All(node["choices"]!.AsArray(), c => Assert.DoesNotContain(Typing.Marker, (string?)c!["title"] ?? "", StringComparison.Ordinal));
            }
        }

        var runs = CardJson.OfType(card, "TextRun").Count(r => ((string)r["text"]!).Contains(Typing.Injection, StringComparison.Ordinal));
        Assert.True(_withoutTypedText.Contains(scene) ? runs == 0 : runs > 0, $"{scene}: {runs} TextRuns carry the typed text");
        Cards.CardAssert.IsValidAdaptiveCard(card);
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    public void Every_card_stays_under_28_KB_with_every_field_at_its_maximum_length(string scene)
    {
        var card = SopScenes.All[scene](Typing.Max);

        Assert.True(Size(card) < Budget, $"{scene} is {Size(card)} characters");
    }

    [Fact]
    [NeedsNode]
    public void The_largest_realistic_cards_stay_under_28_KB_and_still_render()
    {
        var t = Typing.Max;
        var office = new SopOffice(t);
        var step7 = office.WalkTo(7);
        var report = t.Report();
        var values = report.Values.ToDictionary(v => v.Key, v => v.Value);
        values["dokumentasi"] = values["dokumentasi"]![..^40] + "\nfoto-kegiatan-di-map-bersama.jpg";
        report = report with { Values = values };
        var refusal = office.Refuse(step7, new SubmitReport(Staff.Budi, 7, step7.Version, report));
        var refused = office.StepCardFor(step7, Staff.Budi, Typing.Draft(report), refusal.Message);

        var loops = new SopOffice(t);
        var kegiatan = loops.WalkTo(3);
        for (var i = 0; i < 9; i++)
        {
            kegiatan = loops.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, t.Reason($"Perbaikan ke-{i + 1}: lengkapi daftar calon narasumber.")));
            kegiatan = loops.Accept(kegiatan, new SubmitData(Staff.Budi, 2, kegiatan.Version, t.Data()));
        }

        var sentBackAgain = loops.Accept(kegiatan, new Reject(Staff.Rina, 3, kegiatan.Version, t.Reason("Sekali lagi: tempat belum pasti.")));
        var cards = new Dictionary<string, JsonObject>
        {
            ["step 7 refused, every input at its maximum"] = refused,
            ["step 2 after ten send-backs"] = loops.StepCardFor(sentBackAgain, Staff.Budi, Typing.Draft(t.Data())),
            ["riwayat of 22 visits"] = HistoryCard.Build(loops.Views.History(sentBackAgain, SopOffice.Definition)),
            ["step 4 with every earlier field at its maximum"] = SopScenes.StepFor(t, 4, Staff.Hendra),
        };

        Assert.True(sentBackAgain.Steps.Count > SopCardViews.MaxListed);
        Assert.Contains("bukan tautan http/https yang sah", refusal.Message, StringComparison.Ordinal);
        foreach (var (name, card) in cards)
        {
            Assert.True(Size(card) < Budget, $"{name} is {Size(card)} characters");
            Cards.CardAssert.IsValidAdaptiveCard(card);
        }
    }

    [Fact]
    public void Long_typed_text_is_cut_for_display_but_the_inputs_keep_it_whole()
    {
        var t = Typing.Max;
        var card = SopScenes.All["sop-step-2-sent-back"](t);

        Assert.Equal(2000, ((string)CardJson.Input(card, "materiSubstansi")["value"]!).Length);
        var shown = CardJson.OfType(card, "TextRun").Select(r => (string)r["text"]!).First(r => r.StartsWith("Siapkan materi", StringComparison.Ordinal));
        Assert.EndsWith("… (dipotong; teks lengkap tersimpan)", shown, StringComparison.Ordinal);
        Assert.True(shown.Length < 600);

        var reason = CardJson.OfType(card, "TextRun").Select(r => (string)r["text"]!).Single(r => r.StartsWith("Tempat belum pasti", StringComparison.Ordinal));
        Assert.Equal(1000, reason.Length);
    }

    [Fact]
    public void Engine_refusals_that_quote_typed_text_are_shown_as_TextRuns()
    {
        var card = SopScenes.All["sop-step-1-refused"](Typing.Injected);

        var banner = card["body"]![0]!;
        Assert.Contains(Typing.Injection, (string?)CardJson.OfType(banner, "TextRun").Single()["text"], StringComparison.Ordinal);
        Assert.Contains("tidak tersedia", CardJson.Text(banner), StringComparison.Ordinal);
    }

    private static int Size(JsonObject card) => card.ToJsonString().Length;
}
