using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Dialogs.Sop;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Dialogs.Tests.Sop;

/// <summary>
/// The real engine on a fake clock, with the test directory, and the card views made at the clock's time. Kegiatan states
/// for the cards are walked through the engine exactly as the Bot will.
/// </summary>
internal sealed class SopOffice
{
    public const string SopId = "fasilitasi-perijinan";

    public SopOffice(Typing? typing = null, DateTimeOffset? start = null)
    {
        Typing = typing ?? Typing.Normal;
        Clock = new FakeTimeProvider(start ?? Wib(2026, 7, 13, 8, 0));
        Engine = new SopEngine(SopCatalog.Embedded, WorkCalendar.Default, Clock);
    }

    public Typing Typing { get; }

    public FakeTimeProvider Clock { get; }

    public SopEngine Engine { get; }

    public Staffing Staffing { get; set; } = Staff.With();

    public static SopDefinition Definition => SopCatalog.Embedded.Latest(SopId)!;

    /// <summary>The card views as the Bot would make them now.</summary>
    public SopCardViews Views => SopCardViews.For(WorkCalendar.Default, Clock.GetUtcNow(), Staffing.People);

    /// <summary>The events of the last accepted command.</summary>
    public IReadOnlyList<KegiatanEvent> Events { get; private set; } = [];

    public static DateTimeOffset Wib(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public void At(int day, int hour, int minute) => Clock.SetUtcNow(Wib(2026, 7, day, hour, minute));

    public Kegiatan Start(string number = "FAS-2026-0001", string actor = Staff.Rina)
    {
        var opened = Clock.GetUtcNow().AddMinutes(-3);
        var result = Engine.Start(new StartKegiatan(actor, SopId, number, Typing.Start(), opened), Staffing);
        Assert.True(result.IsAccepted, result.Refusal?.Message);
        Events = result.Events;
        return result.State;
    }

    public Kegiatan Accept(Kegiatan kegiatan, KegiatanCommand command)
    {
        var result = Engine.Apply(kegiatan, command, Staffing);
        Assert.True(result.IsAccepted, result.Refusal?.Message);
        Events = result.Events;
        return result.State;
    }

    public Refusal Refuse(Kegiatan kegiatan, KegiatanCommand command)
    {
        var result = Engine.Apply(kegiatan, command, Staffing);
        Assert.False(result.IsAccepted, $"{command.GetType().Name} was accepted; the test expected a refusal.");
        return result.Refusal;
    }

    /// <summary>
    /// Starts a kegiatan (Monday 13 July 2026, 08.00 WIB) and takes it until <paramref name="step"/> is current (8 = closed):
    /// step 2 in 50 minutes, step 3 late (22 of 15 minutes), 4 and 5 on time, step 6 three minutes after the jadwal,
    /// step 7 the next day.
    /// </summary>
    public Kegiatan WalkTo(int step, string number = "FAS-2026-0001")
    {
        var kegiatan = Start(number);
        var t = Typing;
        var moves = new (Action Clock, Func<Kegiatan, KegiatanCommand> Command)[]
        {
            (() => Clock.Advance(TimeSpan.FromMinutes(50)), k => new SubmitData(Staff.Budi, 2, k.Version, t.Data())),
            (() => Clock.Advance(TimeSpan.FromMinutes(22)), k => new Approve(Staff.Rina, 3, k.Version, t.Verify("rekomendasi", "Data lengkap; mohon disetujui."))),
            (() => Clock.Advance(TimeSpan.FromMinutes(8)), k => new Approve(Staff.Hendra, 4, k.Version, t.Verify("catatanKoreksi", "Sudah sesuai."))),
            (() => Clock.Advance(TimeSpan.FromMinutes(10)), k => new Approve(Staff.Siti, 5, k.Version, t.Verify("disposisiKepalaDinas", "Laksanakan sesuai jadwal."))),
            (() => At(15, 9, 3), k => new RecordExecution(Staff.Rina, 6, k.Version, t.Execution())),
            (() => At(16, 10, 0), k => new SubmitReport(Staff.Budi, 7, k.Version, t.Report())),
        };
        for (var at = 2; at < step; at++)
        {
            moves[at - 2].Clock();
            kegiatan = Accept(kegiatan, moves[at - 2].Command(kegiatan));
        }

        return kegiatan;
    }

    public IReadOnlyList<PermittedAction> Permitted(Kegiatan kegiatan, string person) => Engine.PermittedActions(kegiatan, person, Staffing);

    /// <summary>The step card <paramref name="viewer"/> gets for the current step, as the Bot builds it.</summary>
    public JsonObject StepCardFor(Kegiatan kegiatan, string viewer, IReadOnlyDictionary<string, string?>? draft = null, string? error = null) =>
        StepCard.Build(Views.Step(kegiatan, Definition, viewer, Permitted(kegiatan, viewer), draft, error));

    /// <summary>The <c>mulai</c> card for <paramref name="person"/>.</summary>
    public JsonObject StartCardFor(string person = Staff.Rina, IReadOnlyDictionary<string, string?>? draft = null, string? error = null) =>
        StepCard.Build(Views.Start(Definition, Engine.CanStart(SopId, person, Staffing)!, draft, error));
}
