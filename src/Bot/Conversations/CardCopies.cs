using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Conversations;

/// <summary>Where a step's card was posted: updated in place once the step is decided, so no old copy stays clickable.</summary>
/// <param name="Version">The kegiatan's version whose decision sent the card; null for a copy recorded before versions were kept.</param>
public sealed record CardCopy(string ServiceUrl, string ConversationId, string ActivityId, int? Version = null);

/// <summary>The posted copies of each step card, one partition per kegiatan.</summary>
internal sealed class CardCopies(TableProvider tables, IOptions<StorageOptions> options)
{
    private readonly string _name = options.Value.TableName(TableName);

    public const string TableName = "CardCopies";

    public async Task RecordAsync(string number, int step, int attempt, CardCopy copy, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_name, cancellationToken);
        var row = new TableEntity(TableKeys.Escape(number), RowKey(step, attempt, copy))
        {
            ["ServiceUrl"] = copy.ServiceUrl,
            ["ConversationId"] = copy.ConversationId,
            ["ActivityId"] = copy.ActivityId,
            ["Version"] = copy.Version,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<CardCopy>> OfStepAsync(string number, int step, int attempt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_name, cancellationToken);
        var prefix = $"{step:D2}|{attempt:D2}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(number)} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var copies = new List<CardCopy>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            copies.Add(new CardCopy(row.GetString("ServiceUrl"), row.GetString("ConversationId"), row.GetString("ActivityId"), row.GetInt32("Version")));
        }

        return copies;
    }

    private static string RowKey(int step, int attempt, CardCopy copy) =>
        TableKeys.Escape($"{step:D2}|{attempt:D2}|{copy.ConversationId}|{copy.ActivityId}");
}
