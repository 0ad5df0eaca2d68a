namespace PerijinanBot.Architecture.Tests;

/// <summary>The rules above are only as good as the cycle finder: it must see loops of any length, and only loops.</summary>
public sealed class CycleDetectionTests
{
    private static Edge E(string from, string to) => new(from, to, $"{from}.cs:1");

    [Fact]
    public void A_two_folder_loop_is_a_cycle()
    {
        var cycle = Assert.Single(DependencyGraph.Cycles([E("Workflow", "Reminders"), E("Reminders", "Workflow"), E("Turns", "Workflow")]));

        Assert.Equal(["Reminders", "Workflow"], cycle.Select(e => e.From).Order());
    }

    [Fact]
    public void A_longer_loop_is_one_cycle_with_all_its_edges()
    {
        var cycle = Assert.Single(DependencyGraph.Cycles([E("A", "B"), E("B", "C"), E("C", "A"), E("C", "D")]));

        Assert.Equal(3, cycle.Count);
    }

    [Fact]
    public void Edges_that_only_point_one_way_are_no_cycle()
    {
        Assert.Empty(DependencyGraph.Cycles([E("Decisions", "Outbox"), E("Outbox", "Storage"), E("Decisions", "Storage"), E("Letters", "Decisions")]));
    }
}
