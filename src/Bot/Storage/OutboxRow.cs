using Azure;
using Azure.Data.Tables;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// An outbox row <c>o|{version:D6}|{index:D3}</c> in its kegiatan's partition, and the claim it may carry.
/// <see cref="InFlight"/>: an attempt at an effect that must not be repeated began and was not known to fail.
/// </summary>
internal sealed record OutboxRow(
    string PartitionKey,
    string RowKey,
    ETag ETag,
    string Number,
    int Version,
    int Index,
    string Kind,
    string DedupeKey,
    string PayloadJson,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string Status,
    string? ClaimedBy,
    DateTimeOffset? ClaimedUntil,
    DateTimeOffset? CreatedAt = null,
    bool InFlight = false)
{
    public const string Pending = "Pending";

    /// <summary>Failed <see cref="WorkflowStorageOptions.MaxAttempts"/> times: kept for an operator, no longer retried.</summary>
    public const string Poison = "Poison";

    /// <summary>The handler said it can never succeed: kept for an operator, not retried.</summary>
    public const string Failed = "Failed";

    public bool IsDue(DateTimeOffset now) => Status == Pending && NextAttemptAt <= now && !(ClaimedUntil > now);

    public static TableEntity Create(KegiatanCommit commit, int index, DateTimeOffset now)
    {
        var message = commit.Change.Outbox[index];
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Kind);
        if (!KegiatanKeys.IsValidId(message.DedupeKey))
        {
            throw new ArgumentException($"Outbox item {index} of kegiatan {commit.Number} needs a dedupe key of 1-{KegiatanKeys.MaxIdLength} characters.", nameof(commit));
        }

        var entity = new TableEntity(KegiatanKeys.Partition(commit.Number), KegiatanKeys.Outbox(commit.Version, index))
        {
            ["Number"] = commit.Number,
            ["Version"] = commit.Version,
            ["Index"] = index,
            ["Kind"] = message.Kind,
            ["DedupeKey"] = message.DedupeKey,
            ["Attempts"] = 0,
            ["NextAttemptAt"] = now,
            ["CreatedAt"] = now,
            ["Status"] = Pending,
        };
        EntityLimits.WriteChunked(entity, "Payload", message.PayloadJson);
        return entity;
    }

    public static OutboxRow Read(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        entity.ETag,
        entity.GetString("Number") ?? entity.PartitionKey,
        entity.GetInt32("Version") ?? 0,
        entity.GetInt32("Index") ?? 0,
        entity.GetString("Kind") ?? "",
        entity.GetString("DedupeKey") ?? "",
        EntityLimits.ReadChunked(entity, "Payload"),
        entity.GetInt32("Attempts") ?? 0,
        entity.GetDateTimeOffset("NextAttemptAt") ?? DateTimeOffset.MinValue,
        entity.GetString("Status") ?? Pending,
        entity.GetString("ClaimedBy"),
        entity.GetDateTimeOffset("ClaimedUntil"),
        entity.GetDateTimeOffset("CreatedAt"),
        entity.GetBoolean("InFlight") ?? false);
}
