using System.Text.RegularExpressions;

namespace PerijinanBot.Tests;

/// <summary>
/// Keeps the <see cref="Needs"/> tags honest, so that <c>./test.sh --fast</c> runs exactly the tests that start nothing.
/// Reads the test sources (no reflection: the helpers live in another assembly than some of their users) and works out
/// what each test needs from what it uses: Azurite (<c>AzuriteProcess</c>, <c>AzuriteFixture</c>), Playgrounds
/// (<c>PlaygroundProcess</c>), Chromium (the scripts in tools/browser), all three through <c>run.sh</c>; Node (a process
/// started as <c>node</c>) and the bot process (a process started as <c>dotnet</c>); and, transitively, every helper type
/// declared in a file that uses one of those (a harness, a fixture, <c>CardAssert</c>, <c>Office</c>) and every member of
/// the test class that does. A test needs what its class's constructor, fixtures and set-up need, plus what its own body and
/// the members it calls need. Fails on a test without a tag it needs (Node and the bot process are implied by any service),
/// and on a tag no test under it needs.
/// </summary>
public sealed class NeedsTagsTests
{
    [Fact]
    public void Every_test_carries_the_Needs_tags_of_what_it_uses_and_no_other()
    {
        var tests = Path.Combine(RepoRootPath(), "tests");
        var report = NeedsScan.Run(NeedsScan.ReadProjects(tests));

        Assert.True(report.Problems.Count == 0, "Needs tags to fix:\n" + string.Join("\n", report.Problems));
        // The scan itself must have seen the suite: every project, hundreds of tests, and each tag required somewhere.
        Assert.True(report.Projects >= 4, $"only {report.Projects} test projects found under {tests}");
        Assert.True(report.Tests >= 500, $"only {report.Tests} tests found under {tests}");
        foreach (var need in NeedsScan.Kinds)
        {
            Assert.True(report.TestsNeeding[need] > 0, $"no test found that needs {need}: the scan no longer recognises it");
        }
    }

    [Fact]
    public void Untagged_tests_using_Azurite_or_Node_and_tags_nobody_needs_are_reported_while_Node_under_Azurite_needs_no_tag()
    {
        // The helper names are spliced in, so that this file does not use them itself.
        const string Process = Needs.Azurite + "Process", Fixture = Needs.Azurite + "Fixture", Spawn = "ProcessStart" + "Info";
        var sources = new Dictionary<string, string>
        {
            ["Infrastructure/Harness.cs"] = $$"""
                namespace X;

                public sealed class Harness
                {
                    public static async Task<Harness> StartAsync() { await using var a = await {{Process}}.StartAsync(); return new(); }

                    private static void Node() => Process.Start(new {{Spawn}}("node"));
                }
                """,
            ["Cards/Validator.cs"] = $$"""
                namespace X;

                internal static class Validator
                {
                    public static void Check(string card) => Process.Start(new {{Spawn}}( "node" ) { ArgumentList = { card } })!.WaitForExit();
                }
                """,
            ["CardTests.cs"] = """
                namespace X;

                public sealed class CardTests
                {
                    [Fact]
                    public void Valid() => Validator.Check("{}");

                    [Fact]
                    [NeedsBotProcess]
                    public void Stale() => Assert.True(true);
                }
                """,
            ["StoreTests.cs"] = """
                namespace X;

                public sealed class StoreTests
                {
                    [Fact]
                    public async Task Uses_the_harness() => await StartAsync();

                    [Fact]
                    [NeedsPlayground]
                    public void Pure() => Assert.True(true);

                    private static Task StartAsync() => Harness.StartAsync();
                }
                """,
            ["FixtureTests.cs"] = $$"""
                namespace X;

                [NeedsChromium]
                public sealed class FixtureTests({{Fixture}} storage) : IClassFixture<{{Fixture}}>
                {
                    [Fact]
                    public void Reads() => Assert.NotNull(storage);
                }
                """,
            ["TaggedTests.cs"] = $$"""
                namespace X;

                public sealed class TaggedTests : IAsyncLifetime
                {
                    [Fact]
                    [NeedsAzurite]
                    public async Task Starts() => await Harness.StartAsync();

                    [Theory]
                    [InlineData(1)]
                    public void Pure(int n) => Assert.Equal(1, n); // not {{Process}}: comments do not count

                    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

                    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
                }
                """,
            ["SetUpTests.cs"] = $$"""
                namespace X;

                [NeedsAzurite]
                public sealed class SetUpTests : IAsyncLifetime
                {
                    private Harness? _harness;

                    [Fact]
                    public void One() => Assert.NotNull(_harness);

                    [Fact]
                    public void Two() => Assert.NotNull(_harness);

                    public async ValueTask InitializeAsync() => _harness = await Harness.StartAsync();

                    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
                }
                """,
        };

        var report = NeedsScan.Run(new Dictionary<string, IReadOnlyDictionary<string, string>> { ["X.Tests"] = sources });

        Assert.Equal(
            [
                "CardTests.cs: CardTests.Stale is tagged NeedsBotProcess but does not need BotProcess",
                "CardTests.cs: CardTests.Valid needs Node: tag it, or its class, [NeedsNode]",
                "FixtureTests.cs: FixtureTests is tagged NeedsChromium but none of its tests needs Chromium",
                "FixtureTests.cs: FixtureTests.Reads needs Azurite: tag it, or its class, [NeedsAzurite]",
                "StoreTests.cs: StoreTests.Pure is tagged NeedsPlayground but does not need Playground",
                "StoreTests.cs: StoreTests.Uses_the_harness needs Azurite: tag it, or its class, [NeedsAzurite]",
            ],
            report.Problems.Order(StringComparer.Ordinal));
        Assert.Equal(9, report.Tests);
        Assert.Equal(5, report.TestsNeeding[Needs.Azurite]);
        Assert.Equal(1, report.TestsNeeding[Needs.Node]);
    }

