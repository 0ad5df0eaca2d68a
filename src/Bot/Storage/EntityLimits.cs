using System.Globalization;
using Azure.Data.Tables;

namespace PerijinanBot.Bot.Storage;

/// <summary>
/// Splits long strings over several properties (Azurite rejects strings over 32K characters; the service allows 64 KiB)
/// and checks entity and batch sizes before sending, so that a limit is reported as what it is, not as a 400 from the wire.
/// </summary>
internal static class EntityLimits
{
    public const int ChunkChars = 32_000;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxProperties = 252;
    public const int MaxBatchOperations = 100;
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>Writes <paramref name="value"/> as <c>{name}0..{name}N</c> plus <c>{name}Chunks</c>.</summary>
    public static void WriteChunked(TableEntity entity, string name, string value)
    {
        var count = 0;
        var start = 0;
        do
        {
            var length = Math.Min(ChunkChars, value.Length - start);
            // A surrogate pair split across two properties would be two invalid strings on the wire.
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                length--;
            }

            entity[name + count.ToString(CultureInfo.InvariantCulture)] = value.Substring(start, length);
            start += length;
            count++;
        }
        while (start < value.Length);

        entity[name + "Chunks"] = count;
    }

    public static string ReadChunked(TableEntity entity, string name)
    {
        var count = entity.GetInt32(name + "Chunks") ?? throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} has no {name}Chunks.");
        if (count == 1)
        {
            return entity.GetString(name + "0") ?? "";
        }

        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(entity.GetString(name + i.ToString(CultureInfo.InvariantCulture))
                ?? throw new InvalidDataException($"Row {entity.PartitionKey}/{entity.RowKey} misses {name}{i}."));
        }

        return builder.ToString();
    }

    /// <summary>The service's own size formula (strings count two bytes per UTF-16 unit).</summary>
    public static long Size(TableEntity entity)
    {
        long size = 4 + (2L * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (name, value) in entity)
        {
            if (IsSystem(name))
            {
                continue;
            }

            size += 8 + (2L * name.Length) + value switch
            {
                string s => 4 + (2L * s.Length),
                byte[] b => 4 + b.Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8,
            };
        }

        return size;
    }

    private static bool IsSystem(string name) => name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag";

    /// <summary>Throws <see cref="StorageLimitException"/> if the batch could not be written as one transaction.</summary>
    public static void CheckBatch(string number, IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count > MaxBatchOperations)
        {
            throw new StorageLimitException(string.Create(CultureInfo.InvariantCulture, $"Kegiatan {number}: a commit of {actions.Count} rows exceeds the {MaxBatchOperations} operations of one entity-group transaction (state + history + at most {MaxBatchOperations - 2} outbox rows)."));
        }

        long total = 0;
        foreach (var action in actions)
        {
            var entity = (TableEntity)action.Entity;
            var size = Size(entity);
            if (size > MaxEntityBytes)
            {
                throw new StorageLimitException(string.Create(CultureInfo.InvariantCulture, $"Kegiatan {number}: row {entity.RowKey} would be {size:N0} bytes; Table Storage allows {MaxEntityBytes:N0} per entity. Keep large data out of the state (e.g. links to files)."));
            }

            var properties = entity.Keys.Count(name => !IsSystem(name));
            if (properties > MaxProperties)
            {
                throw new StorageLimitException(string.Create(CultureInfo.InvariantCulture, $"Kegiatan {number}: row {entity.RowKey} would have {properties} properties; Table Storage allows {MaxProperties}."));
            }

            total += size;
        }

        if (total > MaxBatchBytes)
        {
            throw new StorageLimitException(string.Create(CultureInfo.InvariantCulture, $"Kegiatan {number}: the commit would be {total:N0} bytes; one transaction allows {MaxBatchBytes:N0}."));
        }
    }
}
