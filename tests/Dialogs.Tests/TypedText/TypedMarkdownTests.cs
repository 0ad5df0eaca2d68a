using PerijinanBot.Dialogs.Tests.Sop;

namespace PerijinanBot.Dialogs.Tests.TypedText;

/// <summary>
/// Typed text never becomes markdown anywhere: each hostile string goes into every typed field of every card (step forms,
/// reasons, the Plh. basis, the SRIKANDI number, the judul, …) and every message that echoes a command, and no string Teams
/// reads as markdown may hold a live link, emphasis, code, heading, list, HTML tag or entity made of it. The text itself
/// must still be there for people to read.
/// </summary>
public sealed class TypedMarkdownTests
{
    private const string M = Typing.Marker;

    public static TheoryData<string> Hostile { get; } =
    [
        $"[Unduh {M}](https://evil)",
        $"**{M}**",
        $"<a href=x>{M}</a>",
        $"&lt;a href=x&gt;{M}&lt;/a&gt;",
        $"# {M}",
        $"- {M}",
        $"1. {M}",
        $"<at>{M}</at>",
        $"`{M}`",
        $"_{M}_",
        $"~~{M}~~",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void No_card_renders_typed_text_as_markdown_and_every_card_still_shows_it(string hostile)
    {
        var problems = new List<string>();
        var cards = TypedScenes.Cards(Typing.Hostile(hostile)).ToList();
        foreach (var (name, card) in cards)
        {
            problems.AddRange(MarkdownSinks.Violations(card).Select(v => $"{name}: {v}"));
        }

        Assert.True(problems.Count == 0, $"{problems.Count} live construct(s) from typed text:\n{string.Join('\n', problems)}");
        var withoutTyping = new[] { "sop-step-1", "sop-sop", "sop-tasks-empty" };
        Assert.All(cards.Where(c => !withoutTyping.Contains(c.Name)), c => Assert.Contains(M, MarkdownSinks.Visible(c.Card), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void No_chat_message_renders_an_echoed_command_as_markdown(string hostile)
    {
        var problems = TypedScenes.Messages(hostile)
            .SelectMany(m => MarkdownSinks.LiveConstructs(m.Text).Select(c => $"{m.Name}: “{c}” in “{m.Text}”"))
            .ToList();

        Assert.True(problems.Count == 0, $"{problems.Count} live construct(s) from typed text:\n{string.Join('\n', problems)}");
        Assert.All(TypedScenes.Messages(hostile).Where(m => !m.Name.EndsWith("parsed", StringComparison.Ordinal)),
            m => Assert.Contains(M, m.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ketik **bantuan** untuk melihat perintah", false)]
    [InlineData($"[{M}](https://evil)", true)]
    [InlineData($"Oleh Yusuf selaku Plh. Hendra (**{M}**)", true)]
    [InlineData($"dasar _{M}_", true)]
    [InlineData($"# {M}", true)]
    [InlineData($"Nomor\r- {M}", true)]
    [InlineData($"Langkah 1 · {M}", false)]
    [InlineData("<a href=x>y</a>", true)]
    [InlineData("&lt;b&gt;", true)]
    [InlineData("PT A & B; KSP C", false)]
    public void The_detector_tells_live_typed_markdown_from_fixed_words(string markdown, bool live) =>
        Assert.Equal(live, MarkdownSinks.LiveConstructs(markdown).Any());
}
