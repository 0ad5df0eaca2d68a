using System.Text.Json.Nodes;

namespace PerijinanBot.Bot.Tests.Infrastructure;

/// <summary>Activities shaped as Teams (and the Agents Playground) send them, for the people of the Development directory.</summary>
public static class ActivityFactory
{
    public const string TenantId = "00000000-0000-4000-8000-00000000a000";
    public const string BotId = "28:00000000-0000-4000-8000-00000000b000";
    public const string KetuaAadObjectId = "00000000-0000-4000-8000-000000000001";

    public static JsonObject Message(string serviceUrl, string text, string conversationId = "a:personal-ketua", string aadObjectId = KetuaAadObjectId) =>
        Base("message", serviceUrl, conversationId, aadObjectId, new JsonObject { ["text"] = text, ["textFormat"] = "plain", ["locale"] = "id-ID" });

    public static JsonObject Invoke(string serviceUrl, string name, JsonNode? value, string conversationId = "a:personal-ketua", string aadObjectId = KetuaAadObjectId) =>
        Base("invoke", serviceUrl, conversationId, aadObjectId, new JsonObject { ["name"] = name, ["value"] = value, ["replyToId"] = "card-1" });

    public static JsonObject Base(string type, string serviceUrl, string conversationId, string aadObjectId, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:{aadObjectId}", ["name"] = "Rina Marlina", ["aadObjectId"] = aadObjectId },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "PerijinanBot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
        foreach (var (key, value) in extra)
        {
            activity[key] = value?.DeepClone();
        }

        return activity;
    }
}
