using PerijinanBot.Dialogs.Cards;

namespace PerijinanBot.Dialogs.Tests.Cards;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("**tebal** _miring_ [klik](https://contoh.example) <at>Kepala Dinas</at>")]
    [InlineData("# judul\n- butir\n1. satu")]
    [NeedsNode]
    public void Typed_text_is_shown_literally_never_as_markdown(string typed)
    {
        var block = CardElements.UserText(typed);

        Assert.Equal("RichTextBlock", (string?)block["type"]);
        var run = block["inlines"]![0]!;
        Assert.Equal("TextRun", (string?)run["type"]);
        Assert.Equal(typed, (string?)run["text"]);
        CardAssert.IsValidAdaptiveCard(CardElements.Card([block]));
    }

    [Fact]
    public void Long_text_is_cut_for_display_and_says_so()
    {
        var block = CardElements.UserText(new string('a', 5000), maxChars: 100);

        var shown = (string)block["inlines"]![0]!["text"]!;
        Assert.StartsWith(new string('a', 100) + " … (dipotong", shown, StringComparison.Ordinal);
        Assert.True(shown.Length < 150);
    }
}
