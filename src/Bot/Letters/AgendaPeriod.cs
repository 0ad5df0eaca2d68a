using System.Globalization;

namespace PerijinanBot.Bot.Letters;

/// <summary>The period an agenda view covers: this month (the default) or this year.</summary>
internal sealed record AgendaPeriod(string Word, int Year, int? Month, string Label, string FileSuffix)
{
    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public bool Contains(DateOnly date) => date.Year == Year && (Month is null || date.Month == Month);

    public static AgendaPeriod? Parse(string? argument, DateOnly today) => (argument ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "bulan" or "month" or "bulan ini" => new("bulan", today.Year, today.Month, $"{Months[today.Month - 1]} {today.Year}",
            string.Create(CultureInfo.InvariantCulture, $"{today.Year}-{today.Month:D2}")),
        "tahun" or "year" or "tahun ini" => new("tahun", today.Year, null, string.Create(CultureInfo.InvariantCulture, $"Tahun {today.Year}"),
            today.Year.ToString(CultureInfo.InvariantCulture)),
        _ => null,
    };
}
