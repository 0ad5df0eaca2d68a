namespace PerijinanBot.Architecture.Tests;

/// <summary>A source file holds one responsibility a reader can see whole: none in src/ runs past 300 lines.</summary>
public sealed class FileSizeTests
{
    [Fact]
    public void No_source_file_is_longer_than_300_lines()
    {
        var src = Path.Combine(DependencyGraph.RepoRoot, "src");
        var tooLong = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(DependencyGraph.RepoRoot, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 300)
            .Select(f => $"{f.File}: {f.Lines} lines");

        Assert.Empty(tooLong);
    }
}
