using System.Text;
using System.Text.Json.Nodes;

namespace PerijinanBot.Bot.Tests.Hostile;

/// <summary>What a hostile input may get back (one or more). Anything else (a 5xx, silence, a change in storage) fails the suite.</summary>
[Flags]
public enum Answer
{
    /// <summary>A 4xx, before anything is stored or run.</summary>
    Refused = 1,

    /// <summary>A message turn answered in the chat (an Indonesian text or card), with the HTTP answer 200.</summary>
    Reply = 2,

    /// <summary>An invoke answered with an Indonesian refusal card (or a 4xx).</summary>
    RefusalCard = 4,

    /// <summary>200 and nothing done: an activity the bot has no business with (another channel or tenant, an unknown type).</summary>
    Dropped = 8,
}

/// <summary>One generated input: raw body bytes (any bytes: broken JSON, invalid UTF-8), headers, and what it may get.</summary>
/// <param name="ReplyTo">For <see cref="Answer.Reply"/>: the activity id the bot's reply names.</param>
public sealed record HostileCase(string Category, string Name, byte[] Body, Answer Expect, string? ReplyTo = null, string ContentType = "application/json", string? Authorization = null)
{
    public static HostileCase Json(string category, string name, JsonNode activity, Answer expect) =>
        new(category, name, Encoding.UTF8.GetBytes(activity.ToJsonString()), expect, expect.HasFlag(Answer.Reply) ? (activity["id"] as JsonValue)?.ToString() : null);

    public static HostileCase Raw(string category, string name, string body, Answer expect) =>
        new(category, name, Encoding.UTF8.GetBytes(body), expect);

    public override string ToString() => $"{Category}: {Name}";
}
