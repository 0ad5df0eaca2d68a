using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Letters;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Tests.Dialogs;

/// <summary>One person of the Development directory, with their own 1:1 chat with the bot.</summary>
public sealed record Person(string Name, string AadObjectId, string ConversationId)
{
    public override string ToString() => Name;
}

/// <summary>The HTTP answer to an <c>adaptiveCard/action</c> invoke: <c>{statusCode, type, value}</c>.</summary>
public sealed record InvokeAnswer(HttpStatusCode Http, JsonObject Body)
{
    public int StatusCode => (int?)Body["statusCode"] ?? 0;

    public string? Type => (string?)Body["type"];

    public bool IsCard => Http == HttpStatusCode.OK && StatusCode == 200 && Type == "application/vnd.microsoft.card.adaptive" && Body["value"] is JsonObject;

    public JsonObject Card => IsCard ? (JsonObject)Body["value"]! : throw new InvalidOperationException($"not a card answer: {Http} {Body.ToJsonString()}");

    public override string ToString() => $"{(int)Http} {Body.ToJsonString(DialogCards.Unescaped)}";
}

/// <summary>A card the bot sent (POST) into a conversation: the call and the card.</summary>
public sealed record SentCard(ConnectorCall Call, JsonObject Card);

/// <summary>A step card delivered to its assignee: the activity id it landed under (what a click names as replyToId) and the card.</summary>
public sealed record StepCardCopy(string ActivityId, JsonObject Card, int Step, int Attempt);

