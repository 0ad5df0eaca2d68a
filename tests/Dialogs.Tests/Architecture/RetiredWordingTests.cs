using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Dialogs.Tests.Architecture;

/// <summary>
/// The wording the domain review asked to retire (issue 14, item 7) stays retired: no string literal a person could read, in
/// the texts' homes (src/Dialogs and the engine's texts in src/Sop), uses it again.
/// </summary>
public sealed class RetiredWordingTests
{
    /// <summary>Retired phrase → what the product says instead.</summary>
    public static TheoryData<string, string> Retired() => new()
    {
        { "di langkah", "pada langkah" },
        { "p90", "9 dari 10 … dalam" },
        { "coba lagi beberapa saat lagi", "coba beberapa saat lagi" },
        { "adalah sekarang", "jatuh pada …, yaitu sekarang" },
        { "orang berikutnya langsung diminta", "pelaksana langkah berikutnya langsung menerima kartunya" },
        { "Tidak / Kembalikan", "Tidak" },
        { "\"Pemegang\"", "Pelaksana (of a step)" },
        { "000.8/1622", "000.8 / 1622 / DISKOPUKM.B, as the SOP writes it" },
        { ", Kantor Cabang Pembantu (IKCP)", "Izin Kantor Cabang Pembantu (IKCP)" },
    };

    [Theory]
    [MemberData(nameof(Retired))]
    public void Retired_wording_is_not_used_again(string phrase, string instead)
    {
        var found = Literals()
            .Where(l => l.Text.Contains(phrase.Trim('"'), StringComparison.Ordinal) && (!phrase.StartsWith('"') || l.Text == phrase.Trim('"')))
            .Select(l => $"{l.File}:{l.Line}: \"{l.Text}\"")
            .ToList();

        Assert.True(found.Count == 0, $"'{phrase}' is retired; write '{instead}':\n{string.Join('\n', found)}");
    }

    private static IEnumerable<SourceLiteral> Literals()
    {
        var root = RepoRoot.Combine("src");
        return new[] { "Dialogs", Path.Combine("Sop", "Engine") }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => CSharpLiterals.Read(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)));
    }
}
