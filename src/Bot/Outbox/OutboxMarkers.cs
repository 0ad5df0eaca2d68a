using Azure;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Outbox;

/// <summary>
/// The <c>OutboxPending</c> markers an outbox pass leaves for the poll (work stayed behind) or takes away (nothing is left).
/// A pass started by a commit of this instance writes none unless work stays behind: the state's flag already leads the
/// sweep to the kegiatan after a crash.
/// </summary>
internal sealed class OutboxMarkers(WorkflowTables tables, ILogger logger)
{
    public Task LeaveForPollAsync(string number, ETag? marker, CancellationToken cancellationToken) =>
        marker is null ? TryWriteAsync(number, cancellationToken) : Task.CompletedTask;

    public async Task TryWriteAsync(string number, CancellationToken cancellationToken)
    {
        try
        {
            var pending = await tables.PendingAsync(cancellationToken);
            await pending.UpsertEntityAsync(WorkflowTables.PendingMarker(number), TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException || StorageFaults.IsAmbiguous(e, CancellationToken.None))
        {
            // The state's flag still leads the sweep here.
            WorkflowStorageLog.MarkerNotWritten(logger, e, number);
        }
    }

    public async Task DeleteAsync(string partition, ETag? marker, CancellationToken cancellationToken)
    {
        if (marker is null)
        {
            return;
        }

        var pending = await tables.PendingAsync(cancellationToken);
        try
        {
            await pending.DeleteEntityAsync(WorkflowTables.PendingPartition, partition, marker.Value, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Rewritten by a newer pass that left work behind: it stays for the next poll.
        }
    }
}
