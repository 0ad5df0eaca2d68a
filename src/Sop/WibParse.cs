using System.Globalization;
using System.Text.RegularExpressions;

namespace PerijinanBot.Sop;

/// <summary>
/// Reads dates and times the ways people in the office write them, the counterpart of <see cref="WibFormat"/>:
/// <c>14/12/2026 09.00</c>, <c>14-12-2026 9:00</c>, <c>14 Desember 2026 09.00</c>, <c>Senin, 14 Des 2026 pukul 09.00 WIB</c>,
/// and the forms the card pickers send (<c>2026-12-14</c>, <c>09:00</c>). Day first, never month first: an Indonesian
/// <c>03/04/2026</c> is 3 April. Pure: the zone comes from the caller.
/// </summary>
public static partial class WibParse
{
    // Each month's full name and the abbreviations seen in letters and chats (Indonesian first, then English ones people type).
    /// <summary>Longer text is no date anyone typed (the longest form, with weekday, "pukul" and "WIB", is about 40 characters).</summary>
    public const int MaxLength = 64;

    private static readonly Dictionary<string, int> _months = BuildMonths(
        ["jan"], ["feb", "peb"], ["mar"], ["apr"], ["mei", "may"], ["jun"], ["jul"],
        ["agu", "agt", "ags", "agus", "aug"], ["sep", "sept"], ["okt", "oct"], ["nov", "nop"], ["des", "dec"]);

    /// <summary>A calendar date: <c>2026-12-14</c>, <c>14/12/2026</c>, <c>14-12-2026</c>, <c>14.12.2026</c>, <c>14 Desember 2026</c>, <c>14 Des 2026</c>.</summary>
    /// <remarks>A leading weekday (<c>Senin, 14 Desember 2026</c>) is allowed when it is that date's weekday.</remarks>
    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        var trimmed = Normalise(text);
        if (trimmed.Length == 0)
        {
            return false;
        }

        string? weekday = null;
        if (WeekdayPrefix().Match(trimmed) is { Success: true } prefixed && DayIndex(prefixed.Groups["day"].Value) is not null)
        {
            weekday = prefixed.Groups["day"].Value;
            trimmed = prefixed.Groups["rest"].Value;
        }

        int year, month, day;
        if (IsoDate().Match(trimmed) is { Success: true } iso)
        {
            (year, month, day) = (Int(iso, "y"), Int(iso, "m"), Int(iso, "d"));
        }
        else if (NumericDate().Match(trimmed) is { Success: true } numeric)
        {
            (year, month, day) = (Int(numeric, "y"), Int(numeric, "m"), Int(numeric, "d"));
        }
        else if (NamedDate().Match(trimmed) is { Success: true } named && _months.TryGetValue(named.Groups["m"].Value.ToLowerInvariant(), out var m))
        {
            (year, month, day) = (Int(named, "y"), m, Int(named, "d"));
        }
        else
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return weekday is null || DayIndex(weekday) == (int)date.DayOfWeek;
    }

    /// <summary>A time of day, 24-hour: <c>09.00</c>, <c>9:00</c>, <c>09:00:00</c>, <c>pukul 13.30</c>, <c>13.30 WIB</c>.</summary>
    public static bool TryTime(string? text, out TimeOnly time)
    {
        time = default;
        var match = Time().Match(Normalise(text));
        if (!match.Success)
        {
            return false;
        }

        var (hour, minute) = (Int(match, "h"), Int(match, "min"));
        var second = match.Groups["s"].Success ? Int(match, "s") : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute, second);
        return true;
    }

    /// <summary>
    /// A date and a time of day, local to the office (no zone): any <see cref="TryDate"/> form, then a space, a comma,
    /// <c>pukul</c>/<c>jam</c> or an ISO <c>T</c>, then any <see cref="TryTime"/> form.
    /// </summary>
    public static bool TryLocal(string? text, out DateTime local)
    {
        local = default;
        var match = DateThenTime().Match(Normalise(text));
        if (!match.Success || !TryDate(match.Groups["date"].Value, out var date) || !TryTime(match.Groups["time"].Value, out var time))
        {
            return false;
        }

        local = date.ToDateTime(time);
        return true;
    }

    /// <summary>
    /// The instant <paramref name="text"/> names: a local date and time (<see cref="TryLocal"/>) read in <paramref name="zone"/>,
    /// or an ISO 8601 instant with its own offset (<c>2026-12-14T09:00:00+07:00</c>, <c>…Z</c>), as values are stored.
    /// </summary>
    public static DateTimeOffset? Instant(string? text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (TryLocal(text, out var local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        var trimmed = text?.Trim() ?? "";
        return trimmed.Length <= MaxLength && IsoInstant().IsMatch(trimmed) && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? instant
            : null;
    }

    // Spaces collapsed, a trailing "WIB" dropped (the office has one zone).
    private static string Normalise(string? text)
    {
        if (text is null || text.Length > MaxLength)
        {
            return "";
        }

        var collapsed = Spaces().Replace(text?.Trim() ?? "", " ");
        return TrailingWib().Replace(collapsed, "");
    }

    private static int? DayIndex(string name)
    {
        var plain = name.Replace("'", "", StringComparison.Ordinal);
        for (var i = 0; i < WibFormat.DayNames.Count; i++)
        {
            if (string.Equals(WibFormat.DayNames[i], plain, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> BuildMonths(params string[][] abbreviations)
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < 12; m++)
        {
            months[WibFormat.MonthNames[m].ToLowerInvariant()] = m + 1;
            foreach (var abbreviation in abbreviations[m])
            {
                months[abbreviation] = m + 1;
            }
        }

        return months;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\bWIB$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingWib();

    [GeneratedRegex(@"^(?<day>[A-Za-z']+),?\s+(?<rest>.+)$")]
    private static partial Regex WeekdayPrefix();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})(?<sep>[/.-])(?<m>[0-9]{1,2})\k<sep>(?<y>[0-9]{4})$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})(?:\s|-|/)?(?<m>[A-Za-z]{3,9})\.?(?:\s|-|/)?(?<y>[0-9]{4})$")]
    private static partial Regex NamedDate();

    [GeneratedRegex(@"^(?:(?:pukul|pkl\.?|jam)\s*)?(?<h>[0-9]{1,2})[.:](?<min>[0-9]{2})(?:[.:](?<s>[0-9]{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    [GeneratedRegex(@"^(?<date>.+?)(?:T|,?\s+)(?<time>(?:(?:pukul|pkl\.?|jam)\s*)?[0-9]{1,2}[.:][0-9]{2}(?:[.:][0-9]{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex DateThenTime();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,7})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex IsoInstant();
}