/// <summary>
/// The real bot in process over a real Azurite, with a <see cref="RecordingConnector"/> as the Bot Connector, and the six people
/// of the Development directory, each in their own 1:1 chat (ids unique per harness, so hosts sharing one Azurite never mix).
/// Everyone installs the app first (Teams' conversationUpdate), so the bot has their conversation reference.
/// Waits are on what arrives at the connector (polling, with a timeout); nothing assumes timing.
/// </summary>
public sealed partial class DialogHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public const string BudiId = "00000000-0000-4000-8000-000000000002";

    private readonly HashSet<int> _taken = [];
    private readonly List<string> _started = [];
    private readonly string _connectionString;

    private DialogHarness(string connectionString, RecordingConnector connector, BotFactory bot, HttpClient client, string run)
    {
        _connectionString = connectionString;
        Connector = connector;
        Bot = bot;
        Client = client;
        Ketua = new Person("Rina Marlina", "00000000-0000-4000-8000-000000000001", $"a:personal-ketua-{run}");
        Budi = new Person("Budi Santoso", BudiId, $"a:personal-budi-{run}");
        Kabid = new Person("Hendra Gunawan", "00000000-0000-4000-8000-000000000003", $"a:personal-kabid-{run}");
        Kadis = new Person("Siti Aminah", "00000000-0000-4000-8000-000000000004", $"a:personal-kadis-{run}");
        Dewi = new Person("Dewi Lestari", "00000000-0000-4000-8000-000000000005", $"a:personal-dewi-{run}");
        Admin = new Person("Agus Pratama", "00000000-0000-4000-8000-000000000006", $"a:personal-admin-{run}");
        Run = run;
    }

    public RecordingConnector Connector { get; }
    public BotFactory Bot { get; }
    public HttpClient Client { get; }

    /// <summary>A token unique to this harness, for conversation ids.</summary>
    public string Run { get; }

    public Person Ketua { get; }
    public Person Budi { get; }
    public Person Kabid { get; }
    public Person Kadis { get; }
    public Person Dewi { get; }
    public Person Admin { get; }

    public IReadOnlyList<Person> Everyone => [Ketua, Budi, Kabid, Kadis, Dewi, Admin];

    /// <summary>The bot's <c>Storage:TableNamePrefix</c>: where the harness reads what the bot stored.</summary>
    public string TablePrefix => Bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.TableNamePrefix;

    /// <param name="settings">Settings added to (and winning over) the harness's own, e.g. the Graph stand-in's.</param>
    /// <param name="configureServices">What the test machine differs in, e.g. trusting a local certificate.</param>
    /// <param name="introduce">Everyone installs the app first, so the bot knows their 1:1 chats.</param>
    public static async Task<DialogHarness> StartAsync(
        string connectionString,
        CancellationToken cancellationToken,
        bool introduce = true,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var connector = await RecordingConnector.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            // The in-process signal delivers at once; the poll only picks up retries.
            ["Workflow:Storage:OutboxPollInterval"] = "00:00:02",
            // A chat Graph names after a proactive install is written to through the recording connector.
            ["BotConnector:ProactiveServiceUrl"] = connector.ServiceUrl,
            // The bot lives in the office week, whatever day the suite runs (a test may pass its own clock).
            ["Development:ClockStartsAt"] = OfficeWeek.ClockStartsAt,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var bot = new BotFactory(all, configureServices: configureServices);
        var harness = new DialogHarness(connectionString, connector, bot, bot.CreateClient(), Guid.NewGuid().ToString("N")[..8]);
        if (introduce)
        {
            // As in Teams: installing the app opens each person's 1:1 chat, and only that event may move where their cards go
            // (a harness before this one, on the same Azurite, knew the same people in other chats).
            foreach (var person in harness.Everyone)
            {
                await harness.InstallAsync(person, cancellationToken);
            }

            foreach (var person in harness.Everyone)
            {
                await harness.CardAsync(person, c => (string?)c["body"]?[0]?["text"] == "Selamat datang di PerijinanBot", $"{person}: welcome card");
            }
        }

        return harness;
    }

    // ---- What people do -------------------------------------------------------------------------------------------------

    /// <summary>A person types in their 1:1 chat. Returns the message's activity id (what the bot replies to).</summary>
    public Task<string> SayAsync(Person person, string text, CancellationToken cancellationToken) =>
        SayInAsync(person, person.ConversationId, text, cancellationToken);

    /// <summary>A person types in a conversation (their 1:1 chat, or a group chat when <paramref name="group"/>).</summary>
    public async Task<string> SayInAsync(Person person, string conversationId, string text, CancellationToken cancellationToken, bool group = false, JsonArray? entities = null)
    {
        var activity = Activity("message", person, conversationId, group, new JsonObject { ["text"] = text, ["textFormat"] = "plain", ["locale"] = "id-ID" });
        if (entities is not null)
        {
            activity["entities"] = entities;
        }

        await PostQueuedAsync(activity, cancellationToken);
        return (string)activity["id"]!;
    }

    /// <summary>The app is installed for the person (by them, or by the bot through Graph): Teams sends conversationUpdate in their 1:1 chat.</summary>
    public async Task InstallAsync(Person person, CancellationToken cancellationToken)
    {
        var activity = Activity("conversationUpdate", person, person.ConversationId, group: false, new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = ActivityFactory.BotId }),
        });
        await PostQueuedAsync(activity, cancellationToken);
    }

    /// <summary>The bot is added to a group chat: Teams sends conversationUpdate with the bot among membersAdded.</summary>
    public async Task AddBotToGroupAsync(Person by, string groupId, CancellationToken cancellationToken)
    {
        var activity = Activity("conversationUpdate", by, groupId, group: true, new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = ActivityFactory.BotId }),
        });
        await PostQueuedAsync(activity, cancellationToken);
    }

    /// <summary>Clicks an Action.Execute: an <c>adaptiveCard/action</c> invoke from the person, naming the clicked card.</summary>
    public Task<InvokeAnswer> ExecuteAsync(Person person, string replyToId, string verb, JsonObject data, CancellationToken cancellationToken) =>
        ExecuteInAsync(person, person.ConversationId, replyToId, verb, data, cancellationToken);

    public async Task<InvokeAnswer> ExecuteInAsync(Person person, string conversationId, string replyToId, string verb, JsonObject data, CancellationToken cancellationToken)
    {
        var activity = Activity("invoke", person, conversationId, group: false, new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
                ["trigger"] = "manual",
            },
        });
        using var response = await PostAsync(activity, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new InvokeAnswer(response.StatusCode, JsonNode.Parse(text.Length == 0 ? "{}" : text) as JsonObject ?? []);
    }

    /// <summary>The Action.Submit fallback of older clients: a message whose value is the button's data (with "verb") and the inputs.</summary>
    public async Task SubmitAsync(Person person, string replyToId, JsonObject value, CancellationToken cancellationToken)
    {
        var activity = Activity("message", person, person.ConversationId, group: false, new JsonObject
        {
            ["text"] = "",
            ["replyToId"] = replyToId,
            ["value"] = value.DeepClone(),
        });
        await PostQueuedAsync(activity, cancellationToken);
    }

    // ---- What people receive --------------------------------------------------------------------------------------------

    /// <summary>The next card (not taken by an earlier wait) the bot posted into the person's chat that the predicate accepts.</summary>
    public Task<SentCard> CardAsync(Person to, Func<JsonObject, bool> predicate, string what, TimeSpan? timeout = null) =>
        CardInAsync(to.ConversationId, predicate, what, timeout);

    public async Task<SentCard> CardInAsync(string conversationId, Func<JsonObject, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var call = await TakeAsync(c => c.Method == "POST" && IsIn(c, conversationId) && CardOf(c) is { } card && predicate(card), conversationId, what, timeout);
        return new SentCard(call, CardOf(call)!);
    }

    /// <summary>The next plain text message the bot posted into a conversation.</summary>
    public async Task<string> TextInAsync(string conversationId, string what, TimeSpan? timeout = null)
    {
        var call = await TakeAsync(c => c.Method == "POST" && IsIn(c, conversationId) && c.Body?["text"] is JsonValue, conversationId, what, timeout);
        return (string)call.Body!["text"]!;
    }

    /// <summary>The next in-place update (PUT) of the card posted under <paramref name="activityId"/> that the predicate accepts.</summary>
    public async Task<JsonObject> UpdateAsync(Person person, string activityId, Func<JsonObject, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var path = ActivitiesPath(person.ConversationId) + "/" + Uri.EscapeDataString(activityId);
        var call = await TakeAsync(c => c.Method == "PUT" && c.Path.EndsWith(path, StringComparison.Ordinal) && CardOf(c) is { } card && predicate(card), person.ConversationId, what, timeout);
        return CardOf(call)!;
    }

    /// <summary>Every card posted into the person's chat so far (taken or not).</summary>
    public IReadOnlyList<JsonObject> CardsPostedTo(Person person) =>
        [.. Connector.Calls.Where(c => c.Method == "POST" && IsIn(c, person.ConversationId)).Select(CardOf).OfType<JsonObject>()];

    /// <summary>Every call the bot made into a conversation so far.</summary>
    public IReadOnlyList<ConnectorCall> CallsIn(string conversationId) => [.. Connector.Calls.Where(c => IsIn(c, conversationId))];

    /// <summary>
    /// The card of <paramref name="step"/> of the kegiatan that the bot sent to the person on its own (the outbox), and the
    /// activity id it landed under: the bot records every posted copy, which is how an older copy is updated later.
    /// </summary>
    public async Task<StepCardCopy> StepCardAsync(Person person, string number, int step, string verb, CancellationToken cancellationToken)
    {
        var sent = await CardAsync(person, c => DialogCards.Action(c, verb, step) is { } data && (string?)data["kegiatan"] == number, $"{person}: step {step} card of {number}");
        Assert.EndsWith(ActivitiesPath(person.ConversationId), sent.Call.Path, StringComparison.Ordinal);
        var state = await KegiatanAsync(number, cancellationToken);
        var attempt = state.Steps.Last(r => r.Step == step).Attempt;
        var id = await CopyIdAsync(number, step, attempt, person, cancellationToken);
        return new StepCardCopy(id, sent.Card, step, attempt);
    }

    // ---- What is stored -------------------------------------------------------------------------------------------------

    public async Task<Kegiatan> KegiatanAsync(string number, CancellationToken cancellationToken) =>
        await Bot.Services.GetRequiredService<KegiatanService>().FindAsync(number, cancellationToken)
        ?? throw new InvalidOperationException($"kegiatan {number} not found");

    /// <summary>
    /// Waits until every outbox item of the kegiatan that talks to Teams (step cards, card refreshes, notices) has been
    /// delivered: after this, everything its decisions caused in anyone's chat has been sent, so counting cards is exact.
    /// </summary>
    public Task DeliveredAsync(string number, CancellationToken cancellationToken) =>
        WaitForOutboxAsync(number, [OutboxKinds.StepCard, OutboxKinds.RefreshCards, OutboxKinds.SupersedeCards, OutboxKinds.Notice, ClosingNoticeHandler.Kind], cancellationToken);

    /// <summary>Waits until the "tugas" index has been brought up to date with the kegiatan's decisions.</summary>
    public Task TasksIndexedAsync(string number, CancellationToken cancellationToken) =>
        WaitForOutboxAsync(number, [OutboxKinds.TaskIndex], cancellationToken);

    public Task KoperasiIndexedAsync(string number, CancellationToken cancellationToken) =>
        WaitForOutboxAsync(number, [OutboxKinds.KoperasiIndex], cancellationToken);

    /// <summary>Waits until the kegiatan's outbox is empty: every item of every kind delivered (indexes included).</summary>
    public Task OutboxDrainedAsync(string number, CancellationToken cancellationToken) =>
        WaitForOutboxAsync(number, null, cancellationToken);

    /// <summary>Waits until no outbox item of these kinds (all kinds when null) is left for the kegiatan.</summary>
    private async Task WaitForOutboxAsync(string number, string[]? kinds, CancellationToken cancellationToken)
    {
        var table = new TableClient(_connectionString, TablePrefix + "Kegiatan");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KegiatanKeys.Partition(number)} and RowKey ge {KegiatanKeys.OutboxFrom} and RowKey lt {KegiatanKeys.OutboxTo}");
        var deadline = DateTimeOffset.UtcNow + Patience;
        var left = new List<string>();
        while (DateTimeOffset.UtcNow < deadline)
        {
            left.Clear();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (kinds is null || kinds.Contains(row.GetString("Kind")))
                {
                    left.Add($"{row.RowKey} {row.GetString("Kind")} (attempts {row.GetInt32("Attempts") ?? 0}) {row.GetString("LastError")}");
                }
            }

            if (left.Count == 0)
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"outbox of {number} not delivered within {Patience}: {string.Join("; ", left)}");
    }

    // ---- Walking a kegiatan ---------------------------------------------------------------------------------------------

    public static readonly Dictionary<string, string> StartForm = new()
    {
        ["jenisFasilitasi"] = "IUSP",
        ["judul"] = "Fasilitasi Izin Usaha Simpan Pinjam KSP Maju Bersama",
        // Koperasi 1 of the card's koperasi slots (KoperasiInput), as Teams sends them; the jenis has its default.
        ["koperasi.1.nama"] = "KSP Maju Bersama",
        ["koperasi.1.nik"] = "6171012345678901",
        ["koperasi.1.jenis"] = "KSP",
        ["kabupatenKota"] = "Kota Pontianak",
        ["anggota"] = BudiId,
        ["disposisi"] = "Siapkan materi substansi, calon peserta, calon narasumber, jadwal dan tempat.",
    };

    public static readonly Dictionary<string, string> Step2Form = new()
    {
        ["materiSubstansi"] = "Ketentuan USP menurut PerMenKop UKM 8/2023.",
        ["calonPeserta"] = "Pengurus dan pengawas KSP Maju Bersama (20 orang).",
        ["calonNarasumber"] = "Kepala Bidang Perijinan dan Kelembagaan.",
        // The card's date and time pickers (Input.Date, Input.Time), as Teams sends them.
        ["jadwal.date"] = OfficeWeek.JadwalDate,
        ["jadwal.time"] = OfficeWeek.JadwalTime,
        ["tempat"] = "Aula Dinas Koperasi UKM Provinsi Kalimantan Barat",
    };

    public static readonly Dictionary<string, string> Step6Form = new()
    {
        ["waktuPelaksanaan.date"] = OfficeWeek.JadwalDate,
        ["waktuPelaksanaan.time"] = OfficeWeek.JadwalTime,
        ["tempatPelaksanaan"] = "Aula Dinas Koperasi UKM Provinsi Kalimantan Barat",
    };

    public static readonly Dictionary<string, string> Step7Form = new()
    {
        ["ringkasanHasil"] = "Pengurus memahami persyaratan IUSP; berkas permohonan akan diajukan melalui OSS.",
        ["hasilKoperasi.1.hasil"] = "siap",
        ["hasilKoperasi.1.peserta"] = "22",
        ["hasilKoperasi.1.beritaAcara"] = "BA-01/FAS/VII/2026",
        ["jumlahPeserta"] = "22",
        ["dokumentasi"] = "https://dokumentasi.example/fas/foto-1.jpg",
    };

    /// <summary>The Ketua types "mulai", fills the step 1 card (Budi as Anggota) and sends it. Returns the number and the answer.</summary>
    /// <param name="form">The start form's inputs (by default <see cref="StartForm"/>).</param>
    public async Task<(string Number, InvokeAnswer Answer)> StartKegiatanAsync(CancellationToken cancellationToken, Dictionary<string, string>? form = null)
    {
        await SayAsync(Ketua, "mulai", cancellationToken);
        var start = await CardAsync(Ketua, c => DialogCards.Action(c, SopVerbs.Start) is not null, "Ketua: start card");
        var answer = await ExecuteAsync(Ketua, $"reply-{Guid.NewGuid():N}", SopVerbs.Start, DialogCards.With(DialogCards.Action(start.Card, SopVerbs.Start)!, start.Card, form ?? StartForm), cancellationToken);
        Assert.True(answer.IsCard, $"start: {answer}");
        var number = NumberPattern().Match(DialogCards.Text(answer.Card)).Value;
        Assert.False(string.IsNullOrEmpty(number), $"start answer names no kegiatan number: {answer}");
        _started.Add(number);
        return (number, answer);
    }

    /// <summary>The person whose turn it is takes their step card and clicks <paramref name="verb"/> with these inputs (every kelengkapan ticked).</summary>
    public async Task<(StepCardCopy Card, InvokeAnswer Answer)> ActAsync(Person person, string number, int step, string verb, Dictionary<string, string> typed, CancellationToken cancellationToken)
    {
        var card = await StepCardAsync(person, number, step, verb, cancellationToken);
        var answer = await ExecuteAsync(person, card.ActivityId, verb, DialogCards.With(DialogCards.Action(card.Card, verb, step)!, card.Card, typed), cancellationToken);
        return (card, answer);
    }

    /// <summary>
    /// Starts a kegiatan and walks it until <paramref name="upTo"/> is the current step (every decision Setuju); step 2 sends
    /// <paramref name="step2"/> (by default <see cref="Step2Form"/>: the jadwal is the bot's today, the office week's Tuesday).
    /// </summary>
    public async Task<string> WalkToAsync(int upTo, CancellationToken cancellationToken, Dictionary<string, string>? step2 = null, Dictionary<string, string>? start = null)
    {
        var (number, _) = await StartKegiatanAsync(cancellationToken, start);
        var steps = new (int Step, Person Who, string Verb, Dictionary<string, string> Form)[]
        {
            (2, Budi, SopVerbs.Submit, step2 ?? Step2Form),
            (3, Ketua, SopVerbs.Approve, []),
            (4, Kabid, SopVerbs.Approve, []),
            (5, Kadis, SopVerbs.Approve, []),
            (6, Ketua, SopVerbs.Execute, Step6Form),
        };
        foreach (var (step, who, verb, form) in steps.Where(s => s.Step < upTo))
        {
            var (_, answer) = await ActAsync(who, number, step, verb, form, cancellationToken);
            Assert.True(answer.IsCard && DialogCards.Action(answer.Card, verb) is null, $"step {step} {verb}: {answer}");
        }

        return number;
    }

    // ---- Plumbing -------------------------------------------------------------------------------------------------------

    public static string ActivitiesPath(string conversationId) => $"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";

    private static bool IsIn(ConnectorCall call, string conversationId)
    {
        var path = ActivitiesPath(conversationId);
        return call.Path.EndsWith(path, StringComparison.Ordinal) || call.Path.Contains(path + "/", StringComparison.Ordinal);
    }

    public static JsonObject? CardOf(ConnectorCall call) =>
        call.Body?["attachments"] is JsonArray { Count: > 0 } attachments
        && (string?)attachments[0]!["contentType"] == "application/vnd.microsoft.card.adaptive"
            ? attachments[0]!["content"] as JsonObject
            : null;

    private async Task<ConnectorCall> TakeAsync(Func<ConnectorCall, bool> predicate, string conversationId, string what, TimeSpan? timeout)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? Patience);
        while (true)
        {
            var calls = Connector.Calls;
            lock (_taken)
            {
                for (var i = 0; i < calls.Count; i++)
                {
                    // Each call is found once: a later wait for the same kind of card gets the next one.
                    if (!_taken.Contains(i) && predicate(calls[i]))
                    {
                        _taken.Add(i);
                        return calls[i];
                    }
                }
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                var seen = calls.Where(c => IsIn(c, conversationId)).Select(c => $"{c.Method} {c.Path} {Summary(c)}");
                throw new TimeoutException($"{what}: nothing within {timeout ?? Patience}; in {conversationId} the bot sent:\n{string.Join("\n", seen)}");
            }

            await Task.Delay(50);
        }
    }

    private static string Summary(ConnectorCall call) =>
        CardOf(call) is { } card ? $"card “{DialogCards.Title(card)}”" : $"text “{(string?)call.Body?["text"]}”";

    private async Task<string> CopyIdAsync(string number, int step, int attempt, Person person, CancellationToken cancellationToken)
    {
        var table = new TableClient(_connectionString, TablePrefix + "Kegiatan");
        var prefix = $"{CardCopies.RowPrefix}{step:D2}|{attempt:D2}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(number)} and RowKey ge {prefix} and RowKey lt {prefix + "~"} and ConversationId eq {person.ConversationId}");
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                {
                    return row.GetString("ActivityId");
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // The table is created with the first copy.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"no recorded copy of step {step} (attempt {attempt}) of {number} in {person}'s chat");
    }

    private JsonObject Activity(string type, Person person, string conversationId, bool group, JsonObject extra)
    {
        var activity = ActivityFactory.Base(type, Connector.ServiceUrl, conversationId, person.AadObjectId, extra);
        activity["from"]!["name"] = person.Name;
        if (group)
        {
            activity["conversation"]!["conversationType"] = "groupChat";
            activity["conversation"]!["isGroup"] = true;
        }

        return activity;
    }

    private Task<HttpResponseMessage> PostAsync(JsonObject activity, CancellationToken cancellationToken) =>
        Client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);

    private async Task PostQueuedAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(activity, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [GeneratedRegex(@"FAS-\d{4}-\d{4}")]
    public static partial Regex NumberPattern();

    /// <summary>
    /// Lets what this test's decisions caused reach this test's connector before it stops. Otherwise the next host on the
    /// same Azurite finds it in its start-up sweep and tries the stopped connector (a refused connection is retried with
    /// backoff for seconds), and until that sweep ends the new host delivers nothing else.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var settle = new CancellationTokenSource(Patience);
            foreach (var number in _started)
            {
                await DeliveredAsync(number, settle.Token);
            }
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // The test has failed already, or left something undeliverable on purpose; do not hide its own failure.
        }

        Client.Dispose();
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
