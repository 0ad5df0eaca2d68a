using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary><c>cari</c>'s answer: each kegiatan with its number, judul, koperasi and where it stands, and a button to open it.</summary>
public sealed class SearchCardTests
{
    [Fact]
    [NeedsNode]
    public void Each_kegiatan_found_shows_number_judul_koperasi_and_status_with_an_open_button_newest_first()
    {
        var office = new SopOffice();
        var first = office.WalkTo(3);
        var second = office.Start("FAS-2026-0002");
        second = office.Accept(second, new Cancel(Staff.Rina, second.Version, "Koperasi menunda permohonan."));

        var card = SearchCard.Build(SopCardViews.Search("ksp maju", [(first, SopOffice.Definition), (second, SopOffice.Definition)]));

        var text = CardJson.Text(card);
        Assert.Contains("2 kegiatan untuk “ksp maju”.", text, StringComparison.Ordinal);
        Assert.Contains("Berjalan: Langkah 3", text, StringComparison.Ordinal);
        Assert.Contains("Dibatalkan pada langkah 2", text, StringComparison.Ordinal);
        Assert.Contains("KSP Maju Bersama; KSP Sejahtera Bersama", text, StringComparison.Ordinal);
        var opens = CardJson.OfType(card, "Action.Execute").Where(a => (string?)a["verb"] == SopVerbs.Open).Select(a => (string?)a["data"]!["kegiatan"]).ToList();
        Assert.Equal(["FAS-2026-0002", "FAS-2026-0001"], opens);
        Cards.CardAssert.IsValidAdaptiveCard(card);
    }

    [Fact]
    public void A_typed_query_is_never_markdown_in_the_answer()
    {
        var card = SearchCard.Build(SopCardViews.Search("**KSP** [x](https://jahat.example)", [(new SopOffice().Start(), SopOffice.Definition)]));

        Assert.DoesNotContain("[x](https://jahat.example)", CardJson.Text(card), StringComparison.Ordinal);
        Assert.Contains("KSP Maju Bersama", CardJson.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Cari_is_a_command_with_the_name_or_NIK_as_its_argument()
    {
        var parsed = PerijinanBot.Dialogs.Commands.CommandParser.Parse("/Cari  KSP Maju Bersama");
        Assert.Equal((PerijinanBot.Dialogs.Commands.CommandKind.Search, "KSP Maju Bersama"), (parsed.Kind, parsed.Argument));
        Assert.Contains("untuk koperasi “KSP Mekar”.", SopTexts.KoperasiNotFound("KSP Mekar"), StringComparison.Ordinal);
        Assert.StartsWith("Sebutkan nama koperasi", SopTexts.KoperasiQueryNeeded(" "), StringComparison.Ordinal);
    }
}
