using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bench.Chaos;

/// <summary>
/// "No reminder lost": an open kegiatan's open-steps row is written for its current version and schedules a reminder of its
/// open step. Read as the bot lays it out: table OpenSteps, row "open"/{number} with the step, its holder, its version and the
/// next reminder (RemindAt, RemindStep; src/Bot/Decisions/OpenStepRow.cs). The numbers hold none of the characters the row
/// key escapes.
/// </summary>
internal sealed class ReminderRows(TableServiceClient service, string prefix)
{
    private readonly TableClient _open = service.GetTableClient(prefix + "OpenSteps");

    public async Task<IReadOnlyList<string>> CheckAsync(string number, int version, StepRecord current, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var open = await GetAsync(_open, "open", number, cancellationToken);
        if (open?.GetInt32("Version") != version || open.GetInt32("Step") != current.Step
            || !string.Equals(open.GetString("Holder"), current.Assignee?.Id, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{number} v{version}: its open-step row (\"tugas\", what falls due, the next reminder) is {Describe(open)} held by {open?.GetString("Holder") ?? "-"}, not step {current.Step} of this version held by {current.Assignee?.Id}");
        }
        else if (open.GetDateTimeOffset("RemindAt") is null || open.GetInt32("RemindStep") != current.Step)
        {
            problems.Add($"{number} v{version}: its open-step row schedules {(open.GetDateTimeOffset("RemindAt") is null ? "no reminder" : $"a reminder of step {open.GetInt32("RemindStep")}")}, not one of step {current.Step} (lost)");
        }

        return problems;
    }

    private static string Describe(TableEntity? row) =>
        row is null ? "missing" : $"version {row.GetInt32("Version")}, step {row.GetInt32("Step")}";

    private static async Task<TableEntity?> GetAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            return found.HasValue ? found.Value : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // no such table yet
        }
    }
}

/// <summary>Waits until no outbox row ("o|…") is left in any kegiatan partition; rows parked (Poison, Failed) are reported, not waited for.</summary>
internal static class OutboxDrain
{
    public static async Task<(TimeSpan Took, IReadOnlyList<string> Parked)> WaitAsync(TableServiceClient service, string prefix, TimeSpan timeout, Action throwIfBotExited, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(prefix + "Kegiatan");
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var left = new List<(string Key, string Status)>();
            await foreach (var row in table.QueryAsync<TableEntity>("RowKey ge 'o|' and RowKey lt 'o}'", select: ["PartitionKey", "RowKey", "Status", "DedupeKey"], cancellationToken: cancellationToken))
            {
                left.Add(($"{row.GetString("DedupeKey")} ({row.PartitionKey}/{row.RowKey})", row.GetString("Status") ?? "Pending"));
            }

            if (left.All(l => l.Status is "Poison" or "Failed"))
            {
                return (Stopwatch.GetElapsedTime(started), [.. left.Select(l => $"{l.Key}: parked as {l.Status}")]);
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"the outbox did not drain within {timeout}: {left.Count} rows left, e.g. {string.Join(", ", left.Take(5).Select(l => l.Key))}");
            }

            throwIfBotExited();
            await Task.Delay(250, cancellationToken);
        }
    }
}
