using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Infra;

/// <summary>
/// infra/ compiles and passes the Bicep linter offline (the CLI from NuGet; standard resource types are embedded in it,
/// and infra/ uses no registry module), and the template holds what running the bot in production depends on.
/// </summary>
public sealed partial class BicepTests(BicepTests.CompiledTemplate compiled) : IClassFixture<BicepTests.CompiledTemplate>
{
    /// <summary>
    /// Diagnostics accepted on infra/main.bicep, each with its reason. Empty: none is accepted today; a new entry needs a
    /// comment here saying why the rule does not apply.
    /// </summary>
    private static readonly string[] AllowedDiagnostics = [];

    private static readonly string Main = RepoRoot.Combine("infra", "main.bicep");

    /// <summary>infra/main.bicep built once (about 5 s) for every test that reads the compiled template.</summary>
    public sealed class CompiledTemplate : IAsyncLifetime
    {
        public BicepResult Result { get; private set; } = new(-1, "", "not run");

        public async ValueTask InitializeAsync() =>
            Result = await BicepCli.RunAsync(["build", Main, "--stdout"], RepoRoot.Path, TestContext.Current.CancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public void Infrastructure_builds_without_errors_or_warnings()
    {
        var result = compiled.Result;

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(Unexplained(result.StdErr));
        Assert.NotNull(JsonNode.Parse(result.StdOut)!["resources"]);
    }

    [Fact]
    public async Task Infrastructure_passes_the_linter()
    {
        var result = await BicepCli.RunAsync(["lint", Main], RepoRoot.Path, TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(Unexplained(result.StdOut + result.StdErr));
    }

    [Fact]
    public async Task Linter_names_the_rule_a_template_breaks()
    {
        // The check above can fail: the same CLI reports a warning in a template that has one.
        using var temp = new Manifest.TempDirectory();
        var file = temp.Combine("unused.bicep");
        await File.WriteAllTextAsync(file, "param unused string\noutput answer int = 42\n", TestContext.Current.CancellationToken);

        var result = await BicepCli.RunAsync(["lint", file], temp.Path, TestContext.Current.CancellationToken);

        Assert.Contains("no-unused-params", result.StdOut + result.StdErr, StringComparison.Ordinal);
        Assert.NotEmpty(Unexplained(result.StdOut + result.StdErr));
    }

    [Fact]
    public void Template_runs_the_bot_as_a_managed_identity_on_several_instances_with_storage_keys_off()
    {
        var result = compiled.Result;
        Assert.True(result.ExitCode == 0, result.Output);
        var template = JsonNode.Parse(result.StdOut)!;

        var storage = Single(template, "Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False(storage["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", storage["minimumTlsVersion"]!.GetValue<string>());

        var site = Single(template, "Microsoft.Web/sites")["properties"]!;
        Assert.True(site["httpsOnly"]!.GetValue<bool>());
        Assert.False(site["clientAffinityEnabled"]!.GetValue<bool>());
        var config = site["siteConfig"]!;
        Assert.Equal("DOTNETCORE|10.0", config["linuxFxVersion"]!.GetValue<string>());
        Assert.True(config["alwaysOn"]!.GetValue<bool>());
        Assert.Equal("/health/ready", config["healthCheckPath"]!.GetValue<string>());
        Assert.Equal("1.2", config["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", config["ftpsState"]!.GetValue<string>());

        var instances = template["parameters"]!["instanceCount"]!;
        Assert.True(instances["minValue"]!.GetValue<int>() >= 2 && instances["defaultValue"]!.GetValue<int>() >= 2, instances.ToJsonString());

        var bot = Single(template, "Microsoft.BotService/botServices")["properties"]!;
        Assert.Equal("UserAssignedMSI", bot["msaAppType"]!.GetValue<string>());
        Assert.NotNull(bot["msaAppMSIResourceId"]);
        Assert.NotNull(bot["msaAppTenantId"]);
        var endpoint = Resources(template, "Microsoft.Resources/deployments").Single(d => d["name"]!.GetValue<string>() == "bot")["properties"]!["parameters"]!["endpoint"]!["value"]!.GetValue<string>();
        Assert.Contains("https://{0}/api/messages", endpoint, StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", Single(template, "Microsoft.BotService/botServices/channels")["properties"]!["channelName"]!.GetValue<string>());

        Assert.True(Single(template, "Microsoft.KeyVault/vaults")["properties"]!["enableRbacAuthorization"]!.GetValue<bool>());
        // Storage Table Data Contributor, Storage Blob Data Contributor, Key Vault Secrets User (built-in role ids).
        // The ids sit in the modules' variables, which the assignments' roleDefinitionId expressions name.
        var roles = Resources(template, "Microsoft.Authorization/roleAssignments").Select(r => r["properties"]!["roleDefinitionId"]!.GetValue<string>()).ToList();
        Assert.Equal(3, roles.Count);
        Assert.All(roles, r => Assert.Contains("Microsoft.Authorization/roleDefinitions", r, StringComparison.Ordinal));
        var variables = Resources(template, "Microsoft.Resources/deployments")
            .SelectMany(d => d["properties"]!["template"]!["variables"]?.AsObject() ?? [])
            .Select(v => v.Value!.ToJsonString())
            .ToList();
        Assert.Contains("\"0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3\"", variables);
        Assert.Contains("\"ba92f5b4-2d11-453d-a403-e96b0029c9fe\"", variables);
        Assert.Contains("\"4633458b-17de-408a-b874-0445c86b69e6\"", variables);
    }

    [Fact]
    public async Task App_settings_are_configuration_keys_the_README_documents_and_the_signing_key_comes_from_Key_Vault()
    {
        var result = compiled.Result;
        Assert.True(result.ExitCode == 0, result.Output);
        var template = JsonNode.Parse(result.StdOut)!;
        var settings = Resources(template, "Microsoft.Resources/deployments")
            .Single(d => d["name"]!.GetValue<string>() == "appservice")["properties"]!["parameters"]!["appSettings"]!["value"]!.AsObject();

        string[] required = ["ASPNETCORE_ENVIRONMENT", "MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppTenantId", "AZURE_CLIENT_ID",
            "Storage__TableServiceUri", "Storage__BlobServiceUri", "Files__PublicBaseUrl", "Files__SigningKey", "APPLICATIONINSIGHTS_CONNECTION_STRING"];
        Assert.All(required, key => Assert.True(settings.ContainsKey(key), $"app setting {key} is missing"));
        Assert.Equal("UserAssignedMSI", settings["MicrosoftAppType"]!.GetValue<string>());
        Assert.Equal(settings["MicrosoftAppId"]!.ToJsonString(), settings["AZURE_CLIENT_ID"]!.ToJsonString());
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", settings["Files__SigningKey"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(settings.ContainsKey("Storage__ConnectionString"), "production reaches storage by identity, not by a key");

        var readme = await File.ReadAllTextAsync(RepoRoot.Combine("README.md"), TestContext.Current.CancellationToken);
        var documented = ConfigurationKeys().Matches(readme).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);
        var undocumented = settings.Select(s => s.Key.Replace("__", ":", StringComparison.Ordinal)).Where(k => !documented.Contains(k)).ToList();
        Assert.True(undocumented.Count == 0, $"app settings missing from the README's configuration table: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public async Task Parameters_file_sets_every_required_parameter_and_no_unknown_one()
    {
        var result = compiled.Result;
        Assert.True(result.ExitCode == 0, result.Output);
        var declared = JsonNode.Parse(result.StdOut)!["parameters"]!.AsObject();
        var given = JsonNode.Parse(await File.ReadAllTextAsync(RepoRoot.Combine("infra", "main.parameters.json"), TestContext.Current.CancellationToken))!["parameters"]!.AsObject();

        Assert.All(given, p => Assert.True(declared.ContainsKey(p.Key), $"main.parameters.json sets {p.Key}, which main.bicep does not declare"));
        Assert.All(declared.Where(p => p.Value!["defaultValue"] is null), p => Assert.True(given.ContainsKey(p.Key), $"main.parameters.json does not set the required {p.Key}"));
    }

    /// <summary>Warning and error lines the allow-list does not explain.</summary>
    private static List<string> Unexplained(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => Diagnostic().IsMatch(line))
            .Where(line => !AllowedDiagnostics.Any(allowed => line.Contains(allowed, StringComparison.Ordinal)))
            .ToList();

    private static JsonNode Single(JsonNode template, string type) => Assert.Single(Resources(template, type));

    /// <summary>Resources of a type anywhere in the template, modules (nested deployments) included.</summary>
    private static IEnumerable<JsonNode> Resources(JsonNode node, string type)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue value && value.TryGetValue<string>(out var t) && t == type)
                {
                    yield return obj;
                }

                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().SelectMany(c => Resources(c, type)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>().SelectMany(c => Resources(c, type)))
                {
                    yield return child;
                }

                break;
        }
    }

    [GeneratedRegex(@"\b(Warning|Error)\b [A-Za-z0-9-]+:")]
    private static partial Regex Diagnostic();

    // A key in the first column of a README table row: | `Key` | or | `Key`, `:Other` |.
    [GeneratedRegex(@"^\| `(?<key>[A-Za-z_][A-Za-z0-9_:]*)`", RegexOptions.Multiline)]
    private static partial Regex ConfigurationKeys();
}
