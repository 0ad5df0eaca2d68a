using System.Globalization;
using PerijinanBot.Sop;

namespace PerijinanBot.Dialogs.Reports;

/// <summary>
/// The period an agenda view covers: this month (the default) or this year, read from what follows <c>agenda</c>.
/// <paramref name="Word"/> is sent back with the card's form, so the card after saving shows the same period.
/// </summary>
public sealed record AgendaPeriod(string Word, int Year, int? Month, string Label, string FileSuffix)
{
    public bool Contains(DateOnly date) => date.Year == Year && (Month is null || date.Month == Month);

    public static AgendaPeriod? Parse(string? argument, DateOnly today) => (argument ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "bulan" or "month" or "bulan ini" => new("bulan", today.Year, today.Month, WibFormat.MonthAndYear(today.Year, today.Month),
            string.Create(CultureInfo.InvariantCulture, $"{today.Year}-{today.Month:D2}")),
        "tahun" or "year" or "tahun ini" => new("tahun", today.Year, null, AgendaTexts.YearLabel(today.Year),
            today.Year.ToString(CultureInfo.InvariantCulture)),
        _ => null,
    };
}
