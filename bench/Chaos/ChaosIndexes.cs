using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bench.Chaos;

/// <summary>
/// "No reminder lost": an open kegiatan's next reminder, its due-step row and its "tugas" row are placed for its current
/// version. Read as the bot lays them out: table Reminders (pointer "k"/{number} naming the due row "r"/{key}, with the
/// version that placed it: src/Bot/Reminders/ReminderTable.cs), DueSteps (pointer "kegiatan"/{number}, row "due"/{key}) and
/// Tasks (the holder's row {person}/{number}, and "~version"/{number}: src/Bot/Decisions/TaskIndex.cs). The numbers and the
/// directory's ids hold none of the characters those keys escape.
/// </summary>
internal sealed class ReminderRows(TableServiceClient service, string prefix)
{
    private readonly TableClient _reminders = service.GetTableClient(prefix + "Reminders");
    private readonly TableClient _due = service.GetTableClient(prefix + "DueSteps");
    private readonly TableClient _tasks = service.GetTableClient(prefix + "Tasks");

    public async Task<IReadOnlyList<string>> CheckAsync(string number, int version, StepRecord current, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var pointer = await GetAsync(_reminders, "k", number, cancellationToken);
        if (pointer?.GetInt32("Version") != version || pointer.GetString("DueKey") is not { } dueKey)
        {
            problems.Add($"{number} v{version}: its reminder pointer is {Describe(pointer)}, not placed for this version");
        }
        else if (await GetAsync(_reminders, "r", dueKey, cancellationToken) is not { } reminder || reminder.GetString("Number") != number || reminder.GetInt32("Step") != current.Step)
        {
            problems.Add($"{number} v{version}: its reminder pointer names {dueKey}, which is not a reminder of step {current.Step} of it (lost)");
        }

        var duePointer = await GetAsync(_due, "kegiatan", number, cancellationToken);
        if (duePointer?.GetInt32("Version") != version || duePointer.GetString("DueKey") is not { } stepKey)
        {
            problems.Add($"{number} v{version}: its due-step pointer is {Describe(duePointer)}, not placed for this version");
        }
        else if (await GetAsync(_due, "due", stepKey, cancellationToken) is not { } due || due.GetInt32("Step") != current.Step || due.GetInt32("Version") != version)
        {
            problems.Add($"{number} v{version}: its due-step row {stepKey} is missing or not of step {current.Step}");
        }

        var holder = current.Assignee?.Id.ToLowerInvariant() ?? "";
        var task = await GetAsync(_tasks, holder, number, cancellationToken);
        var taskVersion = await GetAsync(_tasks, "~version", number, cancellationToken);
        if (task?.GetInt32("Version") != version || task.GetInt32("Step") != current.Step || taskVersion?.GetInt32("Version") != version)
        {
            problems.Add($"{number} v{version}: the holder's \"tugas\" row is {Describe(task)} (index at {Describe(taskVersion)}), not step {current.Step} of this version");
        }

        return problems;
    }

    private static string Describe(TableEntity? row) =>
        row is null ? "missing" : $"version {row.GetInt32("Version")}, due {row.GetString("DueKey") ?? "-"}";

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
