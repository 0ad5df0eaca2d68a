using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PerijinanBot.Export;

/// <summary>
/// The bot's blob containers: every blob as a file under <c>blobs/{container}/</c> (its name's segments escaped, so no name
/// can leave the folder), and <c>blobs/{container}.jsonl</c> with each blob's name, file, content headers and metadata.
/// </summary>
internal sealed class BlobDump(BlobServiceClient service)
{
    public const string Folder = "blobs";

    /// <summary>Writes one container (none when it does not exist); returns its blob count.</summary>
    public async Task<int> ExportAsync(string container, string folder, CancellationToken cancellationToken)
    {
        var client = service.GetBlobContainerClient(container);
        var files = Path.Combine(folder, container);
        Directory.CreateDirectory(files);
        var count = 0;
        await using var index = File.Create(Path.Combine(folder, container + ".jsonl"));
        try
        {
            await foreach (var item in client.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix: null, cancellationToken))
            {
                var file = FileOf(item.Name);
                var path = Path.Combine(files, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await client.GetBlobClient(item.Name).DownloadToAsync(path, cancellationToken);
                var headers = item.Properties;
                await using (var json = new Utf8JsonWriter(index))
                {
                    json.WriteStartObject();
                    json.WriteString("Name", item.Name);
                    json.WriteString("File", file);
                    json.WriteString("ContentType", headers.ContentType);
                    json.WriteString("ContentEncoding", headers.ContentEncoding);
                    json.WriteString("ContentLanguage", headers.ContentLanguage);
                    json.WriteString("ContentDisposition", headers.ContentDisposition);
                    json.WriteString("CacheControl", headers.CacheControl);
                    json.WriteStartObject("Metadata");
                    foreach (var (key, value) in item.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
                    {
                        json.WriteString(key, value);
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                index.WriteByte((byte)'\n');
                count++;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container was never made (no file generated yet): an empty dump of it.
        }

        return count;
    }

    public async Task<bool> HasBlobsAsync(string container, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in service.GetBlobContainerClient(container).GetBlobsAsync(cancellationToken: cancellationToken))
            {
                return true;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }

        return false;
    }

    /// <summary>Writes one container back (created private when missing); existing blobs are overwritten only with --force.</summary>
    public async Task<int> ImportAsync(string container, string folder, bool overwrite, CancellationToken cancellationToken)
    {
        var client = service.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
        var count = 0;
        foreach (var line in File.ReadLines(Path.Combine(folder, container + ".jsonl"), Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var item = document.RootElement;
            var name = item.GetProperty("Name").GetString()!;
            var file = item.GetProperty("File").GetString()!;
            if (file != FileOf(name))
            {
                throw new InvalidDataException($"{container}.jsonl: blob '{name}' names the file '{file}', which is not where the export puts it.");
            }

            var metadata = item.GetProperty("Metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            var options = new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders
                {
                    ContentType = item.GetProperty("ContentType").GetString(),
                    ContentEncoding = item.GetProperty("ContentEncoding").GetString(),
                    ContentLanguage = item.GetProperty("ContentLanguage").GetString(),
                    ContentDisposition = item.GetProperty("ContentDisposition").GetString(),
                    CacheControl = item.GetProperty("CacheControl").GetString(),
                },
                Metadata = metadata,
                Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
            };
            await using var content = File.OpenRead(Path.Combine(folder, container, file));
            await client.GetBlobClient(name).UploadAsync(content, options, cancellationToken);
            count++;
        }

        return count;
    }

    /// <summary>The blob's file below its container's folder: each '/'-separated segment escaped ("." and ".." too).</summary>
    internal static string FileOf(string blobName) =>
        Path.Combine([.. blobName.Split('/').Select(segment => segment is "" or "." or ".." ? "%" + Convert.ToHexString(Encoding.UTF8.GetBytes(segment)) + "_" : Uri.EscapeDataString(segment))]);
}
