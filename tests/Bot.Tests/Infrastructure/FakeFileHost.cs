using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>One GET the file host received: which file, and the Authorization header it came with.</summary>
public sealed record FileRequest(string Path, string? Authorization);

/// <summary>
/// A stand-in for where Teams keeps a file sent to the bot (the sender's OneDrive, or the Bot Connector's attachment view of
/// a pasted image), which cannot run here: Kestrel on 127.0.0.1 serving scripted files under <c>/files/{name}</c>, recording
/// every request. A file marked <c>needsToken</c> is refused with 401 unless the request carries exactly that bearer token.
/// </summary>
public sealed class FakeFileHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Served> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FileRequest> _requests = new();

    private FakeFileHost(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<FileRequest> Requests => [.. _requests];

    public static async Task<FakeFileHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var host = new FakeFileHost(app);
        app.Run(host.HandleAsync);
        await app.StartAsync();
        host.BaseUrl = app.Urls.Single().TrimEnd('/');
        return host;
    }

    /// <summary>Serves <paramref name="bytes"/> at the returned URL. <paramref name="chunked"/>: no Content-Length (read to learn the size).</summary>
    public Uri Serve(string name, byte[] bytes, string? needsToken = null, bool chunked = false)
    {
        _files[name] = new Served(bytes, needsToken, chunked, null);
        return Url(name);
    }

    /// <summary>Answers the URL with a 302 to <paramref name="target"/>.</summary>
    public Uri Redirect(string name, Uri target)
    {
        _files[name] = new Served([], null, false, target);
        return Url(name);
    }

    public Uri Url(string name) => new($"{BaseUrl}/files/{Uri.EscapeDataString(name)}");

    private async Task HandleAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        _requests.Enqueue(new FileRequest(context.Request.Path.Value ?? "", authorization.Length == 0 ? null : authorization));
        var name = Uri.UnescapeDataString((context.Request.Path.Value ?? "").Replace("/files/", "", StringComparison.Ordinal));
        if (context.Request.Method != "GET" || !_files.TryGetValue(name, out var file))
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (file.RedirectTo is { } target)
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = target.AbsoluteUri;
            return;
        }

        if (file.NeedsToken is { } token && authorization != $"Bearer {token}")
        {
            context.Response.StatusCode = 401;
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        if (!file.Chunked)
        {
            context.Response.ContentLength = file.Bytes.Length;
        }

        try
        {
            // In pieces, as a large download arrives: a client that stops reading stops the transfer.
            for (var offset = 0; offset < file.Bytes.Length; offset += 64 * 1024)
            {
                await context.Response.Body.WriteAsync(file.Bytes.AsMemory(offset, Math.Min(64 * 1024, file.Bytes.Length - offset)), context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client hung up (it stopped at the size limit).
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed record Served(byte[] Bytes, string? NeedsToken, bool Chunked, Uri? RedirectTo);
}
