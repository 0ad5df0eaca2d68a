using System.Globalization;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Calendar;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Reports.Compliance;

/// <summary>
/// Computes the SOP compliance figures. Definitions, kept exactly so because the office compares reports across periods:
/// <list type="bullet">
/// <item>Only kegiatan of <c>definition.Id</c> count (any version); step titles and roles come from <c>definition</c>, and visits
/// of a step number it does not have are left out.</item>
/// <item>A <b>visit</b> is a <see cref="StepRecord"/> with <see cref="StepRecord.FinishedAt"/> and a
/// <see cref="StepRecord.Measurement"/> whose outcome is not <see cref="StepOutcome.Cancelled"/>. It belongs to the period when
/// its FinishedAt's WIB date is in the period. Visits of a kegiatan cancelled later still count: that work was done.</item>
/// <item><b>Median</b> of the visits' ActualWorkingTime; with an even count, the mean of the two middle values (in ticks,
/// rounded down). <b>P90</b> is nearest-rank: the ceil(0.9·n)-th smallest.</item>
/// <item><b>OnTimeShare</b> = visits measured on time / visits. <b>Rework</b> at step s = visits of s in the period with outcome
/// <see cref="StepOutcome.SentBack"/> (Tidak decided at s). <b>KegiatanCount</b> = distinct kegiatan with at least one visit.</item>
/// <item>A role's figures are the same aggregates over the visits of all steps the definition gives that role.</item>
/// <item><b>OpenNow</b> = kegiatan with status Open, whatever the period; <b>LateNow</b> = those whose current step's DueAt is
/// before <c>now</c>.</item>
/// <item>A step is <b>dilaksanakan dengan baik</b> when OnTimeShare ≥ <see cref="GoodOnTimeShare"/>.</item>
/// </list>
/// </summary>
public static class ComplianceReport
{
    /// <summary>The on-time share from which the monitoring form says a step was carried out well (80%).</summary>
    public const double GoodOnTimeShare = 0.8;

    public static ComplianceFigures Compute(
        IEnumerable<Kegiatan> kegiatan, SopDefinition definition, CompliancePeriod period, DateTimeOffset now, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(kegiatan);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(calendar);

        var ours = kegiatan.Where(k => k.DefinitionId == definition.Id).ToList();
        var visits = (
            from k in ours
            from record in k.Steps
            where record is { FinishedAt: { } finished, Measurement: not null } && record.Outcome != StepOutcome.Cancelled
                && period.Contains(finished, calendar)
            let step = definition.FindStep(record.Step)
            where step is not null
            select new Visit(k, record, step)).ToList();

        var steps = definition.Steps.Select(s => StepFiguresOf(s, visits.Where(v => v.Step.Number == s.Number).ToList(), calendar)).ToList();
        var roles = definition.Roles
            .Where(r => definition.Steps.Any(s => s.Role == r.Role))
            .Select(r => RoleFiguresOf(r.Role, visits.Where(v => v.Step.Role == r.Role).ToList()))
            .ToList();

        var open = ours.Where(k => k.Status == KegiatanStatus.Open).ToList();
        var late = open.Count(k => k.Current is { } current && current.DueAt < now);

        var rows = visits
            .OrderBy(v => v.Kegiatan.Number, StringComparer.Ordinal)
            .ThenBy(v => v.Record.FinishedAt)
            .Select(Row)
            .ToList();

        var monitoring = steps.Select(s => Monitoring(s, definition.Step(s.Step))).ToList();
        return new ComplianceFigures(period, now, steps, roles, open.Count, late, rows, monitoring);
    }

