using PerijinanBot.Dialogs.Commands;

namespace PerijinanBot.Dialogs.Tests.Commands;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("bantuan")]
    [InlineData("Bantuan")]
    [InlineData("  BANTUAN!  ")]
    [InlineData("/bantuan")]
    [InlineData("help")]
    [InlineData("?")]
    [InlineData("<at>PerijinanBot</at> bantuan")]
    [InlineData("bantuan <at>PerijinanBot</at>")]
    [InlineData("<p><at>Perijinan Bot</at>&nbsp;help.</p>")]
    public void Help_is_understood_however_it_is_typed(string text)
    {
        Assert.Equal(CommandKind.Help, CommandParser.Parse(text).Kind);
    }

    [Fact]
    public void The_argument_after_the_command_word_is_kept()
    {
        var parsed = CommandParser.Parse("<at>PerijinanBot</at>  peran   semua ");

        Assert.Equal(CommandKind.Roles, parsed.Kind);
        Assert.Equal("semua", parsed.Argument);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("selamat pagi")]
    [InlineData("bantuanku")]
    public void Anything_else_is_unknown_and_keeps_the_text_for_the_hint(string? text)
    {
        var parsed = CommandParser.Parse(text);

        Assert.Equal(CommandKind.Unknown, parsed.Kind);
        Assert.Equal((text ?? "").Trim(), parsed.Text);
    }

    /// <summary>
    /// Teams sends what a person typed with &lt; and &gt; as entities, so entities are decoded first and tags stripped after:
    /// the other way round, typed "&lt;a href…&gt;" would come out of the parser as a live tag.
    /// </summary>
    [Theory]
    [InlineData("&lt;a href=https://evil.example&gt;klik&lt;/a&gt;", "klik")]
    [InlineData("halo &lt;b&gt;tebal&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;", "halo tebal")]
    [InlineData("&lt;at&gt;Siti Rahmawati&lt;/at&gt; status", "status")]
    [InlineData("<p>status &lt;i&gt;FAS-2026-0001&lt;/i&gt;</p>", "status FAS-2026-0001")]
    public void Entities_are_decoded_before_tags_are_stripped_so_no_typed_tag_survives(string text, string cleaned)
    {
        var parsed = CommandParser.Parse(text);

        Assert.Equal(cleaned, parsed.Text);
        Assert.DoesNotContain('<', parsed.Text);
    }

    [Theory]
    [InlineData("KSP A &amp; B", "KSP A & B")]
    [InlineData("a &lt; b", "a < b")]
    [InlineData("&amp;lt;b&amp;gt;", "&lt;b&gt;")]
    public void Text_that_is_no_tag_keeps_its_characters_decoded_once(string text, string cleaned) =>
        Assert.Equal(cleaned, CommandParser.Parse(text).Text);

    [Fact]
    public void Every_command_word_and_alias_is_unique()
    {
        var words = CommandCatalog.All.SelectMany(c => c.Aliases.Prepend(c.Word)).ToList();

        Assert.Equal(words.Count, words.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(CommandCatalog.All, c => Assert.Equal(c.Kind, CommandParser.Parse(c.Word).Kind));
    }
}
