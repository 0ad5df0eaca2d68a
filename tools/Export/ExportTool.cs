using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace PerijinanBot.Export;

/// <summary>
/// <c>export &lt;folder&gt;</c> and <c>import &lt;folder&gt; [--force]</c>, configured like the bot: <c>Storage:ConnectionString</c>,
/// or <c>Storage:TableServiceUri</c> and <c>Storage:BlobServiceUri</c> with the signed-in Azure identity; <c>Storage:TableNamePrefix</c>;
/// the containers <c>Files:ContainerName</c> (default perijinan-files) and the one of <c>Calendar:Blob</c>, plus any
/// <c>--container</c>. Settings come from environment variables (Storage__ConnectionString, as on App Service) or the
/// command line (--Storage:ConnectionString=…).
/// </summary>
internal static class ExportTool
{
    public const string Manifest = "manifest.json";
    private const string DefaultFilesContainer = "perijinan-files";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (args is not [var verb and ("export" or "import"), var folder, .. var rest] || folder.StartsWith("--", StringComparison.Ordinal))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        var force = rest.Contains("--force");
        var extra = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == "--container" && i + 1 < rest.Length)
            {
                extra.Add(rest[++i]);
            }
            else if (rest[i] != "--force")
            {
                settings.Add(rest[i]);
            }
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine([.. settings]).Build();
        if (Clients(configuration) is not var (tables, blobs))
        {
            await errors.WriteLineAsync("Set Storage:ConnectionString, or Storage:TableServiceUri and Storage:BlobServiceUri (signed in with az login or a managed identity).");
            return 2;
        }

        var prefix = configuration["Storage:TableNamePrefix"] ?? "";
        var containers = Containers(configuration, extra);
        try
        {
            return verb == "export"
                ? await ExportAsync(new TableDump(tables, prefix), new BlobDump(blobs), containers, folder, output, cancellationToken)
                : await ImportAsync(new TableDump(tables, prefix), new BlobDump(blobs), folder, force, output, errors, cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or InvalidDataException or IOException or JsonException)
        {
            await errors.WriteLineAsync($"{verb} failed: {e.Message}");
            return 1;
        }
    }

    public const string Usage = """
        Usage: dotnet run --project tools/Export -- export <folder> [settings] [--container <name>]...
               dotnet run --project tools/Export -- import <folder> [settings] [--force]
        Settings (or the same as environment variables, Storage__ConnectionString): --Storage:ConnectionString=<connection string>
        or --Storage:TableServiceUri=<uri> --Storage:BlobServiceUri=<uri> (Azure identity), --Storage:TableNamePrefix=<prefix>,
        --Files:ContainerName=<container>, --Calendar:Blob=<container>/<name>.
        import refuses tables and containers that already hold data unless --force.
        """;

    private static async Task<int> ExportAsync(TableDump tables, BlobDump blobs, IReadOnlyList<string> containers, string folder, TextWriter output, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(folder, TableDump.Folder));
        Directory.CreateDirectory(Path.Combine(folder, BlobDump.Folder));
        var manifest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, shortName) in await tables.ListAsync(cancellationToken))
        {
            var rows = await tables.ExportAsync(name, Path.Combine(folder, TableDump.Folder, shortName + ".jsonl"), cancellationToken);
            manifest["table:" + shortName] = rows;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"table {name}: {rows} rows"));
        }

        foreach (var container in containers)
        {
            var count = await blobs.ExportAsync(container, Path.Combine(folder, BlobDump.Folder), cancellationToken);
            manifest["container:" + container] = count;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"container {container}: {count} blobs"));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, Manifest), JsonSerializer.Serialize(manifest, ManifestJson.Default.DictionaryStringInt32), cancellationToken);
        return 0;
    }

    private static async Task<int> ImportAsync(TableDump tables, BlobDump blobs, string folder, bool force, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, Manifest);
        if (!File.Exists(path))
        {
            await errors.WriteLineAsync($"{folder} holds no {Manifest}: not a folder this tool exported.");
            return 2;
        }

        var manifest = JsonSerializer.Deserialize(await File.ReadAllTextAsync(path, cancellationToken), ManifestJson.Default.DictionaryStringInt32) ?? [];
        var tableNames = manifest.Keys.Where(k => k.StartsWith("table:", StringComparison.Ordinal)).Select(k => k["table:".Length..]).ToList();
        var containerNames = manifest.Keys.Where(k => k.StartsWith("container:", StringComparison.Ordinal)).Select(k => k["container:".Length..]).ToList();
        if (!force)
        {
            // Checked before anything is written: a refused import leaves the storage exactly as it was.
            var occupied = new List<string>();
            foreach (var name in tableNames)
            {
                if (await tables.HasRowsAsync(name, cancellationToken))
                {
                    occupied.Add("table " + name);
                }
            }

            foreach (var name in containerNames)
            {
                if (await blobs.HasBlobsAsync(name, cancellationToken))
                {
                    occupied.Add("container " + name);
                }
            }

            if (occupied.Count > 0)
            {
                await errors.WriteLineAsync($"Refusing to import into storage that already holds data ({string.Join(", ", occupied)}); add --force to write over it.");
                return 3;
            }
        }

        foreach (var name in tableNames)
        {
            var rows = await tables.ImportAsync(name, Path.Combine(folder, TableDump.Folder, name + ".jsonl"), force, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"table {name}: {rows} rows"));
        }

        foreach (var name in containerNames)
        {
            var count = await blobs.ImportAsync(name, Path.Combine(folder, BlobDump.Folder), force, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"container {name}: {count} blobs"));
        }

        return 0;
    }

    private static (TableServiceClient Tables, BlobServiceClient Blobs)? Clients(IConfiguration configuration)
    {
        if (configuration["Storage:ConnectionString"] is { Length: > 0 } connection)
        {
            return (new TableServiceClient(connection), new BlobServiceClient(connection));
        }

        if (Uri.TryCreate(configuration["Storage:TableServiceUri"], UriKind.Absolute, out var tableUri)
            && Uri.TryCreate(configuration["Storage:BlobServiceUri"], UriKind.Absolute, out var blobUri))
        {
            var credential = new DefaultAzureCredential();
            return (new TableServiceClient(tableUri, credential), new BlobServiceClient(blobUri, credential));
        }

        return null;
    }

    private static List<string> Containers(IConfiguration configuration, List<string> extra)
    {
        var containers = new List<string> { configuration["Files:ContainerName"] is { Length: > 0 } files ? files : DefaultFilesContainer };
        if (configuration["Calendar:Blob"] is { Length: > 0 } calendar && calendar.Trim().Split('/', 2) is [var container, _])
        {
            containers.Add(container);
        }

        containers.AddRange(extra);
        return [.. containers.Distinct(StringComparer.Ordinal)];
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class ManifestJson : System.Text.Json.Serialization.JsonSerializerContext;
