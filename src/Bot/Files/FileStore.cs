using System.Net.Http.Headers;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;

namespace PerijinanBot.Bot.Files;

/// <summary>A generated file as stored: where (<paramref name="BlobName"/>) and how users receive it.</summary>
public sealed record StoredFile(string BlobName, string FileName, string ContentType, long Length);

/// <summary>An open download of a stored file. Dispose it to release the connection to storage.</summary>
public sealed class DownloadedFile(StoredFile file, Stream content) : IAsyncDisposable
{
    public StoredFile File { get; } = file;

    /// <summary>The file's bytes, read from storage as they are consumed.</summary>
    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

/// <summary>
/// Generated files (reports, exports, charts) in the private blob container. Callers hand the result to
/// <see cref="DownloadLinks"/> to give users a link; the container is never reachable without one.
/// </summary>
public sealed class FileStore
{
    /// <summary>Blob metadata values are HTTP header values (ASCII only), so the file name is kept percent-encoded.</summary>
    private const string FileNameMetadata = "filename";

    private readonly FilesContainer _container;

    internal FileStore(FilesContainer container) => _container = container;

    /// <summary>
    /// Stores a new file under <c>{folder}/{random 128-bit id}/{fileName}</c>: two saves never collide, and knowing a
    /// kegiatan number does not let anyone guess where its files are.
    /// </summary>
    /// <param name="folder">Where the file belongs, e.g. <c>laporan/FAS-2026-0001</c>; chosen by code, not by users.</param>
    /// <param name="fileName">What the user's browser saves it as; cleaned of path separators and "..".</param>
    public Task<StoredFile> SaveAsync(string folder, string fileName, string contentType, BinaryData content, CancellationToken ct)
    {
        var prefix = folder?.Trim('/') ?? "";
        if (!FileNames.IsSafeBlobName(prefix))
        {
            throw new ArgumentException($"'{folder}' is not a usable folder: segments separated by '/', none empty, '.' or '..'.", nameof(folder));
        }

        var name = FileNames.Sanitize(fileName);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return UploadAsync($"{prefix}/{id}/{name}", name, contentType, content, overwrite: false, ct);
    }

    /// <summary>Stores a file at a fixed blob name, replacing what was there: a document generated again keeps its place.</summary>
    public Task<StoredFile> PutAsync(string blobName, string fileName, string contentType, BinaryData content, CancellationToken ct)
    {
        if (!FileNames.IsSafeBlobName(blobName))
        {
            throw new ArgumentException($"'{blobName}' is not a usable blob name: segments separated by '/', none empty, '.' or '..'.", nameof(blobName));
        }

        return UploadAsync(blobName, FileNames.Sanitize(fileName), contentType, content, overwrite: true, ct);
    }

    /// <summary>Opens a stored file for reading; null when there is no such file (or no container yet).</summary>
    public async Task<DownloadedFile?> OpenAsync(string blobName, CancellationToken ct)
    {
        if (!FileNames.IsSafeBlobName(blobName))
        {
            throw new ArgumentException($"'{blobName}' is not a usable blob name.", nameof(blobName));
        }

        try
        {
            var download = await _container.Client.GetBlobClient(blobName).DownloadStreamingAsync(new BlobDownloadOptions(), ct);
            var details = download.Value.Details;
            var fileName = details.Metadata.TryGetValue(FileNameMetadata, out var encoded) ? Uri.UnescapeDataString(encoded) : blobName[(blobName.LastIndexOf('/') + 1)..];
            var file = new StoredFile(blobName, fileName, details.ContentType ?? "application/octet-stream", details.ContentLength);
            return new DownloadedFile(file, download.Value.Content);
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    /// <summary>Removes a stored file; nothing happens when it is already gone.</summary>
    public async Task DeleteAsync(string blobName, CancellationToken ct)
    {
        if (!FileNames.IsSafeBlobName(blobName))
        {
            throw new ArgumentException($"'{blobName}' is not a usable blob name.", nameof(blobName));
        }

        try
        {
            await _container.Client.GetBlobClient(blobName).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // No container: nothing was ever stored.
        }
    }

    private async Task<StoredFile> UploadAsync(string blobName, string fileName, string contentType, BinaryData content, bool overwrite, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            throw new ArgumentException($"'{contentType}' is not a media type (e.g. application/pdf).", nameof(contentType));
        }

        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string> { [FileNameMetadata] = Uri.EscapeDataString(fileName) },
            // A fresh random name must never land on an existing blob; a fixed name is meant to be replaced.
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };

        var blob = _container.Client.GetBlobClient(blobName);
        await _container.EnsureCreatedAsync(ct);
        try
        {
            await blob.UploadAsync(content, options, ct);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            _container.Forget();
            await _container.EnsureCreatedAsync(ct);
            await blob.UploadAsync(content, options, ct);
        }

        return new StoredFile(blobName, fileName, contentType, content.ToMemory().Length);
    }
}
