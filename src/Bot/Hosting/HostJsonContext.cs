using System.Text.Json;
using System.Text.Json.Serialization;
using PerijinanBot.Bot.Health;

namespace PerijinanBot.Bot;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HealthBody))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
