using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Bot.Decisions;

/// <summary>One open step as the "tugas" list shows it.</summary>
public sealed record OpenTask(string Number, int Step, int Attempt, int Version, DateTimeOffset DueAt);

/// <summary>One open step in the due-time index: when it falls due and whose it is.</summary>
public sealed record DueStep(string Number, int Step, int Attempt, int Version, DateTimeOffset DueAt, string? AssigneeId);

/// <summary>
/// The open steps (table OpenSteps, laid out by <see cref="OpenStepRow"/>): one row per open kegiatan, keyed by its number,
/// saying whose step it is, when it falls due and when its next reminder fires. "My open steps" and "what falls due" are both read from this one partition with a filter; the partition holds
/// only the kegiatan open now (a closed one's row is removed), so its size follows the office's workload, never its history.
/// Kept by the outbox after each decision with one write of what the state says. The outbox runs one pass of a kegiatan at
/// a time and hands each pass the state it read with its outbox, so those writes follow the kegiatan's versions in order,
/// and the index is never read back to decide what to write.
/// </summary>
internal sealed class TaskIndex(TableProvider tables, IOptions<StorageOptions> options)
{
    // Environments sharing one storage account keep apart by the workflow's table prefix.
    private readonly string _name = options.Value.TableName(TableName);

    public const string TableName = "OpenSteps";
    private const string OpenPartition = OpenStepRow.Partition;

    /// <summary>Open steps due at or before <paramref name="until"/>, earliest first.</summary>
    public async Task<IReadOnlyList<DueStep>> DueAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var due = new List<DueStep>();
        await foreach (var row in QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition} and DueAt le {until}"), cancellationToken))
        {
            due.Add(new DueStep(row.GetString("Number"), row.GetInt32("Step") ?? 0, row.GetInt32("Attempt") ?? 1, row.GetInt32("Version") ?? 0,
                row.GetDateTimeOffset("DueAt") ?? until, row.GetString("AssigneeId")));
        }

        return [.. due.OrderBy(d => d.DueAt)];
    }

    public async Task<IReadOnlyList<OpenTask>> ForAsync(string personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personId);
        var tasks = new List<OpenTask>();
        await foreach (var row in QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition} and Holder eq {personId.ToLowerInvariant()}"), cancellationToken))
        {
            tasks.Add(new OpenTask(row.GetString("Number"), row.GetInt32("Step") ?? 0, row.GetInt32("Attempt") ?? 1, row.GetInt32("Version") ?? 0, row.GetDateTimeOffset("DueAt") ?? DateTimeOffset.MinValue));
        }

        return [.. tasks.OrderBy(t => t.DueAt)];
    }

    /// <summary>
    /// Makes the index say what <paramref name="kegiatan"/> says: its open step, whose it is and <paramref name="next"/> as its
    /// next reminder (one write of the whole row); or nothing once it is closed.
    /// </summary>
    public async Task SyncAsync(Kegiatan kegiatan, Reminder? next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        var table = await tables.GetAsync(_name, cancellationToken);
        if (kegiatan.Current is not { } current)
        {
            try
            {
                await table.DeleteEntityAsync(OpenStepRow.Partition, OpenStepRow.Key(kegiatan.Number), cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Removed by an earlier delivery of the same update.
            }

            return;
        }

        await table.UpsertEntityAsync(OpenStepRow.For(kegiatan, current, next), TableUpdateMode.Replace, cancellationToken);
    }

    private async IAsyncEnumerable<TableEntity> QueryAsync(string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_name, cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }
}
