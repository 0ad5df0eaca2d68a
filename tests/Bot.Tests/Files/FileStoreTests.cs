using System.Net;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace PerijinanBot.Bot.Tests.Files;

/// <summary>What the store keeps and where: random names for new files, a fixed place for re-generated ones, clean file names.</summary>
[NeedsAzurite]
public sealed partial class FileStoreTests(FilesFixture office) : IClassFixture<FilesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_saved_file_lies_under_its_folder_and_a_random_128_bit_id_in_a_private_container()
    {
        var file = await office.Files.SaveAsync("laporan/FAS-2026-0101", "laporan.pdf", "application/pdf", BinaryData.FromString("%PDF-1.7"), Ct);

        Assert.Matches(SavedName(), file.BlobName);
        Assert.Equal("laporan.pdf", file.FileName);
        Assert.Equal(8, file.Length);

        var container = new BlobContainerClient(office.Azurite.ConnectionString, "perijinan-files");
        var properties = await container.GetPropertiesAsync(cancellationToken: Ct);
        Assert.Equal(PublicAccessType.None, properties.Value.PublicAccess);
        var blob = await container.GetBlobClient(file.BlobName).GetPropertiesAsync(cancellationToken: Ct);
        Assert.Equal("application/pdf", blob.Value.ContentType);
    }

    [Fact]
    public async Task Putting_a_document_again_at_its_fixed_name_replaces_it_behind_the_same_link()
    {
        const string blobName = "laporan/FAS-2026-0102/laporan-kegiatan.docx";
        const string docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        var first = await office.Files.PutAsync(blobName, "Laporan Kegiatan FAS-2026-0102.docx", docx, BinaryData.FromString("versi 1"), Ct);
        var link = office.Links.For(first);

        var second = await office.Files.PutAsync(blobName, "Laporan Kegiatan FAS-2026-0102.docx", docx, BinaryData.FromString("versi 2, lebih panjang"), Ct);

        Assert.Equal(first.BlobName, second.BlobName);
        using var response = await office.Client.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("versi 2, lebih panjang", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(docx, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\windows\\win.ini")]
    [InlineData("..")]
    [InlineData("   ")]
    [InlineData("rekap:bulan?maret*.xlsx")]
    [InlineData("laporan\u0000.pdf")]
    public async Task A_file_name_with_paths_or_forbidden_characters_is_cleaned_and_still_downloads_under_its_clean_name(string given)
    {
        var file = await office.Files.SaveAsync("ekspor/FAS-2026-0103", given, "text/plain", BinaryData.FromString("isi"), Ct);

        Assert.DoesNotContain("..", file.FileName, StringComparison.Ordinal);
        Assert.DoesNotContain('/', file.FileName);
        Assert.DoesNotContain('\\', file.FileName);
        Assert.DoesNotContain(':', file.FileName);
        Assert.False(string.IsNullOrWhiteSpace(file.FileName));
        Assert.Equal(4, file.BlobName.Split('/').Length);
        Assert.EndsWith("/" + file.FileName, file.BlobName, StringComparison.Ordinal);

        using var response = await office.Client.GetAsync(office.Links.For(file), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(file.FileName, response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Opening_a_file_that_is_not_there_answers_null()
    {
        Assert.Null(await office.Files.OpenAsync("laporan/FAS-2026-0104/tidak-ada.pdf", Ct));
    }

    [Theory]
    [InlineData("../laporan")]
    [InlineData("laporan/../../x")]
    [InlineData("laporan//x")]
    public async Task Code_cannot_save_outside_a_clean_folder(string folder)
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            office.Files.SaveAsync(folder, "laporan.pdf", "application/pdf", BinaryData.FromString("x"), Ct));
    }

    [GeneratedRegex("^laporan/FAS-2026-0101/[0-9a-f]{32}/laporan\\.pdf$")]
    private static partial Regex SavedName();
}