    private static string RepoRootPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerijinanBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no PerijinanBot.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>The source scan behind <see cref="NeedsTagsTests"/>; see there for the rules.</summary>
internal static partial class NeedsScan
{
    public static readonly string[] Kinds = [Needs.Azurite, Needs.Playground, Needs.Chromium, Needs.Node, Needs.BotProcess];

    /// <summary>The needs that start a service; any of them implies Node and the bot process, which then need no tag.</summary>
    private static readonly string[] Services = [Needs.Azurite, Needs.Playground, Needs.Chromium];

    /// <summary>
    /// What uses a need directly, in code (comments are dropped first). Spelled in pieces, so that this file, which is
    /// scanned too, does not use them itself.
    /// </summary>
    private static readonly Dictionary<string, Regex[]> Seeds = new()
    {
        [Needs.Azurite] = [Uses(Needs.Azurite + "Process"), Uses(Needs.Azurite + "Fixture"), RunScript()],
        [Needs.Playground] = [Uses(Needs.Playground + "Process"), RunScript()],
        [Needs.Chromium] = [new("tools" + "/browser/"), new("\"tools\",\\s*\"" + "browser\"")],
        [Needs.Node] = [Starts("node")],
        [Needs.BotProcess] = [Starts("dotnet")],
    };

    public sealed record Report(int Projects, int Tests, IReadOnlyDictionary<string, int> TestsNeeding, IReadOnlyList<string> Problems);

    /// <summary>Each test project's sources (its folder, without bin/obj, plus the files its .csproj links in), by relative path.</summary>
    public static Dictionary<string, IReadOnlyDictionary<string, string>> ReadProjects(string testsFolder)
    {
        var projects = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var csproj in Directory.EnumerateFiles(testsFolder, "*.csproj", SearchOption.AllDirectories))
        {
            var folder = Path.GetDirectoryName(csproj)!;
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(testsFolder, file);
                if (!relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    sources[relative] = File.ReadAllText(file);
                }
            }

            foreach (Match link in CompileInclude().Matches(File.ReadAllText(csproj)))
            {
                var file = Path.GetFullPath(Path.Combine(folder, link.Groups[1].Value));
                sources[Path.GetRelativePath(testsFolder, file)] = File.ReadAllText(file);
            }

            projects[Path.GetFileNameWithoutExtension(csproj)] = sources;
        }

