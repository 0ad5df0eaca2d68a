using System.Buffers.Text;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Files;

namespace PerijinanBot.Bot.Tests.Files;

/// <summary>
/// A file saved by the bot reaches the user's browser through its link, and through nothing else: not after it expires,
/// not with one character changed, not under another key, not through a path of the user's making.
/// </summary>
[NeedsAzurite]
public sealed class DownloadLinkTests(FilesFixture office) : IClassFixture<FilesFixture>
{
    private const string Pdf = "application/pdf";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_saved_report_downloads_through_its_link_with_its_bytes_type_and_name()
    {
        const string name = "Laporan Kegiatan FAS-2026-0001 – Koperasi Maju Bersama.pdf";
        var bytes = Bytes(5000);
        var file = await office.Files.SaveAsync("laporan/FAS-2026-0001", name, Pdf, BinaryData.FromBytes(bytes), Ct);

        var link = office.Links.For(file);

        Assert.StartsWith(FilesFixture.BaseUrl + "/unduh/", link.AbsoluteUri, StringComparison.Ordinal);
        using var response = await office.Client.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(Pdf, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(name, disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''", disposition.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Head_answers_with_the_headers_of_the_file_and_no_body()
    {
        var bytes = Bytes(1234);
        var file = await office.Files.SaveAsync("grafik/FAS-2026-0002", "grafik waktu.png", "image/png", BinaryData.FromBytes(bytes), Ct);

        using var request = new HttpRequestMessage(HttpMethod.Head, office.Links.For(file));
        using var response = await office.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("grafik waktu.png", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_link_works_until_its_lifetime_ends_and_is_refused_after()
    {
        var file = await Save("laporan/FAS-2026-0003", "laporan.pdf");
        var shortLink = office.Links.For(file, TimeSpan.FromMinutes(10));
        var weekLink = office.Links.For(file);

        office.Time.Advance(TimeSpan.FromMinutes(9));
        await AssertServed(shortLink);
        office.Time.Advance(TimeSpan.FromMinutes(1));
        await AssertRefused(shortLink);

        // The configured default, Files:LinkLifetime, is seven days.
        office.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        await AssertServed(weekLink);
        office.Time.Advance(TimeSpan.FromSeconds(1));
        await AssertRefused(weekLink);
    }

    [Fact]
    public async Task Changing_any_one_character_of_the_token_gets_the_refusal()
    {
        var file = await Save("laporan/FAS-2026-0004", "laporan.pdf");
        var link = office.Links.For(file);
        await AssertServed(link);
        var (token, fileName) = Split(link);

        for (var i = 0; i < token.Length; i++)
        {
            var replacement = token[i] == 'A' ? 'B' : 'A';
            var altered = string.Concat(token.AsSpan(0, i), replacement.ToString(), token.AsSpan(i + 1));
            await AssertRefused(LinkWith(altered, fileName));
        }

        await AssertRefused(LinkWith(token[..^1], fileName));
        await AssertRefused(LinkWith(token + "A", fileName));
    }

    [Fact]
    public async Task A_link_signed_with_another_key_is_refused()
    {
        var file = await Save("laporan/FAS-2026-0005", "laporan.pdf");
        var other = await office.OtherBot.Services.GetRequiredService<FileStore>()
            .SaveAsync("laporan/FAS-2026-0005", "laporan.pdf", Pdf, BinaryData.FromBytes(Bytes(10)), Ct);
        var otherLinks = office.OtherBot.Services.GetRequiredService<DownloadLinks>();

        // Both hosts read the same container: the other bot serves its own link, so only the key makes the difference.
        using (var own = await office.OtherClient.GetAsync(otherLinks.For(other), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        await AssertRefused(otherLinks.For(other));
        await AssertRefused(otherLinks.For(file));
        await AssertServed(office.Links.For(other));
    }

    [Fact]
    public async Task After_a_key_rotation_links_signed_with_the_previous_key_still_download_and_others_do_not()
    {
        var file = await Save("laporan/FAS-2026-0011", "laporan.pdf");
        var rotated = office.RotatedBot.Services.GetRequiredService<DownloadLinks>();
        var otherLinks = office.OtherBot.Services.GetRequiredService<DownloadLinks>();

        // The rotated bot lists Key under Files:PreviousSigningKeys: a link the bot handed out before the rotation works.
        await AssertServed(office.Links.For(file), office.RotatedClient);
        await AssertServed(rotated.For(file), office.RotatedClient);
        // OtherKey is not listed, and a bot that only knows Key (the rotation not yet rolled out) refuses the new key's links.
        await AssertRefused(otherLinks.For(file), office.RotatedClient);
        await AssertRefused(rotated.For(file));
    }

    [Fact]
    public async Task A_validly_signed_link_to_a_file_that_does_not_exist_is_refused()
    {
        var ghost = new StoredFile($"laporan/FAS-2026-0006/{Guid.NewGuid():N}/hilang.pdf", "hilang.pdf", Pdf, 10);

        await AssertRefused(office.Links.For(ghost));
    }

    [Fact]
    public async Task The_file_name_segment_must_be_the_stored_name()
    {
        var file = await Save("laporan/FAS-2026-0007", "Laporan.pdf");
        var (token, _) = Split(office.Links.For(file));

        await AssertRefused(LinkWith(token, "laporan.pdf"));
        await AssertRefused(LinkWith(token, "Laporan.docx"));
        await AssertRefused(LinkWith(token, "passwd"));
        await AssertServed(LinkWith(token, "Laporan.pdf"));
    }

    [Theory]
    [InlineData("/unduh")]
    [InlineData("/unduh/")]
    [InlineData("/unduh/x")]
    [InlineData("/unduh/x/y")]
    [InlineData("/unduh/..%2F..%2Fetc/passwd")]
    [InlineData("/unduh/..%2F..%2Fperijinan-files/passwd")]
    [InlineData("/unduh/a/b/c")]
    public async Task Paths_that_are_not_links_get_the_same_refusal_and_never_a_listing(string path)
    {
        await Save("laporan/FAS-2026-0008", "laporan.pdf");

        await AssertRefused(new Uri(FilesFixture.BaseUrl + path));
    }

    [Theory]
    [InlineData("../{0}")]
    [InlineData("laporan/FAS-2026-0009/../FAS-2026-0009/{0}")]
    [InlineData("laporan/./FAS-2026-0009/{0}")]
    [InlineData("/laporan/FAS-2026-0009/{0}")]
    [InlineData("laporan//FAS-2026-0009/{0}")]
    [InlineData("laporan\\FAS-2026-0009/{0}")]
    [InlineData("../../devstoreaccount1/perijinan-files/laporan/FAS-2026-0009/{0}")]
    public async Task A_signed_token_whose_blob_name_walks_the_path_is_refused_even_though_it_would_reach_a_real_file(string pattern)
    {
        var file = await Save("laporan/FAS-2026-0009", "laporan.pdf");
        var rest = file.BlobName["laporan/FAS-2026-0009/".Length..];
        var hostile = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, rest);
        var token = office.Links.Token(hostile, office.Time.GetUtcNow().AddDays(1));

        Assert.False(office.Links.TryRead(token, out _, out _));
        await AssertRefused(LinkWith(token, "laporan.pdf"));
    }

    [Fact]
    public async Task Tokens_of_two_files_differ_and_none_reveals_the_key()
    {
        var first = await Save("ekspor/FAS-2026-0010", "rekap.xlsx");
        var second = await Save("ekspor/FAS-2026-0010", "rekap.xlsx");
        var (a, _) = Split(office.Links.For(first));
        var (b, _) = Split(office.Links.For(second));

        Assert.NotEqual(first.BlobName, second.BlobName);
        Assert.NotEqual(a, b);
        var key = Convert.FromBase64String(FilesFixture.Key);
        foreach (var token in new[] { a, b })
        {
            Assert.DoesNotContain(FilesFixture.Key.TrimEnd('='), token, StringComparison.Ordinal);
            Assert.DoesNotContain(Base64Url.EncodeToString(key), token, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(key), token, StringComparison.OrdinalIgnoreCase);
            // What the token carries in the clear is the blob name and the expiry, and nothing of the key.
            var payload = Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.', StringComparison.Ordinal)));
            Assert.Equal(-1, payload.AsSpan().IndexOf(key.AsSpan(0, 8)));
            Assert.True(office.Links.TryRead(token, out var blobName, out var expires));
            Assert.Contains(blobName, Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
            Assert.Equal(office.Time.GetUtcNow().AddDays(7).ToUnixTimeSeconds(), expires.ToUnixTimeSeconds());
        }
    }

    private async Task<StoredFile> Save(string folder, string name) =>
        await office.Files.SaveAsync(folder, name, Pdf, BinaryData.FromBytes(Bytes(64)), Ct);

    private async Task AssertServed(Uri link, HttpClient? client = null)
    {
        using var response = await (client ?? office.Client).GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>404 with the one refusal text, for GET and HEAD alike: which check failed is not told.</summary>
    private async Task AssertRefused(Uri link, HttpClient? client = null)
    {
        client ??= office.Client;
        using var response = await client.GetAsync(link, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{link} answered {(int)response.StatusCode}: {body}");
        Assert.Equal(await RefusalAsync(), body);
        Assert.Null(response.Content.Headers.ContentDisposition);

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, link), Ct);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    /// <summary>The answer to a link that was never handed out; every refusal must look exactly like it.</summary>
    private async Task<string> RefusalAsync()
    {
        using var response = await office.Client.GetAsync(new Uri(FilesFixture.BaseUrl + "/unduh/bukan-tautan/berkas.pdf"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("Tautan unduhan ini tidak berlaku", body, StringComparison.Ordinal);
        return body;
    }

    private static (string Token, string FileName) Split(Uri link)
    {
        var segments = link.AbsolutePath.Split('/');
        Assert.Equal(4, segments.Length);
        Assert.Equal("unduh", segments[1]);
        return (segments[2], Uri.UnescapeDataString(segments[3]));
    }

    private static Uri LinkWith(string token, string fileName) =>
        new($"{FilesFixture.BaseUrl}/unduh/{token}/{Uri.EscapeDataString(fileName)}");

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
