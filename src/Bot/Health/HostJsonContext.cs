using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerijinanBot.Bot.Health;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HealthBody))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
