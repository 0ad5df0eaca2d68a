using System.Globalization;
using PerijinanBot.Reports.Spreadsheets;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Reports.Compliance;

/// <summary>
/// The compliance report as a workbook: "Ringkasan" (per step, then per role), "Rincian" (one row per finished step visit) and
/// "Monitoring SOP" (the monitoring form, prefilled). Durations are working hours kept at full precision (shown with two
/// decimals) beside a readable text; times are Excel dates in WIB, so a reader can undo <see cref="Build"/> exactly, to the
/// millisecond for times. The labels, headers and outcome names are internal so that such a reader (the tests') finds its
/// tables by them.
/// </summary>
public static class ComplianceXlsx
{
    public const string SummarySheet = "Ringkasan";
    public const string RowsSheet = "Rincian";
    public const string MonitoringSheet = "Monitoring SOP";

    internal const string OpenNowLabel = "Kegiatan berjalan saat ini";
    internal const string LateNowLabel = "Terlambat saat ini";
    private const string Missing = "–";

    internal static readonly string[] StepHeader =
    [
        "Langkah", "Uraian", "Pelaksana", "Waktu baku", "Baku (jam kerja)", "Jumlah kegiatan", "Jumlah pelaksanaan",
        "Median (jam kerja)", "Median", "P90 (jam kerja)", "P90", "Tepat waktu", "Tepat waktu (%)", "Dikembalikan",
    ];

    internal static readonly string[] RoleHeader =
    [
        "Pelaksana", "Jumlah kegiatan", "Jumlah pelaksanaan", "Median (jam kerja)", "Median", "P90 (jam kerja)", "P90",
        "Tepat waktu", "Tepat waktu (%)", "Dikembalikan",
    ];

    internal static readonly string[] RowHeader =
    [
        "Nomor kegiatan", "Koperasi", "Jenis", "Langkah", "Uraian langkah", "Ke-", "Pelaksana", "Penerima tugas",
        "Diselesaikan oleh", "Mulai (WIB)", "Selesai (WIB)", "Hasil", "Baku (jam kerja)", "Aktual (jam kerja)", "Aktual",
        "Tepat waktu", "Alasan dikembalikan",
    ];

    internal static readonly string[] MonitoringHeader = ["Langkah", "Uraian", "Dilaksanakan dengan baik", "Bukti"];

    // WIB is UTC+7 all year (no daylight saving), so a fixed offset writes and reads back exactly.
    internal static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    internal static readonly IReadOnlyDictionary<StepOutcome, string> Outcomes = new Dictionary<StepOutcome, string>
    {
        [StepOutcome.Completed] = "Selesai",
        [StepOutcome.Approved] = "Disetujui",
        [StepOutcome.SentBack] = "Dikembalikan",
        [StepOutcome.Executed] = "Dilaksanakan",
        [StepOutcome.Reported] = "Dilaporkan",
        [StepOutcome.Cancelled] = "Dibatalkan",
    };

    public static byte[] Build(ComplianceFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return XlsxWriter.Write([Summary(figures), Rows(figures), Monitoring(figures)]);
    }

    private static XlsxSheet Summary(ComplianceFigures f)
    {
        var sheet = new XlsxSheet(SummarySheet)
            .Columns(26, 26, 24, 12, 10, 10, 12, 10, 16, 10, 16, 10, 10, 12)
            .Row(XlsxCell.Of($"Kepatuhan SOP — {f.Period.Label}", XlsxStyle.Title))
            .Row(XlsxCell.Of("Periode"), XlsxCell.Of(f.Period.Label))
            .Row(XlsxCell.Of("Dihitung pada"), XlsxCell.Of(WibFormat.DateTime(f.ComputedAt)))
            .Row(XlsxCell.Of(OpenNowLabel), XlsxCell.Of(f.OpenNow, XlsxStyle.Integer))
            .Row(XlsxCell.Of(LateNowLabel), XlsxCell.Of(f.LateNow, XlsxStyle.Integer))
            .Blank()
            .Row(Header(StepHeader));
        foreach (var s in f.Steps)
        {
            sheet.Row(
                XlsxCell.Of(s.Step, XlsxStyle.Integer),
                XlsxCell.Of(s.Title, XlsxStyle.Wrap),
                XlsxCell.Of(s.Role.Indonesian(), XlsxStyle.Wrap),
                XlsxCell.Of(s.Standard.Text),
                XlsxCell.Of(s.Standard.WorkingTime.TotalHours, XlsxStyle.Decimal2),
                XlsxCell.Of(s.KegiatanCount, XlsxStyle.Integer),
                XlsxCell.Of(s.Visits, XlsxStyle.Integer),
                XlsxCell.Of(s.MedianActual?.TotalHours, XlsxStyle.Decimal2),
                XlsxCell.Of(Readable(s.MedianActual)),
                XlsxCell.Of(s.P90Actual?.TotalHours, XlsxStyle.Decimal2),
                XlsxCell.Of(Readable(s.P90Actual)),
                XlsxCell.Of(s.OnTimeCount, XlsxStyle.Integer),
                XlsxCell.Of(s.OnTimeShare, XlsxStyle.Percent),
                XlsxCell.Of(s.Rework, XlsxStyle.Integer));
        }

        sheet.Blank().Row(Header(RoleHeader));
        foreach (var r in f.Roles)
        {
            sheet.Row(
                XlsxCell.Of(r.Role.Indonesian(), XlsxStyle.Wrap),
                XlsxCell.Of(r.KegiatanCount, XlsxStyle.Integer),
                XlsxCell.Of(r.Visits, XlsxStyle.Integer),
                XlsxCell.Of(r.MedianActual?.TotalHours, XlsxStyle.Decimal2),
                XlsxCell.Of(Readable(r.MedianActual)),
                XlsxCell.Of(r.P90Actual?.TotalHours, XlsxStyle.Decimal2),
                XlsxCell.Of(Readable(r.P90Actual)),
                XlsxCell.Of(r.OnTimeCount, XlsxStyle.Integer),
                XlsxCell.Of(r.OnTimeShare, XlsxStyle.Percent),
                XlsxCell.Of(r.Rework, XlsxStyle.Integer));
        }

        return sheet.Blank()
            .Row(XlsxCell.Of("Durasi dihitung dalam jam kerja kantor (hari dan jam kerja, tanpa hari libur dan cuti bersama)."))
            .Row(XlsxCell.Of("Median: nilai tengah waktu pelaksanaan. P90: 90% pelaksanaan selesai dalam waktu ini atau kurang."));
    }

