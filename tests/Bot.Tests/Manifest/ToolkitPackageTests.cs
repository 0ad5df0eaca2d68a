using System.Text.Json.Nodes;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Manifest;

/// <summary>
/// The offline packaging command reads the toolkit's environment files (--env), so `atk` and the CI check fill the
/// manifest from one source; the package built from them validates against the schema without the network.
/// </summary>
[NeedsNode]
public sealed class ToolkitPackageTests
{
    private const string ProvisionedTeamsAppId = "00000000-0000-4000-8000-0000000000c1";
    private const string ProvisionedBotId = "00000000-0000-4000-8000-0000000000c2";
    private const string ProvisionedDomain = "perijinanbotdev-abc123.azurewebsites.net";

    [Fact]
    public async Task Playground_environment_packages_from_its_committed_file_and_validates_offline()
    {
        using var temp = new TempDirectory();
        var playground = ToolkitLayoutTests.EnvFile("env/.env.playground");

        var result = await NodeScript.RunAsync("package.mjs", ["--env", "playground", "--out", temp.Path], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Output);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(temp.Combine("manifest.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(playground["TEAMS_APP_ID"], manifest["id"]!.GetValue<string>());
        Assert.Equal(playground["BOT_ID"], manifest["bots"]![0]!["botId"]!.GetValue<string>());
        var check = await NodeScript.RunAsync("validate.mjs", [temp.Combine("perijinanbot.zip")], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("local")]
    public async Task Environment_packages_and_validates_once_provision_has_written_its_ids(string environment)
    {
        using var temp = new TempDirectory();
        var envDir = CopyEnvironments(temp);
        Provision(envDir, environment);

        var result = await NodeScript.RunAsync("package.mjs", ["--env", environment, "--env-dir", envDir, "--out", temp.Combine("out")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Output);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(temp.Combine("out"), "manifest.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(ProvisionedTeamsAppId, manifest["id"]!.GetValue<string>());
        Assert.Equal([ProvisionedDomain], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal($"https://{ProvisionedDomain}/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        var check = await NodeScript.RunAsync("validate.mjs", [Path.Combine(temp.Combine("out"), "perijinanbot.zip")], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public async Task Before_provision_the_missing_ids_are_named_with_the_file_to_set_them_in_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Combine("out");

        var result = await NodeScript.RunAsync("package.mjs", ["--env", "dev", "--out", outDir], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("TEAMS_APP_ID", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("BOT_DOMAIN", result.StdErr, StringComparison.Ordinal);
        Assert.Contains(".env.dev", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), "the output folder was created although ids were missing");
    }

    [Fact]
    public async Task File_values_win_and_the_shell_fills_only_what_the_file_leaves_empty()
    {
        using var temp = new TempDirectory();
        var envDir = CopyEnvironments(temp);
        var file = Path.Combine(envDir, ".env.dev");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Replace("TEAMS_APP_ID=\n", $"TEAMS_APP_ID={ProvisionedTeamsAppId}\n", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var shell = new Dictionary<string, string>
        {
            ["TEAMS_APP_ID"] = "00000000-0000-4000-8000-0000000000ff",
            ["BOT_ID"] = ProvisionedBotId,
            ["BOT_DOMAIN"] = ProvisionedDomain,
        };

        var result = await NodeScript.RunAsync("package.mjs", ["--env", "dev", "--env-dir", envDir, "--out", temp.Combine("out")], shell, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Output);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(temp.Combine("out"), "manifest.json"), TestContext.Current.CancellationToken))!;
        Assert.Equal(ProvisionedTeamsAppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(ProvisionedBotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
    }

    private static string CopyEnvironments(TempDirectory temp)
    {
        var envDir = temp.Combine("env");
        Directory.CreateDirectory(envDir);
        foreach (var file in Directory.EnumerateFiles(RepoRoot.Combine("env")).Where(f => !f.EndsWith(".user", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(envDir, Path.GetFileName(file)));
        }

        return envDir;
    }

    /// <summary>What provision (teamsApp/create, arm/deploy or botAadApp/create, the tunnel) writes into the environment's file.</summary>
    private static void Provision(string envDir, string environment)
    {
        var file = Path.Combine(envDir, $".env.{environment}");
        var written = new Dictionary<string, string>
        {
            ["TEAMS_APP_ID"] = ProvisionedTeamsAppId,
            ["BOT_ID"] = ProvisionedBotId,
            ["BOT_DOMAIN"] = ProvisionedDomain,
        };
        var lines = File.ReadAllLines(file).Select(line =>
        {
            var name = line.Split('=', 2)[0];
            return line == $"{name}=" && written.TryGetValue(name, out var value) ? $"{name}={value}" : line;
        });
        File.WriteAllLines(file, lines);
    }
}
