using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PerijinanBot.Bench.Http;

namespace PerijinanBot.Bench.Chaos;

/// <summary>A decision the bot answered with its outcome: <paramref name="Verb"/> on the card of <paramref name="CardVersion"/>.</summary>
internal sealed record AckedDecision(string Number, int CardVersion, string Verb, string ActorId, bool Retried);

/// <summary>
/// One caller of a chaos run: as the HTTP bench's caller, step 2 submit (the Anggota) / step 3 Tidak (the Ketua) on
/// kegiatan of its own, each click on the card that reached the person's chat, a new kegiatan after
/// <see cref="DecisionsPerKegiatan"/> decisions. What a Teams client does when the bot is down: the SAME invoke is sent
/// again (same card, same activity: the bot's command id is the same, so the answer may be "already applied", never a
/// second decision). A card the bot will not send (it logged EventId 400: an earlier attempt may have delivered it, so at
/// most once) is picked up as a person would: "Buka kartu langkah" (<c>sop.open</c>, the button of "tugas"), whose answer is
/// the step card.
/// </summary>
internal sealed partial class ChaosCaller(int index, HttpClient bot, ChaosCluster cluster, ChaosOptions options)
{
    public const int DecisionsPerKegiatan = 8;
    private const string Submit = "sop.submit";
    private const string Reject = "sop.reject";

    private readonly Person _anggota = Person.Anggota[index % Person.Anggota.Length];

    public List<AckedDecision> Decisions { get; } = [];

    /// <summary>Kegiatan this caller started (each start acknowledged once, however often it was sent).</summary>
    public List<string> Started { get; } = [];

    /// <summary>Invokes sent again because the bot (or its storage) was down.</summary>
    public int Retries { get; private set; }

    /// <summary>How long each decision's next card took to reach the chat (from the answer), in seconds.</summary>
    public List<double> CardWaits { get; } = [];

    /// <summary>Step cards taken from <c>sop.open</c> because the bot logged it would not send them again.</summary>
    public int Reopened { get; private set; }

