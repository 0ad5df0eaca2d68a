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

    [Fact]
    public void Every_command_word_and_alias_is_unique()
    {
        var words = CommandCatalog.All.SelectMany(c => c.Aliases.Prepend(c.Word)).ToList();

        Assert.Equal(words.Count, words.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(CommandCatalog.All, c => Assert.Equal(c.Kind, CommandParser.Parse(c.Word).Kind));
    }
}
