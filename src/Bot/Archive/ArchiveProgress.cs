using Azure.Data.Tables;
using PerijinanBot.Bot.Graph;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Archive;

/// <summary>
/// Whether a decision's archive upload is still on its first try, so that the closing card, committed right after it, can
/// wait for its SharePoint links. The outbox delivers a kegiatan's items in order, but the poll (or another instance) may
/// reach the closing card while the upload is still running, e.g. waiting out Graph's Retry-After.
/// </summary>
internal sealed class ArchiveProgress(GraphFeatures features, WorkflowTables tables)
{
    /// <summary>
    /// True while the archive item committed with decision <paramref name="version"/> waits for, or is in, its first attempt.
    /// False when the archive is off, the item is done, or it has met trouble (Graph down, a refusal): then nothing waits for
    /// it, and "dokumen" shows the links once it is through.
    /// </summary>
    public async Task<bool> FirstTryPendingAsync(string number, int version, CancellationToken cancellationToken)
    {
        if (!features.Archive.IsOn)
        {
            return false;
        }

        var kegiatan = await tables.KegiatanAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {KegiatanKeys.Partition(number)} and RowKey ge {KegiatanKeys.Outbox(version, 0)} and RowKey lt {KegiatanKeys.Outbox(version + 1, 0)} and Kind eq {ArchiveHandler.Kind}");
        await foreach (var row in kegiatan.QueryAsync<TableEntity>(filter, select: ["Status", "Attempts"], cancellationToken: cancellationToken))
        {
            if (row.GetString("Status") == OutboxRow.Pending && (row.GetInt32("Attempts") ?? 0) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
