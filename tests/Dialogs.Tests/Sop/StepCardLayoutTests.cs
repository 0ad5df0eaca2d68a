using System.Text.Json.Nodes;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>
/// A step card leads with what its reader must do (issue 14 item 8): on a phone the inputs and buttons come first, and what
/// there is to look up waits below them, collapsed. The browser measures the result (CardLayoutInBrowserTests, Bot.Tests).
/// </summary>
public sealed class StepCardLayoutTests
{
    public static TheoryData<string> StepScenes { get; } = [.. SopScenes.All.Keys.Where(k => k.StartsWith("sop-step-", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(StepScenes))]
    public void What_to_do_the_due_time_the_inputs_and_the_buttons_come_before_the_data_of_earlier_steps_and_the_timeline(string scene)
    {
        var card = SopScenes.All[scene](Typing.Normal);
        var body = card["body"]!.AsArray();

        var todo = Index(body, o => (string?)o["text"] == "Yang harus dilakukan");
        var due = Index(body, o => o["facts"] is JsonArray facts && facts.Any(f => (string?)f!["title"] == "Batas waktu"));
        var data = Index(body, o => (string?)o["text"] == "Data kegiatan");
        var timeline = Index(body, o => (string?)o["text"] == "Alur langkah");
        Assert.True(todo >= 0 && todo < due, $"{scene}: what to do ({todo}), then the due time ({due})");
        Assert.True(timeline > due, $"{scene}: the timeline ({timeline}) after the due time ({due})");
        if (CardJson.Inputs(card).Any())
        {
            var inputs = Index(body, o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);
            var send = Index(body, o => (string?)o["type"] == "Action.Execute");
            Assert.True(due < inputs && inputs < send, $"{scene}: due time ({due}), inputs ({inputs}), the primary button ({send})");
            Assert.True(send < timeline && (data < 0 || send < data), $"{scene}: the primary button ({send}) before the data ({data}) and the timeline ({timeline})");
        }

        // The data and the timeline sit in sections that start hidden.
        Assert.All(new[] { data, timeline }.Where(i => i >= 0), i => Assert.False((bool?)body[i]!["isVisible"], $"{scene}: body[{i}] is shown"));
        Assert.Equal(!scene.StartsWith("sop-step-1", StringComparison.Ordinal), data >= 0); // the start form has no earlier data
    }

    [Theory]
    [MemberData(nameof(StepScenes))]
    public void Every_collapsed_section_has_a_toggle_and_an_id_used_once_in_the_card(string scene)
    {
        var card = SopScenes.All[scene](Typing.Normal);

        var ids = CardJson.All(card).Where(o => o["id"] is not null).Select(o => (string)o["id"]!).ToList();
        Assert.Equal(ids.Distinct(StringComparer.Ordinal).Count(), ids.Count);
        var hidden = CardJson.All(card).Where(o => (bool?)o["isVisible"] == false).ToList();
        Assert.NotEmpty(hidden);
        var targets = CardJson.OfType(card, "Action.ToggleVisibility").SelectMany(t => t["targetElements"]!.AsArray().Select(e => (string)e!)).ToList();
        Assert.Equal(hidden.Select(h => (string?)h["id"]).Order(StringComparer.Ordinal), targets.Order(StringComparer.Ordinal));
        // A toggle says what it opens: a section to look at, the next koperasi, or the details of koperasi N.
        Assert.All(CardJson.OfType(card, "Action.ToggleVisibility"), t => Assert.Matches(
            @"^(Lihat \S.*|Tambah koperasi|Rincian koperasi [1-9])$", (string?)t["title"]));
    }

    [Fact]
    public void What_a_person_must_see_at_once_stays_above_the_inputs_the_refusal_the_send_back_reason_the_Plh_note_and_lateness()
    {
        var refused = SopScenes.All["sop-step-2-refused"](Typing.Normal);
        Assert.Equal("attention", (string?)refused["body"]![0]!["style"]);

        var sentBack = SopScenes.All["sop-step-2-sent-back"](Typing.Normal);
        AboveInputs(sentBack, o => (string?)o["style"] == "warning" && CardJson.Text(o).Contains("Dikembalikan oleh", StringComparison.Ordinal));

        var plh = SopScenes.All["sop-step-4-plh"](Typing.Normal);
        AboveInputs(plh, o => ((string?)o["text"])?.StartsWith("Anda bertindak selaku Plh.", StringComparison.Ordinal) == true);

        var office = new SopOffice(start: new DateTimeOffset(2026, 7, 13, 4, 30, 0, TimeSpan.Zero));
        var kegiatan = office.Start();
        office.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 13, 7, 40, 0, TimeSpan.Zero));
        AboveInputs(office.StepCardFor(kegiatan, Staff.Budi), o => (string?)o["text"] == "TERLAMBAT 1 jam 10 menit");
    }

    [Fact]
    public void The_kegiatan_commands_have_their_own_row_beside_nothing_the_step_sends()
    {
        var card = SopScenes.StepFor(Typing.Normal, 6, Staff.Rina);

        var rows = CardJson.OfType(card, "ActionSet").Select(set => string.Join(" | ", set["actions"]!.AsArray().Select(a => (string?)a!["title"]))).ToList();
        Assert.Contains("Kegiatan dimulai", rows);
        Assert.Contains("Ubah jadwal | Batalkan kegiatan", rows);
    }

    private static void AboveInputs(JsonObject card, Func<JsonObject, bool> what)
    {
        var body = card["body"]!.AsArray();
        var found = Index(body, what);
        var inputs = Index(body, o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);
        Assert.True(found >= 0 && found < inputs, $"found at body[{found}], the first input at body[{inputs}]");
    }

    /// <summary>The first top-level element of the body that is, or holds, an object matching <paramref name="what"/>; -1 if none.</summary>
    private static int Index(JsonArray body, Func<JsonObject, bool> what)
    {
        for (var i = 0; i < body.Count; i++)
        {
            if (CardJson.All(body[i]).Any(what))
            {
                return i;
            }
        }

        return -1;
    }
}
