using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// Table <c>KegiatanNumbers</c>: per year (PK) and prefix (RK) a hint naming the highest committed serial, and per start
/// command (PK <c>cmd</c>) the serial its walk begins at.
/// </summary>
/// <remarks>
/// The hint only speeds the walk up; it never decides a number. The command row is what makes a start idempotent across
/// calls: a first attempt may have created its kegiatan and crashed before answering, and meanwhile other starts may have
/// moved the hint past that number. A retry walks up from the SAME first serial, so it meets its own kegiatan (every number
/// below a committed one is taken) before it meets a free number.
/// </remarks>
internal sealed class KegiatanNumbers(WorkflowTables tables, WorkflowStorageOptions options, TimeProvider time, ILogger logger)
{
    private const string CommandPartition = "cmd";
    private const int HintAttempts = 5;

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.NumberTimeZone);

    public string Format(int year, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{options.NumberPrefix}-{year}-{serial:D4}");

    /// <summary>The year and first serial of this command's walk: recorded on first sight, read back on every retry.</summary>
    public async Task<(int Year, int From)> BeginAsync(string commandId, CancellationToken cancellationToken)
    {
        var table = await tables.NumbersAsync(cancellationToken);
        var rowKey = TableKeys.Escape(commandId);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(CommandPartition, rowKey, cancellationToken: cancellationToken);
        if (!existing.HasValue)
        {
            var year = TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).Year;
            var (last, _) = await ReadHintAsync(table, year, cancellationToken);
            var from = Math.Max(last + 1, options.FirstSerial);
            try
            {
                await table.AddEntityAsync(new TableEntity(CommandPartition, rowKey) { ["Year"] = year, ["From"] = from, ["CommandId"] = commandId }, cancellationToken);
                return (year, from);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // The same command running concurrently (a redelivery), or our own Add retried by the SDK: use what is stored.
                existing = await table.GetEntityIfExistsAsync<TableEntity>(CommandPartition, rowKey, cancellationToken: cancellationToken);
            }
        }

        var row = existing.Value ?? throw new InvalidOperationException($"Start command {commandId} vanished from {tables.NumbersName}.");
        return (row.GetInt32("Year") ?? 0, row.GetInt32("From") ?? options.FirstSerial);
    }

    /// <summary>Raises the hint to <paramref name="serial"/> if it is lower. Best effort: a stale hint only lengthens walks.</summary>
    public async Task AdvanceHintAsync(int year, int serial, CancellationToken cancellationToken)
    {
        try
        {
            var table = await tables.NumbersAsync(cancellationToken);
            for (var attempt = 0; attempt < HintAttempts; attempt++)
            {
                var (last, etag) = await ReadHintAsync(table, year, cancellationToken);
                if (last >= serial)
                {
                    return;
                }

                var hint = new TableEntity(HintPartition(year), options.NumberPrefix) { ["Last"] = serial };
                try
                {
                    // ETag-guarded, so a concurrent higher value is never overwritten by a lower one.
                    await (etag is { } match
                        ? table.UpdateEntityAsync(hint, match, TableUpdateMode.Replace, cancellationToken)
                        : table.AddEntityAsync(hint, cancellationToken));
                    return;
                }
                catch (RequestFailedException e) when (StorageFaults.IsConflict(e))
                {
                    // Someone moved it meanwhile: read again.
                }
            }
        }
        catch (Exception e) when (e is RequestFailedException || StorageFaults.IsAmbiguous(e, cancellationToken))
        {
            WorkflowStorageLog.HintNotAdvanced(logger, e, year, serial);
        }
    }

    private static string HintPartition(int year) => year.ToString(CultureInfo.InvariantCulture);

    private async Task<(int Last, ETag? ETag)> ReadHintAsync(TableClient table, int year, CancellationToken cancellationToken)
    {
        var hint = await table.GetEntityIfExistsAsync<TableEntity>(HintPartition(year), options.NumberPrefix, cancellationToken: cancellationToken);
        return hint.HasValue ? (hint.Value!.GetInt32("Last") ?? 0, hint.Value.ETag) : (0, null);
    }
}