    public async Task RunAsync(long stopAt, CancellationToken cancellationToken)
    {
        var card = await StartAsync(cancellationToken);
        var onThisKegiatan = 0;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var decision = await DecideAsync(card, cancellationToken);
            if (++onThisKegiatan >= DecisionsPerKegiatan)
            {
                onThisKegiatan = 0;
                card = await StartAsync(cancellationToken);
                continue;
            }

            var answeredAt = Stopwatch.GetTimestamp();
            await Task.Delay(options.Think, cancellationToken);
            card = decision.Verb == Submit
                ? await NextCardAsync(Person.Ketua, decision.Number, Reject, 3, decision.CardVersion, cancellationToken)
                : await NextCardAsync(_anggota, decision.Number, Submit, 2, decision.CardVersion, cancellationToken);
            CardWaits.Add(Stopwatch.GetElapsedTime(answeredAt, Math.Max(card.At, answeredAt)).TotalSeconds);
        }
    }

    private async Task<AckedDecision> DecideAsync(StepCardArrival card, CancellationToken cancellationToken)
    {
        var (person, data) = card.Verb switch
        {
            Submit => (_anggota, BenchCards.ClickData(card.Card, Submit, 2, BenchCards.Step2Typed())),
            Reject => (Person.Ketua, BenchCards.ClickData(card.Card, Reject, 3, new Dictionary<string, string> { ["alasan"] = BenchCards.Reason })),
            _ => throw new InvalidOperationException($"no decision planned for a {card.Verb} card"),
        };
        var click = BenchCards.Click(person, cluster.Connector.ServiceUrl, card.ActivityId, card.Verb, data);
        var (answer, retried) = await InvokeAsync(click, cancellationToken);
        if (!BenchCards.IsOutcome(answer))
        {
            throw new InvalidOperationException($"{person.Name}'s {card.Verb} on {card.Number} (version {card.Version}) was not decided; the bot answered: {answer.ToJsonString()}");
        }

        var decision = new AckedDecision(card.Number, card.Version, card.Verb, person.AadObjectId, retried);
        Decisions.Add(decision);
        return decision;
    }

    private async Task<StepCardArrival> StartAsync(CancellationToken cancellationToken)
    {
        var click = BenchCards.Click(Person.Ketua, cluster.Connector.ServiceUrl, $"start-{Guid.NewGuid():N}", "sop.start", BenchCards.StartData(_anggota));
        var (answer, _) = await InvokeAsync(click, cancellationToken);
        var number = Number().Match(answer.ToJsonString()).Value;
        if (number.Length == 0 || !BenchCards.IsOutcome(answer))
        {
            throw new InvalidOperationException($"the Ketua's start was not accepted: {answer.ToJsonString()}");
        }

        Started.Add(number);
        return await NextCardAsync(_anggota, number, Submit, 2, 0, cancellationToken);
    }

    /// <summary>The card the decision on <paramref name="afterVersion"/> planned for <paramref name="person"/>, as it arrives; or from <c>sop.open</c> once the bot said it will not send it.</summary>
    private async Task<StepCardArrival> NextCardAsync(Person person, string number, string verb, int step, int afterVersion, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.CardTimeout.TotalSeconds * Stopwatch.Frequency);
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{number}|v{afterVersion + 1}|card|{step}|");
        while (true)
        {
            try
            {
                return await cluster.Connector.NextCardAsync(number, verb, step, afterVersion, TimeSpan.FromMilliseconds(500), cancellationToken);
            }
            catch (TimeoutException) when (cluster.NotResentAny(key))
            {
                Reopened++;
                return await OpenAsync(person, number, verb, step, afterVersion, cancellationToken);
            }
            catch (TimeoutException) when (Stopwatch.GetTimestamp() < deadline)
            {
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{person.Name} waited {options.CardTimeout} for the {verb} card of {number} after version {afterVersion}, and the bot never said it would not send it; {await cluster.DescribeOutboxAsync(number, cancellationToken)}", e);
            }
        }
    }

    private async Task<StepCardArrival> OpenAsync(Person person, string number, string verb, int step, int afterVersion, CancellationToken cancellationToken)
    {
        var activityId = $"open-{Guid.NewGuid():N}";
        var (card, _) = await InvokeAsync(BenchCards.Click(person, cluster.Connector.ServiceUrl, activityId, "sop.open", new JsonObject { ["kegiatan"] = number }), cancellationToken);
        var action = BenchCards.Find(card, n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] == verb && BenchCards.Int(n["data"]?["step"]) == step).FirstOrDefault()
            ?? throw new InvalidOperationException($"{person.Name} opened {number} for its {verb} of step {step}, but the card has no such button: {card.ToJsonString()}");
        var version = BenchCards.Int(action["data"]?["version"]);
        return version > afterVersion
            ? new StepCardArrival(number, Stopwatch.GetTimestamp(), person.ConversationId, activityId, card, verb, step, version)
            : throw new InvalidOperationException($"{person.Name} opened {number}: its card is of version {version}, not after {afterVersion}");
    }

    /// <summary>
    /// Posts the invoke until the bot answers it with a card: refused connections (killed), resets (killed mid-request), and
    /// the bot's "could not do it now" (storage away: a message instead of a card, or a 5xx) all mean "send the same again".
    /// </summary>
    private async Task<(JsonObject Card, bool Retried)> InvokeAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.CardTimeout.TotalSeconds * Stopwatch.Frequency);
        var body = activity.ToJsonString();
        var retried = false;
        string last = "";
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await bot.PostAsync(new Uri(cluster.BaseAddress, "api/messages"), content, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK
                    && JsonNode.Parse(text.Length == 0 ? "{}" : text) is JsonObject answer
                    && (int?)answer["statusCode"] == 200
                    && (string?)answer["type"] == "application/vnd.microsoft.card.adaptive"
                    && answer["value"] is JsonObject card)
                {
                    return (card, retried);
                }

                last = $"HTTP {(int)response.StatusCode} {text}";
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                last = e.Message;
            }

            retried = true;
            Retries++;
            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"the bot did not answer {activity["value"]?["action"]?["verb"]} within {options.CardTimeout}; last: {last}");
    }

    [GeneratedRegex(@"FAS-\d{4}-\d{4}")]
    private static partial Regex Number();
}
