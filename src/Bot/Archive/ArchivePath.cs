using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PerijinanBot.Dialogs.Reports;

namespace PerijinanBot.Bot.Archive;

/// <summary>
/// Where things go in the archive library: <c>{folder}/{tahun}/{jenis}/{nomor}/{file}</c> for a kegiatan's documents and
/// <c>{folder}/{tahun}/Buku-Agenda-Surat-Keluar-{tahun}.xlsx</c> for the register. Every segment is made acceptable to
/// SharePoint, whatever a form or a setting holds, because a refused name would leave the item failing for good.
/// </summary>
internal static partial class ArchivePath
{
    // SharePoint refuses these in file and folder names; braces would also be read as the SDK's URL template.
    private static readonly SearchValues<char> _refused = SearchValues.Create("\\/:*?\"<>|#%{}");

    private static readonly HashSet<string> _reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "desktop.ini", "forms",
    };

    /// <summary>One folder or file name SharePoint accepts: refused characters become '-', no leading or trailing spaces or dots.</summary>
    public static string Segment(string? text)
    {
        var builder = new StringBuilder(text?.Length ?? 0);
        foreach (var c in text ?? "")
        {
            builder.Append(char.IsControl(c) || _refused.Contains(c) ? '-' : c);
        }

        // "~$…" is an Office lock file's name and "_vti_" SharePoint's own: both are refused in a library.
        var segment = TrimEnds(builder.ToString()).Replace("_vti_", "_vti-", StringComparison.OrdinalIgnoreCase);
        if (segment.StartsWith("~$", StringComparison.Ordinal))
        {
            segment = "-" + segment[1..];
        }

        if (segment.Length == 0)
        {
            return "_";
        }

        // "CON", "con.txt" and the like are device names to Windows clients syncing the library: the stem gets a mark.
        var stem = segment.Split('.')[0];
        return _reserved.Contains(segment) || _reserved.Contains(stem) ? $"{stem}_{segment[stem.Length..]}" : segment;
    }

    /// <summary>Joins paths and names with '/', each of their segments made acceptable; empty segments are dropped.</summary>
    public static string Combine(params string[] parts) =>
        string.Join('/', parts
            .SelectMany(p => (p ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Segment));

    /// <summary>The folder of a kegiatan's documents under the archive's <paramref name="root"/>.</summary>
    public static string KegiatanFolder(string root, int year, string? jenis, string number) =>
        Combine(root, year.ToString(CultureInfo.InvariantCulture), string.IsNullOrWhiteSpace(jenis) ? ArchiveNames.NoJenis : jenis, number);

    /// <summary>The year's register export: one file per year, replaced whenever a letter of that year is entered.</summary>
    public static string AgendaFile(string root, int year)
    {
        var tahun = year.ToString(CultureInfo.InvariantCulture);
        return Combine(root, tahun, AgendaTexts.RegisterFileName(tahun));
    }

    /// <summary>The year a kegiatan number carries (FAS-2026-0001 → 2026), or null when it carries none.</summary>
    public static int? YearOf(string number)
    {
        var match = NumberYear().Match(number ?? "");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static string TrimEnds(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '.'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == '.'))
        {
            end--;
        }

        return text[start..end];
    }

    [GeneratedRegex(@"^[A-Z0-9]+-(\d{4})-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberYear();
}
