using Microsoft.Extensions.Time.Testing;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Sop.Tests.Support;

/// <summary>An engine on a fake clock with the test directory; helpers that assert a command was accepted or refused.</summary>
internal sealed class Office
{
    public const string Sop = "fasilitasi-perijinan";

    public Office(DateTimeOffset? start = null, SopCatalog? catalog = null)
    {
        Clock = new FakeTimeProvider(start ?? MondayMorning);
        Engine = new SopEngine(catalog ?? SopCatalog.Embedded, WorkCalendar.Default, Clock);
    }

    /// <summary>Monday 13 July 2026, 08:00 WIB: an ordinary working week.</summary>
    public static DateTimeOffset MondayMorning { get; } = Wib(2026, 7, 13, 8, 0);

    public FakeTimeProvider Clock { get; }

    public SopEngine Engine { get; }

    public Staffing Staffing { get; set; } = Staff.With();

    /// <summary>The events of the last accepted command.</summary>
    public IReadOnlyList<KegiatanEvent> Events { get; private set; } = [];

    public static DateTimeOffset Wib(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public void At(DateTimeOffset instant) => Clock.SetUtcNow(instant);

    public void After(int minutes) => Clock.Advance(TimeSpan.FromMinutes(minutes));

    public Kegiatan Start(FormInput? form = null, string actor = Staff.Rina, string number = "FAS-2026-0001", string sop = Sop)
    {
        var result = Engine.Start(new StartKegiatan(actor, sop, number, form ?? Forms.Start()), Staffing);
        Assert.True(result.IsAccepted, result.Refusal?.Message);
        Events = result.Events;
        return result.State;
    }

    public Kegiatan Accept(Kegiatan kegiatan, KegiatanCommand command)
    {
        var result = Engine.Apply(kegiatan, command, Staffing);
        Assert.True(result.IsAccepted, result.Refusal?.Message);
        Assert.Equal(kegiatan.Version + 1, result.State.Version);
        Events = result.Events;
        return result.State;
    }

    public Refusal Refuse(Kegiatan kegiatan, KegiatanCommand command, RefusalCode expected)
    {
        var result = Engine.Apply(kegiatan, command, Staffing);
        Assert.False(result.IsAccepted, $"Expected a refusal ({expected}) but {command.GetType().Name} was accepted.");
        Assert.Null(result.State);
        Assert.Empty(result.Events);
        Assert.Equal(expected, result.Refusal.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Message));
        return result.Refusal;
    }

    /// <summary>Starts a kegiatan and takes it, ten minutes a step, until <paramref name="step"/> is current (8 = closed).</summary>
    public Kegiatan WalkTo(int step) => WalkTo(step, Start());

    /// <summary>Takes <paramref name="kegiatan"/> (just started) on until <paramref name="step"/> is current.</summary>
    public Kegiatan WalkTo(int step, Kegiatan kegiatan)
    {
        var moves = new Func<Kegiatan, KegiatanCommand>[]
        {
            k => new SubmitData(Staff.Budi, 2, k.Version, Forms.Data()),
            k => new Approve(Staff.Rina, 3, k.Version, Forms.Verify()),
            k => new Approve(Staff.Hendra, 4, k.Version, Forms.Verify()),
            k => new Approve(Staff.Siti, 5, k.Version, Forms.Verify()),
            k => new RecordExecution(Staff.Rina, 6, k.Version, Forms.Execution()),
            k => new SubmitReport(Staff.Budi, 7, k.Version, Forms.Report()),
        };
        for (var at = 2; at < step; at++)
        {
            if (at == 6)
            {
                At(Wib(2026, 7, 15, 9, 3));
            }
            else
            {
                After(10);
            }

            kegiatan = Accept(kegiatan, moves[at - 2](kegiatan));
        }

        return kegiatan;
    }
}
