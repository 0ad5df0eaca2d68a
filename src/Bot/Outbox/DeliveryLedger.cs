using Azure;
using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Outbox;

public enum DeliveryStatus
{
    /// <summary>This caller may perform the effect now, then <see cref="DeliveryLedger.CompleteAsync"/> (or abandon it).</summary>
    Began,

    /// <summary>The effect was performed and recorded: do not perform it again.</summary>
    AlreadyDone,

    /// <summary>An earlier attempt began and never finished (a crash, an exception): it may or may not have happened. Do not repeat it blindly.</summary>
    Unknown,
}

/// <summary>What <see cref="DeliveryLedger.TryBeginAsync"/> found. <see cref="Result"/> is what the completed attempt stored.</summary>
public sealed record DeliveryTicket(string DedupeKey, DeliveryStatus Status, ETag ETag, string? Result, DateTimeOffset? Since);

/// <summary>
/// Table <c>Deliveries</c>, one row per dedupe key: "Attempting" before a side effect, "Done" after it. Turns at-least-once
/// delivery into at most one effect per key, and says honestly when a crashed attempt leaves that unknowable.
/// </summary>
public sealed class DeliveryLedger(WorkflowTables tables, TimeProvider time)
{
    private const string RowKey = "d";
    private const string Attempting = "Attempting";
    private const string Done = "Done";
    private const int MaxResultChars = 1000;
    private const int MaxBeginAttempts = 3;

    public async Task<DeliveryTicket> TryBeginAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        if (!KegiatanKeys.IsValidId(dedupeKey))
        {
            throw new ArgumentException($"A dedupe key is 1-{KegiatanKeys.MaxIdLength} characters.", nameof(dedupeKey));
        }

        var table = await tables.DeliveriesAsync(cancellationToken);
        var partition = TableKeys.Escape(dedupeKey);
        // Our own id on the row: if an Add that landed is retried (or its answer lost), reading it back still says it is ours.
        var attemptId = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        for (var attempt = 1; attempt <= MaxBeginAttempts; attempt++)
        {
            try
            {
                var added = await table.AddEntityAsync(
                    new TableEntity(partition, RowKey) { ["State"] = Attempting, ["AttemptId"] = attemptId, ["Since"] = now, ["DedupeKey"] = dedupeKey },
                    cancellationToken);
                return new DeliveryTicket(dedupeKey, DeliveryStatus.Began, added.Headers.ETag ?? ETag.All, null, now);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
            }
            catch (Exception e) when (attempt < MaxBeginAttempts && StorageFaults.IsAmbiguous(e, cancellationToken))
            {
            }

            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, RowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                continue; // Our Add never landed, or the row was abandoned meanwhile: add again.
            }

            var row = existing.Value!;
            var status = row.GetString("State") == Done ? DeliveryStatus.AlreadyDone
                : row.GetString("AttemptId") == attemptId ? DeliveryStatus.Began
                : DeliveryStatus.Unknown;
            return new DeliveryTicket(dedupeKey, status, row.ETag, row.GetString("Result"), row.GetDateTimeOffset("Since"));
        }

        throw new InvalidOperationException($"Could not record the start of delivery {dedupeKey} in {tables.DeliveriesName} after {MaxBeginAttempts} attempts.");
    }

    /// <summary>Records the effect as done, with what it produced (e.g. the sent activity's id).</summary>
    public async Task CompleteAsync(string dedupeKey, string? result, CancellationToken cancellationToken)
    {
        var table = await tables.DeliveriesAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.Escape(dedupeKey), RowKey)
        {
            ["State"] = Done,
            ["Since"] = time.GetUtcNow(),
            ["DedupeKey"] = dedupeKey,
            ["Result"] = result is { Length: > MaxResultChars } ? result[..MaxResultChars] : result,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// The effect is known NOT to have happened: forget the attempt so that the next one may begin. Guarded by the ticket's
    /// ETag, so it never erases a row someone else has written since.
    /// </summary>
    public async Task AbandonAsync(DeliveryTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.Status == DeliveryStatus.AlreadyDone)
        {
            return;
        }

        var table = await tables.DeliveriesAsync(cancellationToken);
        try
        {
            await table.DeleteEntityAsync(TableKeys.Escape(ticket.DedupeKey), RowKey, ticket.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or rewritten by a newer attempt: either way not ours to delete.
        }
    }
}
