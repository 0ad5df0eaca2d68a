namespace PerijinanBot.Architecture.Tests;

/// <summary>
/// Dependencies point one way: Bot → Dialogs/Reports/Protocol → Sop, Protocol → nothing of ours; inside a project, no two
/// top-level folders depend on each other (directly or round a longer loop), and in Bot the shared infrastructure depends on
/// no feature.
/// </summary>
public sealed class DependencyRulesTests
{
    /// <summary>Which projects each project may reference (directly or by using their namespaces).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Sop"] = [],
        ["Dialogs"] = ["Sop"],
        ["Reports"] = ["Sop"],
        ["Protocol"] = [],
        ["Bot"] = ["Dialogs", "Reports", "Protocol", "Sop"],
    };

    /// <summary>Bot's folders that every feature may use; they use no feature folder.</summary>
    private static readonly string[] BotInfrastructure = ["Storage", "Outbox", "Turns", "Conversations", "People", "Files", "Graph", "Health", "Telemetry"];

    [Fact]
    public void Every_project_is_known_to_the_rules()
    {
        Assert.Equal(Allowed.Keys.Order(), DependencyGraph.Projects().Order());
    }

    [Fact]
    public void Project_references_follow_the_one_way_order()
    {
        var wrong = DependencyGraph.ProjectReferences().Where(e => !Allowed[e.From].Contains(e.To)).Select(e => e.Evidence);

        Assert.Empty(wrong);
    }

    [Fact]
    public void Sources_use_only_the_namespaces_of_projects_below_them()
    {
        var wrong = DependencyGraph.NamespaceUses().Where(e => !Allowed[e.From].Contains(e.To)).Select(e => $"{e.From} → {e.To} ({e.Evidence})").Distinct();

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("Sop")]
    [InlineData("Dialogs")]
    [InlineData("Reports")]
    [InlineData("Protocol")]
    [InlineData("Bot")]
    public void No_two_top_level_folders_depend_on_each_other(string project)
    {
        var cycles = DependencyGraph.Cycles(DependencyGraph.FolderDependencies(project));

        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(c => "cycle: " + string.Join("; ", c.Select(e => $"{e.From} → {e.To} ({e.Evidence})")))));
    }

    [Fact]
    public void Bot_infrastructure_depends_on_no_feature()
    {
        var wrong = DependencyGraph.FolderDependencies("Bot")
            .Where(e => BotInfrastructure.Contains(e.From) && !BotInfrastructure.Contains(e.To))
            .Select(e => $"{e.From} → {e.To} ({e.Evidence})")
            .Distinct();

        Assert.Empty(wrong);
    }

    [Fact]
    public void The_infrastructure_list_names_folders_that_exist()
    {
        var folders = Directory.GetDirectories(Path.Combine(DependencyGraph.RepoRoot, "src", "Bot")).Select(Path.GetFileName);

        Assert.All(BotInfrastructure, f => Assert.Contains(f, folders));
    }
}
