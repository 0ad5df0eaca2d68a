using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.CreateUploadSession;
using Microsoft.Graph.Models;
using PerijinanBot.Bot.Graph;

namespace PerijinanBot.Bot.Archive;

/// <summary>
/// Puts a file at a path of the archive library (<c>Graph:Archive:DriveId</c>), replacing what is there: a document made again
/// overwrites its archived copy instead of piling up "(1)" copies. The Graph client is asked for only when a file is
/// uploaded, which happens only with the archive switched on, so without it no credentials are needed.
/// </summary>
internal sealed class SharePointArchive(IServiceProvider services, IOptions<GraphOptions> options)
{
    /// <summary>Graph's single-request upload takes files up to 4 MB; a larger one goes through an upload session.</summary>
    public const int SimpleUploadLimit = 4 * 1024 * 1024;

    /// <summary>Slices of an upload session: a multiple of 320 KiB, as SharePoint requires of every slice but the last.</summary>
    public const int SliceSize = 10 * 320 * 1024;

    public string DriveId => options.Value.Archive.DriveId ?? "";

    /// <summary>The library folder everything goes under (<c>Graph:Archive:Folder</c>).</summary>
    public string Root => options.Value.Archive.Folder;

    /// <summary>Uploads <paramref name="content"/> to <paramref name="path"/> (from the library's root); returns the file's web URL, if Graph gave one.</summary>
    /// <exception cref="Microsoft.Kiota.Abstractions.ApiException">Graph answered with an error (after its own retries of 429/503/504).</exception>
    /// <exception cref="HttpRequestException">Graph could not be reached.</exception>
    public async Task<Uri?> UploadAsync(string path, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(content);
        var graph = services.GetRequiredService<GraphClient>().Client;
        var item = graph.Drives[DriveId].Items["root"].ItemWithPath(path);
        DriveItem? uploaded;
        // A seekable, fixed-length body: the SDK's retry handler can send it again after a 429 or 503.
        using var body = new MemoryStream(content, writable: false);
        if (content.Length <= SimpleUploadLimit)
        {
            // PUT …:/content replaces an existing file by default. The media type is set here, before the SDK's generic
            // application/octet-stream (which it adds only when none is set), so SharePoint stores what the file is.
            uploaded = await item.Content.PutAsync(body, request => request.Headers.Add("Content-Type", contentType), cancellationToken);
        }
        else
        {
            var session = await item.CreateUploadSession.PostAsync(
                new CreateUploadSessionPostRequestBody
                {
                    Item = new DriveItemUploadableProperties
                    {
                        AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "replace" },
                    },
                },
                cancellationToken: cancellationToken)
                ?? throw new InvalidDataException($"Graph created no upload session for '{path}'.");
            // The SDK's own adapter: its token provider gives Graph's token to Graph's host only, never to the upload URL's.
            var upload = new LargeFileUploadTask<DriveItem>(session, body, SliceSize, graph.RequestAdapter);
            var result = await upload.UploadAsync(cancellationToken: cancellationToken);
            uploaded = result.UploadSucceeded
                ? result.ItemResponse
                : throw new InvalidDataException($"The upload session for '{path}' ended without the file.");
        }

        return Uri.TryCreate(uploaded?.WebUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps ? url : null;
    }
}
