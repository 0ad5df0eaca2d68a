using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PerijinanBot.Architecture.Tests;

/// <summary>One dependency: from a project or folder to another, with one source line that shows it.</summary>
public sealed record Edge(string From, string To, string Evidence);

/// <summary>
/// Dependencies as the sources state them: <c>ProjectReference</c>s between projects, and <c>using PerijinanBot.X.Y</c>
/// directives (or a qualified <c>PerijinanBot.X.Y.</c> in code) between top-level folders of a project.
/// </summary>
public static partial class DependencyGraph
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Project name (Sop, Dialogs, …) → the projects it references, from every <c>src/*/*.csproj</c>.</summary>
    public static IReadOnlyList<Edge> ProjectReferences()
    {
        var edges = new List<Edge>();
        foreach (var csproj in Directory.GetFiles(Path.Combine(RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var from = Path.GetFileNameWithoutExtension(csproj);
            foreach (var reference in XDocument.Load(csproj).Descendants("ProjectReference"))
            {
                var to = Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/'));
                edges.Add(new Edge(from, to, $"{Path.GetRelativePath(RepoRoot, csproj)}: ProjectReference {to}"));
            }
        }

        return edges;
    }

    /// <summary>Project → the other projects whose namespaces its sources use.</summary>
    public static IReadOnlyList<Edge> NamespaceUses()
    {
        var edges = new List<Edge>();
        foreach (var project in Projects())
        {
            foreach (var (file, line, target) in References(project))
            {
                var to = target.Split('.')[0];
                if (to != project)
                {
                    edges.Add(new Edge(project, to, $"{file}:{line}"));
                }
            }
        }

        return edges;
    }

    /// <summary>Top-level folder → top-level folder inside one project (files at the project's root count as "(root)").</summary>
    public static IReadOnlyList<Edge> FolderDependencies(string project)
    {
        var edges = new List<Edge>();
        foreach (var (file, line, target) in References(project))
        {
            var parts = target.Split('.');
            if (parts[0] != project || parts.Length < 2)
            {
                continue;
            }

            var relative = Path.GetRelativePath(Path.Combine(RepoRoot, "src", project), Path.Combine(RepoRoot, file));
            var from = relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) ? relative.Split(Path.DirectorySeparatorChar)[0] : "(root)";
            if (from != parts[1])
            {
                edges.Add(new Edge(from, parts[1], $"{file}:{line}"));
            }
        }

        return edges;
    }

    public static IEnumerable<string> Projects() =>
        Directory.GetDirectories(Path.Combine(RepoRoot, "src")).Select(Path.GetFileName).Where(d => File.Exists(Path.Combine(RepoRoot, "src", d!, d + ".csproj")))!;

    /// <summary>The cycles among the edges: each strongly connected set of two or more nodes, with the edges inside it.</summary>
    public static IReadOnlyList<IReadOnlyList<Edge>> Cycles(IReadOnlyList<Edge> edges)
    {
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().ToList();
        var next = nodes.ToDictionary(n => n, n => edges.Where(e => e.From == n).Select(e => e.To).Distinct().ToList());
        var (index, low, onStack, stack, counter) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new HashSet<string>(), new Stack<string>(), 0);
        var components = new List<HashSet<string>>();

        void Visit(string n)
        {
            index[n] = low[n] = counter++;
            stack.Push(n);
            onStack.Add(n);
            foreach (var m in next[n])
            {
                if (!index.TryGetValue(m, out var seen))
                {
                    Visit(m);
                    low[n] = Math.Min(low[n], low[m]);
                }
                else if (onStack.Contains(m))
                {
                    low[n] = Math.Min(low[n], seen);
                }
            }

            if (low[n] == index[n])
            {
                var component = new HashSet<string>();
                string popped;
                do
                {
                    popped = stack.Pop();
                    onStack.Remove(popped);
                    component.Add(popped);
                }
                while (popped != n);
                components.Add(component);
            }
        }

        foreach (var n in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(n);
        }

        return [.. components.Where(c => c.Count > 1).Select(c => (IReadOnlyList<Edge>)[.. edges.Where(e => c.Contains(e.From) && c.Contains(e.To)).DistinctBy(e => (e.From, e.To))])];
    }

    /// <summary>Every <c>PerijinanBot.X.Y</c> a project's sources name: in using directives, and qualified in code.</summary>
    private static IEnumerable<(string File, int Line, string Target)> References(string project)
    {
        var folder = Path.Combine(RepoRoot, "src", project);
        foreach (var path in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoRoot, path);
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var text = lines[i].TrimStart();
                if (text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("namespace ", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match m in Qualified().Matches(text))
                {
                    yield return (relative, i + 1, m.Groups["name"].Value);
                }
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerijinanBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PerijinanBot.sln not found above the test's directory.");
    }

    [GeneratedRegex(@"\bPerijinanBot\.(?<name>[A-Z]\w*(?:\.[A-Z]\w*)?)")]
    private static partial Regex Qualified();
}
