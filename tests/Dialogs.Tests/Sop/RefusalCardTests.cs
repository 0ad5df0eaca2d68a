using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

public sealed class RefusalCardTests
{
    [Fact]
    public void Someone_clicking_another_person_s_card_is_told_why_and_who_holds_the_step()
    {
        var card = SopScenes.All["sop-refusal-not-yours"](Typing.Normal);
        var text = CardJson.Text(card);

        Assert.Contains("Langkah ini menunggu keputusan Ketua Tim Kerja, bukan Anda.", text, StringComparison.Ordinal);
        Assert.Contains("Pelaksana: Rina Marlina (Ketua Tim Kerja)", text, StringComparison.Ordinal);
        Assert.Empty(CardJson.OfType(card, "Action.Execute"));
        Assert.Empty(CardJson.Inputs(card));
    }

    [Fact]
    public void A_stale_card_says_what_happened_instead_and_offers_the_current_card()
    {
        var card = SopScenes.All["sop-stale"](Typing.Normal);
        var text = CardJson.Text(card);

        Assert.Equal("Kartu ini sudah tidak berlaku", (string?)card["body"]![0]!["text"]);
        Assert.Contains("Langkah 3 telah disetujui oleh Rina Marlina pada Senin, 13 Juli 2026 08.54 WIB.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("berlaku: ", text, StringComparison.Ordinal);
        Assert.Contains("Langkah: Langkah 4 dari 7: Koreksi data dukung", text, StringComparison.Ordinal);
        Assert.Equal(["sop.open"], CardJson.Verbs(card));
    }

    [Fact]
    public void A_stale_card_of_a_finished_kegiatan_offers_nothing_to_open()
    {
        var office = new SopOffice();
        var old = office.WalkTo(7);
        var closed = office.Accept(old, new SubmitReport(Staff.Budi, 7, old.Version, office.Typing.Report()));
        var refusal = office.Refuse(closed, new SubmitReport(Staff.Budi, 7, old.Version, office.Typing.Report()));

        var card = RefusalCard.Build(office.Views.Refusal(refusal, closed, SopOffice.Definition));

        Assert.Equal(RefusalCode.Finished, refusal.Code);
        Assert.Empty(CardJson.OfType(card, "Action.Execute"));
        Assert.Contains("Status: Selesai", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    [NeedsNode]
    public void A_refusal_before_any_kegiatan_exists_shows_just_the_message()
    {
        var office = new SopOffice();
        var result = office.Engine.Start(new StartKegiatan(Staff.Budi, SopOffice.SopId, "FAS-2026-0009", office.Typing.Start()), office.Staffing);

        var card = RefusalCard.Build(office.Views.Refusal(result.Refusal!, null, null));

        Assert.Contains("Hanya Ketua Tim Kerja yang dapat memulai kegiatan ini.", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Equal(2, card["body"]!.AsArray().Count);
        Cards.CardAssert.IsValidAdaptiveCard(card);
    }
}
