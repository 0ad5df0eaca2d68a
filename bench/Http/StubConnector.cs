using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PerijinanBot.Bench.Http;

/// <summary>A card that carries a decision button of a kegiatan, as it reached a chat: what a person would click next.</summary>
internal sealed record StepCardArrival(string Number, long At, string Conversation, string ActivityId, JsonObject Card, string Verb, int Step, int Version);

/// <summary>
/// A stand-in for the public Bot Connector (it cannot run here): accepts every send (POST a new activity, PUT an update,
/// create a 1:1 chat) and answers as the connector does (an activity id), records each send with its receive time, and
/// indexes the step cards by kegiatan so that a caller clicks the card that actually arrived.
/// </summary>
internal sealed class StubConnector : IAsyncDisposable
{
    private static readonly HashSet<string> DecisionVerbs = new(StringComparer.Ordinal) { "sop.submit", "sop.reject", "sop.approve", "sop.execute", "sop.report" };

    private readonly ConcurrentDictionary<string, Inbox> _inboxes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _byContent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _postsByDelivery = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _putsByDelivery = new(StringComparer.Ordinal);
    private long _sends;
    private LoopbackServer? _server;

    /// <summary>What the bot is told the connector is (an activity's serviceUrl): <c>http://127.0.0.1:{port}/connector</c>.</summary>
    public string ServiceUrl => _server is { } server ? server.Address + "connector" : throw new InvalidOperationException("not started");

    public long Sends => Interlocked.Read(ref _sends);

    /// <summary>
    /// Sends that repeated an earlier one exactly (same method, target and body). The outbox's dedupe key does not travel
    /// in the activity, so this counts by content: a send repeated by the bot counts, and so do two decisions' notices that
    /// read alike (two send-backs of one kegiatan within the same minute give the same "dikembalikan" notice).
    /// </summary>
    public int RepeatedSends => _byContent.Values.Sum(n => n - 1);

    /// <summary>
    /// New messages (POST of an activity) by the outbox dedupe key the bot sent with them (header
    /// <c>X-PerijinanBot-Delivery</c>, src/Protocol/Connector/OutboundDelivery.cs): a key seen twice is a message sent twice.
    /// </summary>
    public IReadOnlyDictionary<string, int> PostsByDelivery => new Dictionary<string, int>(_postsByDelivery, StringComparer.Ordinal);

    /// <summary>Updates of posted messages (PUT) by dedupe key: a refresh may repeat harmlessly, so these are only counted.</summary>
    public IReadOnlyDictionary<string, int> PutsByDelivery => new Dictionary<string, int>(_putsByDelivery, StringComparer.Ordinal);

    public const string DeliveryHeader = "X-PerijinanBot-Delivery";

    public static async Task<StubConnector> StartAsync()
    {
        var connector = new StubConnector();
        connector._server = await LoopbackServer.StartAsync(connector.HandleAsync);
        return connector;
    }

    /// <summary>
    /// The first card of <paramref name="number"/> received with a <paramref name="verb"/> button on <paramref name="step"/>
    /// at a version above <paramref name="afterVersion"/>: the card the next person clicks. Throws after <paramref name="timeout"/>.
    /// </summary>
    public async Task<StepCardArrival> NextCardAsync(string number, string verb, int step, int afterVersion, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var inbox = _inboxes.GetOrAdd(number, _ => new Inbox());
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (inbox)
            {
                // Cards already clicked past are no use to anyone: the inbox stays small through a long run.
                inbox.Cards.RemoveAll(c => c.Version <= afterVersion && c.Verb == verb);
                if (inbox.Cards.FirstOrDefault(c => c.Verb == verb && c.Step == step && c.Version > afterVersion) is { } card)
                {
                    return card;
                }

                changed = inbox.Changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no {verb} card of step {step} for {number} above version {afterVersion} within {timeout}");
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var at = Stopwatch.GetTimestamp();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var target = (context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "").Split('?')[0];
        var method = context.Request.Method;
        Interlocked.Increment(ref _sends);
        if (context.Request.Headers[DeliveryHeader].FirstOrDefault() is { Length: > 0 } delivery && method is "POST" or "PUT"
            && target.Contains("/activities", StringComparison.Ordinal)) // not the creation of a 1:1 chat
        {
            (method == "POST" ? _postsByDelivery : _putsByDelivery).AddOrUpdate(delivery, 1, (_, n) => n + 1);
        }

        _byContent.AddOrUpdate($"{method} {target} {Convert.ToHexString(SHA256.HashData(body))}", 1, (_, n) => n + 1);

        // /connector/v3/conversations/{id}/activities[/{activityId}], or /connector/v3/conversations (a new 1:1 chat).
        var parts = target.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var activities = Array.IndexOf(parts, "activities");
        var id = method == "PUT" && activities >= 0 && parts.Length > activities + 1 ? Uri.UnescapeDataString(parts[activities + 1]) : Guid.NewGuid().ToString("N");
        if (method == "POST" && activities > 0 && body.Length > 0 && JsonNode.Parse(body) is JsonObject activity)
        {
            Index(at, Uri.UnescapeDataString(parts[activities - 1]), id, activity);
        }

        context.Response.StatusCode = method == "POST" ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"id\":\"{id}\"}}", Encoding.UTF8, context.RequestAborted);
    }

    private void Index(long at, string conversation, string activityId, JsonObject activity)
    {
        if (activity["attachments"] is not JsonArray { Count: > 0 } attachments || attachments[0]?["content"] is not JsonObject card)
        {
            return;
        }

        foreach (var action in BenchCards.Find(card, n => (string?)n["type"] == "Action.Execute" && DecisionVerbs.Contains((string?)n["verb"] ?? "")))
        {
            if (action["data"] is JsonObject data && (string?)data["kegiatan"] is { } number)
            {
                var arrival = new StepCardArrival(number, at, conversation, activityId, card, (string)action["verb"]!, BenchCards.Int(data["step"]), BenchCards.Int(data["version"]));
                var inbox = _inboxes.GetOrAdd(number, _ => new Inbox());
                lock (inbox)
                {
                    inbox.Cards.Add(arrival);
                    inbox.Changed.TrySetResult();
                    inbox.Changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private sealed class Inbox
    {
        public List<StepCardArrival> Cards { get; } = [];

        public TaskCompletionSource Changed { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
