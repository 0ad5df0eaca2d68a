using System.Globalization;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Reports.Laporan;

/// <summary>The appendix: every visit of every step (send-backs included), who acted, when, the decision and how long it took.</summary>
internal static class LaporanTrail
{
    // The reason is the only long free text in the table, so it gets the widest column.
    private static readonly LaporanColumn[] _columns =
    [
        new("Langkah", 15),
        new("Ke-", 3),
        new("Pelaksana", 15),
        new("Masuk", 9),
        new("Selesai", 9),
        new("Keputusan", 10),
        new("Alasan", 24),
        new("Waktu standar", 7),
        new("Waktu realisasi", 8),
        new("Ketepatan", 9),
    ];

    public static LaporanLampiran Build(LaporanRequest request)
    {
        var (kegiatan, definition) = (request.Kegiatan, request.Definition);
        var rows = kegiatan.Steps.Select(record =>
        {
            var step = definition.FindStep(record.Step);
            var title = step is null ? "" : $". {LaporanText.Clean(step.Title)}";
            var standard = record.Measurement?.Standard ?? step?.Waktu;
            return (IReadOnlyList<string>)
            [
                $"{record.Step.ToString(CultureInfo.InvariantCulture)}{title}",
                record.Attempt.ToString(CultureInfo.InvariantCulture),
                Who(record),
                LaporanText.Moment(record.EnteredAt),
                record.FinishedAt is { } finished ? LaporanText.Moment(finished) : LaporanText.Dash,
                LaporanText.Decision(record),
                LaporanText.CleanOrNull(record.Reason) ?? LaporanText.Dash,
                standard is null ? LaporanText.Dash : WibFormat.Waktu(standard),
                record.Measurement is { } m ? WibFormat.Duration(m.ActualWorkingTime) : LaporanText.Dash,
                LaporanText.Punctuality(record.Measurement),
            ];
        }).ToList();

        return new(
            "LAMPIRAN",
            [
                $"Laporan Kegiatan Nomor {LaporanText.Clean(request.Laporan.Nomor)}",
                $"Riwayat pelaksanaan dan persetujuan kegiatan {LaporanText.Clean(kegiatan.Number)}",
            ],
            _columns,
            rows);
    }

    /// <summary>Who acted (a Plh. with the basis); the assignee too when someone else finished the step, e.g. a cancellation.</summary>
    private static string Who(StepRecord record)
    {
        var assignee = LaporanText.CleanOrNull(record.Assignee?.Name);
        if (record.FinishedBy is not { } by)
        {
            return assignee ?? LaporanText.Dash;
        }

        var actor = LaporanText.Clean(by.Describe());
        var actedForAssignee = record.Assignee is null
            || string.Equals(record.Assignee.Id, by.Id, StringComparison.OrdinalIgnoreCase)
            || string.Equals(record.Assignee.Id, by.OnBehalfOf?.Id, StringComparison.OrdinalIgnoreCase);
        return actedForAssignee || assignee is null ? actor : $"{actor} (ditugaskan kepada {assignee})";
    }
}
