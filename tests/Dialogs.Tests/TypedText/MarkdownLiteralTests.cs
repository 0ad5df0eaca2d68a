using PerijinanBot.Dialogs.Tests.Sop;

namespace PerijinanBot.Dialogs.Tests.TypedText;

/// <summary><see cref="Markdown.Literal"/>: a typed phrase reads the same inside a markdown sentence and renders as typed.</summary>
public sealed class MarkdownLiteralTests
{
    [Theory]
    [MemberData(nameof(TypedMarkdownTests.Hostile), MemberType = typeof(TypedMarkdownTests))]
    public void A_hostile_phrase_opens_nothing_wherever_it_sits_in_a_sentence(string hostile)
    {
        var literal = Markdown.Literal(hostile);

        foreach (var sentence in new[] { literal, $"dasar {literal}", $"“{literal}” bukan nomor kegiatan. Ketik **bantuan**.", $"{literal} (SRIKANDI)" })
        {
            Assert.Empty(MarkdownSinks.LiveConstructs(sentence));
        }

        Assert.Contains(Typing.Marker, literal, StringComparison.Ordinal);
        Assert.Equal(hostile.Length, literal.Length);
    }

    [Theory]
    [InlineData("[Unduh](https://evil)", "［Unduh］(https://evil)")]
    [InlineData("**x**", "∗∗x∗∗")]
    [InlineData("<a href=x>y</a>", "＜a href=x＞y＜/a＞")]
    [InlineData("&lt;a href=x&gt;y&lt;/a&gt;", "＆lt;a href=x＆gt;y＆lt;/a＆gt;")]
    [InlineData("&#60;b&#x3E;", "＆#60;b＆#x3E;")]
    [InlineData("# h", "＃ h")]
    [InlineData("### h", "＃## h")]
    [InlineData("- item", "‐ item")]
    [InlineData("---", "‐--")]
    [InlineData("+ item", "＋ item")]
    [InlineData("1. x", "1․ x")]
    [InlineData("  12) x", "  12） x")]
    [InlineData("<at>x</at>", "＜at＞x＜/at＞")]
    [InlineData("`code`", "｀code｀")]
    [InlineData("_x_", "＿x＿")]
    [InlineData("~~x~~", "～～x～～")]
    [InlineData("> kutipan", "＞ kutipan")]
    [InlineData("baris satu\n- dua\r\n1. tiga", "baris satu - dua  1. tiga")]
    public void Each_opening_character_becomes_a_look_alike(string typed, string literal) =>
        Assert.Equal(literal, Markdown.Literal(typed));

    [Theory]
    [InlineData("ST 800/12/DISKOPUKM.B/2026")]
    [InlineData("B-512/DISKOPUKM-B/XI/2026")]
    [InlineData("000.8 / 0002 / DISKOPUKM.B")]
    [InlineData("KSP Maju & Sejahtera (Tbk.), 3.5% #1")]
    [InlineData("+62 812 3456 7890")]
    [InlineData("2026.07 catatan")]
    [InlineData("Fasilitasi IUSP KSP Maju Bersama")]
    public void Ordinary_numbers_and_names_are_left_exactly_as_typed(string typed) =>
        Assert.Equal(typed, Markdown.Literal(typed));

    [Fact]
    public void Nothing_typed_is_an_empty_phrase()
    {
        Assert.Equal("", Markdown.Literal(null));
        Assert.Equal("", Markdown.Literal(""));
    }
}
