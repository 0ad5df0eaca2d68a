using Azure.Data.Tables;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Conversations;

/// <summary>Where a step's card was posted: updated in place once the step is decided, so no old copy stays clickable.</summary>
/// <param name="Version">The kegiatan's version whose decision sent the card; null for a copy recorded before versions were kept.</param>
public sealed record CardCopy(string ServiceUrl, string ConversationId, string ActivityId, int? Version = null);

/// <summary>
/// The posted copies of each step card, as rows <c>q|{step}|{attempt}|{conversation}|{activity}</c> of the kegiatan's own
/// partition: an outbox pass reads them with its outbox and records the copies it posts in its completing batch, so a card
/// and its copy cost no request of their own. A card posted outside the outbox (a Plh.'s card sent from a chat) is recorded
/// with a write of its own.
/// </summary>
internal sealed class CardCopies(WorkflowTables tables)
{
    /// <summary>Sorts after the outbox rows and the pass lease, before the state row: inside the range an outbox pass reads.</summary>
    public const string RowPrefix = "q|";

    public async Task RecordAsync(string number, int step, int attempt, CardCopy copy, CancellationToken cancellationToken)
    {
        var table = await tables.KegiatanAsync(cancellationToken);
        await table.UpsertEntityAsync(Row(number, step, attempt, copy), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<CardCopy>> OfStepAsync(string number, int step, int attempt, CancellationToken cancellationToken)
    {
        var table = await tables.KegiatanAsync(cancellationToken);
        var prefix = Prefix(step, attempt);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KegiatanKeys.Partition(number)} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var copies = new List<CardCopy>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            copies.Add(Read(row));
        }

        return copies;
    }

    /// <summary>The key prefix of a step attempt's copies.</summary>
    public static string Prefix(int step, int attempt) => $"{RowPrefix}{step:D2}|{attempt:D2}|";

    public static TableEntity Row(string number, int step, int attempt, CardCopy copy) =>
        new(KegiatanKeys.Partition(number), Prefix(step, attempt) + TableKeys.Escape($"{copy.ConversationId}|{copy.ActivityId}"))
        {
            ["ServiceUrl"] = copy.ServiceUrl,
            ["ConversationId"] = copy.ConversationId,
            ["ActivityId"] = copy.ActivityId,
            ["Version"] = copy.Version,
        };

    public static CardCopy Read(TableEntity row) =>
        new(row.GetString("ServiceUrl"), row.GetString("ConversationId"), row.GetString("ActivityId"), row.GetInt32("Version"));
}
