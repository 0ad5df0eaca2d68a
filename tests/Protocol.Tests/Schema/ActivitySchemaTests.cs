using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PerijinanBot.Protocol.Tests.Schema;

public sealed class ActivitySchemaTests
{
    // An activity as Teams sends it, with fields the schema does not name (at every level).
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1689000000000",
          "timestamp": "2026-03-02T01:15:00.123Z",
          "localTimestamp": "2026-03-02T08:15:00.123+07:00",
          "localTimezone": "Asia/Jakarta",
          "serviceUrl": "https://smba.trafficmanager.net/apac/",
          "channelId": "msteams",
          "from": { "id": "29:1abc", "name": "Rina Marlina", "aadObjectId": "00000000-0000-4000-8000-000000000001", "userRole": "user" },
          "conversation": { "id": "a:1xyz", "conversationType": "personal", "tenantId": "00000000-0000-4000-8000-00000000a000", "isGroup": false },
          "recipient": { "id": "28:bot", "name": "PerijinanBot" },
          "textFormat": "plain",
          "text": "bantuan",
          "locale": "id-ID",
          "entities": [ { "type": "clientInfo", "locale": "id-ID", "country": "ID", "platform": "Windows", "timezone": "Asia/Jakarta" } ],
          "channelData": { "tenant": { "id": "00000000-0000-4000-8000-00000000a000" }, "source": { "name": "message" }, "legacy": { "replyToId": "x" } },
          "attachments": [ { "contentType": "text/html", "content": "<p>bantuan</p>" } ],
          "futureField": { "nested": [1, 2, 3] }
        }
        """;

    [Fact]
    public void Unknown_fields_survive_a_round_trip_at_every_level()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, ProtocolJsonContext.Default.Activity)!;

        var echoed = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity))!.AsObject();
        var original = JsonNode.Parse(TeamsMessage)!.AsObject();

        // Timestamps come back as the same instant, written with a numeric offset instead of "Z".
        foreach (var key in new[] { "timestamp", "localTimestamp" })
        {
            Assert.Equal(DateTimeOffset.Parse((string)original[key]!, CultureInfo.InvariantCulture), DateTimeOffset.Parse((string)echoed[key]!, CultureInfo.InvariantCulture));
            original.Remove(key);
            echoed.Remove(key);
        }

        Assert.True(JsonNode.DeepEquals(original, echoed), echoed.ToJsonString());
    }

    [Fact]
    public void Known_fields_are_typed()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, ProtocolJsonContext.Default.Activity)!;

        Assert.True(activity.IsType(ActivityTypes.Message));
        Assert.Equal("00000000-0000-4000-8000-000000000001", activity.From?.AadObjectId);
        Assert.Equal("personal", activity.Conversation?.ConversationType);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 15, 0, 123, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal("00000000-0000-4000-8000-00000000a000", activity.ChannelData?.Tenant?.Id);
        Assert.Equal("clientInfo", activity.Entities?[0].Type);
    }

    [Fact]
    public void A_conversation_reference_captures_everything_needed_to_write_first()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, ProtocolJsonContext.Default.Activity)!;

        var reference = ConversationReference.From(activity)!;
        var message = reference.NewMessage();

        Assert.Equal("https://smba.trafficmanager.net/apac/", reference.ServiceUrl);
        Assert.Equal("a:1xyz", reference.ConversationId);
        Assert.Equal("00000000-0000-4000-8000-00000000a000", reference.TenantId);
        Assert.Equal("29:1abc", reference.UserId);
        Assert.Equal("28:bot", reference.BotId);
        Assert.True(reference.IsPersonal);
        Assert.Equal("message", message.Type);
        Assert.Equal("28:bot", message.From?.Id);
        Assert.Equal("29:1abc", message.Recipient?.Id);
        Assert.Equal("a:1xyz", message.Conversation?.Id);
    }

    [Fact]
    public void An_activity_without_an_address_yields_no_reference()
    {
        Assert.Null(ConversationReference.From(new Activity { Type = "message", Conversation = new ConversationAccount { Id = "a:1" } }));
        Assert.Null(ConversationReference.From(new Activity { Type = "message", ServiceUrl = "https://x/" }));
    }

    [Fact]
    public void Outbound_activities_leave_out_nulls()
    {
        var json = JsonSerializer.Serialize(new Activity { Type = "message", Text = "Halo" }, ProtocolJsonContext.Default.Activity);

        Assert.Equal("""{"type":"message","text":"Halo"}""", json);
    }
}
