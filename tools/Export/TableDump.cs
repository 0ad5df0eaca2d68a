using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace PerijinanBot.Export;

/// <summary>
/// The bot's tables: every table of the account whose name starts with <c>Storage:TableNamePrefix</c> (with no prefix, every
/// table of the account: the bot's account is its own), one JSON-lines file each under <c>tables/</c>, named without the
/// prefix, so a dump can be restored under another prefix.
/// </summary>
internal sealed class TableDump(TableServiceClient service, string prefix)
{
    public const string Folder = "tables";

    /// <summary>The bot's tables and their names without the prefix, in name order.</summary>
    public async Task<IReadOnlyList<(string Name, string Short)>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<(string, string)>();
        await foreach (var table in service.QueryAsync(cancellationToken: cancellationToken))
        {
            // The bot's names go on in upper case after the prefix ("DevKegiatan"): "Dev2Kegiatan" is another environment's.
            if (table.Name.StartsWith(prefix, StringComparison.Ordinal) && table.Name.Length > prefix.Length
                && (prefix.Length == 0 || char.IsUpper(table.Name[prefix.Length])))
            {
                names.Add((table.Name, table.Name[prefix.Length..]));
            }
        }

        return [.. names.OrderBy(n => n.Item1, StringComparer.Ordinal)];
    }

    /// <summary>Writes one table; returns its row count.</summary>
    public async Task<int> ExportAsync(string name, string file, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(name);
        var rows = 0;
        await using var stream = File.Create(file);
        await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            await using (var json = new Utf8JsonWriter(stream))
            {
                EntityJson.Write(json, entity);
            }

            stream.WriteByte((byte)'\n');
            rows++;
        }

        return rows;
    }

    /// <summary>True when the table exists and holds at least one row.</summary>
    public async Task<bool> HasRowsAsync(string shortName, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(prefix + shortName);
        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                return true;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }

        return false;
    }

    /// <summary>
    /// Writes one table back. Rows go in batches of one partition (at most 100, the service's limit); with
    /// <paramref name="replace"/> (--force) a row that exists is replaced, else the batch fails on it.
    /// </summary>
    public async Task<int> ImportAsync(string shortName, string file, bool replace, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(prefix + shortName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var rows = 0;
        var batch = new List<TableTransactionAction>();
        string? partition = null;
        foreach (var line in File.ReadLines(file, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var entity = EntityJson.Read(document.RootElement);
            if (batch.Count == 100 || (partition is not null && partition != entity.PartitionKey))
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
            }

            partition = entity.PartitionKey;
            batch.Add(new TableTransactionAction(replace ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add, entity));
            rows++;
        }

        if (batch.Count > 0)
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }

        return rows;
    }
}
