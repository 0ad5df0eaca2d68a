using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Koperasi;

namespace PerijinanBot.Bot.Decisions;

/// <summary>
/// "Which kegiatan serve this koperasi" (table Koperasi): one row per search key and kegiatan (partition "nik" or "nama", row
/// key "‹key›|‹number›"), so <c>cari</c> reads a range of keys rather than scanning kegiatan. Kept by the outbox after the
/// start and after step 2's data, written to say what the kegiatan says now (a pointer row per kegiatan remembers its keys,
/// so keys that no longer apply are removed), so repeating an update is harmless.
/// </summary>
internal sealed class KoperasiIndex(TableProvider tables, IOptions<StorageOptions> options)
{
    private readonly string _table = options.Value.TableName(TableName);

    public const string TableName = "Koperasi";
    private const string PointerPartition = "kegiatan";

    /// <summary>Numbers of the kegiatan whose koperasi match the query (a NIK exactly, a name by prefix), each once.</summary>
    public async Task<IReadOnlyList<string>> FindAsync(KoperasiKey query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = await tables.GetAsync(_table, cancellationToken);
        var from = TableKeys.Escape(query.Kind == KoperasiSearch.Nik ? query.Key + "|" : query.Key);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {query.Kind} and RowKey ge {from} and RowKey lt {from + "~"}");
        var numbers = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            if (row.GetString("Number") is { Length: > 0 } number && !numbers.Contains(number, StringComparer.Ordinal))
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }

    /// <summary>Makes the index hold exactly the kegiatan's current koperasi keys.</summary>
    public async Task SyncAsync(Kegiatan kegiatan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        var table = await tables.GetAsync(_table, cancellationToken);
        var number = TableKeys.Escape(kegiatan.Number);
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, number, cancellationToken: cancellationToken);
        if (pointer.HasValue && (pointer.Value!.GetInt32("Version") ?? 0) > kegiatan.Version)
        {
            return; // a newer update already wrote the keys
        }

        var keys = KoperasiSearch.Keys(KegiatanKoperasi.Of(kegiatan)).Select(k => $"{k.Kind}\n{TableKeys.Escape(k.Key)}|{number}").ToList();
        var previous = pointer.HasValue ? (pointer.Value!.GetString("Keys") ?? "").Split('\t', StringSplitOptions.RemoveEmptyEntries) : [];
        foreach (var key in keys)
        {
            var (partition, row) = Split(key);
            await table.UpsertEntityAsync(new TableEntity(partition, row) { ["Number"] = kegiatan.Number }, TableUpdateMode.Replace, cancellationToken);
        }

        await table.UpsertEntityAsync(new TableEntity(PointerPartition, number) { ["Keys"] = string.Join('\t', keys), ["Version"] = kegiatan.Version }, TableUpdateMode.Replace, cancellationToken);
        foreach (var stale in previous.Except(keys, StringComparer.Ordinal))
        {
            var (partition, row) = Split(stale);
            try
            {
                await table.DeleteEntityAsync(partition, row, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Removed by an earlier delivery of the same update.
            }
        }
    }

    private static (string Partition, string Row) Split(string key)
    {
        var at = key.IndexOf('\n', StringComparison.Ordinal);
        return (key[..at], key[(at + 1)..]);
    }
}

/// <summary>Keeps the koperasi search index in step with the kegiatan's koperasi.</summary>
internal sealed class KoperasiIndexHandler(KegiatanService kegiatan, KoperasiIndex index) : IOutboxHandler
{
    public IReadOnlyCollection<string> Kinds { get; } = [OutboxKinds.KoperasiIndex];

    /// <summary>It writes what the state says.</summary>
    public bool RepeatSafe => true;

    public async Task<OutboxOutcome> HandleAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var payload = OutboxPayloads.Read(item);
        if (await kegiatan.FindAsync(payload.Number, cancellationToken) is { } state)
        {
            await index.SyncAsync(state, cancellationToken);
        }

        return OutboxOutcome.Delivered();
    }
}
