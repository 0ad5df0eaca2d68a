using System.Text.Json;
using System.Text.Json.Serialization;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.Koperasi;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Sop;

/// <summary>
/// JSON for everything the SOP layer owns: definition files, the work calendar, and the kegiatan state and events the storage
/// persists. camelCase, enums as camelCase strings, nulls omitted, comments and trailing commas tolerated in the office's files.
/// Storage: <c>JsonSerializer.Serialize(kegiatan, SopJsonContext.Default.Kegiatan)</c>, events with
/// <c>SopJsonContext.Default.KegiatanEvent</c> (a <c>"type"</c> discriminator tells them apart).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = [typeof(CamelCaseEnumConverter<Role>), typeof(CamelCaseEnumConverter<DayOfWeek>)])]
[JsonSerializable(typeof(SopDefinition))]
[JsonSerializable(typeof(WorkCalendarData))]
[JsonSerializable(typeof(Kegiatan))]
[JsonSerializable(typeof(KegiatanEvent))]
[JsonSerializable(typeof(IReadOnlyList<KegiatanEvent>))]
[JsonSerializable(typeof(Delegation))]
[JsonSerializable(typeof(IReadOnlyList<Delegation>))]
[JsonSerializable(typeof(IReadOnlyList<KoperasiEntry>))]
[JsonSerializable(typeof(IReadOnlyList<KoperasiResult>))]
public sealed partial class SopJsonContext : JsonSerializerContext;
