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
