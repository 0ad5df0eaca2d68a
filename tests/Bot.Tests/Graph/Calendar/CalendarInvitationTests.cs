using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PerijinanBot.Bot.Meetings;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Tests.Dialogs;
using PerijinanBot.Bot.Tests.Infrastructure;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Bot.Tests.Graph.Calendar;

/// <summary>
/// Through the whole host on a real Azurite, against the local Graph stand-in: the Kepala Dinas's disposition puts the
/// facilitation in the organiser's calendar with a Teams meeting for the team; a new jadwal moves it, cancelling the kegiatan
/// cancels it; Graph's throttling, absence and refusals never hold a decision up.
/// </summary>
[NeedsAzurite]
public sealed class CalendarInvitationTests(AzuriteFixture storage) : IClassFixture<AzuriteFixture>
{
    private const string Organizer = "bidang.perijinan@diskopukm.example";
    private const string Events = $"/users/{Organizer}/events";

    private static readonly string _eventsPattern = Regex.Escape(Events);

    // The jadwal card's date and time pickers (DateTimeInput), as Teams sends them.
    private static readonly string _newDate = DateTimeInput.DateId(SopVerbs.NewJadwalInput);
    private static readonly string _newTime = DateTimeInput.TimeId(SopVerbs.NewJadwalInput);

