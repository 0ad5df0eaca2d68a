using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace PerijinanBot.Export;

/// <summary>
/// One table entity as one JSON line: <c>{"PartitionKey":…,"RowKey":…,"Properties":{"Name":{"Type":"Edm.Int64","Value":"…"}}}</c>.
/// Every property carries its Edm type, so an import writes back exactly the types it read (an Int64 stays an Int64, a
/// DateTime a DateTime, binary stays binary); Int64 values travel as strings, as OData's JSON format writes them, so no JSON
/// reader rounds them. Timestamp and ETag are the service's and are not written.
/// </summary>
internal static class EntityJson
{
    public static void Write(Utf8JsonWriter json, TableEntity entity)
    {
        json.WriteStartObject();
        json.WriteString("PartitionKey", entity.PartitionKey);
        json.WriteString("RowKey", entity.RowKey);
        json.WriteStartObject("Properties");
        foreach (var (name, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (IsSystem(name) || value is null)
            {
                continue;
            }

            json.WriteStartObject(name);
            switch (value)
            {
                case string s:
                    Typed(json, "Edm.String").WriteString("Value", s);
                    break;
                case int i:
                    Typed(json, "Edm.Int32").WriteNumber("Value", i);
                    break;
                case long l:
                    Typed(json, "Edm.Int64").WriteString("Value", l.ToString(CultureInfo.InvariantCulture));
                    break;
                case double d:
                    // "R" keeps every bit; NaN and the infinities are not JSON numbers.
                    Typed(json, "Edm.Double").WriteString("Value", d.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case bool b:
                    Typed(json, "Edm.Boolean").WriteBoolean("Value", b);
                    break;
                case DateTimeOffset at:
                    Typed(json, "Edm.DateTime").WriteString("Value", at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                    break;
                case DateTime at:
                    Typed(json, "Edm.DateTime").WriteString("Value", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                    break;
                case Guid g:
                    Typed(json, "Edm.Guid").WriteString("Value", g.ToString("D"));
                    break;
                case byte[] bytes:
                    Typed(json, "Edm.Binary").WriteBase64String("Value", bytes);
                    break;
                case BinaryData data:
                    Typed(json, "Edm.Binary").WriteBase64String("Value", data.ToArray());
                    break;
                default:
                    throw new InvalidDataException($"{entity.PartitionKey}/{entity.RowKey}: property {name} has a type the export does not know ({value.GetType().Name}).");
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static TableEntity Read(JsonElement line)
    {
        var entity = new TableEntity(line.GetProperty("PartitionKey").GetString(), line.GetProperty("RowKey").GetString());
        foreach (var property in line.GetProperty("Properties").EnumerateObject())
        {
            var value = property.Value.GetProperty("Value");
            entity[property.Name] = property.Value.GetProperty("Type").GetString() switch
            {
                "Edm.String" => value.GetString(),
                "Edm.Int32" => value.GetInt32(),
                "Edm.Int64" => long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                "Edm.Double" => double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                "Edm.Boolean" => value.GetBoolean(),
                "Edm.DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                "Edm.Guid" => Guid.Parse(value.GetString()!),
                "Edm.Binary" => value.GetBytesFromBase64(),
                var type => throw new InvalidDataException($"{entity.PartitionKey}/{entity.RowKey}: property {property.Name} has unknown type '{type}'."),
            };
        }

        return entity;
    }

    /// <summary>Properties the service sets itself (and the SDK's copies of them).</summary>
    public static bool IsSystem(string name) =>
        name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || name.StartsWith("odata.", StringComparison.Ordinal);

    private static Utf8JsonWriter Typed(Utf8JsonWriter json, string type)
    {
        json.WriteString("Type", type);
        return json;
    }
}