    private static XlsxSheet Rows(ComplianceFigures f)
    {
        var titles = f.Steps.ToDictionary(s => s.Step, s => s.Title);
        var sheet = new XlsxSheet(RowsSheet)
            .Columns(16, 28, 8, 9, 24, 5, 22, 22, 30, 17, 17, 14, 10, 10, 16, 11, 40)
            .Freeze(1)
            .Row(Header(RowHeader));
        foreach (var r in f.Rows)
        {
            sheet.Row(
                XlsxCell.Of(r.Number),
                XlsxCell.Of(r.Koperasi, XlsxStyle.Wrap),
                XlsxCell.Of(r.Jenis),
                XlsxCell.Of(r.Step, XlsxStyle.Integer),
                XlsxCell.Of(titles.GetValueOrDefault(r.Step)),
                XlsxCell.Of(r.Attempt, XlsxStyle.Integer),
                XlsxCell.Of(r.Role.Indonesian()),
                XlsxCell.Of(r.Assignee),
                XlsxCell.Of(r.FinishedBy, XlsxStyle.Wrap),
                XlsxCell.Of(r.EnteredAt.ToOffset(Wib).DateTime),
                XlsxCell.Of(r.FinishedAt.ToOffset(Wib).DateTime),
                XlsxCell.Of(Outcomes[r.Outcome]),
                XlsxCell.Of(r.StandardWorkingTime.TotalHours, XlsxStyle.Decimal2),
                XlsxCell.Of(r.ActualWorkingTime.TotalHours, XlsxStyle.Decimal2),
                XlsxCell.Of(WibFormat.Duration(r.ActualWorkingTime)),
                XlsxCell.Of(YesNo(r.OnTime)),
                XlsxCell.Of(r.Reason, XlsxStyle.Wrap));
        }

        return sheet;
    }

    private static XlsxSheet Monitoring(ComplianceFigures f)
    {
        var threshold = (ComplianceReport.GoodOnTimeShare * 100).ToString("0", CultureInfo.InvariantCulture);
        var sheet = new XlsxSheet(MonitoringSheet)
            .Columns(9, 28, 14, 80)
            .Row(XlsxCell.Of($"Monitoring pelaksanaan SOP — {f.Period.Label}", XlsxStyle.Title))
            .Row(XlsxCell.Of($"Dilaksanakan dengan baik: sekurang-kurangnya {threshold}% pelaksanaan langkah selesai dalam waktu baku."))
            .Blank()
            .Row(Header(MonitoringHeader));
        foreach (var m in f.Monitoring)
        {
            sheet.Row(
                XlsxCell.Of(m.Step, XlsxStyle.Integer),
                XlsxCell.Of(m.Title, XlsxStyle.Wrap),
                XlsxCell.Of(m.DilaksanakanDenganBaik is { } good ? YesNo(good) : Missing),
                XlsxCell.Of(m.Evidence, XlsxStyle.Wrap));
        }

        return sheet;
    }

    private static XlsxCell[] Header(string[] titles) => [.. titles.Select(t => XlsxCell.Of(t, XlsxStyle.Header))];

    private static string Readable(TimeSpan? duration) => duration is { } d ? WibFormat.Duration(d) : Missing;

    private static string YesNo(bool value) => value ? "Ya" : "Tidak";
}
