using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using PerijinanBot.Sop.Reminders;

namespace PerijinanBot.Sop.Tests.Reminders;

/// <summary>The reminder ladder of the real SOP on the real 2026 calendar: what fires when, for whom, and never outside working time.</summary>
public sealed class ReminderLadderTests
{
    private static readonly WorkCalendar Calendar = WorkCalendar.Default;
    private static readonly SopDefinition Sop = SopCatalog.Embedded.Find("fasilitasi-perijinan", 1)!;
    private static readonly ReminderLadder Ladder = new(Sop, Calendar);

    private static DateTimeOffset Wib(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static StepRecord Visit(int step, DateTimeOffset clockStarts, int attempt = 1)
    {
        var due = Calendar.DueAt(clockStarts, Sop.Step(step).Waktu);
        return new StepRecord
        {
            Step = step,
            Attempt = attempt,
            Assignee = new PersonRef("p", "Orang"),
            EnteredAt = clockStarts,
            ClockStartsAt = clockStarts,
            DueAt = due,
            StandardWorkingTime = Calendar.WorkingTimeBetween(Calendar.NextWorkingInstant(clockStarts), due),
        };
    }

    private static List<(ReminderKind Kind, int N, DateTimeOffset At)> First(StepRecord record, int count) =>
        [.. Ladder.Schedule(record).Take(count).Select(r => (r.Kind, r.Occurrence, Calendar.ToLocal(r.FireAt)))];

    [Fact]
    public void A_15_minute_step_across_the_Friday_break_a_weekend_and_the_Imlek_holidays()
    {
        // Friday 13 February 2026, 11.20: ten minutes before the Friday break, then Monday 16 (cuti bersama) and Tuesday 17 (Imlek).
        var visit = Visit(3, Wib(2, 13, 11, 20));
        Assert.Equal(Wib(2, 13, 13, 5), visit.DueAt);

        Assert.Equal(
        [
            (ReminderKind.Soon, 1, Wib(2, 13, 13, 2)),        // 12 of 15 working minutes: 10 before the break, 2 after it
            (ReminderKind.Due, 1, Wib(2, 13, 13, 5)),
            (ReminderKind.Escalation, 1, Wib(2, 13, 14, 5)),  // own waktu (15 min) is less than the 1 working hour minimum
            (ReminderKind.Overdue, 1, Wib(2, 13, 14, 5)),
            (ReminderKind.Overdue, 2, Wib(2, 13, 15, 5)),
            (ReminderKind.Overdue, 3, Wib(2, 13, 16, 5)),
            (ReminderKind.Overdue, 4, Wib(2, 18, 8, 5)),      // 25 minutes on Friday, 35 on Wednesday 18: the weekend and both holidays skipped
        ], First(visit, 7));
    }

    [Fact]
    public void The_2_working_day_report_step_across_a_weekend_and_holidays()
    {
        // Step 7 entered Thursday 12 February 10.00: due 2 working days later, which is Wednesday 18 (16 and 17 are holidays).
        var visit = Visit(7, Wib(2, 12, 10, 0));
        Assert.Equal(Wib(2, 18, 10, 0), visit.DueAt);
        Assert.Equal(TimeSpan.FromHours(15), visit.StandardWorkingTime);

        Assert.Equal(
        [
            (ReminderKind.Soon, 1, Wib(2, 13, 16, 0)),        // 12 of 15 working hours
            (ReminderKind.Due, 1, Wib(2, 18, 10, 0)),
            (ReminderKind.Overdue, 1, Wib(2, 19, 8, 0)),      // every working day at 07.30, or at opening when later: Ramadan from the 19th opens at 08.00
            (ReminderKind.Overdue, 2, Wib(2, 20, 8, 0)),
            (ReminderKind.Escalation, 1, Wib(2, 20, 10, 0)),  // overdue by its own waktu again: 2 working days
            (ReminderKind.Overdue, 3, Wib(2, 23, 8, 0)),      // Monday, after the weekend
        ], First(visit, 6));
        Assert.Equal(Role.KetuaTimKerja, Ladder.Schedule(visit).Single(r => r.Kind == ReminderKind.Escalation).SuperiorRole);
    }

    [Theory]
    [InlineData(3, 13, 11, 20)]
    [InlineData(7, 12, 10, 0)]
    [InlineData(2, 13, 15, 45)]
    [InlineData(6, 16, 9, 0)]
    [InlineData(6, 14, 10, 0)]
    public void Nothing_fires_outside_working_time(int step, int day, int hour, int minute)
    {
        var visit = Visit(step, Wib(2, day, hour, minute));

        var all = Ladder.Schedule(visit).ToList();

        Assert.Equal(40, all.Count(r => r.Kind == ReminderKind.Overdue));
        Assert.All(all, r => Assert.True(Calendar.IsWorkingTime(r.FireAt), $"{r.KindName} {r.Occurrence} at {Calendar.ToLocal(r.FireAt)}"));
        Assert.Equal(all.OrderBy(r => r.FireAt).Select(r => r.FireAt), all.Select(r => r.FireAt));
    }

    [Theory]
    [InlineData(2, Role.KetuaTimKerja)]
    [InlineData(3, Role.KepalaBidang)]
    [InlineData(4, Role.KepalaDinas)]
    [InlineData(6, Role.KepalaBidang)]
    [InlineData(7, Role.KetuaTimKerja)]
    public void Escalation_goes_to_the_superior_role(int step, Role superior)
    {
        var escalation = Assert.Single(Ladder.Schedule(Visit(step, Wib(3, 2, 9, 0))), r => r.Kind == ReminderKind.Escalation);

        Assert.Equal((ReminderAudience.Superior, superior), (escalation.Audience, escalation.SuperiorRole!.Value));
    }

    [Fact]
    public void The_Kepala_Dinas_has_nobody_above_and_is_not_escalated()
    {
        Assert.DoesNotContain(Ladder.Schedule(Visit(5, Wib(3, 2, 9, 0))), r => r.Kind == ReminderKind.Escalation);
    }

    [Fact]
    public void Step_6_reminds_the_team_the_working_day_before_the_jadwal_and_at_it_and_is_quiet_while_the_kegiatan_runs()
    {
        // Jadwal Monday 9 March 2026 09.00: the working day before is Friday 6 March. The 5-minute standard runs from the jadwal
        // to the recorded start, but nothing fires on the jadwal's day after the jadwal reminder: no "due", no overdue, no
        // escalation while the Ketua is in the kegiatan. A start still unrecorded is chased from Tuesday 07.30, and the Kepala
        // Bidang told an hour later. March 2026 is Ramadan: the office opens at 08.00, so what falls at 07.30 fires at 08.00.
        var visit = Visit(6, Wib(3, 9, 9, 0));

        Assert.Equal(
        [
            (ReminderKind.JadwalDayBefore, 1, Wib(3, 6, 8, 0)),
            (ReminderKind.Jadwal, 1, Wib(3, 9, 9, 0)),
            (ReminderKind.Overdue, 1, Wib(3, 10, 8, 0)),
            (ReminderKind.Escalation, 1, Wib(3, 10, 9, 0)),
            (ReminderKind.Overdue, 2, Wib(3, 11, 8, 0)),
        ], First(visit, 5));
        Assert.Equal(Wib(3, 9, 9, 5), visit.DueAt);
        Assert.DoesNotContain(Ladder.Schedule(visit).Take(100), r => r.Kind is ReminderKind.Due or ReminderKind.Soon);
        Assert.All(Ladder.Schedule(visit).Where(r => r.Kind is ReminderKind.Jadwal or ReminderKind.JadwalDayBefore), r => Assert.Equal(ReminderAudience.Team, r.Audience));
        Assert.Equal(Role.KepalaBidang, Ladder.Schedule(visit).Single(r => r.Kind == ReminderKind.Escalation).SuperiorRole);
    }

    [Fact]
    public void A_jadwal_on_a_Friday_afternoon_is_chased_on_Monday_morning_not_over_the_weekend()
    {
        // Friday 13 March 2026, in Ramadan: Monday opens at 08.00.
        var visit = Visit(6, Wib(3, 13, 14, 0));

        Assert.Equal(
        [
            (ReminderKind.Overdue, 1, Wib(3, 16, 8, 0)),
            (ReminderKind.Escalation, 1, Wib(3, 16, 9, 0)),
        ], First(visit, 4).Skip(2));
    }

    [Fact]
    public void A_jadwal_on_a_holiday_is_announced_at_the_next_working_start()
    {
        // Jadwal on Idul Fitri cuti bersama (Monday 23 March 2026): the office is closed 18 to 24 March. Tuesday 17 March is
        // still Ramadan (opens 08.00); Wednesday 25 March is back on the usual hours (07.30).
        var visit = Visit(6, Wib(3, 23, 9, 0));

        var team = Ladder.Schedule(visit).Where(r => r.Audience == ReminderAudience.Team).Select(r => (r.Kind, Calendar.ToLocal(r.FireAt))).ToList();

        Assert.Equal([(ReminderKind.JadwalDayBefore, Wib(3, 17, 8, 0)), (ReminderKind.Jadwal, Wib(3, 25, 7, 30))], team);
    }

    [Fact]
    public void The_next_reminder_follows_the_one_fired_and_collapses_missed_overdue_repeats()
    {
        var visit = Visit(3, Wib(2, 13, 11, 20));
        var schedule = Ladder.Schedule(visit).ToList();
        var due = schedule.Single(r => r.Kind == ReminderKind.Due);

        Assert.Equal(ReminderKind.Escalation, Ladder.After(visit, due, due.FireAt)!.Kind);
        // Back after an outage on Wednesday 18 at 09.00: one "still late" (the latest missed), not three.
        var escalation = schedule.Single(r => r.Kind == ReminderKind.Escalation);
        var next = Ladder.After(visit, escalation, Wib(2, 18, 9, 0))!;
        Assert.Equal((ReminderKind.Overdue, 4), (next.Kind, next.Occurrence));
        // A decision at 13.03 (after "soon") places "due" first.
        Assert.Equal(ReminderKind.Due, Ladder.First(visit, Wib(2, 13, 13, 3))!.Kind);
    }

    [Fact]
    public void Each_reminder_has_a_stable_dedupe_key()
    {
        var visit = Visit(3, Wib(2, 13, 11, 20), attempt: 2);

        var keys = Ladder.Schedule(visit).Take(4).Select(r => r.DedupeKey("FAS-2026-0007")).ToList();

        Assert.Equal(["FAS-2026-0007|3|2|soon|1", "FAS-2026-0007|3|2|due|1", "FAS-2026-0007|3|2|escalation|1", "FAS-2026-0007|3|2|overdue|1"], keys);
        Assert.Equal(keys, Ladder.Schedule(visit).Take(4).Select(r => r.DedupeKey("FAS-2026-0007")));
    }

    [Fact]
    public void A_moved_jadwal_brings_reminders_of_its_own_so_those_sent_for_the_old_one_do_not_silence_them()
    {
        var before = Visit(6, Wib(3, 9, 9, 0));
        var moved = Visit(6, Wib(3, 11, 9, 0)) with
        {
            Reschedules = [new Rescheduling(Wib(3, 9, 9, 0), Wib(3, 11, 9, 0), null, null, new Actor("k", "Rina Marlina"), Wib(3, 5, 10, 0), "Narasumber berhalangan.")],
        };

        var old = Ladder.Schedule(before).First(r => r.Kind == ReminderKind.JadwalDayBefore);
        var renewed = Ladder.Schedule(moved).First(r => r.Kind == ReminderKind.JadwalDayBefore);

        Assert.Equal("FAS-2026-0007|6|1|jadwalDayBefore|1", old.DedupeKey("FAS-2026-0007"));
        Assert.Equal("FAS-2026-0007|6|1|jadwalDayBefore|1|j1", renewed.DedupeKey("FAS-2026-0007"));
        Assert.False(renewed.SameAs(old));
        Assert.Equal(Wib(3, 10, 8, 0), Calendar.ToLocal(renewed.FireAt)); // the working day before, at opening (Ramadan: 08.00)
    }
}