    /// <summary>The middle value; with an even count the mean of the two middle ones. Null for no values.</summary>
    internal static TimeSpan? Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : TimeSpan.FromTicks((sorted[middle - 1].Ticks + sorted[middle].Ticks) / 2);
    }

    /// <summary>Nearest-rank 90th percentile: the ceil(0.9·n)-th smallest value. Null for no values.</summary>
    internal static TimeSpan? P90(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        // ceil(9n/10) in integers, so no floating-point rounding can move the rank.
        var rank = ((9 * values.Count) + 9) / 10;
        return values.Order().ElementAt(rank - 1);
    }

    /// <summary>Working time one "hari kerja" stands for: the week's working time over its working days (37.5 h / 5 = 7.5 h).</summary>
    internal static TimeSpan AverageWorkingDay(WorkCalendar calendar)
    {
        var total = TimeSpan.Zero;
        var days = 0;
        foreach (var hours in calendar.Data.WorkingHours)
        {
            var day = Time(hours.End) - Time(hours.Start) - hours.Breaks.Aggregate(TimeSpan.Zero, (sum, b) => sum + (Time(b.End) - Time(b.Start)));
            total += day * hours.Days.Count;
            days += hours.Days.Count;
        }

        return days == 0 ? TimeSpan.Zero : total / days;

        // The calendar validated these when it was built.
        static TimeOnly Time(string text) => TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);
    }

    private static StepFigures StepFiguresOf(StepDefinition step, List<Visit> visits, WorkCalendar calendar)
    {
        var waktu = step.Waktu;
        var standard = waktu.Unit switch
        {
            WaktuUnit.Minutes => TimeSpan.FromMinutes(waktu.Amount),
            WaktuUnit.Hours => TimeSpan.FromHours(waktu.Amount),
            _ => AverageWorkingDay(calendar) * waktu.Amount,
        };

        var a = Aggregate(visits);
        return new StepFigures(
            step.Number, step.Title, step.Role, new StepStandard(WibFormat.Waktu(waktu), standard),
            a.KegiatanCount, a.Visits, a.Median, a.P90, a.OnTime, a.Share, a.Rework);
    }

    private static RoleFigures RoleFiguresOf(Role role, List<Visit> visits)
    {
        var a = Aggregate(visits);
        return new RoleFigures(role, a.KegiatanCount, a.Visits, a.Median, a.P90, a.OnTime, a.Share, a.Rework);
    }

    private static Aggregates Aggregate(List<Visit> visits)
    {
        var actual = visits.Select(v => v.Measurement.ActualWorkingTime).ToList();
        var onTime = visits.Count(v => v.Measurement.OnTime);
        return new Aggregates(
            visits.Select(v => v.Kegiatan.Number).Distinct(StringComparer.Ordinal).Count(),
            visits.Count,
            Median(actual),
            P90(actual),
            onTime,
            visits.Count == 0 ? null : (double)onTime / visits.Count,
            visits.Count(v => v.Record.Outcome == StepOutcome.SentBack));
    }

    private static KegiatanStepRow Row(Visit visit)
    {
        var (k, r, step) = visit;
        return new KegiatanStepRow(
            k.Number,
            KegiatanKoperasi.Names(k) ?? "",
            k.Value("jenisFasilitasi") ?? "",
            r.Step,
            r.Attempt,
            step.Role,
            r.Assignee?.Name,
            r.FinishedBy?.Describe() ?? "",
            r.EnteredAt,
            r.FinishedAt!.Value,
            r.Outcome!.Value,
            visit.Measurement.StandardWorkingTime,
            visit.Measurement.ActualWorkingTime,
            visit.Measurement.OnTime,
            r.Outcome == StepOutcome.SentBack ? r.Reason : null);
    }

    private static MonitoringItem Monitoring(StepFigures figures, StepDefinition step)
    {
        if (figures.Visits == 0 || figures.OnTimeShare is not { } share)
        {
            return new MonitoringItem(figures.Step, figures.Title, null, "Tidak ada pelaksanaan langkah ini yang selesai pada periode ini");
        }

        var percent = Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);
        var evidence = $"{figures.OnTimeCount} dari {figures.Visits} tepat waktu ({percent}%); "
            + $"median {WibFormat.Duration(figures.MedianActual!.Value)}, baku {figures.Standard.Text}";

        // Only a decision step can send work back, so only there is "never sent back" worth saying.
        if (figures.Rework > 0)
        {
            evidence += $"; {figures.Rework} kali dikembalikan";
        }
        else if (step.IsDecision)
        {
            evidence += "; tidak ada yang dikembalikan";
        }

        return new MonitoringItem(figures.Step, figures.Title, share >= GoodOnTimeShare, evidence);
    }

    private sealed record Visit(Kegiatan Kegiatan, StepRecord Record, StepDefinition Step)
    {
        public StepMeasurement Measurement => Record.Measurement!;
    }

    private sealed record Aggregates(int KegiatanCount, int Visits, TimeSpan? Median, TimeSpan? P90, int OnTime, double? Share, int Rework);
}
