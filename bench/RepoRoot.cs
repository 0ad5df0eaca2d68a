namespace PerijinanBot.Bench;

internal static class RepoRoot
{
    /// <summary>The folder holding PerijinanBot.sln, above the working directory or the program's own folder.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PerijinanBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("PerijinanBot.sln not found above the working directory or the program: run from the repository.");
    }
}
