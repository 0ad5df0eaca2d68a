using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary><c>alihkan</c>: the card offers the other holders of the step's role, an optional reason, and one button.</summary>
public sealed class ReassignCardTests
{
    [Fact]
    public void The_card_shows_the_step_and_its_holder_and_offers_only_the_other_holders_of_the_role()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(2);

        var card = ReassignCard.Build(office.Views.Reassign(kegiatan, SopOffice.Definition));

        var text = CardJson.Text(card);
        Assert.Contains("Alihkan langkah 2 (Penyiapan data dukung)", text, StringComparison.Ordinal);
        Assert.Contains("Budi Santoso", text, StringComparison.Ordinal);
        var choice = CardJson.Input(card, SopVerbs.NewHolderInput);
        Assert.Equal("Input.ChoiceSet", (string?)choice["type"]);
        Assert.True((bool?)choice["isRequired"]);
        Assert.Equal([Staff.Dewi], choice["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        var alasan = CardJson.Input(card, SopVerbs.AlasanInput);
        Assert.Null((bool?)alasan["isRequired"]);
        Assert.Equal(SopVerbs.MaxAlasanLength, (int?)alasan["maxLength"]);
        var execute = Assert.Single(CardJson.OfType(card, "Action.Execute"));
        Assert.Equal(SopVerbs.Reassign, (string?)execute["verb"]);
        Assert.Equal(("FAS-2026-0001", 2, kegiatan.Version), ((string?)execute["data"]!["kegiatan"], (int?)execute["data"]!["step"], (int?)execute["data"]!["version"]));
        Assert.Equal(SopVerbs.Reassign, (string?)execute["fallback"]!["data"]!["verb"]);
    }

    [Fact]
    public void A_refused_move_comes_back_with_the_reason_on_top_and_what_was_typed()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(2);
        var draft = new Dictionary<string, string?> { [SopVerbs.AlasanInput] = "Budi cuti." };

        var card = ReassignCard.Build(office.Views.Reassign(kegiatan, SopOffice.Definition, draft, "Pilih pegawai yang akan menerima langkah ini."));

        Assert.Contains("Pilih pegawai yang akan menerima langkah ini.", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Equal("Budi cuti.", (string?)CardJson.Input(card, SopVerbs.AlasanInput)["value"]);
        Assert.Null(CardJson.Input(card, SopVerbs.NewHolderInput)["value"]);
    }

    [Fact]
    [NeedsNode]
    public void Without_another_holder_of_the_role_there_is_nothing_to_pick_and_no_button()
    {
        // Step 4 is the Kepala Bidang's; the directory has only one.
        var office = new SopOffice();
        var kegiatan = office.WalkTo(4);

        var card = ReassignCard.Build(office.Views.Reassign(kegiatan, SopOffice.Definition));

        Assert.Empty(CardJson.Inputs(card));
        Assert.Empty(CardJson.OfType(card, "Action.Execute"));
        Assert.Contains("Tidak ada pegawai lain yang memegang peran", CardJson.Text(card), StringComparison.Ordinal);
        Cards.CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void After_the_move_the_card_is_read_only_and_says_who_holds_the_step_now_and_why()
    {
        var office = new SopOffice();
        var kegiatan = office.WalkTo(2);
        kegiatan = office.Accept(kegiatan, new Reassign(Staff.Rina, 2, kegiatan.Version, Staff.Dewi, "Budi dinas luar."));

        var card = ReassignCard.Build(office.Views.Reassigned(kegiatan, SopOffice.Definition));

        var text = CardJson.Text(card);
        Assert.Contains("dialihkan dari Budi Santoso kepada Dewi Lestari oleh Rina Marlina", text, StringComparison.Ordinal);
        Assert.Contains("Budi dinas luar.", text, StringComparison.Ordinal);
        Assert.Empty(CardJson.Inputs(card));
        Assert.Empty(CardJson.OfType(card, "Action.Execute"));
    }
}
