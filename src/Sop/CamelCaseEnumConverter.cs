using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerijinanBot.Sop;

/// <summary>Enums as camelCase strings ("workingDays"), the spelling the office's JSON files use; numbers are refused.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
