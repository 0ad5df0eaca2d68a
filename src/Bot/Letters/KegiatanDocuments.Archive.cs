using Azure;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Letters;

/// <summary>Where each version of a document lies in the SharePoint archive.</summary>
public sealed partial class KegiatanDocuments
{
    /// <summary>
    /// Notes where the document generated at <paramref name="generatedAt"/> was archived. False when the row no longer holds
    /// that version (made again, e.g. after a SRIKANDI number, while it was being uploaded): the archive then holds an older
    /// file, and the caller uploads again rather than vouch for it.
    /// </summary>
    /// <remarks>Making the document again replaces its row, so the archive columns go with the version they describe.</remarks>
    public async Task<bool> RecordArchiveAsync(string number, string key, DateTimeOffset generatedAt, Uri archiveUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archiveUrl);
        var table = await _tables.GetAsync(_tableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(number), key, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.GetDateTimeOffset("GeneratedAt") != generatedAt)
        {
            return false;
        }

        try
        {
            await table.UpdateEntityAsync(
                new TableEntity(row.Value.PartitionKey, key) { ["ArchiveUrl"] = archiveUrl.AbsoluteUri, ["ArchivedAt"] = time.GetUtcNow() },
                row.Value.ETag,
                TableUpdateMode.Merge,
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }
}
