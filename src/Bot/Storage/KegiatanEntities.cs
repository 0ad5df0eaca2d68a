using Azure.Data.Tables;

namespace PerijinanBot.Bot.Storage;

/// <summary>Maps commits to the rows of one kegiatan partition, and rows back.</summary>
internal static class KegiatanEntities
{
    public static List<TableTransactionAction> Build(KegiatanCommit commit, DateTimeOffset now)
    {
        var partition = KegiatanKeys.Partition(commit.Number);
        var change = commit.Change;
        var state = new TableEntity(partition, KegiatanKeys.StateRow)
        {
            ["Number"] = commit.Number,
            ["Version"] = commit.Version,
            ["Status"] = change.State.Status,
            ["SopId"] = change.State.SopId,
            ["SopVersion"] = change.State.SopVersion,
            ["UpdatedAt"] = now,
            ["LastCommandId"] = commit.CommandId,
        };
        EntityLimits.WriteChunked(state, "Json", change.State.Json);

        var history = new TableEntity(partition, KegiatanKeys.History(commit.Version))
        {
            ["Version"] = commit.Version,
            ["EventType"] = change.History.EventType,
            ["Actor"] = change.History.Actor,
            ["At"] = change.History.At,
            ["CommandId"] = commit.CommandId,
        };
        EntityLimits.WriteChunked(history, "Event", change.History.EventJson);

        var actions = new List<TableTransactionAction>(2 + change.Outbox.Count)
        {
            commit.BaseETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, state, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, state),
            new(TableTransactionActionType.Add, history),
        };
        for (var i = 0; i < change.Outbox.Count; i++)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, OutboxRow.Create(commit, i, now)));
        }

        EntityLimits.CheckBatch(commit.Number, actions);
        return actions;
    }

    public static StoredKegiatan ReadState(TableEntity entity) => new(
        Number: entity.GetString("Number") ?? entity.PartitionKey,
        State: new KegiatanState(
            EntityLimits.ReadChunked(entity, "Json"),
            entity.GetString("Status") ?? "",
            entity.GetString("SopId") ?? "",
            entity.GetInt32("SopVersion") ?? 0),
        Version: entity.GetInt32("Version") ?? 0,
        ETag: entity.ETag,
        LastCommandId: entity.GetString("LastCommandId"),
        UpdatedAt: entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue);

    public static HistoryRecord ReadHistory(TableEntity entity) => new(
        Version: entity.GetInt32("Version") ?? 0,
        EventType: entity.GetString("EventType") ?? "",
        EventJson: EntityLimits.ReadChunked(entity, "Event"),
        Actor: entity.GetString("Actor") ?? "",
        At: entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        CommandId: entity.GetString("CommandId") ?? "");
}