        return projects;
    }

    public static Report Run(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> projects)
    {
        var problems = new List<string>();
        var tests = 0;
        var needing = Kinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var (_, sources) in projects)
        {
            var code = sources.ToDictionary(s => s.Key, s => Code(s.Value), StringComparer.Ordinal);
            var typeNeeds = TypeNeeds(code);
            foreach (var (path, text) in code.Where(c => TestAttribute().IsMatch(c.Value)).OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                // The file's own types are its members below: what they need is worked out member by member.
                var others = typeNeeds.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
                foreach (Match own in TypeDeclaration().Matches(text))
                {
                    others.Remove(own.Groups[1].Value);
                }

                foreach (var test in CheckClass(path, text, others, problems))
                {
                    tests++;
                    foreach (var need in test)
                    {
                        needing[need]++;
                    }
                }
            }
        }

        return new Report(projects.Count, tests, needing, problems);
    }

    /// <summary>What each type declared in the project needs: what its file uses, directly or through other such types.</summary>
    private static Dictionary<string, HashSet<string>> TypeNeeds(Dictionary<string, string> code)
    {
        var declared = code.ToDictionary(c => c.Key, c => TypeDeclaration().Matches(c.Value).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal));
        var fileNeeds = code.ToDictionary(c => c.Key, c => Direct(c.Value));
        var words = code.ToDictionary(c => c.Key, c => Words(c.Value));
        Dictionary<string, HashSet<string>> types;
        bool changed;
        do
        {
            types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var (file, names) in declared)
            {
                foreach (var name in names)
                {
                    (types.TryGetValue(name, out var set) ? set : types[name] = new HashSet<string>(StringComparer.Ordinal)).UnionWith(fileNeeds[file]);
                }
            }

            changed = false;
            foreach (var (file, used) in words)
            {
                foreach (var name in used.Where(types.ContainsKey).Where(n => !declared[file].Contains(n)))
                {
                    foreach (var need in types[name])
                    {
                        changed |= fileNeeds[file].Add(need);
                    }
                }
            }
        }
        while (changed);

        return types;
    }

    /// <summary>Checks the test class of one file; returns the tags each of its tests must carry.</summary>
    private static List<HashSet<string>> CheckClass(string path, string text, Dictionary<string, HashSet<string>> typeNeeds, List<string> problems)
    {
        var lines = text.Split('\n');
        // Members of the class start at its indentation (4 spaces, file-scoped namespaces), with their attributes.
        var starts = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (MemberStart().IsMatch(lines[i]) && (i == 0 || !lines[i - 1].StartsWith("    [", StringComparison.Ordinal)))
            {
                starts.Add(i);
            }
        }

        var firstTest = Array.FindIndex(lines, l => TestAttribute().IsMatch(l));
        var classLine = Array.FindLastIndex(lines, firstTest, l => ClassDeclaration().IsMatch(l));
        if (classLine < 0)
        {
            problems.Add($"{path}: no class declaration found before its first test");
            return [];
        }

        var className = ClassDeclaration().Match(lines[classLine]).Groups[1].Value;
        var body = Array.FindIndex(lines, classLine, l => l.TrimEnd() == "{");
        starts.RemoveAll(s => s < body);
        var header = string.Join('\n', lines[..(starts.Count > 0 ? starts[0] : lines.Length)]);
        var members = starts.Select((start, n) => string.Join('\n', lines[start..(n + 1 < starts.Count ? starts[n + 1] : lines.Length)])).ToList();
        var names = members.Select(MemberName).ToList();

        // What each member needs, through the types it uses and the members of this class it calls.
        var needs = members.Select(m => Needed(m, typeNeeds)).ToList();
        var calls = members.Select(m => Words(m)).ToList();
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = 0; j < members.Count; j++)
                {
                    if (i != j && names[j] is { } called && calls[i].Contains(called))
                    {
                        foreach (var need in needs[j])
                        {
                            changed |= needs[i].Add(need);
                        }
                    }
                }
            }
        }
        while (changed);

        // The fixtures, constructor and per-test set-up run for every test of the class.
        var everyTest = Needed(header, typeNeeds);
        for (var i = 0; i < members.Count; i++)
        {
            if (names[i] is "InitializeAsync" or "DisposeAsync" || names[i] == className)
            {
                everyTest.UnionWith(needs[i]);
            }
        }

        var classTags = Tags(string.Join('\n', lines[..(classLine + 1)]));
        var result = new List<HashSet<string>>();
        var used = new List<HashSet<string>>();
        for (var i = 0; i < members.Count; i++)
        {
            if (!TestAttribute().IsMatch(Attributes(members[i])))
            {
                continue;
            }

            // Everything it uses may be tagged; what it must be tagged with leaves out what a service implies.
            var uses = new HashSet<string>(everyTest.Concat(needs[i]), StringComparer.Ordinal);
            var required = uses.Overlaps(Services) ? uses.Intersect(Services, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal) : uses;
            var own = Tags(Attributes(members[i]));
            foreach (var need in required.Where(n => !classTags.Contains(n) && !own.Contains(n)).Order(StringComparer.Ordinal))
            {
                problems.Add($"{path}: {className}.{names[i]} needs {need}: tag it, or its class, [Needs{need}]");
            }

            foreach (var tag in own.Where(t => !uses.Contains(t)).Order(StringComparer.Ordinal))
            {
                problems.Add($"{path}: {className}.{names[i]} is tagged Needs{tag} but does not need {tag}");
            }

            result.Add(required);
            used.Add(uses);
        }

        // Every test of the file must have been read as one, or an untagged one could slip through unseen.
        var declared = ClassTestAttribute().Count(text);
        if (result.Count != declared)
        {
            problems.Add($"{path}: {declared} tests declared but {result.Count} read; the scan cannot check this file's layout");
        }

        foreach (var tag in classTags.Where(t => !used.Any(u => u.Contains(t))).Order(StringComparer.Ordinal))
        {
            problems.Add($"{path}: {className} is tagged Needs{tag} but none of its tests needs {tag}");
        }

        return result;
    }

    private static Regex Uses(string type) => new($@"\b{type}\b");

    private static Regex RunScript() => new("\"run" + "\\.sh\"");

    private static Regex Starts(string executable) => new($@"ProcessStartInfo\(\s*""{executable}""");

    private static HashSet<string> Direct(string code) =>
        Seeds.Where(s => s.Value.Any(r => r.IsMatch(code))).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Needed(string code, Dictionary<string, HashSet<string>> typeNeeds)
    {
        var needs = Direct(code);
        foreach (var word in Words(code))
        {
            if (typeNeeds.TryGetValue(word, out var set))
            {
                needs.UnionWith(set);
            }
        }

        return needs;
    }

    private static HashSet<string> Tags(string attributes) =>
        Kinds.Where(k => Regex.IsMatch(attributes, $@"[\[,]\s*Needs{k}(Attribute)?\s*[\],(]")).ToHashSet(StringComparer.Ordinal);

    /// <summary>The attribute lines at the start of a member.</summary>
    private static string Attributes(string member) =>
        string.Join('\n', member.Split('\n').TakeWhile(l => l.StartsWith("    [", StringComparison.Ordinal)));

    /// <summary>The name a member is called by: a nested type's, the identifier before a method's parameters, a property's or field's.</summary>
    private static string? MemberName(string member)
    {
        var declaration = member.Split('\n').SkipWhile(l => l.StartsWith("    [", StringComparison.Ordinal)).FirstOrDefault() ?? "";
        return TypeDeclaration().Match(declaration) is { Success: true } type ? type.Groups[1].Value
            : MemberIdentifier().Match(declaration) is { Success: true } m ? m.Groups[1].Value
            : null;
    }

    /// <summary>The identifiers of the code, outside string literals (a name in a message is not a use).</summary>
    private static HashSet<string> Words(string code) =>
        Word().Matches(StringLiteral().Replace(code, "\"\"")).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The code without comments (mentions in documentation are not uses), usings, namespace and the <see cref="Needs"/>
    /// constants (names, not uses: <c>Needs.BotProcess</c> is not the BotProcess helper).
    /// </summary>
    private static string Code(string source)
    {
        var text = BlockComment().Replace(source.Replace("\r\n", "\n", StringComparison.Ordinal), "");
        text = NeedsConstant().Replace(text, nameof(Needs));
        return string.Join('\n', text.Split('\n').Select(l =>
            l.TrimStart().StartsWith("//", StringComparison.Ordinal) || l.StartsWith("using ", StringComparison.Ordinal) || l.StartsWith("namespace ", StringComparison.Ordinal)
                ? ""
                : TrailingComment().Replace(l, "")));
    }

    [GeneratedRegex("""<Compile\s+Include="([^"]+\.cs)""")]
    private static partial Regex CompileInclude();

    [GeneratedRegex(@"^\s*\[(Fact|Theory)\b", RegexOptions.Multiline)]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"^    \[(Fact|Theory)\b", RegexOptions.Multiline)]
    private static partial Regex ClassTestAttribute();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^(?:\w+\s+)*class\s+(\w+)")]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"^    [^\s{}()\]#]")]
    private static partial Regex MemberStart();

    [GeneratedRegex(@"(\w+)\s*(?:<[^>()]*>)?\s*(?:\(|=>|\{|=|;|$)")]
    private static partial Regex MemberIdentifier();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"\$*""""""[\s\S]*?""""""|[$@]*@[$]*""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)+'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\bNeeds\.\w+")]
    private static partial Regex NeedsConstant();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"(?<=\s)//[^""\n]*$")]
    private static partial Regex TrailingComment();
}
