using PerijinanBot.Reports.Compliance;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;
using static PerijinanBot.Reports.Tests.Compliance.ComplianceFixture;

namespace PerijinanBot.Reports.Tests.Compliance;

/// <summary>Every expected value below was worked out by hand from <see cref="ComplianceFixture"/>; none is recomputed.</summary>
public sealed class ComplianceReportTests
{
    private static readonly CompliancePeriod November = CompliancePeriod.Containing(PeriodKind.Bulan, new DateOnly(2026, 11, 15));

    private static ComplianceFigures Figures(CompliancePeriod period) => ComplianceReport.Compute(All, Definition, period, Now, Calendar);

    private static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);

    [Fact]
    public void Step_figures_of_November_match_the_hand_count()
    {
        var steps = Figures(November).Steps;

        StepFigures[] expected =
        [
            // 2, 3, 4, 5, 10 (A late): median 4, P90 = 5th of 5.
            new(1, "Rapat dan disposisi", Role.KetuaTimKerja, new("5 menit", Min(5)), 5, 5, Min(4), Min(10), 4, 0.8, 0),
            // 30, 45, 50, 55, 70 (B's first try late); E's open visit does not count.
            new(2, "Penyiapan data dukung", Role.AnggotaTimKerja, new("1 jam", Min(60)), 4, 5, Min(50), Min(70), 4, 0.8, 0),
            // 8 (Tidak), 10, 14, 18 (late), 20 (late): one send-back decided here.
            new(3, "Verifikasi data dukung", Role.KetuaTimKerja, new("15 menit", Min(15)), 4, 5, Min(14), Min(20), 3, 0.6, 1),
            // 15, 20, 25, 30: even count, median (20 + 25) / 2; C's cancelled visit is not a visit.
            new(4, "Koreksi data dukung", Role.KepalaBidang, new("15 menit", Min(15)), 3, 4, Min(22.5), Min(30), 1, 0.25, 1),
            // 10, 12, 40 (Tidak by the Plh., late): P90 = ceil(2.7) = 3rd.
            new(5, "Telaah data dukung", Role.KepalaDinas, new("15 menit", Min(15)), 2, 3, Min(12), Min(40), 2, 2.0 / 3.0, 1),
            new(6, "Pelaksanaan fasilitasi", Role.KetuaTimKerja, new("5 menit", Min(5)), 2, 2, Min(3.5), Min(5), 2, 1.0, 0),
            // 600 and 1200 minutes; F's report ended on 1 December WIB and is left out.
            new(7, "Dokumentasi dan laporan", Role.AnggotaTimKerja, new("2 hari kerja", TimeSpan.FromHours(15)), 2, 2, TimeSpan.FromHours(15), TimeSpan.FromHours(20), 1, 0.5, 0),
        ];

        Assert.Equal(expected, steps);
    }

    [Fact]
    public void Role_figures_pool_the_visits_of_every_step_the_role_carries_out()
    {
        var roles = Figures(November).Roles;

        RoleFigures[] expected =
        [
            // Steps 2 and 7: 30, 45, 50, 55, 70, 600, 1200 → median 55, P90 = ceil(6.3) = 7th.
            new(Role.AnggotaTimKerja, 4, 7, Min(55), Min(1200), 5, 5.0 / 7.0, 0),
            // Steps 1, 3, 6: 2, 2, 3, 4, 5, 5, 8, 10, 10, 14, 18, 20 → median (5 + 8) / 2, P90 = ceil(10.8) = 11th.
            new(Role.KetuaTimKerja, 5, 12, Min(6.5), Min(18), 9, 0.75, 1),
            new(Role.KepalaBidang, 3, 4, Min(22.5), Min(30), 1, 0.25, 1),
            new(Role.KepalaDinas, 2, 3, Min(12), Min(40), 2, 2.0 / 3.0, 1),
        ];

        Assert.Equal(expected, roles);
    }

    [Fact]
    public void Open_and_late_kegiatan_are_counted_now_whatever_the_period()
    {
        foreach (var period in new[] { November, CompliancePeriod.Containing(PeriodKind.Bulan, new DateOnly(2026, 10, 1)) })
        {
            var figures = Figures(period);

            // D and E are open (G belongs to another SOP); only D's current step was due before now.
            Assert.Equal(2, figures.OpenNow);
            Assert.Equal(1, figures.LateNow);
            Assert.Equal(Now, figures.ComputedAt);
            Assert.Same(period, figures.Period);
        }
    }

    [Fact]
    public void Rows_list_each_finished_visit_of_the_period_by_kegiatan_then_finish_time()
    {
        var rows = Figures(November).Rows;

        Assert.Equal(26, rows.Count);
        Assert.Equal(
            ["FAS-2026-0001", "FAS-2026-0002", "FAS-2026-0003", "FAS-2026-0004", "FAS-2026-0005"],
            rows.Select(r => r.Number).Distinct());
        Assert.Equal([1, 2, 3, 2, 3, 4, 5, 4, 5, 6, 7], rows.Where(r => r.Number == "FAS-2026-0002").Select(r => r.Step));
        Assert.DoesNotContain(rows, r => r.Number == "FAS-2026-0003" && r.Step == 4);

        // Finished at 01.00 WIB on 1 November, still 31 October in UTC.
        Assert.Equal(
            new KegiatanStepRow(
                "FAS-2026-0001", KoperasiA, "IUSP", 1, 1, Role.KetuaTimKerja, "Rina Marlina", "Rina Marlina",
                Wib(10, 30, 16, 20), Wib(11, 1, 1, 0), StepOutcome.Completed, Min(5), Min(10), false, null),
            rows[0]);
        Assert.Equal(
            new KegiatanStepRow(
                "FAS-2026-0002", KoperasiB, "IKC", 5, 1, Role.KepalaDinas, "Syarif Hidayat",
                "Budi Santoso selaku Plh. Syarif Hidayat (ST 800/12/2026)", Wib(11, 3, 10, 21), Wib(11, 3, 11, 1),
                StepOutcome.SentBack, Min(15), Min(40), false, ReasonB5),
            rows[13]);
        Assert.Equal(
            new KegiatanStepRow(
                "FAS-2026-0004", KoperasiD, "IKK", 4, 1, Role.KepalaBidang, "Hendra Wijaya", "Hendra Wijaya",
                Wib(11, 23, 9, 20), Wib(11, 23, 9, 50), StepOutcome.SentBack, Min(15), Min(30), false, ReasonD4),
            rows[24]);
        Assert.Equal(("FAS-2026-0005", 1, true), (rows[25].Number, rows[25].Step, rows[25].OnTime));
    }

    [Fact]
    public void Monitoring_says_well_done_from_eighty_percent_on_time_and_gives_the_evidence()
    {
        MonitoringItem[] expected =
        [
            new(1, "Rapat dan disposisi", true, "4 dari 5 tepat waktu (80%); median 4 menit, baku 5 menit"),
            new(2, "Penyiapan data dukung", true, "4 dari 5 tepat waktu (80%); median 50 menit, baku 1 jam"),
            new(3, "Verifikasi data dukung", false, "3 dari 5 tepat waktu (60%); median 14 menit, baku 15 menit; 1 kali dikembalikan"),
            new(4, "Koreksi data dukung", false, "1 dari 4 tepat waktu (25%); median 22 menit, baku 15 menit; 1 kali dikembalikan"),
            new(5, "Telaah data dukung", false, "2 dari 3 tepat waktu (67%); median 12 menit, baku 15 menit; 1 kali dikembalikan"),
            new(6, "Pelaksanaan fasilitasi", true, "2 dari 2 tepat waktu (100%); median 3 menit, baku 5 menit"),
            new(7, "Dokumentasi dan laporan", false, "1 dari 2 tepat waktu (50%); median 15 jam, baku 2 hari kerja"),
        ];

        Assert.Equal(expected, Figures(November).Monitoring);
        Assert.Equal(0.8, ComplianceReport.GoodOnTimeShare);
    }

    [Fact]
    public void A_step_without_visits_has_no_median_share_or_verdict()
    {
        var october = Figures(CompliancePeriod.Containing(PeriodKind.Bulan, new DateOnly(2026, 10, 1)));

        // Only F finished steps in October; A's step 1 (31 October in UTC) is November's.
        Assert.Equal([1, 1, 1, 1, 1, 1, 0], october.Steps.Select(s => s.Visits));
        Assert.Equal(
            new StepFigures(7, "Dokumentasi dan laporan", Role.AnggotaTimKerja, new("2 hari kerja", TimeSpan.FromHours(15)), 0, 0, null, null, 0, null, 0),
            october.Steps[6]);
        Assert.Equal(new MonitoringItem(7, "Dokumentasi dan laporan", null, "Tidak ada pelaksanaan langkah ini yang selesai pada periode ini"), october.Monitoring[6]);
        Assert.Equal(
            new MonitoringItem(3, "Verifikasi data dukung", true, "1 dari 1 tepat waktu (100%); median 12 menit, baku 15 menit; tidak ada yang dikembalikan"),
            october.Monitoring[2]);
        Assert.Equal(6, october.Rows.Count);
    }

    [Fact]
    public void A_visit_finished_after_midnight_WIB_belongs_to_the_next_month_even_if_UTC_says_otherwise()
    {
        var december = Figures(CompliancePeriod.Containing(PeriodKind.Bulan, new DateOnly(2026, 12, 1)));

        var row = Assert.Single(december.Rows);
        Assert.Equal(("FAS-2026-0006", 7), (row.Number, row.Step));
        Assert.Equal(TimeSpan.FromMinutes(12000), december.Steps[6].MedianActual);
    }

    [Fact]
    public void Median_and_P90_follow_the_documented_definitions()
    {
        Assert.Null(ComplianceReport.Median([]));
        Assert.Null(ComplianceReport.P90([]));
        Assert.Equal(Min(7), ComplianceReport.Median([Min(7)]));
        Assert.Equal(Min(7), ComplianceReport.P90([Min(7)]));

        // Ten values 1..10 minutes, unordered: median (5 + 6) / 2, P90 = 9th smallest; eleven values: P90 = ceil(9.9) = 10th.
        TimeSpan[] ten = [Min(10), Min(3), Min(1), Min(9), Min(5), Min(2), Min(8), Min(6), Min(4), Min(7)];
        Assert.Equal(Min(5.5), ComplianceReport.Median(ten));
        Assert.Equal(Min(9), ComplianceReport.P90(ten));
        Assert.Equal(Min(10), ComplianceReport.P90([.. ten, Min(11)]));
    }

    [Fact]
    public void A_working_day_is_the_office_week_over_its_working_days()
    {
        // Monday–Thursday 07.30–16.00 less an hour, Friday 07.30–16.30 less an hour and a half: 37.5 h over 5 days.
        Assert.Equal(TimeSpan.FromHours(7.5), ComplianceReport.AverageWorkingDay(Calendar));
    }
}
