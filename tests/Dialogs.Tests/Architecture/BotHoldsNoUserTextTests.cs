using System.Text.RegularExpressions;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Dialogs.Tests.Architecture;

/// <summary>
/// Every sentence a person reads lives in src/Dialogs: a string literal in src/Bot that reads as Indonesian fails here.
/// Log and exception messages are for operators, in English, and may name SOP nouns (kegiatan, jadwal, Laporan Kegiatan);
/// what gives an Indonesian sentence or label away are its little words and the bot's own interface words, listed below.
/// </summary>
public sealed partial class BotHoldsNoUserTextTests
{
    /// <summary>
    /// Deliberate exceptions, as "path relative to src/Bot:literal text" with the reason. Keep it empty if at all possible:
    /// a word a person reads belongs in Dialogs, whatever file needs it.
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal);

    [Fact]
    public void No_string_literal_in_Bot_reads_as_Indonesian()
    {
        var found = BotLiterals()
            .Where(l => !IsOperatorMessage(l) && IndonesianWord().IsMatch(l.Text))
            .Where(l => !Allowed.ContainsKey($"{l.File}:{l.Text}"))
            .Select(l => $"{l.File}:{l.Line}: \"{l.Text}\" (“{IndonesianWord().Match(l.Text).Value}”)")
            .ToList();

        Assert.True(found.Count == 0, $"{found.Count} user-facing text(s) in src/Bot; move them to src/Dialogs:\n{string.Join('\n', found)}");
    }

    [Fact]
    public void Every_allowed_exception_still_exists()
    {
        var present = BotLiterals().Select(l => $"{l.File}:{l.Text}").ToHashSet(StringComparer.Ordinal);
        Assert.All(Allowed.Keys, key => Assert.Contains(key, present));
    }

    [Theory]
    [InlineData("Kegiatan {n} tidak ditemukan.", true)]
    [InlineData("Anda menerima ini sebagai", true)]
    [InlineData("Ringkasan harian", true)]
    [InlineData("Unduh laporan kepatuhan (Excel)", true)]
    [InlineData("no kegiatan {number}", false)]
    [InlineData("the Laporan Kegiatan files are missing from storage even after making them again", false)]
    [InlineData("desktop.ini", false)]
    [InlineData("/unduh", false)]
    [InlineData("{tahun}", false)]
    [InlineData("Kegiatan {Number} has no jadwal; no calendar event made", false)]
    public void The_detector_tells_user_text_from_operator_text(string text, bool indonesian) =>
        Assert.Equal(indonesian, IndonesianWord().IsMatch(text));

    [Fact]
    public void The_lexer_skips_comments_and_sees_interpolated_and_verbatim_literals()
    {
        const string source = """"
            // "Anda" in a comment
            /* "tidak" in a block */
            var a = $"Kegiatan {x.Number("belum")} tidak {(c ? 'x' : '"')} ada";
            var b = @"say ""yang""";
            throw new InvalidOperationException("Anda");
            """";
        var literals = CSharpLiterals.Read("x.cs", source);

        Assert.Equal(["belum", "Kegiatan   tidak   ada", "say \"yang\"", "Anda"], literals.Select(l => l.Text));
        Assert.Equal([false, false, false, true], literals.Select(IsOperatorMessage));
    }

    private static IEnumerable<SourceLiteral> BotLiterals()
    {
        var root = RepoRoot.Combine("src", "Bot");
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => CSharpLiterals.Read(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)));
    }

    /// <summary>A log message ([LoggerMessage], logger.Log…) or an exception's message: for operators, English, left where it is.</summary>
    private static bool IsOperatorMessage(SourceLiteral literal) => OperatorStatement().IsMatch(literal.StatementBefore);

    [GeneratedRegex(@"\bthrow\b|\[LoggerMessage\b|\.Log(?:Trace|Debug|Information|Warning|Error|Critical)?\(")]
    private static partial Regex OperatorStatement();

    /// <summary>
    /// Indonesian function words, and the words of the bot's own interface (buttons, titles, folder and file names). Not SOP
    /// nouns: English operator text uses those too. A word is whole: not part of a longer word, nor a file extension, a URL
    /// path segment ("/unduh") or a placeholder ("{tahun}").
    /// </summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{Nd}_./{])(?:anda|tidak|belum|sudah|telah|silakan|ketik|maaf|mohon|hubungi|yang|dan|atau|untuk|dengan|dari|oleh|kepada|pada|dalam|" +
        @"karena|jadi|hanya|dapat|harus|wajib|akan|sedang|bukan|sebagai|ini|itu|setelah|sebelum|sampai|lagi|tetap|periksa|pilih|isi|" +
        @"unduh|buka|tautan|berkas|arsip|ringkasan|harian|lainnya|grafik|kepatuhan|bulan|tahun|dicatat|diperbarui|dibatalkan|menerima)(?![\p{L}\p{Nd}_])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IndonesianWord();
}
