using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// Hands out table clients, creating each table once per process on first use. Creation is retried on the
/// next call after a failure, so the bot starts (and /healthz reports) while storage is still down.
/// </summary>
internal sealed class TableProvider(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var table = service.GetTableClient(name);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await table.CreateIfNotExistsAsync(timeout.Token);
        return table;
    }
}
