using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Manifest;

[NeedsNode]
public sealed partial class ManifestPackageTests(PackagedApp app) : IClassFixture<PackagedApp>
{
    private static readonly string[] Commands = ["bantuan", "mulai", "tugas", "status", "sop", "agenda", "dokumen", "laporan"];
    private static readonly string[] Scopes = ["personal", "groupChat", "team"];

    [Fact]
    public async Task Package_with_all_variables_validates_against_the_schema_offline()
    {
        Assert.True(app.Result.ExitCode == 0, app.Result.Output);
        Assert.True(File.Exists(app.ZipPath), $"{app.ZipPath} was not written");
        Assert.True(File.Exists(Path.Combine(app.OutDir, "manifest.json")), "manifest.json was not written next to the zip");

        using var temp = new TempDirectory();
        var extracted = temp.Combine("manifest.json");
        using (var zip = ZipFile.OpenRead(app.ZipPath))
        {
            var names = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], names);
            zip.GetEntry("manifest.json")!.ExtractToFile(extracted);
        }

        var manifestCheck = await NodeScript.RunAsync("validate.mjs", [extracted], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(manifestCheck.ExitCode == 0, manifestCheck.Output);
        var packageCheck = await NodeScript.RunAsync("validate.mjs", [app.ZipPath], cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(packageCheck.ExitCode == 0, packageCheck.Output);
    }

    [Fact]
    public void Packaged_manifest_carries_the_given_ids_scopes_and_commands()
    {
        Assert.True(app.Result.ExitCode == 0, app.Result.Output);
        var text = ReadZipEntryText("manifest.json");
        Assert.DoesNotContain("${{", text, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(text)!;

        var schema = SchemaUrl().Match(manifest["$schema"]!.GetValue<string>());
        Assert.True(schema.Success, $"unexpected $schema {manifest["$schema"]}");
        Assert.Equal(schema.Groups["version"].Value, manifest["manifestVersion"]!.GetValue<string>());
        Assert.True(Version.Parse(schema.Groups["version"].Value) >= new Version(1, 22), "manifest schema older than 1.22");

        Assert.Equal(PackagedApp.TeamsAppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(PackagedApp.AppVersion, manifest["version"]!.GetValue<string>());
        Assert.Equal("PerijinanBot", manifest["name"]!["short"]!.GetValue<string>());

        var bot = Assert.Single(manifest["bots"]!.AsArray())!;
        Assert.Equal(PackagedApp.BotId, bot["botId"]!.GetValue<string>());
        Assert.Equal(Scopes.Order(StringComparer.Ordinal), Strings(bot["scopes"]).Order(StringComparer.Ordinal));
        // Without it Teams does not let a person send the bot the photos, daftar hadir and berita acara of step 7.
        Assert.True(bot["supportsFiles"]!.GetValue<bool>(), "bots[0].supportsFiles must be true");

        var lists = bot["commandLists"]!.AsArray();
        Assert.Equal(Scopes.Order(StringComparer.Ordinal), lists.SelectMany(l => Strings(l!["scopes"])).Order(StringComparer.Ordinal));
        foreach (var list in lists)
        {
            var commands = list!["commands"]!.AsArray();
            Assert.Equal(Commands.Order(StringComparer.Ordinal), commands.Select(c => c!["title"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.All(commands, c => Assert.False(string.IsNullOrWhiteSpace(c!["description"]!.GetValue<string>())));
            var status = commands.Single(c => c!["title"]!.GetValue<string>() == "status")!;
            Assert.Contains("status 2026-0001", status["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal([PackagedApp.BotDomain], Strings(manifest["validDomains"]));
        Assert.Equal(PackagedApp.BotId, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal($"api://{PackagedApp.BotDomain}/botid-{PackagedApp.BotId}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.StartsWith($"https://{PackagedApp.BotDomain}/", manifest["developer"]!["privacyUrl"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Package_contains_the_committed_icons_unchanged()
    {
        Assert.True(app.Result.ExitCode == 0, app.Result.Output);
        Assert.Equal(File.ReadAllBytes(RepoRoot.Combine("appPackage", "color.png")), ReadZipEntry("color.png"));
        Assert.Equal(File.ReadAllBytes(RepoRoot.Combine("appPackage", "outline.png")), ReadZipEntry("outline.png"));
    }

    [Fact]
    public async Task Building_again_gives_a_byte_identical_package()
    {
        Assert.True(app.Result.ExitCode == 0, app.Result.Output);
        using var temp = new TempDirectory();
        // Another time zone and a later clock: neither may reach the bytes.
        var variables = new Dictionary<string, string>(PackagedApp.Variables) { ["TZ"] = "Pacific/Kiritimati" };

        var result = await NodeScript.RunAsync("package.mjs", ["--out", temp.Path], variables, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(File.ReadAllBytes(app.ZipPath), File.ReadAllBytes(temp.Combine("perijinanbot.zip")));
        using var zip = ZipFile.OpenRead(app.ZipPath);
        var stamps = zip.Entries.Select(e => e.LastWriteTime.DateTime).Distinct().ToList();
        Assert.True(stamps.Count == 1 && stamps[0].Year < 2000, $"entries must share one fixed timestamp, not the build time: {string.Join(", ", stamps)}");
    }

    [Fact]
    public async Task App_version_defaults_to_1_0_0()
    {
        using var temp = new TempDirectory();
        var variables = PackagedApp.Variables.Where(v => v.Key != "APP_VERSION").ToDictionary();

        var result = await NodeScript.RunAsync("package.mjs", ["--out", temp.Path], variables, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Output);
        var manifest = JsonNode.Parse(File.ReadAllText(temp.Combine("manifest.json")))!;
        Assert.Equal("1.0.0", manifest["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_variables_are_named_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        var outDir = temp.Combine("out");
        var variables = new Dictionary<string, string> { ["TEAMS_APP_ID"] = PackagedApp.TeamsAppId };

        var result = await NodeScript.RunAsync("package.mjs", ["--out", outDir], variables, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("BOT_ID", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("BOT_DOMAIN", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("TEAMS_APP_ID", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), "the output folder was created although variables were missing");
    }

    [Theory]
    [InlineData("TEAMS_APP_ID", "perijinanbot")]
    [InlineData("BOT_ID", "1234")]
    [InlineData("BOT_DOMAIN", "https://perijinanbot-test.example.org/api/messages")]
    [InlineData("APP_VERSION", "1.0")]
    public async Task Malformed_variable_is_named_and_nothing_is_written(string name, string value)
    {
        using var temp = new TempDirectory();
        var outDir = temp.Combine("out");
        var variables = new Dictionary<string, string>(PackagedApp.Variables) { [name] = value };

        var result = await NodeScript.RunAsync("package.mjs", ["--out", outDir], variables, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(name, result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir), "the output folder was created from a malformed variable");
    }

    [Fact]
    public async Task Validator_rejects_a_manifest_that_breaks_the_schema()
    {
        Assert.True(app.Result.ExitCode == 0, app.Result.Output);
        var manifest = JsonNode.Parse(ReadZipEntryText("manifest.json"))!;
        manifest["accentColor"] = "hijau";
        manifest["name"]!["short"] = "PerijinanBot Dinas Koperasi UKM Kalbar";
        using var temp = new TempDirectory();
        var broken = temp.Combine("manifest.json");
        await File.WriteAllTextAsync(broken, manifest.ToJsonString(), TestContext.Current.CancellationToken);

        var result = await NodeScript.RunAsync("validate.mjs", [broken], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/accentColor", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("/name/short", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validator_rejects_a_package_with_a_wrong_size_colour_icon()
    {
        Assert.True(app.Result.ExitCode == 0, app.Result.Output);
        using var temp = new TempDirectory();
        var package = temp.Combine("broken.zip");
        using (var zip = ZipFile.Open(package, ZipArchiveMode.Create))
        {
            await AddEntryAsync(zip, "manifest.json", ReadZipEntry("manifest.json"));
            await AddEntryAsync(zip, "color.png", ReadZipEntry("outline.png"));
            await AddEntryAsync(zip, "outline.png", ReadZipEntry("outline.png"));
        }

        var result = await NodeScript.RunAsync("validate.mjs", [package], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("color.png: must be 192x192", result.StdErr, StringComparison.Ordinal);
    }

    private static async Task AddEntryAsync(ZipArchive zip, string name, byte[] data)
    {
        await using var stream = zip.CreateEntry(name).Open();
        await stream.WriteAsync(data, TestContext.Current.CancellationToken);
    }

    private byte[] ReadZipEntry(string name)
    {
        using var zip = ZipFile.OpenRead(app.ZipPath);
        using var stream = zip.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"{name} is not in the package");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private string ReadZipEntryText(string name) => System.Text.Encoding.UTF8.GetString(ReadZipEntry(name));

    private static IEnumerable<string> Strings(JsonNode? array) =>
        array!.AsArray().Select(n => n!.GetValue<string>());

    [GeneratedRegex(@"^https://developer\.microsoft\.com/(?:[a-z]{2}-[a-z]{2}/)?json-schemas/teams/v(?<version>\d+\.\d+)/MicrosoftTeams\.schema\.json$")]
    private static partial Regex SchemaUrl();
}
