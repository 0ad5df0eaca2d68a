using System.Diagnostics;
using System.Text.RegularExpressions;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Manifest;

/// <summary>
/// The Microsoft 365 Agents Toolkit layout holds together: every ${{VAR}} the manifest, the yml files and the Bicep
/// parameters use is defined in the environment files of the yml that uses it, every empty one is written by a step (or
/// asked for by the toolkit), and the toolkit's actions point at files that exist.
/// </summary>
public sealed partial class ToolkitLayoutTests
{
    /// <summary>Each lifecycle file and its environment (env/.env.NAME).</summary>
    public static TheoryData<string, string> Lifecycles => new()
    {
        { "m365agents.yml", "dev" },
        { "m365agents.local.yml", "local" },
        { "m365agents.playground.yml", "playground" },
    };

    /// <summary>Asked for by the toolkit itself when empty (it lists the subscriptions and resource groups of the signed-in account).</summary>
    private static readonly string[] AskedByTheToolkit = ["AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP_NAME"];

    /// <summary>Written by teamsApp/create besides its declared output (the toolkit's documented outputs).</summary>
    private static readonly string[] WrittenByTeamsAppCreate = ["TEAMS_APP_TENANT_ID"];

    /// <summary>The toolkit actions the yml files may use (names as the toolkit documents them).</summary>
    private static readonly string[] KnownActions =
    [
        "teamsApp/create", "teamsApp/validateManifest", "teamsApp/zipAppPackage", "teamsApp/validateAppPackage", "teamsApp/update",
        "teamsApp/publishAppPackage", "arm/deploy", "botAadApp/create", "botFramework/create", "cli/runDotnetCommand",
        "cli/runNpmCommand", "azureAppService/zipDeploy", "file/createOrUpdateEnvironmentFile", "devTool/install",
    ];

    [Theory]
    [MemberData(nameof(Lifecycles))]
    public void Every_variable_a_lifecycle_uses_is_defined_in_its_environment_files(string yml, string environment)
    {
        var defined = Defined(environment);
        var used = Placeholders(Read(yml)).Concat(Placeholders(Read("appPackage", "manifest.json")));
        if (Read(yml).Contains("./infra/main.parameters.json", StringComparison.Ordinal))
        {
            used = used.Concat(Placeholders(Read("infra", "main.parameters.json")));
        }

        var undefined = used.Distinct().Where(v => !defined.ContainsKey(v)).Order(StringComparer.Ordinal).ToList();
        Assert.True(undefined.Count == 0, $"{yml} uses {string.Join(", ", undefined)}, not defined in env/.env.{environment} or env/.env.{environment}.user.example");
    }

    [Theory]
    [MemberData(nameof(Lifecycles))]
    public void Every_empty_variable_is_written_by_a_step_or_asked_for_by_the_toolkit(string yml, string environment)
    {
        var written = WrittenByActions(Read(yml)).Concat(WrittenByActions(Read(".vscode", "tasks.json")));
        if (Read(yml).Contains("teamsApp/create", StringComparison.Ordinal))
        {
            written = written.Concat(WrittenByTeamsAppCreate);
        }

        if (Read(yml).Contains("./infra/main.bicep", StringComparison.Ordinal))
        {
            written = written.Concat(BicepOutput().Matches(Read("infra", "main.bicep")).Select(m => m.Groups["name"].Value));
        }

        var filled = written.Concat(AskedByTheToolkit).ToHashSet(StringComparer.Ordinal);
        var committedEmpty = EnvFile($"env/.env.{environment}").Where(v => v.Value.Length == 0).Select(v => v.Key);
        var neverFilled = committedEmpty.Where(v => !filled.Contains(v)).ToList();
        Assert.True(neverFilled.Count == 0, $"env/.env.{environment} leaves {string.Join(", ", neverFilled)} empty and no step of {yml} writes it");
    }

    [Theory]
    [MemberData(nameof(Lifecycles))]
    public void Lifecycle_uses_known_actions_and_paths_that_exist(string yml, string environment)
    {
        var text = Read(yml);
        Assert.Matches(@"(?m)^version: v1\.\d+$", text);
        Assert.Contains("environmentFolderPath: ./env", text, StringComparison.Ordinal);
        Assert.True(File.Exists(RepoRoot.Combine("env", $".env.{environment}")), $"env/.env.{environment} is missing");

        var actions = UsesLine().Matches(text).Select(m => m.Groups["action"].Value).ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Contains(a, KnownActions));

