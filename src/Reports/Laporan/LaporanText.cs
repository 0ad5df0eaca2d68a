using System.Globalization;
using System.Text;
using PerijinanBot.Sop;
using PerijinanBot.Sop.Engine;

namespace PerijinanBot.Reports.Laporan;

/// <summary>The report's wording of dates, outcomes and measurements, and the cleaning every printed string goes through.</summary>
internal static class LaporanText
{
    public const string Dash = "—";

    private static readonly Lazy<TimeZoneInfo> _wib = new(() => TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));

    /// <summary>"12 November 2026": letters are dated without the weekday.</summary>
    public static string Tanggal(DateOnly date) => WibFormat.PlainDate(date);

    /// <summary>"15 Juli 2026 09.00 WIB", compact for the appendix table.</summary>
    public static string Moment(DateTimeOffset instant) => $"{Tanggal(WibDate(instant))} {WibFormat.Time(instant)} WIB";

    /// <summary>"Rabu, 15 Juli 2026 pukul 09.00 WIB", for the body text.</summary>
    public static string Pukul(DateTimeOffset instant) => $"{WibFormat.Date(WibDate(instant))} pukul {WibFormat.Time(instant)} WIB";

    public static DateOnly WibDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _wib.Value).DateTime);

    /// <summary>What a visit of a step came to, in the words of the SOP's decision column.</summary>
    public static string Decision(StepRecord record) => record.Outcome switch
    {
        StepOutcome.Completed => "Selesai",
        StepOutcome.Approved => "Setuju",
        StepOutcome.SentBack => $"Tidak (dikembalikan ke langkah {record.SentBackTo?.ToString(CultureInfo.InvariantCulture) ?? "sebelumnya"})",
        StepOutcome.Executed => "Dilaksanakan",
        StepOutcome.Reported => "Dilaporkan",
        StepOutcome.Cancelled => "Dibatalkan",
        _ => "Belum selesai",
    };

    /// <summary>"Tepat waktu", "Terlambat 1 jam 5 menit", or a dash when the visit was not measured (cancelled or still open).</summary>
    public static string Punctuality(StepMeasurement? measurement) => measurement switch
    {
        null => Dash,
        { OnTime: true } => "Tepat waktu",
        _ => $"Terlambat {WibFormat.Duration(measurement.LateBy)}",
    };

    /// <summary>
    /// Makes any user-entered text safe to print: one kind of line break, no tabs, and none of the characters XML 1.0 forbids
    /// (control characters, unpaired surrogates, U+FFFE/U+FFFF), which would make the DOCX unreadable.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n')
            {
                builder.Append('\n');
            }
            else if (c is '\t')
            {
                builder.Append(' ');
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }
            }
            else if (!char.IsLowSurrogate(c) && !char.IsControl(c) && c is not ('\uFFFE' or '\uFFFF'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary><see cref="Clean"/>, or null when nothing printable is left.</summary>
    public static string? CleanOrNull(string? text) => Clean(text) is { Length: > 0 } cleaned ? cleaned : null;

    /// <summary>
    /// "Laporan-Kegiatan-FAS-2026-0001.pdf" from <paramref name="prefix"/>, the kegiatan number and the extension: only ASCII
    /// letters, digits and dashes, whatever the number or extension holds, so the name is safe in a blob path, a download
    /// header and a SharePoint folder.
    /// </summary>
    public static string FileName(string prefix, string? number, string? extension)
    {
        var safeNumber = FileSafe(number, 80);
        var ext = FileSafe(extension, 10).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var name = safeNumber.Length > 0 ? $"{prefix}-{safeNumber}" : prefix;
        return ext.Length > 0 ? $"{name}.{ext}" : name;
    }

    /// <summary>Keeps ASCII letters and digits, at most <paramref name="max"/> characters; every other run of characters becomes one dash.</summary>
    private static string FileSafe(string? text, int max)
    {
        var builder = new StringBuilder();
        foreach (var c in text ?? "")
        {
            if (builder.Length >= max)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
