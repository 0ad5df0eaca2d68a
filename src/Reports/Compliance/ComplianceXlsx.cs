using System.Globalization;
using PerijinanBot.Reports.Spreadsheets;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Reports.Compliance;

/// <summary>What <see cref="ComplianceXlsx.ReadSummary"/> reads back from the "Ringkasan" sheet.</summary>
public sealed record ComplianceSummary(IReadOnlyList<StepFigures> Steps, IReadOnlyList<RoleFigures> Roles, int OpenNow, int LateNow);

/// <summary>
/// The compliance report as a workbook: "Ringkasan" (per step, then per role), "Rincian" (one row per finished step visit) and
/// "Monitoring SOP" (the monitoring form, prefilled). Durations are working hours kept at full precision (shown with two
/// decimals) beside a readable text; times are Excel dates in WIB. The readers undo <see cref="Build"/> exactly, to the
/// millisecond for times.
/// </summary>
public static class ComplianceXlsx
{
    public const string SummarySheet = "Ringkasan";
    public const string RowsSheet = "Rincian";
    public const string MonitoringSheet = "Monitoring SOP";

    private const string OpenNowLabel = "Kegiatan berjalan saat ini";
    private const string LateNowLabel = "Terlambat saat ini";
    private const string Missing = "–";

    private static readonly string[] _stepHeader =
    [
        "Langkah", "Uraian", "Pelaksana", "Waktu baku", "Baku (jam kerja)", "Jumlah kegiatan", "Jumlah pelaksanaan",
        "Median (jam kerja)", "Median", "P90 (jam kerja)", "P90", "Tepat waktu", "Tepat waktu (%)", "Dikembalikan",
    ];

    private static readonly string[] _roleHeader =
    [
        "Pelaksana", "Jumlah kegiatan", "Jumlah pelaksanaan", "Median (jam kerja)", "Median", "P90 (jam kerja)", "P90",
        "Tepat waktu", "Tepat waktu (%)", "Dikembalikan",
    ];

    private static readonly string[] _rowHeader =
    [
        "Nomor kegiatan", "Koperasi", "Jenis", "Langkah", "Uraian langkah", "Ke-", "Pelaksana", "Penerima tugas",
        "Diselesaikan oleh", "Mulai (WIB)", "Selesai (WIB)", "Hasil", "Baku (jam kerja)", "Aktual (jam kerja)", "Aktual",
        "Tepat waktu", "Alasan dikembalikan",
    ];

    private static readonly string[] _monitoringHeader = ["Langkah", "Uraian", "Dilaksanakan dengan baik", "Bukti"];

    // WIB is UTC+7 all year (no daylight saving), so a fixed offset writes and reads back exactly.
    private static readonly TimeSpan _wib = TimeSpan.FromHours(7);

    private static readonly Dictionary<StepOutcome, string> _outcomes = new()
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

    /// <summary>The "Rincian" rows; empty cells read back as "" (texts) or null (assignee, reason).</summary>
    public static IReadOnlyList<KegiatanStepRow> ReadRows(byte[] xlsx)
    {
        var rows = XlsxReader.ReadSheet(xlsx, RowsSheet);
        return [.. Table(rows, _rowHeader).Select(r => new KegiatanStepRow(
            r.Text(0),
            r.Text(1),
            r.Text(2),
            r.Integer(3),
            r.Integer(5),
            ParseRole(r.Text(6)),
            r.Optional(7),
            r.Text(8),
            new DateTimeOffset(r.DateTime(9), _wib),
            new DateTimeOffset(r.DateTime(10), _wib),
            ParseOutcome(r.Text(11)),
            r.Hours(12),
            r.Hours(13),
            ParseYesNo(r.Text(15)) ?? throw new InvalidDataException("Tepat waktu must be Ya or Tidak."),
            r.Optional(16)))];
    }

    public static ComplianceSummary ReadSummary(byte[] xlsx)
    {
        var rows = XlsxReader.ReadSheet(xlsx, SummarySheet);
        var steps = Table(rows, _stepHeader).Select(r => new StepFigures(
            r.Integer(0),
            r.Text(1),
            ParseRole(r.Text(2)),
            new StepStandard(r.Text(3), r.Hours(4)),
            r.Integer(5),
            r.Integer(6),
            r.OptionalHours(7),
            r.OptionalHours(9),
            r.Integer(11),
            r.OptionalNumber(12),
            r.Integer(13)));
        var roles = Table(rows, _roleHeader).Select(r => new RoleFigures(
            ParseRole(r.Text(0)),
            r.Integer(1),
            r.Integer(2),
            r.OptionalHours(3),
            r.OptionalHours(5),
            r.Integer(7),
            r.OptionalNumber(8),
            r.Integer(9)));
        return new ComplianceSummary([.. steps], [.. roles], Labelled(rows, OpenNowLabel), Labelled(rows, LateNowLabel));
    }

    public static IReadOnlyList<MonitoringItem> ReadMonitoring(byte[] xlsx)
    {
        var rows = XlsxReader.ReadSheet(xlsx, MonitoringSheet);
        return [.. Table(rows, _monitoringHeader).Select(r => new MonitoringItem(r.Integer(0), r.Text(1), ParseYesNo(r.Text(2)), r.Text(3)))];
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
            .Row(Header(_stepHeader));
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

        sheet.Blank().Row(Header(_roleHeader));
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
            .Row(Header(_rowHeader));
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
                XlsxCell.Of(r.EnteredAt.ToOffset(_wib).DateTime),
                XlsxCell.Of(r.FinishedAt.ToOffset(_wib).DateTime),
                XlsxCell.Of(_outcomes[r.Outcome]),
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
            .Row(Header(_monitoringHeader));
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

    private static bool? ParseYesNo(string text) => text switch
    {
        "Ya" => true,
        "Tidak" => false,
        _ => null,
    };

    private static Role ParseRole(string text)
    {
        foreach (var role in RoleNames.Pelaksana)
        {
            if (role.Indonesian() == text)
            {
                return role;
            }
        }

        throw new InvalidDataException($"'{text}' is not a pelaksana.");
    }

    private static StepOutcome ParseOutcome(string text)
    {
        foreach (var (outcome, name) in _outcomes)
        {
            if (name == text)
            {
                return outcome;
            }
        }

        throw new InvalidDataException($"'{text}' is not a step outcome.");
    }

    /// <summary>The rows under the header row whose cells are <paramref name="header"/>, up to the first empty row.</summary>
    private static IEnumerable<XlsxRowValues> Table(IReadOnlyList<XlsxRowValues> rows, string[] header)
    {
        var start = -1;
        for (var i = 0; i < rows.Count && start < 0; i++)
        {
            if (header.Select((title, c) => rows[i].Text(c) == title).All(match => match))
            {
                start = i + 1;
            }
        }

        if (start < 0)
        {
            throw new InvalidDataException($"The sheet has no table headed '{header[0]}'.");
        }

        return rows.Skip(start).TakeWhile(r => !r.IsEmpty);
    }

    private static int Labelled(IReadOnlyList<XlsxRowValues> rows, string label) =>
        rows.FirstOrDefault(r => r.Text(0) == label)?.Integer(1) ?? throw new InvalidDataException($"The sheet has no row '{label}'.");
}
