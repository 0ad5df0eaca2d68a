using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Dialogs.Sop;

namespace PerijinanBot.Bot.Dokumentasi;

/// <summary>A dokumentasi file of a kegiatan: where its bytes are, what it is, who sent it. <paramref name="Kind"/> null: not said yet.</summary>
internal sealed record DokumentasiFile(
    string Number,
    string Id,
    StoredFile File,
    FileFormat Format,
    DokumentasiKind? Kind,
    string UploadedBy,
    DateTimeOffset UploadedAt)
{
    public bool IsImage => FileContent.IsImage(Format);

    public DokumentasiFileView View => new(Id, File.FileName, Kind, File.Length, IsImage);
}

/// <summary>
/// The dokumentasi files of each kegiatan: the bytes in the files container under <c>dokumentasi/{kegiatan}/…</c>, the list in
/// table <c>Dokumentasi</c> (partition = kegiatan, row = file id in the order received). The blob is written before its row,
/// and the row removed before its blob, so a listed file always has its bytes.
/// </summary>
internal sealed class DokumentasiStore(TableProvider tables, FileStore files, IOptions<StorageOptions> storage, TimeProvider time)
{
    public const string TableName = "Dokumentasi";

    private readonly string _table = storage.Value.TableName(TableName);

    public async Task<IReadOnlyList<DokumentasiFile>> ListAsync(string number, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        var list = new List<DokumentasiFile>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(number)}"), cancellationToken: cancellationToken))
        {
            list.Add(Read(number, row));
        }

        return list;
    }

    public async Task<DokumentasiFile> AddAsync(string number, string fileName, FileFormat format, byte[] bytes, string uploadedBy, string? uniqueId, CancellationToken cancellationToken)
    {
        var stored = await files.SaveAsync($"dokumentasi/{FolderOf(number)}", fileName, FileContent.ContentType(format), BinaryData.FromBytes(bytes), cancellationToken);
        var now = time.GetUtcNow();
        // Time first, so the partition lists in the order received; random after, so two files in one millisecond never collide.
        var id = now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        DokumentasiKind? kind = FileContent.IsImage(format) ? DokumentasiKind.Foto : null;
        var row = new TableEntity(TableKeys.Escape(number), id)
        {
            ["BlobName"] = stored.BlobName,
            ["FileName"] = stored.FileName,
            ["ContentType"] = stored.ContentType,
            ["Length"] = stored.Length,
            ["Format"] = format.ToString(),
            ["Kind"] = kind?.ToString(),
            ["UploadedBy"] = uploadedBy,
            ["UploadedAt"] = now,
            ["UniqueId"] = uniqueId,
        };
        var table = await tables.GetAsync(_table, cancellationToken);
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch
        {
            // No row, no file: the bytes must not stay behind unlisted.
            await files.DeleteAsync(stored.BlobName, CancellationToken.None);
            throw;
        }

        return new DokumentasiFile(number, id, stored, format, kind, uploadedBy, now);
    }

    /// <summary>Sets what a file is; false when the file is not (or no longer) listed.</summary>
    public async Task<bool> SetKindAsync(string number, string id, DokumentasiKind kind, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(TableKeys.Escape(number), id) { ["Kind"] = kind.ToString() }, ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Removes a file from the list, then its bytes; false when it was not listed.</summary>
    public async Task<bool> RemoveAsync(string number, string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_table, cancellationToken);
        NullableResponse<TableEntity> row;
        row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(number), id, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is null)
        {
            return false;
        }

        try
        {
            await table.DeleteEntityAsync(row.Value.PartitionKey, row.Value.RowKey, row.Value.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }

        await files.DeleteAsync(row.Value.GetString("BlobName"), cancellationToken);
        return true;
    }

    /// <summary>The bytes of a stored file, read whole (photos for the report).</summary>
    public async Task<byte[]?> ReadAsync(DokumentasiFile file, CancellationToken cancellationToken)
    {
        await using var download = await files.OpenAsync(file.File.BlobName, cancellationToken);
        if (download is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private static DokumentasiFile Read(string number, TableEntity row) => new(
        number,
        row.RowKey,
        new StoredFile(row.GetString("BlobName"), row.GetString("FileName"), row.GetString("ContentType"), row.GetInt64("Length") ?? 0),
        Enum.TryParse<FileFormat>(row.GetString("Format"), out var format) ? format : FileFormat.Pdf,
        Enum.TryParse<DokumentasiKind>(row.GetString("Kind"), out var kind) ? kind : null,
        row.GetString("UploadedBy") ?? "",
        row.GetDateTimeOffset("UploadedAt") ?? DateTimeOffset.MinValue);

    /// <summary>A kegiatan number as a folder name ("FAS-2026-0001"): only letters, digits and dashes.</summary>
    private static string FolderOf(string number) => string.Concat(number.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
}
