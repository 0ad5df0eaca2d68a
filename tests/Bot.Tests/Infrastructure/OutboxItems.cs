using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Dialogs;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>Reads a kegiatan's outbox rows in Azurite: for tests that wait for an item's recorded outcome instead of sleeping.</summary>
public static class OutboxItems
{
    /// <summary>Waits until an outbox item of the kind is in the state the predicate describes (within <see cref="DialogHarness.Patience"/>).</summary>
    public static async Task<TableEntity> WaitAsync(string connectionString, string kegiatanTable, string number, string kind, Func<TableEntity, bool> predicate, string what, CancellationToken cancellationToken)
    {
        var table = new TableClient(connectionString, kegiatanTable);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KegiatanKeys.Partition(number)} and RowKey ge {KegiatanKeys.OutboxFrom} and RowKey lt {KegiatanKeys.OutboxTo} and Kind eq {kind}");
        var deadline = DateTimeOffset.UtcNow + DialogHarness.Patience;
        TableEntity? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                last = row;
                if (predicate(row))
                {
                    return row;
                }
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"the {kind} item of {number} never showed {what}; last seen: status {last?.GetString("Status")}, attempts {last?.GetInt32("Attempts")}, {last?.GetString("LastError")}");
    }
}
