using PerijinanBot.Dialogs.Sop;
using static PerijinanBot.Dialogs.Tests.Sop.KoperasiEditScenes;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>
/// "Ubah data koperasi": step 2's holder finds the button on the step card; it opens a separate card with the koperasi slots
/// filled as recorded; a refused save keeps what was typed; the riwayat shows who changed the list and when.
/// </summary>
public sealed class KoperasiEditCardTests
{
    public static TheoryData<string> Scenes { get; } = [.. All.Keys];

    [Theory]
    [MemberData(nameof(Scenes))]
    [NeedsNode]
    public void Each_card_matches_its_reviewed_golden_file_and_renders_without_warnings(string scene)
    {
        var card = All[scene](Typing.Normal);

        Cards.CardAssert.MatchesGolden(card, scene);
        Cards.CardAssert.IsValidAdaptiveCard(card);
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    [NeedsNode]
    public void Typed_text_full_of_markdown_links_and_mentions_appears_only_in_TextRuns_and_inputs(string scene)
    {
        var card = All[scene](Typing.Injected);

        foreach (var node in CardJson.All(card))
        {
            var type = (string?)node["type"];
            var visible = type switch
            {
                "TextBlock" => (string?)node["text"],
                "FactSet" => node["facts"]!.ToJsonString(),
                _ when type?.StartsWith("Action.", StringComparison.Ordinal) == true => (string?)node["title"],
                "Input.Text" => (string?)node["label"] + (string?)node["placeholder"],
                _ => null,
            };
            Assert.DoesNotContain(Typing.Marker, visible ?? "", StringComparison.Ordinal);
        }

        Cards.CardAssert.IsValidAdaptiveCard(card);
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    public void Every_card_stays_under_28_KB_with_every_field_at_its_maximum_length(string scene)
    {
        var card = All[scene](Typing.Max);

        Assert.True(card.ToJsonString().Length < 28 * 1024, $"{scene} is {card.ToJsonString().Length} characters");
    }

    [Fact]
    public void Step_2_card_of_its_holder_has_the_button_which_sends_no_step_2_inputs()
    {
        var (office, kegiatan) = AtStep2(Typing.Normal);

        var card = office.StepCardFor(kegiatan, Staff.Budi);

        var button = Assert.Single(CardJson.OfType(card, "Action.Execute"), a => (string?)a["verb"] == SopVerbs.OpenKoperasi);
        Assert.Equal(("Ubah data koperasi", "none"), ((string?)button["title"], (string?)button["associatedInputs"]));
        Assert.Equal(("FAS-2026-0001", 2, kegiatan.Version), ((string?)button["data"]!["kegiatan"], (int?)button["data"]!["step"], (int?)button["data"]!["version"]));
        Assert.DoesNotContain(CardJson.Inputs(card), i => ((string)i["id"]!).StartsWith("koperasi.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Ketua_looking_at_step_2_and_the_holder_of_step_3_see_no_edit_button()
    {
        var (office, kegiatan) = AtStep2(Typing.Normal);
        var ketua = office.StepCardFor(kegiatan, Staff.Rina);
        var step3 = office.WalkTo(3, "FAS-2026-0002");

        Assert.DoesNotContain(CardJson.OfType(ketua, "Action.Execute"), a => (string?)a["verb"] == SopVerbs.OpenKoperasi);
        Assert.DoesNotContain(CardJson.OfType(office.StepCardFor(step3, Staff.Rina), "Action.Execute"), a => (string?)a["verb"] == SopVerbs.OpenKoperasi);
    }

    [Fact]
    public void The_edit_card_is_filled_with_the_recorded_koperasi_and_saves_with_one_button()
    {
        var card = All["sop-koperasi-edit"](Typing.Normal);

        Assert.Equal("KSP Maju Bersama", (string?)CardJson.Input(card, "koperasi.1.nama")["value"]);
        Assert.Equal("6112029876543210", (string?)CardJson.Input(card, "koperasi.2.nik")["value"]);
        Assert.Null(CardJson.Input(card, "koperasi.3.nama")["value"]);
        var save = Assert.Single(CardJson.OfType(card, "Action.Execute"), a => (string?)a["verb"] == SopVerbs.EditKoperasi);
        Assert.Equal("Simpan data koperasi", (string?)save["title"]);
        Assert.Contains("Ubah data koperasi FAS-2026-0001", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_save_shows_the_reason_and_keeps_every_typed_value()
    {
        var card = All["sop-koperasi-edit-refused"](Typing.Normal);

        Assert.Contains("Koperasi 3: NIK (Nomor Induk Koperasi) harus 16 angka (saat ini 5 angka).", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Equal("Koperasi Produsen Sawit Lestari", (string?)CardJson.Input(card, "koperasi.3.nama")["value"]);
        Assert.Equal("12345", (string?)CardJson.Input(card, "koperasi.3.nik")["value"]);
        Assert.Equal("KSP Sejahtera Bersama", (string?)CardJson.Input(card, "koperasi.2.nama")["value"]);
    }

    [Fact]
    public void The_riwayat_shows_who_changed_the_koperasi_and_the_names_before_and_after()
    {
        var text = CardJson.Text(All["sop-riwayat-koperasi-edit"](Typing.Normal));

        Assert.Contains("Data koperasi diubah", text, StringComparison.Ordinal);
        Assert.Contains("oleh Budi Santoso pada", text, StringComparison.Ordinal);
        Assert.Contains("KSP Maju Bersama; KSP Sejahtera Bersama; Koperasi Produsen Sawit Lestari", text, StringComparison.Ordinal);
    }
}
