using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Export;
using static PerijinanBot.Bot.Tests.Documents.DocumentsKit;

namespace PerijinanBot.Bot.Tests.Storage;

/// <summary>
/// The backup and restore drill of tools/Export: a finished kegiatan with its documents is exported from one storage account,
/// imported into a fresh one, compared row by row and byte by byte, and the bot on the restored account still answers for it.
/// </summary>
[NeedsAzurite]
public sealed class ExportRoundTripTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_closed_kegiatan_exported_and_imported_into_empty_storage_is_identical_and_the_restored_bot_shows_its_status_and_documents()
    {
        // A kegiatan walked to its close: state, history, indexes, agenda lines, the report's PDF and Word file.
        string number, prefix;
        await using (var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct))
        {
            number = await h.WalkToAsync(7, Ct);
            var (_, reported) = await h.ActAsync(h.Budi, number, 7, SopVerbs.Report, DialogHarness.Step7Form, Ct);
            Assert.True(reported.IsCard, reported.ToString());
            await h.CardAsync(h.Kadis, c => DialogCards.Title(c) == $"Kegiatan {number} selesai", "Kadis: closing card");
            await h.OutboxDrainedAsync(number, Ct);
            prefix = h.TablePrefix;
        }

        using var folder = new TempFolder();
        var (code, output, errors) = await RunAsync("export", folder.Path, "--Storage:ConnectionString=" + storage.ConnectionString, "--Storage:TableNamePrefix=" + prefix);
        Assert.True(code == 0, errors);
        Assert.Contains("container perijinan-files: ", output, StringComparison.Ordinal);

        await using var restored = await AzuriteProcess.StartAsync(Ct);
        var target = "--Storage:ConnectionString=" + restored.ConnectionString;
        (code, _, errors) = await RunAsync("import", folder.Path, target, "--Storage:TableNamePrefix=" + prefix);
        Assert.True(code == 0, errors);

        // Every row with every typed property, every blob with its bytes, content type and metadata.
        var tables = await AssertSameTablesAsync(new TableServiceClient(storage.ConnectionString), new TableServiceClient(restored.ConnectionString), prefix);
        Assert.Contains(prefix + "Kegiatan", tables);
        var blobs = await AssertSameBlobsAsync(new BlobServiceClient(storage.ConnectionString), new BlobServiceClient(restored.ConnectionString), "perijinan-files");
        Assert.Contains(blobs, b => b.EndsWith(".pdf", StringComparison.Ordinal));

        // A second import is refused (the storage is no longer empty) and writes nothing.
        (code, _, errors) = await RunAsync("import", folder.Path, target, "--Storage:TableNamePrefix=" + prefix);
        Assert.Equal(3, code);
        Assert.Contains("Refusing to import into storage that already holds data", errors, StringComparison.Ordinal);
        Assert.Contains("add --force", errors, StringComparison.Ordinal);
        await AssertSameTablesAsync(new TableServiceClient(storage.ConnectionString), new TableServiceClient(restored.ConnectionString), prefix);

        // The bot on the restored storage: the kegiatan's status and its documents, which download.
        await using var back = await DialogHarness.StartAsync(restored.ConnectionString, Ct, settings: new Dictionary<string, string?> { ["Storage:TableNamePrefix"] = prefix });
        await back.SayAsync(back.Ketua, $"status {number}", Ct);
        var status = await back.CardAsync(back.Ketua, c => DialogCards.Text(c).Contains(number, StringComparison.Ordinal) && DialogCards.Text(c).Contains("Selesai", StringComparison.OrdinalIgnoreCase), "Ketua: status of the restored kegiatan");
        Assert.Contains("Laporan", DialogCards.Text(status.Card), StringComparison.Ordinal);
        await back.SayAsync(back.Kabid, $"dokumen {number}", Ct);
        var documents = await back.CardAsync(back.Kabid, c => DialogCards.Title(c) == $"Dokumen kegiatan {number}", "Kabid: documents of the restored kegiatan");
        var pdf = PdfText(await DownloadAsync(back, OpenUrls(documents.Card)[0].Url, "application/pdf"));
        Assert.Contains(number, pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_Edm_type_comes_back_as_the_same_type_and_value_also_under_another_prefix()
    {
        var service = new TableServiceClient(storage.ConnectionString);
        var source = service.GetTableClient("TypesKegiatan");
        await source.CreateIfNotExistsAsync(Ct);
        var row = new TableEntity("FAS-2026-0001", "state")
        {
            ["Text"] = "Fasilitasi \"IUSP\" — Pontianak\n",
            ["Int32"] = -2147483648,
            ["Int64"] = 9007199254740993L, // beyond a JSON double's exact integers
            ["Double"] = 0.1 + 0.2,
            ["Whole"] = 2.0,
            ["Flag"] = true,
            ["At"] = new DateTimeOffset(2026, 11, 3, 1, 2, 3, TimeSpan.Zero).AddTicks(1234567),
            ["Id"] = Guid.Parse("6f1c1d9e-8a4b-4c7e-9d2f-0123456789ab"),
            ["Bytes"] = new byte[] { 0, 1, 2, 255 },
        };
        await source.UpsertEntityAsync(row, cancellationToken: Ct);

        using var folder = new TempFolder();
        var (code, _, errors) = await RunAsync("export", folder.Path, "--Storage:ConnectionString=" + storage.ConnectionString, "--Storage:TableNamePrefix=Types", "--Files:ContainerName=types-files");
        Assert.True(code == 0, errors);
        (code, _, errors) = await RunAsync("import", folder.Path, "--Storage:ConnectionString=" + storage.ConnectionString, "--Storage:TableNamePrefix=Restored", "--Files:ContainerName=types-files");
        Assert.True(code == 0, errors);

        var restored = (await service.GetTableClient("RestoredKegiatan").GetEntityAsync<TableEntity>("FAS-2026-0001", "state", cancellationToken: Ct)).Value;
        var original = (await source.GetEntityAsync<TableEntity>("FAS-2026-0001", "state", cancellationToken: Ct)).Value;
        Assert.True(Same(original, restored), $"{Describe(original)} became {Describe(restored)}");
        Assert.IsType<long>(restored["Int64"]);
        Assert.IsType<byte[]>(restored["Bytes"]);
        Assert.IsType<Guid>(restored["Id"]);
    }

    [Fact]
    public async Task Without_storage_settings_or_a_folder_the_tool_says_how_to_use_it_and_touches_nothing()
    {
        var (code, _, errors) = await RunAsync("export");
        Assert.Equal(2, code);
        Assert.Contains("Usage: dotnet run --project tools/Export -- export <folder>", errors, StringComparison.Ordinal);

        using var folder = new TempFolder();
        (code, _, errors) = await RunAsync("import", folder.Path, "--Storage:ConnectionString=" + storage.ConnectionString);
        Assert.Equal(2, code);
        Assert.Contains("holds no manifest.json", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await ExportTool.RunAsync(args, output, errors, Ct);
        return (code, output.ToString(), errors.ToString());
    }

    private static async Task<List<string>> AssertSameTablesAsync(TableServiceClient source, TableServiceClient target, string prefix)
    {
        var names = new List<string>();
        await foreach (var table in source.QueryAsync(cancellationToken: Ct))
        {
            if (table.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                names.Add(table.Name);
            }
        }

        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            var expected = await RowsAsync(source.GetTableClient(name));
            var actual = await RowsAsync(target.GetTableClient(name));
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, row) in expected)
            {
                Assert.True(Same(row, actual[key]), $"{name} {key}: {Describe(row)} became {Describe(actual[key])}");
            }
        }

        return names;
    }

    private static async Task<Dictionary<string, TableEntity>> RowsAsync(TableClient table)
    {
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            rows[row.PartitionKey + "\n" + row.RowKey] = row;
        }

        return rows;
    }

    // Same names, same CLR types (so the same Edm types), same values; Timestamp and ETag are the service's own.
    private static bool Same(TableEntity a, TableEntity b)
    {
        var left = a.Where(p => !EntityJson.IsSystem(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var right = b.Where(p => !EntityJson.IsSystem(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        return left.Count == right.Count && left.Zip(right).All(p => p.First.Key == p.Second.Key
            && p.First.Value?.GetType() == p.Second.Value?.GetType()
            && (p.First.Value is byte[] x && p.Second.Value is byte[] y ? x.SequenceEqual(y) : Equals(p.First.Value, p.Second.Value)));
    }

    private static string Describe(TableEntity row) =>
        string.Join(", ", row.Where(p => !EntityJson.IsSystem(p.Key)).Select(p => $"{p.Key}={p.Value} ({p.Value?.GetType().Name})"));

    private static async Task<List<string>> AssertSameBlobsAsync(BlobServiceClient source, BlobServiceClient target, string container)
    {
        var names = new List<string>();
        await foreach (var blob in source.GetBlobContainerClient(container).GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, null, Ct))
        {
            names.Add(blob.Name);
            var copy = target.GetBlobContainerClient(container).GetBlobClient(blob.Name);
            var properties = (await copy.GetPropertiesAsync(cancellationToken: Ct)).Value;
            Assert.Equal(blob.Properties.ContentType, properties.ContentType);
            Assert.Equal(blob.Metadata.OrderBy(m => m.Key), properties.Metadata.OrderBy(m => m.Key));
            var expected = (await source.GetBlobContainerClient(container).GetBlobClient(blob.Name).DownloadContentAsync(Ct)).Value.Content.ToArray();
            var actual = (await copy.DownloadContentAsync(Ct)).Value.Content.ToArray();
            Assert.True(expected.SequenceEqual(actual), $"{container}/{blob.Name}: {expected.Length} bytes became {actual.Length}, or differ");
        }

        Assert.NotEmpty(names);
        return names;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("perijinan-export-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