        foreach (var path in PathArgument().Matches(text).Select(m => m.Groups["path"].Value).Where(p => !p.Contains("${{", StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(RepoRoot.Combine(path.TrimStart('.', '/'))), $"{yml} names {path}, which does not exist");
        }
    }

    [Fact]
    public async Task Environment_secrets_are_git_ignored_and_their_templates_are_not()
    {
        Assert.True(await IsIgnoredAsync("env/.env.dev.user"), "env/.env.dev.user must be git-ignored");
        Assert.True(await IsIgnoredAsync("env/.env.local.user"), "env/.env.local.user must be git-ignored");
        Assert.True(await IsIgnoredAsync(".localConfigs"), ".localConfigs (the local bot's secret) must be git-ignored");
        Assert.False(await IsIgnoredAsync("env/.env.dev"), "env/.env.dev must be committed");
        Assert.False(await IsIgnoredAsync("env/.env.dev.user.example"), "env/.env.dev.user.example must be committed");

        // Secrets only in .user files: a committed env file names no SECRET_ variable with a value.
        foreach (var file in Directory.EnumerateFiles(RepoRoot.Combine("env")).Where(f => !f.EndsWith(".user", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(RepoRoot.Path, file);
            Assert.All(EnvFile(relative).Where(v => v.Key.StartsWith("SECRET_", StringComparison.Ordinal)), v => Assert.True(v.Value.Length == 0, $"{relative} gives {v.Key} a value"));
        }
    }

    private static Dictionary<string, string> Defined(string environment)
    {
        var defined = EnvFile($"env/.env.{environment}");
        var secrets = $"env/.env.{environment}.user.example";
        if (File.Exists(RepoRoot.Combine(secrets)))
        {
            foreach (var (name, value) in EnvFile(secrets))
            {
                defined.TryAdd(name, value);
            }
        }

        return defined;
    }

    /// <summary>NAME=value lines of an env file ('#' comment lines skipped).</summary>
    internal static Dictionary<string, string> EnvFile(string relativePath)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(RepoRoot.Combine(relativePath)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var match = EnvLine().Match(line);
            Assert.True(match.Success, $"{relativePath}: '{line}' is not NAME=value");
            Assert.True(values.TryAdd(match.Groups["name"].Value, match.Groups["value"].Value.Trim()), $"{relativePath} names {match.Groups["name"].Value} twice");
        }

        return values;
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups["name"].Value);

    /// <summary>Names on the right of writeToEnvironmentFile entries (yml: "key: NAME"; tasks.json: "key": "NAME").</summary>
    private static IEnumerable<string> WrittenByActions(string text) =>
        WriteBlock().Matches(text).SelectMany(b => WrittenPair().Matches(b.Groups["block"].Value)).Select(m => m.Groups["name"].Value);

    private static string Read(params string[] parts) => File.ReadAllText(RepoRoot.Combine(parts));

    private static async Task<bool> IsIgnoredAsync(string path)
    {
        var start = new ProcessStartInfo("git", ["check-ignore", "-q", path]) { WorkingDirectory = RepoRoot.Path, RedirectStandardError = true };
        using var git = Process.Start(start)!;
        await git.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(git.ExitCode is 0 or 1, $"git check-ignore failed: {await git.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
        return git.ExitCode == 0;
    }

    [GeneratedRegex(@"\$\{\{\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>.*)$")]
    private static partial Regex EnvLine();

    [GeneratedRegex(@"(?m)^\s*-?\s*uses:\s*(?<action>\S+)")]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"(?m)^\s*(manifestPath|path|parameters|appPackagePath):\s*(?<path>\./\S+)")]
    private static partial Regex PathArgument();

    [GeneratedRegex(@"(?m)^output (?<name>[A-Z][A-Z0-9_]*) ")]
    private static partial Regex BicepOutput();

    [GeneratedRegex(@"writeToEnvironmentFile""?:\s*(?<block>(\{[^}]*\})|((\r?\n[ ]{6,}\S.*)+))")]
    private static partial Regex WriteBlock();

    [GeneratedRegex(@"""?[A-Za-z]+""?:\s*""?(?<name>[A-Z][A-Z0-9_]*)""?")]
    private static partial Regex WrittenPair();
}
