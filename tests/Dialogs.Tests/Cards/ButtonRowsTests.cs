using System.Text.Json.Nodes;
using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Tests.Cards;

/// <summary>Rows of buttons that fit a phone: Teams puts a set's buttons on one line and cuts the titles that do not fit.</summary>
public sealed class ButtonRowsTests
{
    [Fact]
    public void Buttons_keep_their_order_and_a_row_takes_only_the_titles_that_fit_a_phone()
    {
        var rows = Rows(["Tugas saya", "Lihat SOP", "Lihat pemegang peran", "Buku agenda", "Laporan kepatuhan SOP", "Plh./Plt."]);

        Assert.Equal(["Tugas saya | Lihat SOP", "Lihat pemegang peran", "Buku agenda", "Laporan kepatuhan SOP | Plh./Plt."], rows);
    }

    [Fact]
    public void Short_titles_share_a_row_up_to_four_and_a_long_title_has_a_row_of_its_own()
    {
        Assert.Equal(["A | B | C | D", "E"], Rows(["A", "B", "C", "D", "E"]));
        Assert.Equal(["Ya", "Buka arsip SharePoint (Disposisi)", "Tidak"], Rows(["Ya", "Buka arsip SharePoint (Disposisi)", "Tidak"]));
    }

    [Fact]
    public void Inside_a_styled_container_a_row_holds_less()
    {
        string[] titles = ["Ubah jadwal", "Batalkan kegiatan"];

        Assert.Equal(["Ubah jadwal | Batalkan kegiatan"], Rows(titles));
        Assert.Equal(["Ubah jadwal", "Batalkan kegiatan"], Rows(titles, CardElements.PhoneRowCharsInContainer));
    }

    private static List<string> Rows(string[] titles, int rowChars = CardElements.PhoneRowChars) =>
        [.. CardElements.ButtonRows(titles.Select(t => (JsonNode)CardElements.CommandButton(t, t)), rowChars)
            .Select(set => string.Join(" | ", set["actions"]!.AsArray().Select(a => (string?)a!["title"])))];
}
