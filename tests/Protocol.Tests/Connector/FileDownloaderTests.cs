using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Protocol.Connector;

namespace PerijinanBot.Protocol.Tests.Connector;

/// <summary>
/// Files a person sends the bot, read from the documented activity shapes and fetched from a stand-in file host on 127.0.0.1:
/// a file attachment without any credential, a pasted image with the bot's connector token, never from a host Teams does not
/// keep files on, never more than the limit.
/// </summary>
public sealed class FileDownloaderTests : IAsyncLifetime
{
    private FakeFileHost _files = null!;
    private LocalTokenEndpoint _login = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _files = await FakeFileHost.StartAsync();
        _login = await LocalTokenEndpoint.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _files.DisposeAsync();
        await _login.DisposeAsync();
    }

    /// <summary>The message Teams sends for a file attached in a personal chat, as Microsoft Learn shows it ("Send and receive files using bot").</summary>
    internal static Activity FileMessage(Uri downloadUrl, string name = "daftar-hadir.pdf", string fileType = "pdf") => Parse($$"""
        {
          "type": "message",
          "attachments": [{
            "contentType": "application/vnd.microsoft.teams.file.download.info",
            "contentUrl": "https://contoso.sharepoint.com/personal/budi_contoso_com/Documents/Applications/{{name}}",
            "name": "{{name}}",
            "content": {
              "downloadUrl": "{{downloadUrl}}",
              "uniqueId": "1150D938-8870-4044-9F2C-5BBDEBA70C9D",
              "fileType": "{{fileType}}",
              "etag": "123"
            }
          }]
        }
        """);

    /// <summary>A pasted image: the image/* attachment with its connector contentUrl, and the text/html one that only places it.</summary>
    internal static Activity InlineImageMessage(Uri contentUrl) => Parse($$"""
        {
          "type": "message",
          "attachments": [
            { "contentType": "image/png", "contentUrl": "{{contentUrl}}" },
            { "contentType": "text/html", "content": "<p><img src=\"https://us-api.asm.skype.com/v1/objects/0-ea-d1/views/imgo\"></p>" }
          ]
        }
        """);

    [Fact]
    public void Both_documented_shapes_are_read_as_files_and_the_html_beside_an_image_is_not()
    {
        var file = Assert.Single(TeamsFiles.Of(FileMessage(new Uri("https://contoso-my.sharepoint.com/download.aspx?x=1"))));
        Assert.Equal("daftar-hadir.pdf", file.Name);
        Assert.Equal("https://contoso-my.sharepoint.com/download.aspx?x=1", file.Url.AbsoluteUri);
        Assert.False(file.NeedsBotToken);
        Assert.Equal("pdf", file.DeclaredType);
        Assert.Equal("1150D938-8870-4044-9F2C-5BBDEBA70C9D", file.UniqueId);

        var image = Assert.Single(TeamsFiles.Of(InlineImageMessage(new Uri("https://smba.trafficmanager.net/amer/v3/attachments/0-ea-d1/views/original"))));
        Assert.True(image.NeedsBotToken);
        Assert.Equal("image/png", image.DeclaredType);
    }

    [Fact]
    public async Task A_file_attachment_is_fetched_without_the_bots_token_even_when_the_bot_has_one()
    {
        var pdf = "%PDF-1.7 daftar hadir"u8.ToArray();
        var url = _files.Serve("daftar-hadir.pdf", pdf);
        await using var services = ConnectorHarness.Build(bot: ConnectorHarness.MultiTenantBot(), tokenEndpoint: _login);

        var result = await Downloader(services).DownloadAsync(Assert.Single(TeamsFiles.Of(FileMessage(url))), 1024, Ct);

        Assert.Equal(pdf, result.Bytes);
        var request = Assert.Single(_files.Requests);
        Assert.Equal("/files/daftar-hadir.pdf", request.Path);
        Assert.Null(request.Authorization);
        Assert.Empty(_login.Requests);
    }

    [Fact]
    public async Task A_pasted_image_is_fetched_with_the_bots_connector_token()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var token = LocalTokenEndpoint.TokenFor("botframework.com");
        var url = _files.Serve("image-1", png, needsToken: token);
        await using var services = ConnectorHarness.Build(bot: ConnectorHarness.MultiTenantBot(), tokenEndpoint: _login);

        var result = await Downloader(services).DownloadAsync(Assert.Single(TeamsFiles.Of(InlineImageMessage(url))), 1024, Ct);

        Assert.Equal(png, result.Bytes);
        Assert.Equal($"Bearer {token}", Assert.Single(_files.Requests).Authorization);
    }

    [Fact]
    public async Task A_download_url_outside_the_allowed_file_hosts_is_not_requested()
    {
        await using var services = ConnectorHarness.Build(bot: ConnectorHarness.MultiTenantBot(), tokenEndpoint: _login);

        var result = await Downloader(services).DownloadAsync(Assert.Single(TeamsFiles.Of(FileMessage(new Uri("https://files.attacker.example/x.pdf")))), 1024, Ct);

        Assert.Equal(DownloadProblem.HostNotAllowed, result.Problem);
        Assert.Null(result.Bytes);
        Assert.Empty(_login.Requests);
    }

    [Fact]
    public async Task Outside_Development_a_loopback_address_is_not_requested()
    {
        var url = _files.Serve("intranet.pdf", "%PDF-1.7"u8.ToArray());
        await using var services = ConnectorHarness.Build(environment: TestEnvironment.Production);

        var result = await Downloader(services).DownloadAsync(Assert.Single(TeamsFiles.Of(FileMessage(url))), 1024, Ct);

        Assert.Equal(DownloadProblem.HostNotAllowed, result.Problem);
        Assert.Empty(_files.Requests);
    }

    [Fact]
    public async Task A_redirect_to_a_host_outside_the_list_is_not_followed_and_the_token_never_leaves_the_first_host()
    {
        var url = _files.Redirect("image-2", new Uri("https://files.attacker.example/steal"));
        await using var services = ConnectorHarness.Build(bot: ConnectorHarness.MultiTenantBot(), tokenEndpoint: _login);

        var result = await Downloader(services).DownloadAsync(Assert.Single(TeamsFiles.Of(InlineImageMessage(url))), 1024, Ct);

        Assert.Equal(DownloadProblem.HostNotAllowed, result.Problem);
        Assert.Single(_files.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_over_the_limit_is_refused_whether_or_not_its_size_is_announced(bool chunked)
    {
        var url = _files.Serve("video.pdf", new byte[3 * 1024 * 1024], chunked: chunked);
        await using var services = ConnectorHarness.Build();

        var result = await Downloader(services).DownloadAsync(Assert.Single(TeamsFiles.Of(FileMessage(url))), 1024 * 1024, Ct);

        Assert.Equal(DownloadProblem.TooLarge, result.Problem);
        Assert.Null(result.Bytes);
    }

    [Fact]
    public async Task A_file_the_host_no_longer_has_is_a_download_failure()
    {
        await using var services = ConnectorHarness.Build();

        var result = await Downloader(services).DownloadAsync(Assert.Single(TeamsFiles.Of(FileMessage(_files.Url("gone.pdf")))), 1024, Ct);

        Assert.Equal(DownloadProblem.Failed, result.Problem);
    }

    private static FileDownloader Downloader(ServiceProvider services) => services.GetRequiredService<FileDownloader>();

    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;
}
