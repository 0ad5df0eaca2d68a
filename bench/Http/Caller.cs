using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PerijinanBot.Bench.Http;

/// <summary>One decision invoke: its latency, when its answer came, and when the next person's card of the kegiatan arrived.</summary>
internal sealed record Decision(string Number, string NextVerb, int NextStep, int Version, double LatencyMs, long AnsweredAt)
{
    /// <summary>The <see cref="Stopwatch"/> timestamp the next card arrived at the connector; 0 until known.</summary>
    public long CardAt { get; set; }
}

/// <summary>
/// One caller: kegiatan of its own (started by the Ketua with <c>sop.start</c>, its Anggota one of the two of the
/// directory), on which it loops step 2 submit (the Anggota) / step 3 Tidak with a reason (the Ketua), each time on the
/// card that reached that person's chat at the stub connector, as a client would. A kegiatan is retired after
/// <see cref="StorePath.DecisionsPerKegiatan"/> decisions, as in the store bench, so that its state stays the size of a
/// real one; the next one comes from a pool started before the clock runs.
/// </summary>
internal sealed partial class Caller(int index, HttpClient bot, StubConnector connector, TimeSpan cardTimeout)
{
    private const string Submit = "sop.submit";
    private const string Reject = "sop.reject";

    private readonly Queue<StepCardArrival> _pool = new();
    private readonly Person _anggota = Person.Anggota[index % Person.Anggota.Length];

    public List<Decision> Decisions { get; } = [];

    /// <summary>Kegiatan that had to be started while the clock ran (the pool was too small): printed, so it is seen.</summary>
    public int StartedOnTheClock => StartedOnTheClockNumbers.Count;

    public List<string> StartedOnTheClockNumbers { get; } = [];

    public long LastAnsweredAt { get; private set; }

    /// <summary>The kegiatan waiting in the pool.</summary>
    public IEnumerable<string> PoolNumbers => _pool.Select(c => c.Number);

    /// <summary>Starts <paramref name="count"/> kegiatan and waits for each one's step 2 card in the Anggota's chat.</summary>
    public async Task FillPoolAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            _pool.Enqueue(await StartAsync(cancellationToken));
        }
    }

    /// <summary>Clicks decisions until <paramref name="stopAt"/> (a <see cref="Stopwatch"/> timestamp); the last decision's card is left to the drain.</summary>
    public async Task RunAsync(long stopAt, CancellationToken cancellationToken)
    {
        var card = _pool.Count > 0 ? _pool.Dequeue() : throw new InvalidOperationException("the pool was not filled");
        var onThisKegiatan = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var decision = await DecideAsync(card, cancellationToken);
            Decisions.Add(decision);
            LastAnsweredAt = decision.AnsweredAt;
            if (++onThisKegiatan >= StorePath.DecisionsPerKegiatan)
            {
                onThisKegiatan = 0;
                if (!_pool.TryDequeue(out card!))
                {
                    card = await StartAsync(cancellationToken);
                    StartedOnTheClockNumbers.Add(card.Number);
                }

                continue;
            }

            if (Stopwatch.GetTimestamp() >= stopAt)
            {
                break;
            }

            card = await connector.NextCardAsync(decision.Number, decision.NextVerb, decision.NextStep, decision.Version, cardTimeout, cancellationToken);
            decision.CardAt = card.At;
        }
    }

    /// <summary>After the drain: the next card of every decision whose card the caller did not wait for.</summary>
    public async Task CollectCardsAsync(CancellationToken cancellationToken)
    {
        foreach (var decision in Decisions.Where(d => d.CardAt == 0))
        {
            decision.CardAt = (await connector.NextCardAsync(decision.Number, decision.NextVerb, decision.NextStep, decision.Version, cardTimeout, cancellationToken)).At;
        }
    }

    private async Task<Decision> DecideAsync(StepCardArrival card, CancellationToken cancellationToken)
    {
        var (person, next, nextStep, data) = card.Verb switch
        {
            Submit => (_anggota, Reject, 3, BenchCards.ClickData(card.Card, Submit, 2, BenchCards.Step2Typed())),
            Reject => (Person.Ketua, Submit, 2, BenchCards.ClickData(card.Card, Reject, 3, new Dictionary<string, string> { ["alasan"] = BenchCards.Reason })),
            _ => throw new InvalidOperationException($"no decision planned for a {card.Verb} card"),
        };
        if (card.Conversation != person.ConversationId)
        {
            throw new InvalidOperationException($"the {card.Verb} card of step {card.Step} reached {card.Conversation}, not {person.Name}'s chat");
        }

        var number = (string?)data["kegiatan"] ?? throw new InvalidOperationException("the card's button names no kegiatan");
        var before = Stopwatch.GetTimestamp();
        var answer = await PostAsync(BenchCards.Click(person, connector.ServiceUrl, card.ActivityId, card.Verb, data), cancellationToken);
        var answeredAt = Stopwatch.GetTimestamp();
        if (!BenchCards.IsOutcome(answer))
        {
            throw new InvalidOperationException($"{person.Name}'s {card.Verb} on {number} (version {card.Version}) was not decided; the bot answered: {answer.ToJsonString()}");
        }

        return new Decision(number, next, nextStep, card.Version, Stopwatch.GetElapsedTime(before, answeredAt).TotalMilliseconds, answeredAt);
    }

    private async Task<StepCardArrival> StartAsync(CancellationToken cancellationToken)
    {
        var click = BenchCards.Click(Person.Ketua, connector.ServiceUrl, $"start-{Guid.NewGuid():N}", "sop.start", BenchCards.StartData(_anggota));
        var answer = await PostAsync(click, cancellationToken);
        var number = Number().Match(answer.ToJsonString()).Value;
        if (number.Length == 0 || !BenchCards.IsOutcome(answer))
        {
            throw new InvalidOperationException($"the Ketua's start was not accepted: {answer.ToJsonString()}");
        }

        return await connector.NextCardAsync(number, Submit, 2, 0, cardTimeout, cancellationToken);
    }

    /// <summary>Posts an invoke and returns the card of its answer (<c>{statusCode: 200, type: adaptive card, value}</c>), or throws.</summary>
    private async Task<JsonObject> PostAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await bot.PostAsync("api/messages", content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            && JsonNode.Parse(text.Length == 0 ? "{}" : text) is JsonObject body
            && (int?)body["statusCode"] == 200
            && (string?)body["type"] == "application/vnd.microsoft.card.adaptive"
            && body["value"] is JsonObject card
            ? card
            : throw new InvalidOperationException($"the invoke failed: HTTP {(int)response.StatusCode} {text}");
    }

    [GeneratedRegex(@"FAS-\d{4}-\d{4}")]
    private static partial Regex Number();
}