    /// <summary>The team of every walked kegiatan, as appsettings.Development.json names their mailboxes.</summary>
    private static readonly string[] _team = ["rina.marlina@diskopukm.example", "budi.santoso@diskopukm.example", "hendra.gunawan@diskopukm.example", "siti.aminah@diskopukm.example"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Setuju_at_step_5_creates_one_event_with_a_Teams_meeting_for_the_team_in_the_organisers_calendar()
    {
        await using var graph = await FakeGraph.StartAsync();
        var created = ServeCalendar(graph);
        await using var h = await StartAsync(graph);
        // Typed text with HTML in it: the subject and location are JSON strings, the body is HTML and must escape it.
        var form = new Dictionary<string, string>(DialogHarness.StartForm)
        {
            ["judul"] = "Fasilitasi IUSP KSP Maju & Sejahtera <Cabang Sungai Raya>",
            ["koperasi"] = "KSP Maju & Sejahtera <Cabang Sungai Raya>",
            ["kabupatenKota"] = "Kabupaten Kubu Raya",
        };
        var step2 = new Dictionary<string, string>(DialogHarness.Step2Form) { ["tempat"] = "Aula Koperasi & UKM <Lantai 2>" };
        var number = await StartAsync(h, form);
        await ApproveThroughStep5Async(h, number, step2);

        var post = await graph.WaitForAsync(r => r.Method == "POST" && r.Path == Events, "the create of the event");
        await h.OutboxDrainedAsync(number, Ct);
        Assert.Single(graph.Requests, r => r.Path.StartsWith(Events, StringComparison.Ordinal));
        var body = post.Json!.AsObject();
        Assert.Equal(form["judul"], (string?)body["subject"]);
        Assert.Equal((OfficeWeek.Iso(1, "09:00"), "SE Asia Standard Time"), ((string?)body["start"]!["dateTime"], (string?)body["start"]!["timeZone"]));
        // Graph:Calendar:Duration is 2½ hours in these tests.
        Assert.Equal((OfficeWeek.Iso(1, "11:30"), "SE Asia Standard Time"), ((string?)body["end"]!["dateTime"], (string?)body["end"]!["timeZone"]));
        Assert.Equal(step2["tempat"], (string?)body["location"]!["displayName"]);
        var attendees = body["attendees"]!.AsArray();
        Assert.Equal(_team.Order(), attendees.Select(a => (string)a!["emailAddress"]!["address"]!).Order());
        Assert.All(attendees, a => Assert.Equal("required", (string?)a!["type"]));
        Assert.Contains(attendees, a => (string?)a!["emailAddress"]!["name"] == "Siti Aminah");
        Assert.True((bool?)body["isOnlineMeeting"]);
        Assert.Equal("teamsForBusiness", (string?)body["onlineMeetingProvider"]);
        Assert.Equal(CalendarInvitation.TransactionIdOf("", number), (string?)body["transactionId"]);
        Assert.True(Guid.TryParse((string?)body["transactionId"], out _));

        Assert.Equal("html", (string?)body["body"]!["contentType"]);
        var html = (string)body["body"]!["content"]!;
        Assert.Contains("Jenis fasilitasi: Izin Usaha Simpan Pinjam (IUSP)", html, StringComparison.Ordinal);
        Assert.Contains("Koperasi: KSP Maju &amp; Sejahtera &lt;Cabang Sungai Raya&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Kabupaten/Kota: Kabupaten Kubu Raya", html, StringComparison.Ordinal);
        Assert.Contains("Tempat: Aula Koperasi &amp; UKM &lt;Lantai 2&gt;", html, StringComparison.Ordinal);
        Assert.Contains($"Nomor kegiatan: {number}", html, StringComparison.Ordinal);
        Assert.Contains("dibuat otomatis oleh PerijinanBot", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Cabang", html, StringComparison.Ordinal);

        // The event id is kept with what the event was given, in the CalendarEvents table (one row per kegiatan).
        var row = (await new TableClient(storage.ConnectionString, CalendarEvents.TableName).GetEntityAsync<TableEntity>(TableKeys.Escape(number), "event", cancellationToken: Ct)).Value;
        Assert.Equal(Assert.Single(created.Values), row.GetString("EventId"));
        Assert.Equal(Organizer, row.GetString("Organizer"));
        Assert.Equal(OfficeWeek.At(1, "09:00"), row.GetDateTimeOffset("Start"));
        Assert.Equal(OfficeWeek.At(1, "11:30"), row.GetDateTimeOffset("End"));
        Assert.Equal(step2["tempat"], row.GetString("Location"));
        Assert.False(row.GetBoolean("Cancelled"));
        Assert.Equal(6, (await h.KegiatanAsync(number, Ct)).CurrentStep);
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task A_429_on_the_create_is_retried_after_Retry_After_with_the_same_transaction_id_and_makes_one_event()
    {
        await using var graph = await FakeGraph.StartAsync();
        var created = ServeCalendar(graph);
        graph.Next("POST", _eventsPattern, GraphReply.Error(429, "ApplicationThrottled", "Too many requests.", TimeSpan.FromSeconds(1)));
        // The outbox's own retry would come only after 30 s: a second POST within seconds is the SDK honouring Retry-After.
        await using var h = await StartAsync(graph, new() { ["Workflow:Storage:RetryBaseDelay"] = "00:00:30", ["Workflow:Storage:RetryMaxDelay"] = "00:01:00" });

        var number = await h.WalkToAsync(6, Ct);
        await graph.WaitForAsync(r => r.Method == "POST" && r.Path == Events && !created.IsEmpty, "the create after the 429");
        await h.OutboxDrainedAsync(number, Ct);

        var posts = graph.Requests.Where(r => r.Method == "POST" && r.Path == Events).ToList();
        Assert.Equal(2, posts.Count);
        var waited = posts[1].At - posts[0].At;
        Assert.True(waited >= TimeSpan.FromSeconds(0.9) && waited < TimeSpan.FromSeconds(10), $"retried after {waited.TotalSeconds:0.00}s; Retry-After said 1 s");
        Assert.Equal((string?)posts[0].Json!["transactionId"], (string?)posts[1].Json!["transactionId"]);
        var stored = await EventOfAsync(h, number);
        Assert.Equal(Assert.Single(created.Values), stored!.EventId);
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task A_new_jadwal_and_tempat_move_the_event_with_one_PATCH_and_a_move_overtaken_by_the_next_sends_nothing()
    {
        await using var graph = await FakeGraph.StartAsync();
        var created = ServeCalendar(graph);
        await using var h = await StartAsync(graph);

        // The disposition puts the facilitation in the calendar for step 2's jadwal and tempat.
        var number = await h.WalkToAsync(6, Ct);
        await graph.WaitForAsync(r => r.Method == "POST" && r.Path == Events, "the create of the event");
        await h.OutboxDrainedAsync(number, Ct);
        var made = await EventOfAsync(h, number);
        Assert.Equal(Assert.Single(created.Values), made!.EventId);
        Assert.Equal((OfficeWeek.At(1, "09:00"), DialogHarness.Step2Form["tempat"]), (made.Start, made.Location));

        // The Ketua moves it with "jadwal ‹nomor›": a new jadwal and a new tempat, with the reason.
        await RescheduleAsync(h, h.Ketua, number, new()
        {
            [_newDate] = OfficeWeek.Date(3),
            [_newTime] = "13:30",
            [SopVerbs.NewTempatInput] = "Ruang Rapat Bidang Perijinan",
            [SopVerbs.AlasanInput] = "Jadwal bentrok dengan kunjungan kerja Gubernur.",
        });

        var patch = await graph.WaitForAsync(r => r.Method == "PATCH", "the move of the event");
        await h.OutboxDrainedAsync(number, Ct);
        Assert.Equal($"{Events}/{made.EventId}", patch.Path);
        var body = patch.Json!.AsObject();
        Assert.Equal((OfficeWeek.Iso(3, "13:30"), "SE Asia Standard Time"), ((string?)body["start"]!["dateTime"], (string?)body["start"]!["timeZone"]));
        Assert.Equal((OfficeWeek.Iso(3, "16:00"), "SE Asia Standard Time"), ((string?)body["end"]!["dateTime"], (string?)body["end"]!["timeZone"]));
        Assert.Equal("Ruang Rapat Bidang Perijinan", (string?)body["location"]!["displayName"]);
        // Only what moved: the body (where Exchange put the Teams join details) and the attendees are left alone.
        Assert.Null(body["body"]);
        Assert.Null(body["attendees"]);
        Assert.Single(graph.Requests, r => r.Method == "PATCH");
        Assert.Equal(2, graph.Requests.Count(r => r.Path.StartsWith(Events, StringComparison.Ordinal)));
        var moved = made with { Start = OfficeWeek.At(3, "13:30"), End = OfficeWeek.At(3, "16:00"), Location = "Ruang Rapat Bidang Perijinan" };
        Assert.Equal(moved, await EventOfAsync(h, number));

        // Two more moves while Graph is away (the Kabid's keeps the tempat): once it is back, the first item to run moves the
        // event straight to the latest jadwal, and the other finds it already there and sends nothing.
        var dropped = graph.Dropped;
        graph.Unreachable = true;
        await RescheduleAsync(h, h.Kabid, number, new() { [_newDate] = OfficeWeek.Date(4), [_newTime] = "09:00", [SopVerbs.AlasanInput] = "Narasumber berhalangan." });
        await RescheduleAsync(h, h.Ketua, number, new() { [_newDate] = OfficeWeek.Date(7), [_newTime] = "10:00", [SopVerbs.AlasanInput] = "Koperasi meminta hari Senin." });
        var deadline = DateTimeOffset.UtcNow + DialogHarness.Patience;
        while (graph.Dropped == dropped && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        Assert.True(graph.Dropped > dropped, "the bot never tried Graph while it was away");
        graph.Unreachable = false;
        var latest = await graph.WaitForAsync(r => r.Method == "PATCH" && r != patch, "the move to the latest jadwal");
        await h.OutboxDrainedAsync(number, Ct);
        Assert.Equal((OfficeWeek.Iso(7, "10:00"), "Ruang Rapat Bidang Perijinan"), ((string?)latest.Json!["start"]!["dateTime"], (string?)latest.Json!["location"]!["displayName"]));
        Assert.Equal(2, graph.Requests.Count(r => r.Method == "PATCH"));
        Assert.Equal(moved with { Start = OfficeWeek.At(7, "10:00"), End = OfficeWeek.At(7, "12:30") }, await EventOfAsync(h, number));
        Assert.Single(created);
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task Cancelling_the_kegiatan_cancels_its_event_with_the_reason_and_a_kegiatan_without_one_asks_Graph_nothing()
    {
        await using var graph = await FakeGraph.StartAsync();
        var created = ServeCalendar(graph);
        await using var h = await StartAsync(graph);
        var number = await h.WalkToAsync(6, Ct);
        await h.OutboxDrainedAsync(number, Ct);
        var eventId = Assert.Single(created.Values);

        const string Reason = "Koperasi menunda permohonan sampai RAT 2027.";
        await CancelAsync(h, number, Reason);

        var cancel = await graph.WaitForAsync(r => r.Method == "POST" && r.Path.EndsWith("/cancel", StringComparison.Ordinal), "the cancel of the event");
        await h.OutboxDrainedAsync(number, Ct);
        Assert.Equal($"{Events}/{eventId}/cancel", cancel.Path);
        // Graph's cancel action names its parameter "Comment", capitalised, as its documentation shows.
        var comment = (string)cancel.Json!["Comment"]!;
        Assert.Contains(Reason, comment, StringComparison.Ordinal);
        Assert.Equal($"Kegiatan {number} dibatalkan oleh Rina Marlina. Alasan: {Reason} (Pembatalan ini dikirim otomatis oleh PerijinanBot.)", comment);
        Assert.True((await EventOfAsync(h, number))!.Cancelled);

        // Cancelled before the disposition: no event was made, so Graph hears nothing.
        var early = await h.WalkToAsync(3, Ct);
        await CancelAsync(h, early, "Permohonan ditarik.");
        await h.OutboxDrainedAsync(early, Ct);
        Assert.Equal(2, graph.Requests.Count(r => r.Path.StartsWith(Events, StringComparison.Ordinal)));
        Assert.Null(await EventOfAsync(h, early));
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task With_Graph_unreachable_the_disposition_goes_on_to_step_6_and_the_event_is_created_once_Graph_is_back()
    {
        await using var graph = await FakeGraph.StartAsync();
        var created = ServeCalendar(graph);
        await using var h = await StartAsync(graph);
        var number = await h.WalkToAsync(5, Ct);

        graph.Unreachable = true;
        var (_, disposed) = await h.ActAsync(h.Kadis, number, 5, SopVerbs.Approve, [], Ct);
        Assert.True(disposed.IsCard && DialogCards.Action(disposed.Card, SopVerbs.Approve) is null, disposed.ToString());
        await h.StepCardAsync(h.Ketua, number, 6, SopVerbs.Execute, Ct);
        Assert.Equal(6, (await h.KegiatanAsync(number, Ct)).CurrentStep);

        // The calendar item failed at least once and waits in the outbox to be tried again.
        var waiting = await CalendarItemAsync(number, r => (r.GetInt32("Attempts") ?? 0) >= 1, "a failed attempt");
        Assert.Equal(OutboxRow.Pending, waiting.GetString("Status"));
        Assert.Contains("Graph unreachable", waiting.GetString("LastError"), StringComparison.Ordinal);
        Assert.Empty(created);

        graph.Unreachable = false;
        await graph.WaitForAsync(r => r.Method == "POST" && r.Path == Events, "the create once Graph is back");
        await h.OutboxDrainedAsync(number, Ct);
        Assert.Single(graph.Requests, r => r.Method == "POST" && r.Path == Events);
        Assert.Equal(Assert.Single(created.Values), (await EventOfAsync(h, number))!.EventId);
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task An_organiser_Graph_does_not_know_fails_the_item_for_an_operator_without_retrying_and_the_kegiatan_goes_on()
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.On("POST", _eventsPattern, _ => GraphReply.Error(404, "ErrorInvalidUser", $"The requested user '{Organizer}' is invalid."));
        await using var h = await StartAsync(graph);

        var number = await h.WalkToAsync(7, Ct);

        var failed = await CalendarItemAsync(number, r => r.GetString("Status") == OutboxRow.Failed, "the Failed status");
        Assert.Contains("ErrorInvalidUser", failed.GetString("LastError"), StringComparison.Ordinal);
        Assert.Equal(7, (await h.KegiatanAsync(number, Ct)).CurrentStep);
        Assert.Single(graph.Requests, r => r.Path.StartsWith(Events, StringComparison.Ordinal));
        Assert.Null(await EventOfAsync(h, number));
        Assert.Empty(graph.Unexpected);
    }

    [Fact]
    public async Task Without_an_organiser_the_disposition_asks_Graph_nothing()
    {
        await using var graph = await FakeGraph.StartAsync();
        var settings = graph.Settings();
        await using var h = await DialogHarness.StartAsync(storage.ConnectionString, Ct, settings: settings, configureServices: graph.Trust);

        var number = await h.WalkToAsync(7, Ct);
        await CancelAsync(h, number, "Uji tanpa kalender.");
        await h.OutboxDrainedAsync(number, Ct);

        Assert.Empty(graph.Requests);
        Assert.Empty(graph.TokenRequests);
        Assert.Null(await EventOfAsync(h, number));
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_step_moved_to_another_holder_after_the_disposition_invites_them_to_the_event_without_moving_it()
    {
        await using var graph = await FakeGraph.StartAsync();
        ServeCalendar(graph);
        // Dewi also holds the Ketua's role here, so the Admin can move step 6 (Pelaksanaan) from Rina to her.
        await using var h = await StartAsync(graph, new() { ["Directory:Users:4:Roles:0"] = "KetuaTimKerja" });
        var number = await h.WalkToAsync(6, Ct);
        var created = await graph.WaitForAsync(r => r.Method == "POST" && r.Path == Events, "the event after the disposition");
        Assert.DoesNotContain("dewi.lestari@diskopukm.example", Attendees(created));

        await h.SayAsync(h.Admin, $"alihkan {number}", Ct);
        var card = (await h.CardAsync(h.Admin, c => DialogCards.Title(c)?.StartsWith("Alihkan langkah", StringComparison.Ordinal) == true, "Admin: alihkan card")).Card;
        var data = DialogCards.With(DialogCards.Action(card, SopVerbs.Reassign)!, card, new() { [SopVerbs.NewHolderInput] = h.Dewi.AadObjectId, [SopVerbs.AlasanInput] = "Rina cuti melahirkan." });
        var moved = await h.ExecuteAsync(h.Admin, "alihkan-6", SopVerbs.Reassign, data, Ct);
        Assert.True(moved.IsCard, moved.ToString());

        var patch = await graph.WaitForAsync(r => r.Method == "PATCH", "the attendees' update");
        Assert.Contains("dewi.lestari@diskopukm.example", Attendees(patch));
        Assert.Equal((string?)created.Json!["start"]!["dateTime"], (string?)patch.Json!["start"]!["dateTime"]);
        await h.OutboxDrainedAsync(number, Ct);
        Assert.Single(graph.Requests, r => r.Method == "PATCH");
        Assert.Single(graph.Requests, r => r.Method == "POST" && r.Path == Events);
        Assert.Empty(graph.Unexpected);
    }

    private static List<string?> Attendees(GraphRequest request) =>
        [.. request.Json!["attendees"]!.AsArray().Select(a => (string?)a!["emailAddress"]!["address"])];

    /// <summary>The bot with the calendar on, pointed at the stand-in, retrying the outbox quickly.</summary>
    private Task<DialogHarness> StartAsync(FakeGraph graph, Dictionary<string, string?>? overrides = null)
    {
        var settings = graph.Settings();
        settings["Graph:Calendar:Organizer"] = Organizer;
        settings["Graph:Calendar:Duration"] = "02:30:00";
        settings["Workflow:Storage:RetryBaseDelay"] = "00:00:00.200";
        settings["Workflow:Storage:RetryMaxDelay"] = "00:00:01";
        settings["Workflow:Storage:OutboxPollInterval"] = "00:00:00.500";
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return DialogHarness.StartAsync(storage.ConnectionString, Ct, settings: settings, configureServices: graph.Trust);
    }

    /// <summary>
    /// The organiser's calendar as Graph keeps it: a create returns the event with its id, and a transaction id seen before
    /// returns the same event instead of a second one; moves and cancels are accepted. Returns transaction id → event id.
    /// </summary>
    private static ConcurrentDictionary<string, string> ServeCalendar(FakeGraph graph)
    {
        var created = new ConcurrentDictionary<string, string>();
        graph.On("POST", _eventsPattern, r =>
        {
            var transactionId = (string?)r.Json?["transactionId"] ?? "";
            var id = created.GetOrAdd(transactionId, _ => $"AAMkAD{Guid.NewGuid():N}=");
            return GraphReply.Json(new JsonObject { ["id"] = id, ["transactionId"] = transactionId, ["subject"] = (string?)r.Json?["subject"] }, 201);
        });
        graph.On("PATCH", $"{_eventsPattern}/[^/]+", r => GraphReply.Json(new JsonObject { ["id"] = r.Path[(Events.Length + 1)..] }));
        graph.On("POST", $"{_eventsPattern}/[^/]+/cancel", _ => new GraphReply(202));
        return created;
    }

    /// <summary>The Ketua starts a kegiatan with her own start form (the harness's own walk uses its fixed one).</summary>
    private static async Task<string> StartAsync(DialogHarness h, Dictionary<string, string> form)
    {
        await h.SayAsync(h.Ketua, "mulai", Ct);
        var start = await h.CardAsync(h.Ketua, c => DialogCards.Action(c, SopVerbs.Start) is not null, "Ketua: start card");
        var answer = await h.ExecuteAsync(h.Ketua, $"reply-{Guid.NewGuid():N}", SopVerbs.Start, DialogCards.With(DialogCards.Action(start.Card, SopVerbs.Start)!, start.Card, form), Ct);
        Assert.True(answer.IsCard, answer.ToString());
        return DialogHarness.NumberPattern().Match(DialogCards.Text(answer.Card)).Value;
    }

    private static async Task ApproveThroughStep5Async(DialogHarness h, string number, Dictionary<string, string> step2)
    {
        var steps = new (int Step, Person Who, string Verb, Dictionary<string, string> Form)[]
        {
            (2, h.Budi, SopVerbs.Submit, step2),
            (3, h.Ketua, SopVerbs.Approve, []),
            (4, h.Kabid, SopVerbs.Approve, []),
            (5, h.Kadis, SopVerbs.Approve, []),
        };
        foreach (var (step, who, verb, form) in steps)
        {
            var (_, answer) = await h.ActAsync(who, number, step, verb, form, Ct);
            Assert.True(answer.IsCard && DialogCards.Action(answer.Card, verb) is null, $"step {step} {verb}: {answer}");
        }
    }

    private static async Task RejectAsync(DialogHarness h, Person who, string number, int step, string reason)
    {
        var (_, answer) = await h.ActAsync(who, number, step, SopVerbs.Reject, new() { ["alasan"] = reason }, Ct);
        Assert.True(answer.IsCard && DialogCards.Action(answer.Card, SopVerbs.Reject) is null, $"step {step} Tidak: {answer}");
    }

    /// <summary><c>jadwal ‹nomor›</c> by <paramref name="who"/>: the card, then what they type over its pre-filled inputs.</summary>
    private static async Task RescheduleAsync(DialogHarness h, Person who, string number, Dictionary<string, string> typed)
    {
        await h.SayAsync(who, $"jadwal {number}", Ct);
        var card = await h.CardAsync(who, c => DialogCards.Action(c, SopVerbs.Reschedule) is { } d && (string?)d["kegiatan"] == number, $"{who}: reschedule card");
        var answer = await h.ExecuteAsync(who, $"reply-{Guid.NewGuid():N}", SopVerbs.Reschedule,
            DialogCards.With(DialogCards.Action(card.Card, SopVerbs.Reschedule)!, card.Card, typed), Ct);
        Assert.True(answer.IsCard && DialogCards.IsReadOnly(answer.Card), answer.ToString());
        Assert.Equal("Jadwal diubah", DialogCards.Headline(answer.Card));
    }

    /// <summary><c>batal ‹nomor›</c> by the Ketua, with the reason.</summary>
    private static async Task CancelAsync(DialogHarness h, string number, string reason)
    {
        await h.SayAsync(h.Ketua, $"batal {number}", Ct);
        var card = await h.CardAsync(h.Ketua, c => DialogCards.Title(c) == $"Batalkan kegiatan {number}?", "Ketua: cancel card");
        var answer = await h.ExecuteAsync(h.Ketua, $"reply-{Guid.NewGuid():N}", SopVerbs.Cancel,
            DialogCards.With(DialogCards.Action(card.Card, SopVerbs.Cancel)!, card.Card, new() { ["alasan"] = reason }), Ct);
        Assert.True(answer.IsCard, answer.ToString());
        Assert.Equal("Dibatalkan", DialogCards.Headline(answer.Card));
    }

    private static Task<CalendarEvent?> EventOfAsync(DialogHarness h, string number) =>
        h.Bot.Services.GetRequiredService<CalendarEvents>().FindAsync(number, Ct);

    /// <summary>Waits for the kegiatan's graph.calendar outbox row to be in the state the predicate describes.</summary>
    private Task<TableEntity> CalendarItemAsync(string number, Func<TableEntity, bool> predicate, string what) =>
        OutboxItems.WaitAsync(storage.ConnectionString, "Kegiatan", number, CalendarHandler.Kind, predicate, what, Ct);

}
