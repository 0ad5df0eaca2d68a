using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using PerijinanBot.Bot.Tests.Infrastructure;

namespace PerijinanBot.Bot.Tests.Hosting;

/// <summary>
/// The privacy and terms links of the Teams app manifest (https://BOT_DOMAIN/privacy, /terms) open a page in Indonesian,
/// or the office's own page when one is configured.
/// </summary>
public sealed class LegalPagesTests
{
    [Theory]
    [InlineData("/privacy", "Kebijakan Privasi PerijinanBot", "Data yang disimpan")]
    [InlineData("/terms", "Ketentuan Penggunaan PerijinanBot", "keperluan kedinasan")]
    public async Task Manifest_links_open_an_Indonesian_page_served_by_the_bot(string path, string title, string content)
    {
        await using var bot = new BotFactory(new Dictionary<string, string?>());
        using var client = bot.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(content, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/privacy", "Legal:PrivacyUrl", "https://diskopukm.kalbarprov.go.id/privasi")]
    [InlineData("/terms", "Legal:TermsUrl", "https://diskopukm.kalbarprov.go.id/ketentuan")]
    public async Task An_office_page_configured_in_Legal_takes_the_link_instead(string path, string key, string url)
    {
        await using var bot = new BotFactory(new Dictionary<string, string?> { [key] = url });
        using var client = bot.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, response.Headers.Location?.AbsoluteUri);
    }

    [Fact]
    public async Task Other_paths_and_methods_are_left_to_the_bot()
    {
        await using var bot = new BotFactory(new Dictionary<string, string?>());
        using var client = bot.CreateClient();

        using var post = await client.PostAsync("/privacy", new StringContent(""), TestContext.Current.CancellationToken);
        using var other = await client.GetAsync("/privacy/extra", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }
}
