using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Reports.Agenda;

namespace PerijinanBot.Bot.Letters;

/// <summary>A letter to enter in the register: which kegiatan and document, and what the register says about it.</summary>
public sealed record AgendaRequest(string KegiatanNumber, string Document, DateOnly Tanggal, string Perihal, string Tujuan, string PengolahId, string PengolahName);

public enum SrikandiOutcome
{
    Saved,
    NotFound,

    /// <summary>Another letter of the year already carries this SRIKANDI number.</summary>
    Duplicate,
}

/// <summary>
/// Table <c>AgendaSuratKeluar</c>, one partition per year: a counter row, one row per letter keyed by its serial, and one row
/// per (kegiatan, document) naming its serial.
/// </summary>
/// <remarks>
/// A serial is taken in ONE entity-group transaction that raises the counter under its ETag, adds the letter's row and adds
/// the (kegiatan, document) row. So a serial exists only together with its letter (never skipped), two writers can never
/// both raise the counter from the same value (never repeated — on any number of instances), and recording the same
/// document again, e.g. after a timeout that hid a success, finds the first entry instead of taking a second serial.
/// </remarks>
public sealed class AgendaRegister(TableServiceClient service, IOptions<StorageOptions> storage, IOptions<AgendaOptions> options, TimeProvider time)
{
    private const string CounterRow = "counter";
    private const int MaxAttempts = 400;

    private readonly TableProvider _tables = new(service);
    private readonly AgendaOptions _options = options.Value;

    public string TableName { get; } = storage.Value.TableName("AgendaSuratKeluar");

    /// <summary>Enters a letter, or returns its entry if it was entered before. The year is the letter's date's year.</summary>
    public async Task<AgendaEntry> RecordAsync(AgendaRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = await _tables.GetAsync(TableName, cancellationToken);
        var year = request.Tanggal.Year;
        var partition = Partition(year);
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(table, year, request.KegiatanNumber, request.Document, cancellationToken) is { } existing)
            {
                return existing;
            }

            var counter = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow, cancellationToken: cancellationToken);
            var last = counter.HasValue ? counter.Value!.GetInt32("Last") ?? 0 : _options.FirstSerial - 1;
            var serial = Math.Max(last, _options.FirstSerial - 1) + 1;
            var entry = new AgendaEntry(year, serial, request.Tanggal, _options.Format(year, serial, request.Document), null, request.Perihal, request.Tujuan,
                request.PengolahId, request.PengolahName, request.KegiatanNumber, request.Document);
            var counterRow = new TableEntity(partition, CounterRow) { ["Last"] = serial };
            var actions = new List<TableTransactionAction>
            {
                counter.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, counterRow, counter.Value!.ETag)
                    : new(TableTransactionActionType.Add, counterRow),
                new(TableTransactionActionType.Add, ToEntity(entry)),
                new(TableTransactionActionType.Add, new TableEntity(partition, DocumentRow(request.KegiatanNumber, request.Document)) { ["Serial"] = serial }),
            };
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return entry;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsRetryable(e, cancellationToken))
            {
                // Someone took this serial (or recorded this very document) first, or the outcome is unknown: the next
                // round reads again, and finds our own entry if the write did land.
                await Task.Delay(Backoff(attempt), time, cancellationToken);
            }
        }
    }

    public async Task<AgendaEntry?> FindAsync(int year, string kegiatanNumber, string document, CancellationToken cancellationToken) =>
        await FindAsync(await _tables.GetAsync(TableName, cancellationToken), year, kegiatanNumber, document, cancellationToken);

    /// <summary>Every letter of the year in serial order.</summary>
    public async Task<IReadOnlyList<AgendaEntry>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(year)} and RowKey ge {"n|"} and RowKey lt {"n}"}");
        var entries = new List<AgendaEntry>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(FromEntity(entity));
        }

        return entries;
    }

    public async Task<AgendaEntry?> GetAsync(int year, int serial, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(year), EntryRow(serial), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Records the number SRIKANDI gave the letter. The serial stays the letter's place in the register.</summary>
    public async Task<(SrikandiOutcome Outcome, AgendaEntry? Entry)> SetSrikandiAsync(int year, int serial, string nomor, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(TableName, cancellationToken);
        var partition = Partition(year);
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, EntryRow(serial), cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return (SrikandiOutcome.NotFound, null);
            }

            var entity = row.Value!;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and NomorSrikandi eq {nomor}");
            await foreach (var other in table.QueryAsync<TableEntity>(filter, maxPerPage: 2, select: ["Serial"], cancellationToken: cancellationToken))
            {
                if (other.GetInt32("Serial") != serial)
                {
                    return (SrikandiOutcome.Duplicate, FromEntity(entity));
                }
            }

            entity["NomorSrikandi"] = nomor;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return (SrikandiOutcome.Saved, FromEntity(entity));
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 5)
            {
                // Changed meanwhile (another correction): read again.
            }
        }
    }

    private static async Task<AgendaEntry?> FindAsync(TableClient table, int year, string kegiatanNumber, string document, CancellationToken cancellationToken)
    {
        var partition = Partition(year);
        var map = await table.GetEntityIfExistsAsync<TableEntity>(partition, DocumentRow(kegiatanNumber, document), cancellationToken: cancellationToken);
        if (!map.HasValue || map.Value!.GetInt32("Serial") is not { } serial)
        {
            return null;
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, EntryRow(serial), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : throw new InvalidDataException($"agenda {year}: serial {serial} of {kegiatanNumber}/{document} has no entry row");
    }

    private static bool IsRetryable(Exception e, CancellationToken cancellationToken) =>
        (e is RequestFailedException failed && StorageFaults.IsConflict(failed)) || StorageFaults.IsAmbiguous(e, cancellationToken);

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + (Math.Min(attempt, 20) * 10)));

    private static string Partition(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string EntryRow(int serial) => string.Create(CultureInfo.InvariantCulture, $"n|{serial:D8}");

    private static string DocumentRow(string kegiatanNumber, string document) => $"d|{TableKeys.Escape(kegiatanNumber)}|{document}";

    private static TableEntity ToEntity(AgendaEntry entry) => new(Partition(entry.Year), EntryRow(entry.Serial))
    {
        ["Serial"] = entry.Serial,
        ["Tanggal"] = entry.Tanggal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["NomorBot"] = entry.NomorBot,
        ["NomorSrikandi"] = entry.NomorSrikandi,
        ["Perihal"] = entry.Perihal,
        ["Tujuan"] = entry.Tujuan,
        ["PengolahId"] = entry.PengolahId,
        ["PengolahName"] = entry.PengolahName,
        ["KegiatanNumber"] = entry.KegiatanNumber,
        ["Document"] = entry.Document,
    };

    private static AgendaEntry FromEntity(TableEntity e) => new(
        int.Parse(e.PartitionKey, CultureInfo.InvariantCulture),
        e.GetInt32("Serial") ?? 0,
        DateOnly.ParseExact(e.GetString("Tanggal") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.GetString("NomorBot") ?? "",
        e.GetString("NomorSrikandi"),
        e.GetString("Perihal") ?? "",
        e.GetString("Tujuan") ?? "",
        e.GetString("PengolahId") ?? "",
        e.GetString("PengolahName") ?? "",
        e.GetString("KegiatanNumber") ?? "",
        e.GetString("Document") ?? "");
}
