namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>The checkout's root (the folder holding PerijinanBot.sln), where node_modules and the scripts live.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PerijinanBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PerijinanBot.sln not found above {AppContext.BaseDirectory}");
    }
}
