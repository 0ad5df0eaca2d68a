using Azure;
using Microsoft.Net.Http.Headers;
using PerijinanBot.Dialogs.Reports;

namespace PerijinanBot.Bot.Files;

/// <summary>
/// GET/HEAD /unduh/{token}/{fileName}: anonymous, because users' browsers open it without a Bot Framework token. The blob
/// comes only from the verified token; the last segment is cosmetic (what the browser shows) and must match the stored name.
/// </summary>
internal static class DownloadEndpoint
{
    public const string Prefix = "/unduh";

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        app.MapMethods(Prefix + "/{token}/{fileName}", Methods, DownloadAsync);
        // Anything else under the prefix (no token, extra segments, encoded slashes) gets the same refusal, never a listing.
        app.MapMethods(Prefix + "/{**rest}", Methods, (HttpContext context) => RefuseAsync(context));
        return app;
    }

    private static async Task DownloadAsync(HttpContext context, string token, string fileName, DownloadLinks links, FileStore files, ILogger<DownloadLinks> logger)
    {
        var ct = context.RequestAborted;
        if (!links.TryRead(token, out var blobName, out _))
        {
            FilesLog.DownloadRefused(logger);
            await RefuseAsync(context);
            return;
        }

        DownloadedFile? file;
        try
        {
            file = await files.OpenAsync(blobName, ct);
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException or IOException)
        {
            FilesLog.DownloadFailed(logger, e, blobName);
            await WriteTextAsync(context, StatusCodes.Status503ServiceUnavailable, DocumentTexts.FileUnavailable);
            return;
        }

        await using (file)
        {
            if (file is null || !string.Equals(file.File.FileName, fileName, StringComparison.Ordinal))
            {
                FilesLog.DownloadRefused(logger);
                await RefuseAsync(context);
                return;
            }

            var response = context.Response;
            Protect(response);
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = file.File.ContentType;
            response.ContentLength = file.File.Length;
            // Always a download, never rendered on the bot's origin; filename* (RFC 5987) carries non-ASCII names intact.
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(file.File.FileName);
            response.Headers.ContentDisposition = disposition.ToString();
            FilesLog.DownloadServed(logger, blobName, file.File.Length);
            if (HttpMethods.IsHead(context.Request.Method))
            {
                return;
            }

            await file.Content.CopyToAsync(response.Body, ct);
        }
    }

    private static Task RefuseAsync(HttpContext context) => WriteTextAsync(context, StatusCodes.Status404NotFound, DocumentTexts.LinkRefused);

    private static async Task WriteTextAsync(HttpContext context, int status, string text)
    {
        var response = context.Response;
        Protect(response);
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.WriteAsync(text, context.RequestAborted);
        }
    }

    /// <summary>
    /// The URL is the credential: keep it out of shared caches and Referer headers, and never let a browser sniff
    /// a stored file into something it would execute.
    /// </summary>
    private static void Protect(HttpResponse response)
    {
        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
    }
}
