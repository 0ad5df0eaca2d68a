using System.Text.Json;
using System.Text.RegularExpressions;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Manifest;

/// <summary>The manifest, the environment files, the tools and the settings files are committed: no real tenant ids, app ids or secrets in them.</summary>
public sealed partial class NoCommittedSecretsTests
{
    /// <summary>Azurite's account key is published in its documentation; it opens nothing real.</summary>
    private const string AzuriteKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string[] ScannedFolders = ["appPackage", "env", ".vscode", "tools"];
    private static readonly string[] BinaryExtensions = [".png", ".zip"];

    [Fact]
    public void Manifest_template_holds_placeholders_not_ids()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(RepoRoot.Combine("appPackage", "manifest.json")));
        var root = template.RootElement;

        Assert.Equal("${{TEAMS_APP_ID}}", root.GetProperty("id").GetString());
        Assert.Equal("${{BOT_ID}}", root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("${{BOT_ID}}", root.GetProperty("webApplicationInfo").GetProperty("id").GetString());
    }

    [Fact]
    public void Committed_manifest_tools_and_settings_hold_no_real_ids_or_secrets()
    {
        var files = ScannedFiles().ToList();
        Assert.Contains(files, f => f.EndsWith(Path.Combine("appPackage", "manifest.json"), StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(Path.Combine("env", ".env.playground"), StringComparison.Ordinal));
        Assert.Contains(files, f => Path.GetFileName(f).StartsWith("appsettings", StringComparison.Ordinal));

        var findings = files
            .SelectMany(f => Findings(File.ReadAllText(f), isSettings: Path.GetFileName(f).StartsWith("appsettings", StringComparison.Ordinal))
                .Select(finding => $"{Path.GetRelativePath(RepoRoot.Path, f)}: {finding}"))
            .ToList();

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    [Fact]
    public void Scan_flags_real_looking_ids_and_secrets_but_not_the_development_fakes()
    {
        var clientSecret = "Abc" + "8Q~" + new string('k', 34);
        Assert.NotEmpty(Findings("\"TenantId\": \"3f2504e0-4f89-41d3-9a0c-0305e82c3301\"", isSettings: false));
        Assert.NotEmpty(Findings($"secret = '{clientSecret}'", isSettings: false));
        Assert.NotEmpty(Findings("""{ "MicrosoftAppPassword": "hunter2" }""", isSettings: true));
        Assert.NotEmpty(Findings("""{ "Storage": { "ConnectionString": "AccountName=prod;AccountKey=c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0" } }""", isSettings: true));

        Assert.Empty(Findings("\"AadObjectId\": \"00000000-0000-4000-8000-000000000004\"", isSettings: false));
        Assert.Empty(Findings("""{ "MicrosoftAppPassword": "", "MicrosoftAppId": "" }""", isSettings: true));
        Assert.Empty(Findings($$"""{ "Storage": { "ConnectionString": "AccountName=devstoreaccount1;AccountKey={{AzuriteKey}};" } }""", isSettings: true));
    }

    private static IEnumerable<string> ScannedFiles()
    {
        var folders = ScannedFolders
            .Select(d => RepoRoot.Combine(d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !BinaryExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase));
        var settings = Directory.EnumerateFiles(RepoRoot.Combine("src"), "appsettings*.json", SearchOption.AllDirectories);
        return folders.Concat(settings).Where(f => !IsBuildOutput(f));
    }

    // Git-ignored, never committed: build output, packages the toolkit built, and each environment's secrets (env/.env.*.user).
    private static bool IsBuildOutput(string file) =>
        Path.GetRelativePath(RepoRoot.Path, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or "build")
        || file.EndsWith(".user", StringComparison.Ordinal);

    private static IEnumerable<string> Findings(string text, bool isSettings)
    {
        foreach (var guid in Guid().Matches(text).Select(m => m.Value).Where(g => !FakeGuid().IsMatch(g)))
        {
            yield return $"GUID {guid} is not a placeholder or a development fake (00000000-0000-…)";
        }

        if (EntraClientSecret().IsMatch(text))
        {
            yield return "a value shaped like a Microsoft Entra client secret";
        }

        foreach (var key in AccountKey().Matches(text).Select(m => m.Groups["key"].Value).Where(k => k != AzuriteKey))
        {
            yield return $"a storage AccountKey that is not Azurite's ({key[..Math.Min(6, key.Length)]}…)";
        }

        if (isSettings)
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            foreach (var name in SecretSettings(json.RootElement))
            {
                yield return $"setting {name} has a value; secrets belong in user-secrets or Key Vault";
            }
        }
    }

    private static IEnumerable<string> SecretSettings(JsonElement element, string path = "")
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var name = path.Length == 0 ? property.Name : $"{path}:{property.Name}";
                if (SecretName().IsMatch(property.Name) && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length > 0)
                {
                    yield return name;
                }

                foreach (var nested in SecretSettings(property.Value, name))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in SecretSettings(item, $"{path}:{index++}"))
                {
                    yield return nested;
                }
            }
        }
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    // Development fakes start with twelve zero digits (00000000-0000-4000-8000-0000000000NN and the like);
    // a real, random GUID does so once in 2^48.
    [GeneratedRegex(@"^00000000-0000-")]
    private static partial Regex FakeGuid();

    // The shape of current Entra ID client secrets (three characters, a digit, "Q~", then 31-34 more).
    [GeneratedRegex(@"[A-Za-z0-9_~.\-]{3}\dQ~[A-Za-z0-9_~.\-]{31,34}")]
    private static partial Regex EntraClientSecret();

    [GeneratedRegex(@"AccountKey=(?<key>[A-Za-z0-9+/=]+)")]
    private static partial Regex AccountKey();

    [GeneratedRegex(@"(?i)(password|secret|accountkey|apikey|sastoken|clientsecret)$")]
    private static partial Regex SecretName();
}
