using System.Text;
using Azure.Data.Tables;

namespace PerijinanBot.Bot.Tests.Hostile;

/// <summary>
/// Every row of every table under the given prefixes, as text (keys and properties, without Timestamp and ETag). The
/// conversation references are left out: an activity from a person's own chat may refresh them (the suite checks their
/// personal chats separately).
/// </summary>
internal static class TableSnapshot
{
    public static async Task<SortedDictionary<string, string>> TakeAsync(string connectionString, string prefixA, string prefixB, CancellationToken cancellationToken)
    {
        var service = new TableServiceClient(connectionString);
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync(cancellationToken: cancellationToken))
        {
            if (!(table.Name.StartsWith(prefixA, StringComparison.Ordinal) || table.Name.StartsWith(prefixB, StringComparison.Ordinal))
                || table.Name.EndsWith("ConversationReferences", StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                var text = new StringBuilder();
                foreach (var (key, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (key is not ("Timestamp" or "odata.etag"))
                    {
                        text.Append(key).Append('=').Append(value is DateTimeOffset at ? at.ToString("O") : value?.ToString()).Append('|');
                    }
                }

                rows[$"{table.Name}/{entity.PartitionKey}/{entity.RowKey}"] = text.ToString();
            }
        }

        return rows;
    }

    private static string Changed(string before, string after)
    {
        var old = before.Split('|').ToHashSet(StringComparer.Ordinal);
        var now = after.Split('|').ToHashSet(StringComparer.Ordinal);
        static string Cut(string p) => p.Length <= 160 ? p : p[..160] + "…";
        return $"was {string.Join(" | ", old.Except(now).Select(Cut))}; now {string.Join(" | ", now.Except(old).Select(Cut))}";
    }

    public static List<string> Differences(SortedDictionary<string, string> before, SortedDictionary<string, string> after)
    {
        var differences = new List<string>();
        foreach (var (key, value) in after)
        {
            if (!before.TryGetValue(key, out var old))
            {
                differences.Add($"added {key}");
            }
            else if (old != value)
            {
                differences.Add($"changed {key}: {Changed(old, value)}");
            }
        }

        differences.AddRange(before.Keys.Where(k => !after.ContainsKey(k)).Select(k => $"removed {k}"));
        return differences;
    }
}
