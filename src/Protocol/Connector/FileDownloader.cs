using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Protocol.Connector;

/// <summary>Why a received file could not be fetched.</summary>
public enum DownloadProblem
{
    /// <summary>The URL's host is not one Teams keeps files on (or, for an inline image, not the Bot Connector).</summary>
    HostNotAllowed,

    /// <summary>The file is larger than the limit: said by Content-Length, or found while reading.</summary>
    TooLarge,

    /// <summary>The host answered with an error, or did not answer in time, or the connection broke.</summary>
    Failed,
}

/// <summary>A fetched file's bytes, or why there are none.</summary>
public sealed record DownloadResult(byte[]? Bytes, DownloadProblem? Problem, string? Detail)
{
    public static DownloadResult Refused(DownloadProblem problem, string detail) => new(null, problem, detail);
}

/// <summary>
/// Fetches the bytes of a file a person sent (<see cref="ReceivedFile"/>). A file attachment's <c>downloadUrl</c> is
/// pre-authenticated, so it is fetched without any credential and only from <c>BotConnector:AllowedFileHosts</c>; an inline
/// image is fetched with the bot's connector token, so it goes only to the hosts that token may go to
/// (<c>BotConnector:AllowedServiceHosts</c>). The size limit is kept while reading: a larger body is cut off, never held whole.
/// </summary>
public sealed class FileDownloader
{
    /// <summary>The HttpClient for file downloads (no retries: the person sends the file again).</summary>
    public const string HttpClientName = "BotConnector.Files";

    private const int MaxRedirects = 3;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ConnectorTokenProvider _tokens;
    private readonly ConnectorOptions _options;
    private readonly ILogger<FileDownloader> _logger;
    private readonly ServiceHosts _serviceHosts;
    private readonly ServiceHosts _fileHosts;

    public FileDownloader(
        IHttpClientFactory httpClientFactory,
        ConnectorTokenProvider tokens,
        IOptions<ConnectorOptions> options,
        IHostEnvironment environment,
        ILogger<FileDownloader> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _options = options.Value;
        _logger = logger;
        var loopback = environment.IsDevelopment();
        _serviceHosts = new ServiceHosts(_options.AllowedServiceHosts, loopback);
        _fileHosts = new ServiceHosts(_options.AllowedFileHosts.Count == 0 ? FileHosts.Defaults : _options.AllowedFileHosts, loopback);
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes of the file; more is <see cref="DownloadProblem.TooLarge"/>.</summary>
    public async Task<DownloadResult> DownloadAsync(ReceivedFile file, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var hosts = file.NeedsBotToken ? _serviceHosts : _fileHosts;
        string? token = null;
        if (file.NeedsBotToken && _tokens.IsEnabled && Allowed(file.Url, hosts))
        {
            try
            {
                token = await _tokens.GetTokenAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                ConnectorLog.FileDownloadFailed(_logger, e, file.Url.Host, "no connector token");
                return DownloadResult.Refused(DownloadProblem.Failed, "no connector token");
            }
        }

        using var timeout = new CancellationTokenSource(_options.RequestTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var url = file.Url;
        try
        {
            // Redirects are followed by hand, each target checked against the same hosts, and the token goes to the first only.
            for (var hop = 0; hop <= MaxRedirects; hop++)
            {
                if (!Allowed(url, hosts))
                {
                    ConnectorLog.FileHostRefused(_logger, url.Host, file.NeedsBotToken);
                    return DownloadResult.Refused(DownloadProblem.HostNotAllowed, url.Host);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (hop == 0 && token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    ConnectorLog.FileDownloadFailed(_logger, null, url.Host, $"HTTP {(int)response.StatusCode}");
                    return DownloadResult.Refused(DownloadProblem.Failed, $"HTTP {(int)response.StatusCode}");
                }

                if (response.Content.Headers.ContentLength is long declared && declared > maxBytes)
                {
                    return DownloadResult.Refused(DownloadProblem.TooLarge, declared.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
                return await ReadLimitedAsync(body, maxBytes, linked.Token);
            }

            ConnectorLog.FileDownloadFailed(_logger, null, url.Host, "too many redirects");
            return DownloadResult.Refused(DownloadProblem.Failed, "too many redirects");
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            ConnectorLog.FileDownloadFailed(_logger, e, url.Host, e.GetType().Name);
            return DownloadResult.Refused(DownloadProblem.Failed, e.GetType().Name);
        }
    }

    /// <summary>https to an allowed host; plain http only on this machine (the Playground, tests) and only where loopback is allowed.</summary>
    private static bool Allowed(Uri url, ServiceHosts hosts) =>
        (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)) && hosts.Allows(url);

    /// <summary>Copies until the end or one byte past the limit, whichever comes first: a lying or absent Content-Length changes nothing.</summary>
    internal static async Task<DownloadResult> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                return DownloadResult.Refused(DownloadProblem.TooLarge, $"more than {maxBytes}");
            }

            copy.Write(buffer, 0, read);
        }

        return new DownloadResult(copy.ToArray(), null, null);
    }
}

/// <summary>
/// Hosts a file attachment's <c>downloadUrl</c> may point to. A file sent to a bot is first uploaded to the sender's OneDrive
/// for Business, and the bot gets a OneDrive URL to fetch it from (Microsoft Learn, "Send and receive files using bot",
/// "Receive files in personal chat"; its example is on <c>contoso.sharepoint.com</c>). OneDrive for Business lives on
/// <c>{tenant}-my.sharepoint.com</c>, SharePoint on <c>{tenant}.sharepoint.com</c>. Bots cannot receive files in GCC High, DoD
/// or Teams operated by 21Vianet (same page), so no other cloud's host is listed.
/// </summary>
public static class FileHosts
{
    public static readonly IReadOnlyList<string> Defaults = ["*.sharepoint.com"];
}
